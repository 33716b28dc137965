import KnowledgeModel
import RuleLanguage

/// A condition lowered to a flat array of plain operations over the interned answers of ``AnswerState`` (option ids
/// as bits, numbers and flags as raw values), for the hot paths: firing every rule, re-firing them for every what-if
/// alternative, askIf and appliesIf. Evaluating one touches no reference count and hashes no string, where
/// ``CompiledCondition`` walks an indirect tree of values.
///
/// The common shapes are lowered: an answer compared with a constant (`==`, `!=`, `<`...), `in`/`not in` a list of
/// strings, `contains` strings, `answered()`, a yes/no answer as a condition, `and`/`or`/`not`. Any other
/// sub-condition, and an answer whose value is not interned (free text, an id that is not one of the question's
/// options), is evaluated by its own ``CompiledCondition``: the result is always the same.
struct FastCondition: Sendable {
    enum Kind: UInt8, Sendable {
        /// `flag` is the truth (``truthNo``, ``truthYes``, ``truthUnknown``).
        case constant
        /// A yes/no answer used as a condition.
        case answerFlag
        case answered
        case not
        case and
        case or
        /// `answer == "id"` (`flag` 1: `!=`); `bits` is the id's option bit (0 when it is not an option).
        case textEquals
        /// `answer == true` (`flag` 1: `!=`); `bits` is 0 or 1.
        case boolEquals
        /// `answer <op> number`; `flag` is the operator (``NumberOperator``), `bits` the number's bit pattern.
        case numberCompare
        /// `answer in [ids]` (`flag` 1: `not in`); `bits` are the listed options.
        case optionIn
        /// `answer contains [ids]`; `bits` are the listed options.
        case optionsContain
        /// The sub-condition `general[fallback]`.
        case general
    }

    enum NumberOperator: UInt8 { case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual }

    struct Op: Sendable {
        var kind: Kind
        var flag: UInt8 = 0
        var slot: Int32 = 0
        /// Operations in this one's subtree, itself included (the next sibling is `size` further on).
        var size: Int32 = 1
        /// The ``CompiledCondition`` (index in ``general``) that evaluates this operation when the answer's value is
        /// of a kind it does not handle; -1: none needed.
        var fallback: Int32 = -1
        var bits: UInt64 = 0
    }

    static let truthNo: UInt8 = 0
    static let truthYes: UInt8 = 1
    static let truthUnknown: UInt8 = 2

    private(set) var ops: [Op] = []
    private(set) var general: [CompiledCondition] = []

    /// Lowers `expression`; `optionBits(slot)` are the interned option ids of a question (as ``AnswerState`` interns
    /// them).
    init(
        _ expression: Expression, questionSlot: (String) -> Int?, decisionSlot: (String) -> Int?,
        optionBits: (Int) -> [String: UInt64]
    ) {
        lower(expression, questionSlot: questionSlot, decisionSlot: decisionSlot, optionBits: optionBits)
    }

