/// Checks a parsed condition against the questions and decisions it names.
///
/// A condition must be boolean; comparisons must compare like with like; option ids must exist on the question
/// (or decision) they are compared with; `chosen(...)` is only allowed where the caller permits it.
public struct TypeChecker {
    /// The inferred type of a sub-expression.
    enum Inferred: Equatable {
        case bool
        case number
        case text
        case choice(options: [String], what: String)
        case set(options: [String], what: String)
        case list([Literal])

        var name: String {
            switch self {
            case .bool: return "yes/no"
            case .number: return "number"
            case .text: return "text"
            case .choice: return "single choice"
            case .set: return "multiple choice"
            case .list: return "list"
            }
        }

        /// The name with the question or decision it comes from: `single choice (question 'data.shape')`.
        var described: String {
            switch self {
            case .choice(_, let what), .set(_, let what): return "\(name) (\(what))"
            default: return name
            }
        }
    }

    private let schema: any ConditionSchema
    private let allowsChosen: Bool

    /// - Parameters:
    ///   - schema: the questions and decisions that names resolve against.
    ///   - allowsChosen: whether `chosen(decision)` may be used (checklist `appliesIf` conditions).
    public init(schema: any ConditionSchema, allowsChosen: Bool) {
        self.schema = schema
        self.allowsChosen = allowsChosen
    }

    /// Returns every type error in `expression` (empty when it is well typed).
    public func check(_ expression: Expression) -> [ConditionError] {
        var errors: [ConditionError] = []
        let type = infer(expression, errors: &errors)
        if let type, type != .bool, errors.isEmpty {
            errors.append(
                ConditionError(
                    offset: expression.offset,
                    message: "a condition must be yes/no, but this is a \(type.name); compare it with something"))
        }
        return errors
    }

    /// Returns every type error in an interpolated expression, which must be a number.
    public func checkNumber(_ expression: Expression) -> [ConditionError] {
        var errors: [ConditionError] = []
        let type = infer(expression, errors: &errors)
        if let type, type != .number, errors.isEmpty {
            errors.append(
                ConditionError(
                    offset: expression.offset,
                    message: "an interpolation must be a number, but this is a \(type.described)"))
        }
        return errors
    }

    private func infer(_ expression: Expression, errors: inout [ConditionError]) -> Inferred? {
        switch expression {
        case .literal(let literal, _):
            switch literal {
            case .string: return .text
            case .number: return .number
            case .bool: return .bool
            case .list(let items): return .list(items)
            }
        case .answer(let id, let offset):
            guard let type = schema.answerType(ofQuestion: id) else {
                errors.append(unknownQuestion(id, at: offset))
                return nil
            }
            switch type {
            case .yesNo: return .bool
            case .number: return .number
            case .text: return .text
            case .single(let options): return .choice(options: options, what: "question '\(id)'")
            case .multi(let options): return .set(options: options, what: "question '\(id)'")
            }
        case .answered(let id, let offset):
            if schema.answerType(ofQuestion: id) == nil { errors.append(unknownQuestion(id, at: offset)) }
            return .bool
        case .chosen(let id, let offset):
            guard allowsChosen else {
                errors.append(
                    ConditionError(
                        offset: offset,
                        message:
                            "chosen(\(id)) is only allowed in checklist 'appliesIf' conditions; rules and questions read answers only"
                    ))
                return nil
            }
            guard let options = schema.optionIDs(ofDecision: id) else {
                errors.append(
                    ConditionError(
                        offset: offset,
                        message: "unknown decision '\(id)'\(Suggestions.hint(for: id, in: schema.allDecisionIDs))"))
                return nil
            }
            return .choice(options: options, what: "decision '\(id)'")
        case .not(let inner, _):
            expectBool(inner, errors: &errors, role: "'not'")
            return .bool
        case .and(let operands), .or(let operands):
            let role = { if case .and = expression { return "'and'" } else { return "'or'" } }()
            for operand in operands { expectBool(operand, errors: &errors, role: role) }
            return .bool
        case .compare(let comparison, let left, let right, let offset):
            checkComparison(comparison, left, right, offset: offset, errors: &errors)
            return .bool
        case .arithmetic(let first, let terms):
            let role = "'\(terms[0].operation.rawValue)'"
            var numbers = expectNumber(first, errors: &errors, role: role)
            for term in terms {
                numbers = expectNumber(term.operand, errors: &errors, role: "'\(term.operation.rawValue)'") && numbers
            }
            return numbers ? .number : nil
        case .negate(let inner, _):
            return expectNumber(inner, errors: &errors, role: "'-'") ? .number : nil
        case .function(let function, let arguments, _):
            var numbers = true
            for argument in arguments {
                numbers = expectNumber(argument, errors: &errors, role: "\(function.rawValue)(...)") && numbers
            }
            return numbers ? .number : nil
        }
    }

