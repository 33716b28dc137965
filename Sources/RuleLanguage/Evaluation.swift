/// A runtime value of the condition language. Single-choice answers and chosen options are `.text(optionID)`.
public enum Value: Hashable, Sendable {
    case bool(Bool)
    case number(Double)
    case text(String)
    case set(Set<String>)
}

/// Three-valued truth (Kleene logic): a condition that reads an unknown answer may itself be unknown.
/// Rules fire and checklist items apply only when their condition is `.yes`.
public enum Truth: Sendable, Equatable {
    case yes, no, unknown

    public init(_ value: Bool) { self = value ? .yes : .no }
}

/// Supplies values for the slots of a ``CompiledCondition``.
public protocol ValueSource {
    /// The effective value of the question in `slot` (an answer or a default), or nil when unknown.
    func value(ofQuestion slot: Int) -> Value?
    /// Whether the user answered the question in `slot` themselves.
    func isAnswered(_ slot: Int) -> Bool
    /// The option chosen for the decision in `slot`, or nil when there is none (yet).
    func chosenOption(ofDecision slot: Int) -> String?
}

/// A condition with names resolved to integer slots, ready for fast repeated evaluation.
public struct CompiledCondition: Sendable {
    // The evaluator is inlinable so that it is specialised for each value source (the engine evaluates thousands
    // of conditions per key press; a generic call per node costs more than the node).
    @usableFromInline
    indirect enum Node: Sendable {
        case constant(Value)
        case answer(Int)
        case answered(Int)
        case chosen(Int)
        case not(Node)
        case and([Node])
        case or([Node])
        case compare(ComparisonOperator, Node, Node)
        case membership(Node, Set<Value>, negated: Bool)
        case containsAny(Node, [String])
        case arithmetic(Node, [Step])
        case negate(Node)
        case function(NumberFunction, [Node])
    }

    @usableFromInline
    struct Step: Sendable {
        @usableFromInline let operation: ArithmeticOperator
        @usableFromInline let operand: Node
    }

    @usableFromInline let root: Node

    /// A condition that is always true (used when an optional condition is absent).
    public static let always = CompiledCondition(root: .constant(.bool(true)))

    init(root: Node) { self.root = root }

    /// Compiles a type-checked expression. Names that do not resolve make the sub-expression unknown.
    public init(
        _ expression: Expression, questionSlot: (String) -> Int?, decisionSlot: (String) -> Int? = { _ in nil }
    ) {
        func compile(_ expression: Expression) -> Node {
            switch expression {
            case .literal(let literal, _): return .constant(Self.value(of: literal))
            case .answer(let id, _): return questionSlot(id).map(Node.answer) ?? .constant(.set([]))
            case .answered(let id, _): return questionSlot(id).map(Node.answered) ?? .constant(.bool(false))
            case .chosen(let id, _): return decisionSlot(id).map(Node.chosen) ?? .constant(.set([]))
            case .not(let inner, _): return .not(compile(inner))
            case .and(let operands): return .and(operands.map(compile))
            case .or(let operands): return .or(operands.map(compile))
            case .arithmetic(let first, let terms):
                return .arithmetic(
                    compile(first), terms.map { Step(operation: $0.operation, operand: compile($0.operand)) })
            case .negate(let inner, _): return .negate(compile(inner))
            case .function(let function, let arguments, _): return .function(function, arguments.map(compile))
            case .compare(let comparison, let left, let right, _):
                switch (comparison, right) {
                case (.in, .literal(.list(let items), _)), (.notIn, .literal(.list(let items), _)):
                    return .membership(
                        compile(left), Set(items.map(Self.value(of:))), negated: comparison == .notIn)
                case (.contains, .literal(.list(let items), _)):
                    return .containsAny(
                        compile(left),
                        items.compactMap { if case .string(let s) = $0 { return s } else { return nil } })
                case (.contains, .literal(.string(let item), _)):
                    return .containsAny(compile(left), [item])
                default:
                    return .compare(comparison, compile(left), compile(right))
                }
            }
        }
        root = compile(expression)
    }

    private static func value(of literal: Literal) -> Value {
        switch literal {
        case .string(let text): return .text(text)
        case .number(let number): return .number(number)
        case .bool(let flag): return .bool(flag)
        case .list(let items):
            return .set(Set(items.map { if case .string(let s) = $0 { return s } else { return "\($0)" } }))
        }
    }