    private mutating func lower(
        _ expression: Expression, questionSlot: (String) -> Int?, decisionSlot: (String) -> Int?,
        optionBits: (Int) -> [String: UInt64]
    ) {
        let position = ops.count
        func fallback() -> Int32 {
            general.append(CompiledCondition(expression, questionSlot: questionSlot, decisionSlot: decisionSlot))
            return Int32(general.count - 1)
        }
        func leaf(_ kind: Kind, _ slot: Int, flag: UInt8 = 0, bits: UInt64 = 0, needsFallback: Bool = true) {
            let general = needsFallback ? fallback() : -1
            ops.append(Op(kind: kind, flag: flag, slot: Int32(slot), fallback: general, bits: bits))
        }
        func generalOp() {
            let general = fallback()
            ops.append(Op(kind: .general, fallback: general))
        }
        func strings(_ items: [Literal]) -> [String]? {
            var result: [String] = []
            for item in items {
                guard case .string(let text) = item else { return nil }
                result.append(text)
            }
            return result
        }
        func mask(_ ids: [String], of slot: Int) -> UInt64 {
            let bits = optionBits(slot)
            return ids.reduce(0) { $0 | (bits[$1] ?? 0) }
        }
        switch expression {
        case .literal(.bool(let flag), _):
            ops.append(Op(kind: .constant, flag: flag ? Self.truthYes : Self.truthNo))
        case .literal:
            ops.append(Op(kind: .constant, flag: Self.truthUnknown))
        case .answer(let id, _):
            // An id that does not resolve reads as an empty set: not a yes/no value.
            if let slot = questionSlot(id) {
                leaf(.answerFlag, slot, needsFallback: false)
            } else {
                ops.append(Op(kind: .constant, flag: Self.truthUnknown))
            }
        case .answered(let id, _):
            if let slot = questionSlot(id) {
                leaf(.answered, slot, needsFallback: false)
            } else {
                ops.append(Op(kind: .constant, flag: Self.truthNo))
            }
        case .not(let inner, _):
            ops.append(Op(kind: .not))
            lower(inner, questionSlot: questionSlot, decisionSlot: decisionSlot, optionBits: optionBits)
        case .and(let operands), .or(let operands):
            if case .and = expression { ops.append(Op(kind: .and)) } else { ops.append(Op(kind: .or)) }
            for operand in operands {
                lower(operand, questionSlot: questionSlot, decisionSlot: decisionSlot, optionBits: optionBits)
            }
        case .compare(let comparison, .answer(let id, _), .literal(let literal, _), _):
            guard let slot = questionSlot(id) else {
                generalOp()
                break
            }
            switch (comparison, literal) {
            case (.in, .list(let items)), (.notIn, .list(let items)):
                guard let ids = strings(items) else {
                    generalOp()
                    break
                }
                leaf(.optionIn, slot, flag: comparison == .notIn ? 1 : 0, bits: mask(ids, of: slot))
            case (.contains, .list(let items)):
                // Items that are not strings never match (as in CompiledCondition).
                let ids = items.compactMap { if case .string(let text) = $0 { text } else { nil } }
                leaf(.optionsContain, slot, bits: mask(ids, of: slot))
            case (.contains, .string(let id)):
                leaf(.optionsContain, slot, bits: mask([id], of: slot))
            case (.equal, .string(let id)), (.notEqual, .string(let id)):
                leaf(.textEquals, slot, flag: comparison == .notEqual ? 1 : 0, bits: mask([id], of: slot))
            case (.equal, .bool(let flag)), (.notEqual, .bool(let flag)):
                // Decided by the interned answer whatever its kind: no fallback needed.
                leaf(
                    .boolEquals, slot, flag: comparison == .notEqual ? 1 : 0, bits: flag ? 1 : 0, needsFallback: false)
            case (_, .number(let number)):
                let operation: NumberOperator
                switch comparison {
                case .equal: operation = .equal
                case .notEqual: operation = .notEqual
                case .less: operation = .less
                case .lessOrEqual: operation = .lessOrEqual
                case .greater: operation = .greater
                case .greaterOrEqual: operation = .greaterOrEqual
                case .in, .notIn, .contains:
                    generalOp()
                    return
                }
                leaf(.numberCompare, slot, flag: operation.rawValue, bits: number.bitPattern, needsFallback: false)
            default:
                generalOp()
            }
        default:
            generalOp()
        }
        ops[position].size = Int32(ops.count - position)
    }

    /// Evaluates the condition against `state`.
    func evaluate(_ state: AnswerState) -> Truth {
        Evaluator.with(ops: ops, starts: Self.firstStart, general: general, state: state) { $0.truth(of: 0) }
    }

    /// The start of a lone condition's program (a constant: no array made per evaluation).
    private static let firstStart = [0]

    /// Evaluates conditions of one flat program against one state, through buffers taken once (see
    /// ``FastConditionSet/withEvaluator(_:_:)``).
    struct Evaluator {
        let ops: UnsafeBufferPointer<Op>
        /// The first operation of each condition.
        let starts: UnsafeBufferPointer<Int>
        let kinds: UnsafeBufferPointer<UInt8>
        let codes: UnsafeBufferPointer<UInt64>
        let answered: UnsafeBufferPointer<Bool>
        let general: [CompiledCondition]
        let state: AnswerState

        static func with<Result>(
            ops: [Op], starts: [Int], general: [CompiledCondition], state: AnswerState,
            _ body: (Evaluator) -> Result
        ) -> Result {
            ops.withUnsafeBufferPointer { ops in
                starts.withUnsafeBufferPointer { starts in
                    state.kinds.withUnsafeBufferPointer { kinds in
                        state.codes.withUnsafeBufferPointer { codes in
                            state.answered.withUnsafeBufferPointer { answered in
                                body(
                                    Evaluator(
                                        ops: ops, starts: starts, kinds: kinds, codes: codes, answered: answered,
                                        general: general, state: state))
                            }
                        }
                    }
                }
            }
        }

        /// The truth of condition `index` of the program.
        func truth(of index: Int) -> Truth {
            switch evaluate(starts[index]) {
            case FastCondition.truthYes: return .yes
            case FastCondition.truthNo: return .no
            default: return .unknown
            }
        }

