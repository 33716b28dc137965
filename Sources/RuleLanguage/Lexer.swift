/// Splits condition text into tokens.
///
/// Identifiers may contain dots (`traffic.peak_rps`); strings use double or single quotes;
/// numbers are decimal (`1000`, `0.5`, `-3`, `10_000`).
public struct Lexer {
    private let characters: [Character]
    private var index = 0
    /// Whether the previous token ends a value: a `-` after one is subtraction, elsewhere a number's sign.
    private var afterValue = false

    public init(_ text: String) {
        characters = Array(text)
    }

    /// Tokenizes the whole text, ending with an `.end` token; more than `maximumTokens` tokens is an error
    /// positioned at the first token past the limit.
    public static func tokenize(_ text: String, maximumTokens: Int = .max) throws(ConditionError) -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            switch token.kind {
            case .identifier, .number, .string, .keyword(.true), .keyword(.false), .symbol(.closeParen),
                .symbol(.closeBracket):
                lexer.afterValue = true
            default: lexer.afterValue = false
            }
            if token.kind != .end, tokens.count >= maximumTokens {
                throw ConditionError(
                    offset: token.offset,
                    message:
                        "the condition is too long: more than \(maximumTokens) tokens; split it into several rules or questions"
                )
            }
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private mutating func next() throws(ConditionError) -> Token {
        while index < characters.count, characters[index].isWhitespace { index += 1 }
        guard index < characters.count else { return Token(kind: .end, offset: index, length: 0) }
        let start = index
        let character = characters[index]

        if character.isLetter || character == "_" {
            return lexWord(from: start)
        }
        if character.isNumber || (character == "-" && !afterValue && peek(1)?.isNumber == true) {
            return try lexNumber(from: start)
        }
        if character == "\"" || character == "'" {
            return try lexString(from: start, quote: character)
        }
        for symbol in Token.Symbol.allCases.sorted(by: { $0.rawValue.count > $1.rawValue.count }) {
            let raw = Array(symbol.rawValue)
            if matches(raw, at: index) {
                index += raw.count
                return Token(kind: .symbol(symbol), offset: start, length: raw.count)
            }
        }
        if character == "=" {
            throw ConditionError(offset: start, message: "unexpected '=': use '==' to compare")
        }
        if character == "&" || character == "|" || character == "!" {
            let hint = character == "&" ? "and" : character == "|" ? "or" : "not"
            throw ConditionError(offset: start, message: "unexpected '\(character)': write '\(hint)'")
        }
        throw ConditionError(offset: start, message: "unexpected character '\(character)'")
    }

    private func peek(_ distance: Int) -> Character? {
        let position = index + distance
        return position < characters.count ? characters[position] : nil
    }

    private func matches(_ raw: [Character], at position: Int) -> Bool {
        guard position + raw.count <= characters.count else { return false }
        return Array(characters[position..<position + raw.count]) == raw
    }

    private mutating func lexWord(from start: Int) -> Token {
        while index < characters.count {
            let character = characters[index]
            if character.isLetter || character.isNumber || character == "_" {
                index += 1
            } else if character == ".", let following = peek(1), following.isLetter || following == "_" {
                index += 1
            } else {
                break
            }
        }
        let word = String(characters[start..<index])
        if let keyword = Token.Keyword(rawValue: word) {
            return Token(kind: .keyword(keyword), offset: start, length: index - start)
        }
        return Token(kind: .identifier(word), offset: start, length: index - start)
    }

    private mutating func lexNumber(from start: Int) throws(ConditionError) -> Token {
        if characters[index] == "-" { index += 1 }
        var sawDot = false
        while index < characters.count {
            let character = characters[index]
            if character.isASCII && character.isNumber || character == "_" {
                index += 1
            } else if character == ".", !sawDot, peek(1)?.isNumber == true {
                sawDot = true
                index += 1
            } else {
                break
            }
        }
        if index < characters.count, characters[index].isLetter {
            throw ConditionError(offset: start, message: "a number cannot run into a word; add a space")
        }
        let text = String(characters[start..<index].filter { $0 != "_" })
        guard let value = Double(text), value.isFinite else {
            throw ConditionError(offset: start, message: "'\(text)' is not a number")
        }
        return Token(kind: .number(value), offset: start, length: index - start)
    }

    private mutating func lexString(from start: Int, quote: Character) throws(ConditionError) -> Token {
        index += 1
        var value = ""
        while index < characters.count {
            let character = characters[index]
            if character == quote {
                index += 1
                return Token(kind: .string(value), offset: start, length: index - start)
            }
            if character == "\\", let following = peek(1) {
                value.append(following)
                index += 2
                continue
            }
            value.append(character)
            index += 1
        }
        throw ConditionError(offset: start, message: "unterminated string: add the closing \(quote)")
    }
}