    /// Evaluates the condition against `source`.
    @inlinable
    public func evaluate<Source: ValueSource>(_ source: Source) -> Truth {
        switch Self.eval(root, source) {
        case .bool(true)?: return .yes
        case .bool(false)?: return .no
        default: return .unknown
        }
    }

    @usableFromInline
    static func eval<Source: ValueSource>(_ node: Node, _ source: Source) -> Value? {
        switch node {
        case .constant(let value): return value
        case .answer(let slot): return source.value(ofQuestion: slot)
        case .answered(let slot): return .bool(source.isAnswered(slot))
        case .chosen(let slot): return source.chosenOption(ofDecision: slot).map(Value.text)
        case .not(let inner):
            guard case .bool(let flag)? = eval(inner, source) else { return nil }
            return .bool(!flag)
        case .and(let operands):
            // Kleene: false as soon as one operand is false; unknown when none is false but one is unknown.
            var unknown = false
            for operand in operands {
                switch eval(operand, source) {
                case .bool(false)?: return .bool(false)
                case .bool(true)?: continue
                default: unknown = true
                }
            }
            return unknown ? nil : .bool(true)
        case .or(let operands):
            var unknown = false
            for operand in operands {
                switch eval(operand, source) {
                case .bool(true)?: return .bool(true)
                case .bool(false)?: continue
                default: unknown = true
                }
            }
            return unknown ? nil : .bool(false)
        case .membership(let inner, let items, let negated):
            guard let value = eval(inner, source) else { return nil }
            return .bool(items.contains(value) != negated)
        case .containsAny(let inner, let items):
            switch eval(inner, source) {
            case .set(let members)?: return .bool(items.contains(where: members.contains))
            case .text(let text)?:
                let lowered = text.lowercased()
                return .bool(items.contains { lowered.contains($0.lowercased()) })
            default: return nil
            }
        case .compare(let comparison, let left, let right):
            guard let lhs = eval(left, source), let rhs = eval(right, source) else { return nil }
            return compare(comparison, lhs, rhs)
        case .arithmetic(let first, let steps):
            guard case .number(var result)? = eval(first, source) else { return nil }
            for step in steps {
                guard case .number(let operand)? = eval(step.operand, source) else { return nil }
                switch step.operation {
                case .plus: result += operand
                case .minus: result -= operand
                case .times: result *= operand
                case .divide:
                    // Division by zero has no value: unknown, like an unanswered operand.
                    if operand == 0 { return nil }
                    result /= operand
                }
                // Overflow (or a NaN) is unknown too: Double arithmetic never traps, and this check keeps an
                // infinity from ever being compared or printed.
                if !result.isFinite { return nil }
            }
            return .number(result)
        case .negate(let inner):
            guard case .number(let value)? = eval(inner, source) else { return nil }
            return .number(-value)
        case .function(let function, let arguments):
            var result: Double?
            for argument in arguments {
                guard case .number(let value)? = eval(argument, source) else { return nil }
                switch function {
                case .min: result = Swift.min(result ?? value, value)
                case .max: result = Swift.max(result ?? value, value)
                }
            }
            return result.map(Value.number)
        }
    }

    /// Evaluates the compiled expression to a number (a ``CompiledCondition`` made from a number expression, as
    /// interpolations are): nil when it is unknown (an operand is unknown, a division by zero, an overflow).
    @inlinable
    public func number<Source: ValueSource>(_ source: Source) -> Double? {
        guard case .number(let value)? = Self.eval(root, source) else { return nil }
        return value
    }

    @usableFromInline
    static func compare(_ comparison: ComparisonOperator, _ lhs: Value, _ rhs: Value) -> Value? {
        switch comparison {
        case .equal: return .bool(lhs == rhs)
        case .notEqual: return .bool(lhs != rhs)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard case .number(let a) = lhs, case .number(let b) = rhs else { return nil }
            switch comparison {
            case .less: return .bool(a < b)
            case .lessOrEqual: return .bool(a <= b)
            case .greater: return .bool(a > b)
            default: return .bool(a >= b)
            }
        case .in, .notIn, .contains: return nil
        }
    }
}
