/// A strict JSON parser that reports the line and column of the first problem, with an optional JSONC mode
/// (comments and trailing commas, as tsconfig.json allows). Nesting is limited so hostile files cannot exhaust
/// the stack.
public struct JSONParser {
    /// A syntax error at a 1-based line and column.
    public struct SyntaxError: Error, Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    private let bytes: [UInt8]
    private var index = 0
    private let allowsComments: Bool
    private let maximumDepth: Int

    /// Parses `text`; `allowsComments` accepts `//` and `/* */` comments and trailing commas.
    public static func parse(
        _ text: String, allowsComments: Bool = false, maximumDepth: Int = 64
    ) throws(SyntaxError)
        -> JSONValue
    {
        var parser = JSONParser(bytes: Array(text.utf8), allowsComments: allowsComments, maximumDepth: maximumDepth)
        parser.skipByteOrderMark()
        let value = try parser.parseValue(depth: 0)
        try parser.skipWhitespace()
        if parser.index < parser.bytes.count { throw parser.error("unexpected text after the JSON value") }
        return value
    }

    private init(bytes: [UInt8], allowsComments: Bool, maximumDepth: Int) {
        self.bytes = bytes
        self.allowsComments = allowsComments
        self.maximumDepth = maximumDepth
    }

    private mutating func skipByteOrderMark() {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    private func error(_ message: String, at position: Int? = nil) -> SyntaxError {
        let end = min(position ?? index, bytes.count)
        var line = 1
        var lineStart = 0
        for offset in 0..<end where bytes[offset] == UInt8(ascii: "\n") {
            line += 1
            lineStart = offset + 1
        }
        // Columns count characters, not bytes.
        let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1
        return SyntaxError(line: line, column: column, message: message)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() throws(SyntaxError) {
        while let byte = current {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): index += 1
            case UInt8(ascii: "/") where allowsComments:
                let start = index
                guard index + 1 < bytes.count else { throw error("unexpected '/'") }
                if bytes[index + 1] == UInt8(ascii: "/") {
                    while let c = current, c != UInt8(ascii: "\n") { index += 1 }
                } else if bytes[index + 1] == UInt8(ascii: "*") {
                    index += 2
                    while index + 1 < bytes.count,
                        !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/"))
                    {
                        index += 1
                    }
                    guard index + 1 < bytes.count else { throw error("unterminated /* comment", at: start) }
                    index += 2
                } else {
                    throw error("unexpected '/'")
                }
            default: return
            }
        }
    }

    private mutating func parseValue(depth: Int) throws(SyntaxError) -> JSONValue {
        try skipWhitespace()
        guard let byte = current else { throw error("unexpected end of file; expected a value") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "'"): throw error("strings must use double quotes")
        default: throw error("unexpected character '\(Self.describe(byte))'; expected a value")
        }
    }

    private static func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? String(UnicodeScalar(byte)) : "\\u{\(String(byte, radix: 16))}"
    }

    private mutating func parseLiteral(_ word: String, _ value: JSONValue) throws(SyntaxError) -> JSONValue {
        let utf8 = Array(word.utf8)
        guard index + utf8.count <= bytes.count, Array(bytes[index..<index + utf8.count]) == utf8 else {
            throw error("unexpected word; expected a value such as \(word), a number or a \"string\"")
        }
        index += utf8.count
        return value
    }

    private mutating func parseNumber() throws(SyntaxError) -> JSONValue {
        let start = index
        while let byte = current,
            byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        {
            index += 1
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let number = Double(text), number.isFinite else { throw error("malformed number '\(text)'", at: start) }
        return .number(number)
    }

    private mutating func parseString() throws(SyntaxError) -> String {
        let start = index
        index += 1
        var result: [UInt8] = []
        while true {
            guard let byte = current else { throw error("unterminated string", at: start) }
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: result, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escaped = current else { throw error("unterminated string", at: start) }
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): result.append(escaped)
                case UInt8(ascii: "b"): result.append(0x08)
                case UInt8(ascii: "f"): result.append(0x0C)
                case UInt8(ascii: "n"): result.append(0x0A)
                case UInt8(ascii: "r"): result.append(0x0D)
                case UInt8(ascii: "t"): result.append(0x09)
                case UInt8(ascii: "u"):
                    guard index + 4 <= bytes.count,
                        let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
                    else { throw error("malformed \\u escape", at: index - 2) }
                    index += 4
                    // Surrogate halves are replaced: package names and versions never need them.
                    let scalar = UnicodeScalar(code) ?? "\u{FFFD}"
                    result.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: throw error("unknown escape '\\\(Self.describe(escaped))'", at: index - 2)
                }
            case 0x00..<0x20:
                throw error("control character in a string (a line break inside quotes?)", at: index - 1)
            default:
                result.append(byte)
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(SyntaxError) -> JSONValue {
        if depth > maximumDepth { throw error("nesting is deeper than \(maximumDepth) levels") }
        index += 1
        var items: [JSONValue] = []
        try skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            items.append(try parseValue(depth: depth))
            try skipWhitespace()
            guard let byte = current else { throw error("unexpected end of file; expected ',' or ']'") }
            index += 1
            if byte == UInt8(ascii: "]") { return .array(items) }
            guard byte == UInt8(ascii: ",") else {
                throw error("expected ',' or ']' after an array item", at: index - 1)
            }
            try skipWhitespace()
            if allowsComments, current == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            if current == UInt8(ascii: "]") { throw error("trailing comma before ']'", at: index) }
        }
    }

    private mutating func parseObject(depth: Int) throws(SyntaxError) -> JSONValue {
        if depth > maximumDepth { throw error("nesting is deeper than \(maximumDepth) levels") }
        index += 1
        var pairs: [(key: String, value: JSONValue)] = []
        try skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            return .object(pairs)
        }
        while true {
            try skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                if current == UInt8(ascii: "}") { throw error("trailing comma before '}'") }
                throw error("expected a \"key\" in double quotes")
            }
            let key = try parseString()
            try skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after the key \"\(key)\"") }
            index += 1
            pairs.append((key, try parseValue(depth: depth)))
            try skipWhitespace()
            guard let byte = current else { throw error("unexpected end of file; expected ',' or '}'") }
            index += 1
            if byte == UInt8(ascii: "}") { return .object(pairs) }
            guard byte == UInt8(ascii: ",") else {
                throw error("expected ',' or '}' after a value (a missing comma?)", at: index - 1)
            }
            if allowsComments {
                try skipWhitespace()
                if current == UInt8(ascii: "}") {
                    index += 1
                    return .object(pairs)
                }
            }
        }
    }
}
