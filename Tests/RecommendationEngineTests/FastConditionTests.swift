import EmbeddedKnowledgeBase
import KnowledgeModel
import RuleLanguage
import StackwiseTestSupport
import Testing

@testable import RecommendationEngine

/// The lowered conditions of the hot paths must give exactly what the compiled conditions give, for every shape of
/// condition and every kind of value, including values no interview produces (ids that are not options, a number
/// for a choice, free text where a set is expected).
@Suite struct FastConditionTests {
    static let conditions = [
        #"data.shape == "relational""#, #"data.shape != "bogus""#, #"data.shape == "bogus""#,
        #"data.shape in ["relational", "x"]"#, #"data.shape not in ["documents"]"#, #"data.shape in ["relational", 3]"#,
        #"data.shape contains "rel""#, #"data.shape contains ["Rel", "doc"]"#,
        #"current.stack contains ["redis", "nope"]"#,
        #"current.stack contains "socketio""#, #"current.stack contains [1]"#, #"current.stack == "redis""#,
        #"current.stack in ["redis"]"#, "data.tx", "not data.tx", "data.tx == true", "data.tx != false",
        #"data.tx in ["a"]"#, "data.rps > 50", "data.rps <= 10", "data.rps == 10", "data.rps != 10", "data.rps < 0.5",
        "data.rps >= 10", #"data.shape == 10"#, #"data.rps == "x""#, "data.rps in [10, 20]", "data.shape < 3",
        "data.rps * 2 > 30", "10 < data.rps", #"unknown.q == "x""#, "unknown.q", "answered(unknown.q)", "true",
        "false and data.tx", #""text""#, "data.shape", "current.exists or data.tx",
        "answered(data.rps) and data.rps >= 5 or not answered(data.shape)",
        #"not (data.tx and data.shape == "documents") or (current.stack contains "redis" and data.rps > 1)"#,
        #"chosen(database) == "postgresql""#, "max(data.rps, 3) > 4",
    ]

    static let values: [String: [AnswerValue?]] = [
        "data.shape": [
            nil, .choice("relational"), .choice("documents"), .choice("bogus"), .text("Relational stuff"), .number(3),
            .choices(["relational"]), .bool(true),
        ],
        "data.tx": [nil, .bool(true), .bool(false), .choice("yes"), .number(1)],
        "data.rps": [nil, .number(10), .number(50), .number(0), .number(0.5), .text("10")],
        "current.exists": [nil, .bool(true), .bool(false)],
        "current.stack": [
            nil, .choices([]), .choices(["redis"]), .choices(["redis", "socketio"]), .choices(["redis", "bogus"]),
            .choice("redis"), .text("Redis cluster"),
        ],
    ]

    @Test func loweredConditionsEvaluateAsCompiledOnesForEveryKindOfValue() throws {
        let compiled = CompiledKnowledgeBase(TestKnowledgeBase.sample)
        let questionSlot = { (id: String) in compiled.questionSlot[id] }
        let decisionSlot = { (id: String) in compiled.decisionSlot[id] }
        let pairs = try Self.conditions.map { text in
            let expression = try ConditionParser.parse(text)
            return (
                text,
                CompiledCondition(expression, questionSlot: questionSlot, decisionSlot: decisionSlot),
                FastCondition(
                    expression, questionSlot: questionSlot, decisionSlot: decisionSlot,
                    optionBits: { compiled.optionBits[$0] })
            )
        }
        // The same conditions in one flat program (fallbacks renumbered).
        let program = FastConditionSet(pairs.map(\.2))
        var rng = SeededGenerator(state: 5_150)
        for round in 0..<600 {
            var answers = AnswerSet()
            for (id, choices) in Self.values.sorted(by: { $0.key < $1.key }) {
                if let value = choices.randomElement(using: &rng)! { answers.set(id, to: value) }
            }
            var state = AnswerState(answers, compiled: compiled)
            if round % 2 == 0 { state.chosen[0] = ["postgresql", "mongodb"].randomElement(using: &rng)! }
            let together = program.withEvaluator(state) { evaluator in pairs.indices.map { evaluator.truth(of: $0) } }
            for (index, (text, general, fast)) in pairs.enumerated() {
                #expect(fast.evaluate(state) == general.evaluate(state), "\(text) with \(answers.answers)")
                #expect(together[index] == general.evaluate(state), "\(text) in one program")
            }
        }
    }

    /// Every rule, askIf, appliesIf and checklist condition of the shipped knowledge base, over random interviews.
    @Test func theShippedKnowledgeBaseFiresTheSameRules() {
        let kb = StackwiseKnowledge.embedded
        let engine = RecommendationEngine(knowledgeBase: kb)
        let compiled = engine.compiled
        func general(_ condition: Condition?) -> CompiledCondition? {
            condition.map {
                CompiledCondition(
                    $0.expression, questionSlot: { compiled.questionSlot[$0] },
                    decisionSlot: { compiled.decisionSlot[$0] })
            }
        }
        // Each condition's general (tree-walking) form, which the lowered one must always agree with.
        let checklist = kb.checklist.map { general($0.appliesIf) }
        let rules = kb.rules.map { general($0.when)! }
        let askIf = compiled.questions.map { general($0.askIf) }
        let appliesIf = compiled.decisions.map { general($0.appliesIf) }
        var rng = SeededGenerator(state: 8_080)
        var answers = AnswerSet()
        var chosenRead = 0
        for step in 0..<300 {
            for _ in 0..<5 { ReviewSessionTests.edit(&answers, in: kb, &rng) }
            // A whole evaluation: the state holds the chosen options that checklist conditions read.
            let state = engine.evaluate(answers).state
            let fired = compiled.ruleConditions.withEvaluator(state) { evaluator in
                compiled.rules.indices.map { evaluator.truth(of: $0) }
            }
            for rule in compiled.rules {
                #expect(fired[rule.index] == rules[rule.index].evaluate(state), "step \(step), rule \(rule.index)")
            }
            for slot in compiled.questions.indices {
                #expect(compiled.fastAskIf[slot]?.evaluate(state) == askIf[slot]?.evaluate(state))
            }
            for slot in compiled.decisions.indices {
                #expect(
                    compiled.fastAppliesIf[slot]?.evaluate(state) == appliesIf[slot]?.evaluate(state))
            }
            for item in kb.checklist.indices {
                let expected = checklist[item]?.evaluate(state)
                #expect(
                    compiled.fastChecklistConditions[item]?.evaluate(state) == expected, "step \(step), item \(item)")
                if expected == .yes, kb.checklist[item].appliesIf?.source.contains("chosen(") == true {
                    chosenRead += 1
                }
            }
        }
        #expect(chosenRead > 0)
    }
}
