import KnowledgeModel
import RuleLanguage

/// Which questions are asked for a set of answers: those whose `askIf` holds (`.yes`), in interview order.
///
/// Shared by the full-screen and the plain interview; an unknown condition (it reads an unanswered question with no
/// default) does not hold, so a follow-up appears only once what it depends on is known.
public struct QuestionApplicability: Sendable {
    public let knowledgeBase: KnowledgeBase
    private let ordered: [Question]
    private let conditions: [String: CompiledCondition]
    private let slots: [String: Int]

    public init(knowledgeBase: KnowledgeBase) {
        self.knowledgeBase = knowledgeBase
        ordered = knowledgeBase.questionsInInterviewOrder
        var slots: [String: Int] = [:]
        for (index, question) in knowledgeBase.questions.enumerated() { slots[question.id] = index }
        self.slots = slots
        var conditions: [String: CompiledCondition] = [:]
        for question in knowledgeBase.questions {
            guard let askIf = question.askIf else { continue }
            conditions[question.id] = CompiledCondition(askIf.expression, questionSlot: { slots[$0] })
        }
        self.conditions = conditions
    }

    /// The questions to ask, in interview order.
    public func applicableQuestions(_ answers: AnswerSet) -> [Question] {
        let source = AnswerValues(knowledgeBase: knowledgeBase, answers: answers)
        return ordered.filter { question in
            guard let condition = conditions[question.id] else { return true }
            return condition.evaluate(source) == .yes
        }
    }
}

/// Answers as condition-language values: the user's value, else the question's default.
struct AnswerValues: ValueSource {
    let knowledgeBase: KnowledgeBase
    let answers: AnswerSet

    func value(ofQuestion slot: Int) -> Value? {
        let question = knowledgeBase.questions[slot]
        guard let value = answers.value(of: question.id) ?? question.defaultValue else { return nil }
        switch value {
        case .bool(let flag): return .bool(flag)
        case .number(let number): return .number(number)
        case .text(let text): return .text(text)
        case .choice(let id): return .text(id)
        case .choices(let ids): return .set(Set(ids))
        }
    }

    func isAnswered(_ slot: Int) -> Bool { answers.value(of: knowledgeBase.questions[slot].id) != nil }

    func chosenOption(ofDecision slot: Int) -> String? { nil }
}
