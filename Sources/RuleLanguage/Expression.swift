/// The syntax tree of a condition.
///
/// Names are kept as written (question ids, decision ids); a ``ConditionProgram`` resolves them to slots
/// for fast evaluation.
public indirect enum Expression: Equatable, Sendable {
    /// A literal value: string, number, boolean or a list of literals.
    case literal(Literal, offset: Int)
    /// The answer to a question, by id (`traffic.peak_rps`).
    case answer(String, offset: Int)
    /// `answered(question)`: true when the question has an answer of the user's (not a default).
    case answered(String, offset: Int)
    /// `chosen(decision)`: the option chosen for a decision (checklist conditions only).
    case chosen(String, offset: Int)
    case not(Expression, offset: Int)
    /// `a and b and c`: a flat chain of two or more operands (a long chain never nests, so no recursion over it
    /// grows with its length).
    case and([Expression])
    /// `a or b or c`: a flat chain of two or more operands.
    case or([Expression])
    case compare(ComparisonOperator, Expression, Expression, offset: Int)
    /// Arithmetic of one precedence level, evaluated left to right: `a * b / c` is `.arithmetic(a, [*b, /c])`.
    /// Like and/or chains, a chain is flat whatever its length.
    case arithmetic(Expression, [ArithmeticTerm])
    /// `-x` for anything but a number literal (`-3` is a literal).
    case negate(Expression, offset: Int)
    /// `min(a, b, ...)` or `max(a, b, ...)`: two or more number arguments.
    case function(NumberFunction, [Expression], offset: Int)

    /// Character offset where this expression starts.
    public var offset: Int {
        switch self {
        case .literal(_, let offset), .answer(_, let offset), .answered(_, let offset), .chosen(_, let offset),
            .not(_, let offset), .negate(_, let offset), .function(_, _, let offset):
            return offset
        case .and(let operands), .or(let operands): return operands.first?.offset ?? 0
        case .compare(_, let left, _, _): return left.offset
        case .arithmetic(let first, _): return first.offset
        }
    }

    /// Every question id the expression reads, in order of appearance, without repeats.
    public var questionIDs: [String] {
        var seen: [String] = []
        visit { expression in
            switch expression {
            case .answer(let id, _), .answered(let id, _):
                if !seen.contains(id) { seen.append(id) }
            default: break
            }
        }
        return seen
    }

    /// Every decision id read through `chosen(...)`, without repeats.
    public var decisionIDs: [String] {
        var seen: [String] = []
        visit { expression in
            if case .chosen(let id, _) = expression, !seen.contains(id) { seen.append(id) }
        }
        return seen
    }

    /// Calls `body` on this expression and every sub-expression, parents first.
    public func visit(_ body: (Expression) -> Void) {
        body(self)
        switch self {
        case .not(let inner, _): inner.visit(body)
        case .and(let operands), .or(let operands):
            for operand in operands { operand.visit(body) }
        case .compare(_, let left, let right, _):
            left.visit(body)
            right.visit(body)
        case .arithmetic(let first, let terms):
            first.visit(body)
            for term in terms { term.operand.visit(body) }
        case .negate(let inner, _): inner.visit(body)
        case .function(_, let arguments, _):
            for argument in arguments { argument.visit(body) }
        default: break
        }
    }
}

/// A literal in a condition.
public enum Literal: Equatable, Sendable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case list([Literal])
}

/// Binary comparison operators.
public enum ComparisonOperator: String, Equatable, Sendable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case `in` = "in"
    case notIn = "not in"
    case contains = "contains"
}

/// The arithmetic operators.
public enum ArithmeticOperator: String, Equatable, Sendable {
    case plus = "+"
    case minus = "-"
    case times = "*"
    case divide = "/"
}

/// One step of an arithmetic chain: the operator and its right operand.
public struct ArithmeticTerm: Equatable, Sendable {
    public var operation: ArithmeticOperator
    public var operand: Expression
    /// Character offset of the operator.
    public var offset: Int

    public init(_ operation: ArithmeticOperator, _ operand: Expression, offset: Int) {
        self.operation = operation
        self.operand = operand
        self.offset = offset
    }
}

/// Functions over numbers.
public enum NumberFunction: String, Equatable, Sendable, CaseIterable {
    case min, max
}
