/// The type of a question's answer, as seen by the condition language.
public enum AnswerType: Equatable, Sendable {
    case yesNo
    case number
    case text
    /// One option id out of `options`.
    case single(options: [String])
    /// Any subset of `options`.
    case multi(options: [String])
}

/// What a condition may refer to: the questions and decisions of a knowledge base.
public protocol ConditionSchema {
    /// The answer type of a question, or nil when there is no such question.
    func answerType(ofQuestion id: String) -> AnswerType?
    /// The option ids of a decision, or nil when there is no such decision.
    func optionIDs(ofDecision id: String) -> [String]?
    /// All question ids (for suggestions).
    var allQuestionIDs: [String] { get }
    /// All decision ids (for suggestions).
    var allDecisionIDs: [String] { get }
}