    /// Checks that `expression` is a number (arithmetic works on numbers only); false when it is not, or when it has
    /// errors of its own.
    private func expectNumber(_ expression: Expression, errors: inout [ConditionError], role: String) -> Bool {
        guard let type = infer(expression, errors: &errors) else { return false }
        if type != .number {
            errors.append(
                ConditionError(
                    offset: expression.offset,
                    message: "\(role) works on numbers only, but this is a \(type.described)"))
            return false
        }
        return true
    }

    private func unknownQuestion(_ id: String, at offset: Int) -> ConditionError {
        ConditionError(
            offset: offset, message: "unknown question '\(id)'\(Suggestions.hint(for: id, in: schema.allQuestionIDs))")
    }

    private func expectBool(_ expression: Expression, errors: inout [ConditionError], role: String) {
        guard let type = infer(expression, errors: &errors) else { return }
        if type != .bool {
            errors.append(
                ConditionError(
                    offset: expression.offset,
                    message: "\(role) needs a yes/no operand, but this is a \(type.name)"))
        }
    }

    private func checkComparison(
        _ comparison: ComparisonOperator, _ left: Expression, _ right: Expression, offset: Int,
        errors: inout [ConditionError]
    ) {
        guard let leftType = infer(left, errors: &errors), let rightType = infer(right, errors: &errors) else { return }
        func fail(_ message: String) { errors.append(ConditionError(offset: offset, message: message)) }
        switch comparison {
        case .equal, .notEqual:
            switch (leftType, rightType) {
            case (.bool, .bool), (.number, .number), (.text, .text): return
            case (.choice(let options, let what), .text):
                checkOption(right, options: options, what: what, errors: &errors)
            case (.text, .choice(let options, let what)):
                checkOption(left, options: options, what: what, errors: &errors)
            case (.choice, .choice): return
            case (.set, _), (_, .set):
                fail("a multiple-choice answer cannot be compared with '\(comparison.rawValue)'; use 'contains'")
            default:
                fail(
                    "cannot compare a \(leftType.described) with a \(rightType.described) using '\(comparison.rawValue)'"
                )
            }
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            if leftType != .number || rightType != .number {
                let culprit = leftType != .number ? leftType : rightType
                fail("'\(comparison.rawValue)' compares numbers, but one side is a \(culprit.described)")
            }
        case .in, .notIn:
            guard case .list(let items) = rightType else {
                fail("'\(comparison.rawValue)' needs a list on its right, e.g. [\"a\", \"b\"]")
                return
            }
            switch leftType {
            case .choice(let options, let what):
                checkListItems(items, options: options, what: what, at: right.offset, errors: &errors)
            case .text: checkListKinds(items, expected: "string", at: right.offset, errors: &errors)
            case .number: checkListKinds(items, expected: "number", at: right.offset, errors: &errors)
            case .set: fail("for a multiple-choice answer use 'contains' with a list (contains any of them)")
            default: fail("'\(comparison.rawValue)' needs a single value on its left, not a \(leftType.name)")
            }
        case .contains:
            switch (leftType, rightType) {
            case (.set(let options, let what), .text):
                checkOption(right, options: options, what: what, errors: &errors)
            case (.set(let options, let what), .list(let items)):
                checkListItems(items, options: options, what: what, at: right.offset, errors: &errors)
            case (.text, .text): return
            case (.set, _), (.text, _):
                fail("'contains' needs a string (or a list of strings) on its right, not a \(rightType.name)")
            default:
                fail("'contains' works on multiple-choice answers and text, not on a \(leftType.name)")
            }
        }
    }

    private func checkOption(_ expression: Expression, options: [String], what: String, errors: inout [ConditionError])
    {
        guard case .literal(.string(let value), let offset) = expression else { return }
        if !options.contains(value) {
            errors.append(
                ConditionError(
                    offset: offset,
                    message: "\(what) has no option '\(value)'\(Suggestions.hint(for: value, in: options))"
                        + " (options: \(options.joined(separator: ", ")))"))
        }
    }

    private func checkListItems(
        _ items: [Literal], options: [String], what: String, at offset: Int, errors: inout [ConditionError]
    ) {
        for item in items {
            guard case .string(let value) = item else {
                errors.append(ConditionError(offset: offset, message: "option ids in a list must be strings"))
                continue
            }
            if !options.contains(value) {
                errors.append(
                    ConditionError(
                        offset: offset,
                        message: "\(what) has no option '\(value)'\(Suggestions.hint(for: value, in: options))"
                            + " (options: \(options.joined(separator: ", ")))"))
            }
        }
    }

    private func checkListKinds(_ items: [Literal], expected: String, at offset: Int, errors: inout [ConditionError]) {
        for item in items {
            let matches: Bool
            switch item {
            case .string: matches = expected == "string"
            case .number: matches = expected == "number"
            default: matches = false
            }
            if !matches {
                errors.append(ConditionError(offset: offset, message: "every list item must be a \(expected)"))
                return
            }
        }
    }
}
