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
    /// The text was written over several lines (a block scalar such as `>-`, whose folded text has no line break
    /// left): offsets inside it are then reported at its start rather than at a column of the first line.
    public var spansLines: Bool

    /// Parses `source`; throws the syntax error with the position inside the text. `spansLines` defaults to
    /// whether the text has a line break.
    public init(parsing source: String, at location: SourceLocation?, spansLines: Bool? = nil) throws(ConditionError) {
        self.source = source
        self.location = location
        self.spansLines = spansLines ?? source.utf8.contains(UInt8(ascii: "\n"))
        self.expression = try ConditionParser.parse(source)
    }

    /// A condition whose text is already parsed (read back from the compact binary form).
    init(source: String, location: SourceLocation?, spansLines: Bool, expression: Expression) {
        self.source = source
        self.location = location
        self.spansLines = spansLines
        self.expression = expression
    }

    public var description: String { source }

    /// The position of a character offset inside the condition (exact for single-line conditions).
    public func location(ofOffset offset: Int) -> SourceLocation? {
        locations(ofOffsets: [offset])[0]
    }

    /// The positions of many offsets (a condition with thousands of errors was scanned once per error, each time
    /// bridging the whole text for Foundation's `contains`: a fuzzed 7 KB overlay took 120 ms to lint).
    public func locations(ofOffsets offsets: [Int]) -> [SourceLocation?] {
        guard let location else { return offsets.map { _ in nil } }
        return offsets.map { spansLines ? location : location.advanced(by: $0) }
    }

    enum CodingKeys: String, CodingKey { case source, location }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        source = try container.decode(String.self, forKey: .source)
        location = try container.decodeIfPresent(SourceLocation.self, forKey: .location)
        spansLines = source.utf8.contains(UInt8(ascii: "\n"))
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
