import KnowledgeModel
import RuleLanguage

/// The effective value of every question for one set of answers: the user's answer, else the default (an
/// assumption), else unknown; questions whose askIf does not hold are not applicable and unknown.
struct AnswerState: ValueSource, Sendable {
    var values: [Value?]
    var answered: [Bool]
    var assumed: [Bool]
    var applicable: [Bool]
    /// Chosen option per decision slot (for checklist conditions), as option ids.
    var chosen: [String?]

    /// No questions (a placeholder while a working copy is moved elsewhere).
    init() {
        values = []
        answered = []
        assumed = []
        applicable = []
        chosen = []
    }

    init(_ answers: AnswerSet, compiled: CompiledKnowledgeBase) {
        let count = compiled.questions.count
        values = [Value?](repeating: nil, count: count)
        answered = [Bool](repeating: false, count: count)
        assumed = [Bool](repeating: false, count: count)
        applicable = [Bool](repeating: false, count: count)
        chosen = [String?](repeating: nil, count: compiled.decisions.count)
        for slot in compiled.applicabilityOrder {
            let question = compiled.questions[slot]
            let isApplicable = compiled.askIf[slot].map { $0.evaluate(self) == .yes } ?? true
            applicable[slot] = isApplicable
            guard isApplicable else { continue }
            if let value = answers.value(of: question.id) {
                values[slot] = CompiledKnowledgeBase.value(of: value)
                answered[slot] = true
            } else if let fallback = compiled.defaults[slot] {
                values[slot] = fallback
                assumed[slot] = true
            }
        }
    }

    func value(ofQuestion slot: Int) -> Value? { values[slot] }
    func isAnswered(_ slot: Int) -> Bool { answered[slot] }
    func chosenOption(ofDecision slot: Int) -> String? { chosen[slot] }
}
