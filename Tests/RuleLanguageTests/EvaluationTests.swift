import Testing

@testable import RuleLanguage

struct DictionarySource: ValueSource {
    var slots: [String]
    var values: [String: Value]
    var chosen: [String: String] = [:]
    var decisions: [String] = []

    func value(ofQuestion slot: Int) -> Value? { values[slots[slot]] }
    func isAnswered(_ slot: Int) -> Bool { values[slots[slot]] != nil }
    func chosenOption(ofDecision slot: Int) -> String? { chosen[decisions[slot]] }
}

@Suite struct EvaluationTests {
    let slots = ["a", "n", "t", "s", "m"]

    func evaluate(_ text: String, _ values: [String: Value], chosen: [String: String] = [:]) throws -> Truth {
        let decisions = ["database"]
        let compiled = CompiledCondition(
            try ConditionParser.parse(text), questionSlot: { slots.firstIndex(of: $0) },
            decisionSlot: { decisions.firstIndex(of: $0) })
        return compiled.evaluate(DictionarySource(slots: slots, values: values, chosen: chosen, decisions: decisions))
    }

    @Test func comparesNumbers() throws {
        #expect(try evaluate("n >= 1000", ["n": .number(1000)]) == .yes)
        #expect(try evaluate("n > 1000", ["n": .number(1000)]) == .no)
    }

    @Test func unknownAnswersMakeComparisonsUnknown() throws {
        #expect(try evaluate("n >= 1000", [:]) == .unknown)
        #expect(try evaluate("not n >= 1000", [:]) == .unknown)
    }

    @Test func kleeneLogicShortCircuits() throws {
        #expect(try evaluate("a and n > 1", ["a": .bool(false)]) == .no)
        #expect(try evaluate("a or n > 1", ["a": .bool(true)]) == .yes)
        #expect(try evaluate("a or n > 1", ["a": .bool(false)]) == .unknown)
    }

    @Test func membershipAndContains() throws {
        #expect(try evaluate(#"s in ["x", "y"]"#, ["s": .text("y")]) == .yes)
        #expect(try evaluate(#"s not in ["x", "y"]"#, ["s": .text("y")]) == .no)
        #expect(try evaluate(#"m contains "redis""#, ["m": .set(["redis", "kafka"])]) == .yes)
        #expect(try evaluate(#"m contains ["pg", "kafka"]"#, ["m": .set(["redis", "kafka"])]) == .yes)
        #expect(try evaluate(#"m contains "pg""#, ["m": .set([])]) == .no)
        #expect(try evaluate(#"t contains "PAY""#, ["t": .text("payments-api")]) == .yes)
    }

    @Test func answeredIsNeverUnknown() throws {
        #expect(try evaluate("answered(n)", [:]) == .no)
        #expect(try evaluate("answered(n)", ["n": .number(1)]) == .yes)
    }

    @Test func chosenReadsTheDecision() throws {
        #expect(try evaluate(#"chosen(database) == "mysql""#, [:], chosen: ["database": "mysql"]) == .yes)
        #expect(try evaluate(#"chosen(database) == "mysql""#, [:]) == .unknown)
    }
}
