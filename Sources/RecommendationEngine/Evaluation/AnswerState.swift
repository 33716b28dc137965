import KnowledgeModel
import RuleLanguage

/// The effective value of every question for one set of answers: the user's answer, else the default (an
/// assumption), else unknown; questions whose askIf does not hold are not applicable and unknown.
struct AnswerState: ValueSource, Sendable {
    /// Set only through ``store(_:at:compiled:)`` (and ``restore(_:)``), which keep ``kinds`` and ``codes`` in step.
    private(set) var values: [Value?]
    /// Each value interned for ``FastCondition``: its kind (``kindNone``...) and its code (the option bit of a
    /// single choice, the option bits of a set, 0 or 1, a number's bit pattern; 0 otherwise).
    private(set) var kinds: [UInt8]
    private(set) var codes: [UInt64]
    var answered: [Bool]
    var assumed: [Bool]
    var applicable: [Bool]
    /// Chosen option per decision slot (for checklist conditions), as option ids.
    var chosen: [String?]

    /// No questions (a placeholder while a working copy is moved elsewhere).
    init() {
        values = []
        kinds = []
        codes = []
        answered = []
        assumed = []
        applicable = []
        chosen = []
    }

    init(_ answers: AnswerSet, compiled: CompiledKnowledgeBase) {
        let count = compiled.questions.count
        values = [Value?](repeating: nil, count: count)
        kinds = [UInt8](repeating: Self.kindNone, count: count)
        codes = [UInt64](repeating: 0, count: count)
        answered = [Bool](repeating: false, count: count)
        assumed = [Bool](repeating: false, count: count)
        applicable = [Bool](repeating: false, count: count)
        chosen = [String?](repeating: nil, count: compiled.decisions.count)
        for slot in compiled.applicabilityOrder {
            let question = compiled.questions[slot]
            let isApplicable = compiled.fastAskIf[slot].map { $0.evaluate(self) == .yes } ?? true
            applicable[slot] = isApplicable
            guard isApplicable else { continue }
            if let value = answers.value(of: question.id) {
                store(CompiledKnowledgeBase.value(of: value), at: slot, compiled: compiled)
                answered[slot] = true
            } else if let fallback = compiled.defaults[slot] {
                store(fallback, at: slot, compiled: compiled)
                assumed[slot] = true
            }
        }
    }

    func value(ofQuestion slot: Int) -> Value? { values[slot] }

    /// No value (unknown).
    static let kindNone: UInt8 = 0
    static let kindBool: UInt8 = 1
    static let kindNumber: UInt8 = 2
    /// A string that is one of the question's options (code: its bit).
    static let kindOption: UInt8 = 3
    /// A set of the question's options (code: their bits).
    static let kindOptions: UInt8 = 4
    /// Any other value (free text, ids that are not options): conditions read it through ``values``.
    static let kindOther: UInt8 = 5

    /// Sets the value of question `slot`, interned.
    mutating func store(_ value: Value?, at slot: Int, compiled: CompiledKnowledgeBase) {
        values[slot] = value
        (kinds[slot], codes[slot]) = Self.intern(value, bits: compiled.optionBits[slot])
    }

    /// Restores a value with its interned form (as saved).
    mutating func restore(_ value: Value?, kind: UInt8, code: UInt64, at slot: Int) {
        values[slot] = value
        kinds[slot] = kind
        codes[slot] = code
    }

    /// The kind and code of `value` for a question whose options have `bits`.
    static func intern(_ value: Value?, bits: [String: UInt64]) -> (UInt8, UInt64) {
        switch value {
        case nil: return (kindNone, 0)
        case .bool(let flag)?: return (kindBool, flag ? 1 : 0)
        case .number(let number)?: return (kindNumber, number.bitPattern)
        case .text(let text)?:
            guard let bit = bits[text] else { return (kindOther, 0) }
            return (kindOption, bit)
        case .set(let members)?:
            var code: UInt64 = 0
            for member in members {
                guard let bit = bits[member] else { return (kindOther, 0) }
                code |= bit
            }
            return (kindOptions, code)
        }
    }
    func isAnswered(_ slot: Int) -> Bool { answered[slot] }
    func chosenOption(ofDecision slot: Int) -> String? { chosen[slot] }
}
