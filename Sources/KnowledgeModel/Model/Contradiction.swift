/// A combination of answers that cannot all be true, declared at the top level of a knowledge-base file
/// (`contradictions:`): when `when` holds, `message` is reported in `answers check` and the review.
public struct Contradiction: Sendable, Codable, Hashable, Identifiable {
    public var id: String
    /// The answers that contradict each other (over answers only, like a rule's `when`).
    public var when: Condition
    /// What is contradictory, naming both answers, and how to resolve it.
    public var message: String
    public var location: SourceLocation?

    public init(id: String, when: Condition, message: String, location: SourceLocation? = nil) {
        self.id = id
        self.when = when
        self.message = message
        self.location = location
    }
}
