/// A syntax or type error in a condition, positioned by character offset within the condition text.
public struct ConditionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Character offset within the condition where the problem starts.
    public var offset: Int
    /// What is wrong, written for a knowledge-base author.
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "column \(offset + 1): \(message)" }
}
