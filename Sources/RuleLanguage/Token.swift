/// A lexical token of the condition language, with its position (UTF-8 offset from the start of the text).
public struct Token: Equatable, Sendable {
    /// What kind of token this is.
    public enum Kind: Equatable, Sendable {
        case identifier(String)
        case string(String)
        case number(Double)
        case keyword(Keyword)
        case symbol(Symbol)
        case end
    }

    /// Reserved words.
    public enum Keyword: String, CaseIterable, Sendable {
        case and, or, not, `in`, contains, `true`, `false`
    }

    /// Punctuation and operators.
    public enum Symbol: String, CaseIterable, Sendable {
        case equal = "=="
        case notEqual = "!="
        case lessOrEqual = "<="
        case greaterOrEqual = ">="
        case less = "<"
        case greater = ">"
        case openParen = "("
        case closeParen = ")"
        case openBracket = "["
        case closeBracket = "]"
        case comma = ","
        case plus = "+"
        case minus = "-"
        case times = "*"
        case divide = "/"
    }

    public var kind: Kind
    /// Offset of the first character, counted in characters from the start of the condition.
    public var offset: Int
    /// Length in characters.
    public var length: Int

    public init(kind: Kind, offset: Int, length: Int) {
        self.kind = kind
        self.offset = offset
        self.length = length
    }

    /// How the token reads in an error message.
    public var display: String {
        switch kind {
        case .identifier(let name): return "'\(name)'"
        case .string(let text): return "\"\(text)\""
        case .number(let value): return "'\(NumberFormatting.format(value))'"
        case .keyword(let keyword): return "'\(keyword.rawValue)'"
        case .symbol(let symbol): return "'\(symbol.rawValue)'"
        case .end: return "end of condition"
        }
    }
}

/// Formats numbers the way authors write them: integers without a fraction.
public enum NumberFormatting {
    public static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return String(value)
    }
}
