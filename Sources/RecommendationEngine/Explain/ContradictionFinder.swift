import KnowledgeModel
import RuleLanguage

/// Finds the contradictions in one set of answers (see ``RaisedContradiction``). It reads only the effective
/// answers, so it runs before any solving: `answers check` uses it without a review, and the review and the
/// engine session recompute it in full after each change (a handful of conditions).
struct ContradictionFinder {
    let compiled: CompiledKnowledgeBase
    let knowledgeBase: KnowledgeBase
    let answers: AnswerSet
    let state: AnswerState

    func find() -> [RaisedContradiction] {
        var result: [RaisedContradiction] = []
        for (slot, exclusive) in compiled.exclusiveOptions {
            guard case .set(let chosen)? = state.values[slot], chosen.count > 1 else { continue }
            let question = compiled.questions[slot]
            for id in exclusive where chosen.contains(id) {
                let others = question.options.filter { $0.id != id && chosen.contains($0.id) }.map { "'\($0.label)'" }
                let label = question.options.first { $0.id == id }?.label ?? id
                result.append(
                    RaisedContradiction(
                        id: "\(question.id).exclusive",
                        message:
                            "\(question.id): '\(label)' excludes every other answer, but \(others.joined(separator: ", ")) "
                            + (others.count == 1 ? "is" : "are") + " chosen too; keep '\(label)' alone or drop it",
                        answers: facts([slot])))
                break
            }
        }
        for (index, contradiction) in knowledgeBase.contradictions.enumerated()
        where compiled.contradictionConditions[index].evaluate(state) == .yes {
            result.append(
                RaisedContradiction(
                    id: contradiction.id, message: contradiction.message,
                    answers: facts(compiled.contradictionReads[index])))
        }
        return result
    }

    private func facts(_ slots: [Int]) -> [AnswerFact] {
        slots.compactMap { slot in
            guard state.values[slot] != nil else { return nil }
            let question = compiled.questions[slot]
            let value = state.answered[slot] ? answers.value(of: question.id) : question.defaultValue
            return value.map { AnswerFact(questionID: question.id, value: $0, assumed: state.assumed[slot]) }
        }
    }
}

extension RecommendationEngine {
    /// The contradictions in `answers` (exclusive options combined with others, and the knowledge base's
    /// `contradictions:` that hold), without building a review.
    public func contradictions(_ answers: AnswerSet) -> [RaisedContradiction] {
        ContradictionFinder(
            compiled: compiled, knowledgeBase: knowledgeBase, answers: answers,
            state: AnswerState(answers, compiled: compiled)
        ).find()
    }
}
