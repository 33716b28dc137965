import KnowledgeModel

/// Answers that cannot all be true: an exclusive ("none"-like) option chosen together with another option of the
/// same question, or a knowledge-base `contradictions:` entry whose condition holds.
public struct RaisedContradiction: Sendable, Codable, Equatable {
    /// The knowledge base's contradiction id, or `<question>.exclusive` for an exclusive option.
    public var id: String
    /// What contradicts what, naming both answers.
    public var message: String
    /// The answers involved.
    public var answers: [AnswerFact]

    public init(id: String, message: String, answers: [AnswerFact]) {
        self.id = id
        self.message = message
        self.answers = answers
    }
}
