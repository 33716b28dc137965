/// Parses condition text into an ``Expression``.
///
/// Grammar (lowest precedence first):
/// ```
/// condition  := or
/// or         := and ("or" and)*
/// and        := unary ("and" unary)*
/// unary      := "not" unary | comparison
/// comparison := primary (("==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "not" "in" | "contains") primary)?
/// primary    := question-id | "answered(" question-id ")" | "chosen(" decision-id ")"
///             | string | number | "true" | "false" | "[" literal ("," literal)* "]" | "(" condition ")"
/// ```
public struct ConditionParser {
    private var tokens: [Token]
    private var position = 0
    private var depth = 0
    /// Deepest nesting of parentheses and `not` accepted (recursive descent must not exhaust the stack).
    public static let maximumDepth = 64
    /// Most tokens a condition may have. Chains are flat, so this bounds size (time and memory), not depth; real
    /// conditions have a few dozen tokens.
    public static let maximumTokens = 10_000

    /// Parses `text`, or throws the first syntax error with its position.
    public static func parse(_ text: String) throws(ConditionError) -> Expression {
        var parser = ConditionParser(tokens: try Lexer.tokenize(text, maximumTokens: Self.maximumTokens))
        if parser.current.kind == .end {
            throw ConditionError(offset: 0, message: "empty condition")
        }
        let expression = try parser.parseOr()
        if parser.current.kind != .end {
            throw ConditionError(
                offset: parser.current.offset,
                message: "unexpected \(parser.current.display) after a complete condition; missing 'and' or 'or'?")
        }
        return expression
    }

    private init(tokens: [Token]) {
        self.tokens = tokens
    }

    private var current: Token { tokens[position] }

    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    // `and`/`or` chains are collected into one flat node: a chain of any length is one level deep, so neither
    // this parser nor any later pass over the tree recurses once per operand.
    private mutating func parseOr() throws(ConditionError) -> Expression {
        let first = try parseAnd()
        guard current.kind == .keyword(.or) else { return first }
        var operands = [first]
        while current.kind == .keyword(.or) {
            _ = advance()
            operands.append(try parseAnd())
        }
        return .or(operands)
    }

    private mutating func parseAnd() throws(ConditionError) -> Expression {
        let first = try parseUnary()
        guard current.kind == .keyword(.and) else { return first }
        var operands = [first]
        while current.kind == .keyword(.and) {
            _ = advance()
            operands.append(try parseUnary())
        }
        return .and(operands)
    }

    private mutating func parseUnary() throws(ConditionError) -> Expression {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth {
            throw ConditionError(
                offset: current.offset,
                message: "the condition nests deeper than \(Self.maximumDepth) levels; simplify it")
        }
        if current.kind == .keyword(.not) {
            let token = advance()
            return .not(try parseUnary(), offset: token.offset)
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ConditionError) -> Expression {
        let left = try parsePrimary()
        let operatorToken = current
        let comparison: ComparisonOperator?
        switch operatorToken.kind {
        case .symbol(.equal): comparison = .equal
        case .symbol(.notEqual): comparison = .notEqual
        case .symbol(.less): comparison = .less
        case .symbol(.lessOrEqual): comparison = .lessOrEqual
        case .symbol(.greater): comparison = .greater
        case .symbol(.greaterOrEqual): comparison = .greaterOrEqual
        case .keyword(.in): comparison = .in
        case .keyword(.contains): comparison = .contains
        case .keyword(.not):
            if position + 1 < tokens.count, tokens[position + 1].kind == .keyword(.in) {
                _ = advance()
                comparison = .notIn
            } else {
                throw ConditionError(
                    offset: operatorToken.offset, message: "'not' here must be followed by 'in' ('x not in [...]')")
            }
        default: comparison = nil
        }
        guard let comparison else { return left }
        _ = advance()
        let right = try parsePrimary()
        return .compare(comparison, left, right, offset: operatorToken.offset)
    }

    private mutating func parsePrimary() throws(ConditionError) -> Expression {
        let token = advance()
        switch token.kind {
        case .identifier(let name):
            if current.kind == .symbol(.openParen) {
                return try parseCall(name, at: token)
            }
            return .answer(name, offset: token.offset)
        case .string(let value): return .literal(.string(value), offset: token.offset)
        case .number(let value): return .literal(.number(value), offset: token.offset)
        case .keyword(.true): return .literal(.bool(true), offset: token.offset)
        case .keyword(.false): return .literal(.bool(false), offset: token.offset)
        case .symbol(.openBracket): return .literal(.list(try parseListRest()), offset: token.offset)
        case .symbol(.openParen):
            let inner = try parseOr()
            guard case .symbol(.closeParen) = current.kind else {
                throw ConditionError(offset: current.offset, message: "expected ')' but found \(current.display)")
            }
            _ = advance()
            return inner
        case .end:
            throw ConditionError(offset: token.offset, message: "the condition ends too early: expected a value")
        default:
            throw ConditionError(offset: token.offset, message: "expected a value but found \(token.display)")
        }
    }

    private mutating func parseCall(_ name: String, at token: Token) throws(ConditionError) -> Expression {
        _ = advance()  // (
        let argument = advance()
        guard case .identifier(let id) = argument.kind else {
            throw ConditionError(
                offset: argument.offset, message: "\(name)(...) takes an id, found \(argument.display)")
        }
        guard current.kind == .symbol(.closeParen) else {
            throw ConditionError(offset: current.offset, message: "expected ')' but found \(current.display)")
        }
        _ = advance()
        switch name {
        case "answered": return .answered(id, offset: token.offset)
        case "chosen": return .chosen(id, offset: token.offset)
        default:
            throw ConditionError(
                offset: token.offset, message: "unknown function '\(name)'; the functions are answered() and chosen()")
        }
    }

    private mutating func parseListRest() throws(ConditionError) -> [Literal] {
        var items: [Literal] = []
        if current.kind == .symbol(.closeBracket) {
            _ = advance()
            return items
        }
        while true {
            let token = advance()
            switch token.kind {
            case .string(let value): items.append(.string(value))
            case .number(let value): items.append(.number(value))
            case .keyword(.true): items.append(.bool(true))
            case .keyword(.false): items.append(.bool(false))
            case .identifier(let name):
                throw ConditionError(
                    offset: token.offset, message: "list items must be literals; quote it: \"\(name)\"")
            default:
                throw ConditionError(offset: token.offset, message: "expected a list item but found \(token.display)")
            }
            let separator = advance()
            if separator.kind == .symbol(.closeBracket) { return items }
            guard separator.kind == .symbol(.comma) else {
                throw ConditionError(
                    offset: separator.offset, message: "expected ',' or ']' but found \(separator.display)")
            }
        }
    }
}
