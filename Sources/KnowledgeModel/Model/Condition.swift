import RuleLanguage

/// A condition as written in the knowledge base, with its parsed form.
///
/// The embedded knowledge base stores the text, its position and the parsed tree (``KnowledgeBaseBinary``), so
/// start-up never parses; JSON (`Codable`) stores only the text and its position and parses again on decode.
public struct Condition: Sendable, Codable, Hashable, CustomStringConvertible {
    /// The condition exactly as written.
    public var source: String
    /// Where the condition text starts, for diagnostics.
    public var location: SourceLocation?
    /// The parsed expression.
    public var expression: Expression

    /// Parses `source`; throws the syntax error with the position inside the text.
    public init(parsing source: String, at location: SourceLocation?) throws(ConditionError) {
        self.source = source
        self.location = location
        self.expression = try ConditionParser.parse(source)
    }

    /// A condition whose text is already parsed (read back from the compact binary form).
    init(source: String, location: SourceLocation?, expression: Expression) {
        self.source = source
        self.location = location
        self.expression = expression
    }

    public var description: String { source }

    /// The position of a character offset inside the condition (exact for single-line conditions).
    public func location(ofOffset offset: Int) -> SourceLocation? {
        guard let location else { return nil }
        return source.contains("\n") ? location : location.advanced(by: offset)
    }

    enum CodingKeys: String, CodingKey { case source, location }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        source = try container.decode(String.self, forKey: .source)
        location = try container.decodeIfPresent(SourceLocation.self, forKey: .location)
        do {
            expression = try ConditionParser.parse(source)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .source, in: container, debugDescription: "bad condition '\(source)': \(error)")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(source, forKey: .source)
        try container.encodeIfPresent(location, forKey: .location)
    }

    public static func == (lhs: Condition, rhs: Condition) -> Bool { lhs.source == rhs.source }
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }
}