        private func evaluate(_ index: Int) -> UInt8 {
            let op = ops[index]
            let slot = Int(op.slot)
            func viaGeneral() -> UInt8 {
                switch general[Int(op.fallback)].evaluate(state) {
                case .yes: return FastCondition.truthYes
                case .no: return FastCondition.truthNo
                case .unknown: return FastCondition.truthUnknown
                }
            }
            func truth(_ flag: Bool) -> UInt8 { flag ? FastCondition.truthYes : FastCondition.truthNo }
            let yes = FastCondition.truthYes
            let no = FastCondition.truthNo
            let unknown = FastCondition.truthUnknown
            switch op.kind {
            case .constant: return op.flag
            case .general: return viaGeneral()
            case .answered: return truth(answered[slot])
            case .not:
                let inner = evaluate(index + 1)
                return inner == unknown ? inner : (inner == yes ? no : yes)
            case .and, .or:
                // Kleene: the deciding value (false for and, true for or) as soon as one operand has it; unknown
                // when none has it but one is unknown.
                let deciding = op.kind == .and ? no : yes
                var sawUnknown = false
                var child = index + 1
                let end = index + Int(op.size)
                while child < end {
                    let result = evaluate(child)
                    if result == deciding { return deciding }
                    if result == unknown { sawUnknown = true }
                    child += Int(ops[child].size)
                }
                return sawUnknown ? unknown : (deciding == no ? yes : no)
            case .answerFlag:
                guard kinds[slot] == AnswerState.kindBool else { return unknown }
                return truth(codes[slot] != 0)
            case .textEquals:
                let negated = op.flag != 0
                switch kinds[slot] {
                case AnswerState.kindNone: return unknown
                case AnswerState.kindOption: return truth((codes[slot] == op.bits) != negated)
                case AnswerState.kindOther: return viaGeneral()
                default: return truth(negated)  // a yes/no, a number or a set never equals a string
                }
            case .boolEquals:
                let negated = op.flag != 0
                switch kinds[slot] {
                case AnswerState.kindNone: return unknown
                case AnswerState.kindBool: return truth((codes[slot] == op.bits) != negated)
                default: return truth(negated)  // any other value is not a yes/no
                }
            case .numberCompare:
                let operation = NumberOperator(rawValue: op.flag)!
                switch kinds[slot] {
                case AnswerState.kindNone: return unknown
                case AnswerState.kindNumber:
                    let value = Double(bitPattern: codes[slot])
                    let constant = Double(bitPattern: op.bits)
                    switch operation {
                    case .equal: return truth(value == constant)
                    case .notEqual: return truth(value != constant)
                    case .less: return truth(value < constant)
                    case .lessOrEqual: return truth(value <= constant)
                    case .greater: return truth(value > constant)
                    case .greaterOrEqual: return truth(value >= constant)
                    }
                default:
                    // Values of different kinds are unequal; only numbers are ordered.
                    switch operation {
                    case .equal: return no
                    case .notEqual: return yes
                    default: return unknown
                    }
                }
            case .optionIn:
                let negated = op.flag != 0
                switch kinds[slot] {
                case AnswerState.kindNone: return unknown
                case AnswerState.kindOption: return truth((codes[slot] & op.bits != 0) != negated)
                case AnswerState.kindOther: return viaGeneral()
                default: return truth(negated)  // a yes/no, a number or a set is not in a list of strings
                }
            case .optionsContain:
                switch kinds[slot] {
                case AnswerState.kindNone, AnswerState.kindBool, AnswerState.kindNumber: return unknown
                case AnswerState.kindOptions: return truth(codes[slot] & op.bits != 0)
                default: return viaGeneral()  // free text (matched by substring) or ids that are not options
                }
            }
        }
    }
}

/// Many lowered conditions (the rules') in one flat program: a loop over them takes the program's and the state's
/// buffers once, and no reference per condition.
struct FastConditionSet: Sendable {
    private var ops: [FastCondition.Op] = []
    private var starts: [Int] = []
    private var general: [CompiledCondition] = []

    init(_ conditions: [FastCondition]) {
        for condition in conditions {
            starts.append(ops.count)
            let offset = Int32(general.count)
            for var op in condition.ops {
                if op.fallback >= 0 { op.fallback += offset }
                ops.append(op)
            }
            general += condition.general
        }
    }

    /// Runs `body` with an evaluator of these conditions (by index) against `state`.
    func withEvaluator<Result>(_ state: AnswerState, _ body: (FastCondition.Evaluator) -> Result) -> Result {
        FastCondition.Evaluator.with(ops: ops, starts: starts, general: general, state: state, body)
    }
}
