import KnowledgeModel
import RuleLanguage

/// Whether a question's `askIf` holds for a set of answers (defaults fill unanswered questions).
///
/// Used to warn about answers that will be ignored; the recommendation engine decides applicability for reviews.
public struct QuestionApplicability: ValueSource {
    let knowledgeBase: KnowledgeBase
    let answers: AnswerSet

    public init(knowledgeBase: KnowledgeBase, answers: AnswerSet) {
        self.knowledgeBase = knowledgeBase
        self.answers = answers
    }

    /// `.yes` when the question is asked (or has no `askIf`), `.no` when it is not, `.unknown` when that depends
    /// on answers nobody gave and that have no default.
    public func truth(of questionID: String) -> Truth {
        guard let question = knowledgeBase.question(questionID) else { return .no }
        guard let askIf = question.askIf else { return .yes }
        let compiled = CompiledCondition(askIf.expression, questionSlot: { knowledgeBase.questionPosition($0) })
        return compiled.evaluate(self)
    }

    public func value(ofQuestion slot: Int) -> Value? {
        guard slot < knowledgeBase.questions.count else { return nil }
        let question = knowledgeBase.questions[slot]
        return (answers.value(of: question.id) ?? question.defaultValue).map(Self.conditionValue)
    }

    public func isAnswered(_ slot: Int) -> Bool {
        guard slot < knowledgeBase.questions.count else { return false }
        return answers.value(of: knowledgeBase.questions[slot].id) != nil
    }

    public func chosenOption(ofDecision slot: Int) -> String? { nil }

    /// An answer as a value of the condition language.
    public static func conditionValue(_ value: AnswerValue) -> Value {
        switch value {
        case .bool(let flag): return .bool(flag)
        case .number(let number): return .number(number)
        case .text(let text), .choice(let text): return .text(text)
        case .choices(let ids): return .set(Set(ids))
        }
    }
}
