/// Parses condition text into an ``Expression``.
///
/// Grammar (lowest precedence first):
/// ```
/// condition  := or
/// or         := and ("or" and)*
/// and        := unary ("and" unary)*
/// unary      := "not" unary | comparison
/// comparison := sum (("==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "not" "in" | "contains") sum)?
/// sum        := product (("+" | "-") product)*
/// product    := sign (("*" | "/") sign)*
/// sign       := "-" sign | primary
/// primary    := question-id | "answered(" question-id ")" | "chosen(" decision-id ")"
///             | ("min" | "max") "(" condition ("," condition)+ ")"
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
        try enter()
        defer { depth -= 1 }
        if current.kind == .keyword(.not) {
            let token = advance()
            return .not(try parseUnary(), offset: token.offset)
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ConditionError) -> Expression {
        let left = try parseSum()
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
        let right = try parseSum()
        return .compare(comparison, left, right, offset: operatorToken.offset)
    }

    private mutating func parseSum() throws(ConditionError) -> Expression {
        try parseChain(operators: [.plus: .plus, .minus: .minus]) { parser throws(ConditionError) in
            try parser.parseProduct()
        }
    }

    private mutating func parseProduct() throws(ConditionError) -> Expression {
        try parseChain(operators: [.times: .times, .divide: .divide]) { parser throws(ConditionError) in
            try parser.parseSign()
        }
    }

    /// One precedence level of arithmetic, collected into a flat chain.
    private mutating func parseChain(
        operators: [Token.Symbol: ArithmeticOperator],
        operand: (inout ConditionParser) throws(ConditionError) -> Expression
    ) throws(ConditionError) -> Expression {
        let first = try operand(&self)
        var terms: [ArithmeticTerm] = []
        while case .symbol(let symbol) = current.kind, let operation = operators[symbol] {
            let token = advance()
            terms.append(ArithmeticTerm(operation, try operand(&self), offset: token.offset))
        }
        return terms.isEmpty ? first : .arithmetic(first, terms)
    }

    private mutating func parseSign() throws(ConditionError) -> Expression {
        guard current.kind == .symbol(.minus) else { return try parsePrimary() }
        let token = advance()
        try enter()
        defer { depth -= 1 }
        return .negate(try parseSign(), offset: token.offset)
    }

    /// Counts one more level of nesting, refusing to pass ``maximumDepth``.
    private mutating func enter() throws(ConditionError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw ConditionError(
                offset: current.offset,
                message: "the condition nests deeper than \(Self.maximumDepth) levels; simplify it")
        }
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
        if let function = NumberFunction(rawValue: name) {
            return try parseNumberFunction(function, at: token)
        }
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
                offset: token.offset,
                message: "unknown function '\(name)'; the functions are answered(), chosen(), min() and max()")
        }
    }

    private mutating func parseNumberFunction(
        _ function: NumberFunction, at token: Token
    ) throws(ConditionError)
        -> Expression
    {
        _ = advance()  // (
        try enter()
        defer { depth -= 1 }
        var arguments = [try parseOr()]
        while current.kind == .symbol(.comma) {
            _ = advance()
            arguments.append(try parseOr())
        }
        guard current.kind == .symbol(.closeParen) else {
            throw ConditionError(offset: current.offset, message: "expected ',' or ')' but found \(current.display)")
        }
        _ = advance()
        guard arguments.count >= 2 else {
            throw ConditionError(
                offset: token.offset,
                message: "\(function.rawValue)(...) needs two or more numbers, e.g. \(function.rawValue)(a, 10)")
        }
        return .function(function, arguments, offset: token.offset)
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
