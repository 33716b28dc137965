import Foundation
import KnowledgeModel
import StackwiseTestSupport
import Testing

@testable import RecommendationEngine

/// Exhaustive enumeration over a dumped optimisation instance, with the documented tie rule.
func bruteForce(_ model: OptimizationModel) -> (choice: [String: String], total: Int)? {
    let decisions = model.decisions
    var best: (choice: [String: String], total: Int, key: [Int])?
    func preferenceKey(_ decision: OptimizationModel.Decision, _ index: Int) -> Int {
        // Rank of the option in the decision's preference order (higher score first, then listed first).
        let order = decision.options.indices.sorted {
            (decision.options[$0].score, -$0) > (decision.options[$1].score, -$1)
        }
        return order.firstIndex(of: index)!
    }
    func visit(_ position: Int, _ choice: [String: String], _ total: Int, _ key: [Int]) {
        if position == decisions.count {
            for constraint in model.constraints {
                let parts = constraint.ifChosen.split(separator: ".", maxSplits: 1).map(String.init)
                if choice[parts[0]] == parts[1], let target = choice[constraint.thenDecision],
                    !constraint.mustBeOneOf.contains(target)
                {
                    return
                }
            }
            if best == nil || total > best!.total || (total == best!.total && key.lexicographicallyPrecedes(best!.key))
            {
                best = (choice, total, key)
            }
            return
        }
        let decision = decisions[position]
        for (index, option) in decision.options.enumerated() where !option.excluded {
            var next = choice
            next[decision.id] = option.id
            visit(position + 1, next, total + option.score, key + [preferenceKey(decision, index)])
        }
    }
    visit(0, [:], 0, [])
    return best.map { ($0.choice, $0.total) }
}

/// Random small knowledge bases shaped like the real one: yes/no and choice questions, decisions with 2-5
/// options, random requirement constraints, scoring and excluding rules; with `judgement`, also whenNot entries
/// and complements whose conditions read the answers.
func randomKnowledgeBase(
    _ rng: inout SeededGenerator, decisions decisionRange: ClosedRange<Int> = 2...6, constraintOdds: Int = 4,
    judgement: Bool = false
) -> KnowledgeBase {
    let judgementConditions = ["s.a", "not s.b", "s.c", #"s.k == "y""#, "s.a and s.c"]
    var yaml = """
        sections: [{ id: s, title: S, order: 1 }]
        sources: [{ id: s1, title: S, publisher: P, url: "https://e.com", verified: 2026-11-20 }]
        questions:
          - { id: s.a, section: s, prompt: A, help: H, type: yesno, default: true }
          - { id: s.b, section: s, prompt: B, help: H, type: yesno }
          - { id: s.c, section: s, prompt: C, help: H, type: yesno, default: false }
          - id: s.k
            section: s
            prompt: K
            help: H
            type: single
            default: x
            options: [{ id: x, label: X, description: D }, { id: y, label: Y, description: D }, { id: z, label: Z, description: D }]
        decisions:

        """
    let decisionCount = Int.random(in: decisionRange, using: &rng)
    var optionCounts: [Int] = []
    for d in 0..<decisionCount {
        let count = Int.random(in: 2...5, using: &rng)
        optionCounts.append(count)
        let applies = Int.random(in: 0..<6, using: &rng) == 0 ? "    appliesIf: s.c\n" : ""
        yaml += "  - id: d\(d)\n    title: D\n    problem: P\n    order: \(d)\n\(applies)"
        if judgement, Int.random(in: 0..<2, using: &rng) == 0 {
            let condition = judgementConditions.randomElement(using: &rng)!
            yaml += "    complements: [{ option: o1, with: [o0], when: '\(condition)', because: C }]\n"
        }
        yaml += "    options:\n"
        for o in 0..<count {
            yaml += "      - id: o\(o)\n        name: O\n        summary: S\n        sources: [s1]\n"
            if judgement, Int.random(in: 0..<3, using: &rng) == 0 {
                let condition = judgementConditions.randomElement(using: &rng)!
                yaml += "        whenNot: [{ when: '\(condition)', because: W\(d)\(o), advice: A }]\n"
            }
            if Int.random(in: 0..<constraintOdds, using: &rng) == 0 {
                var target = Int.random(in: 0..<decisionCount, using: &rng)
                if target == d { target = (d + 1) % decisionCount }
                let allowed = (0..<5).filter { _ in Bool.random(using: &rng) }.map { "o\($0)" }
                _ = allowed
                // Targets may have fewer options; filter when the target's count is known at the end.
                yaml +=
                    "        requires: [{ decision: d\(target), anyOf: __ALLOWED_\(target)_\(Int.random(in: 0..<1000, using: &rng))__, reason: R }]\n"
            }
        }
    }
    // Replace the placeholders now that every decision's option count is known.
    while let range = yaml.range(of: #"__ALLOWED_(\d+)_(\d+)__"#, options: .regularExpression) {
        let token = String(yaml[range]).split(separator: "_").filter { !$0.isEmpty }
        let target = Int(token[1])!
        var allowed = (0..<optionCounts[target]).filter { _ in Bool.random(using: &rng) }.map { "o\($0)" }
        if allowed.isEmpty { allowed = ["o0"] }
        yaml.replaceSubrange(range, with: "[" + allowed.joined(separator: ", ") + "]")
    }
    let conditions = [
        "s.a", "not s.a", "s.b", "s.c", "s.a and s.b", "s.b or s.c", #"s.k == "x""#, #"s.k in ["y", "z"]"#, "true",
    ]
    yaml += "rules:\n"
    for r in 0..<Int.random(in: 4...14, using: &rng) {
        let condition = conditions.randomElement(using: &rng)!
        var scores: [String] = []
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            let d = Int.random(in: 0..<decisionCount, using: &rng)
            let o = Int.random(in: 0..<optionCounts[d], using: &rng)
            let key = "d\(d).o\(o)"
            if scores.contains(where: { $0.hasPrefix(key + ":") }) { continue }
            var weight = Int.random(in: -3...5, using: &rng)
            if weight == 0 { weight = 1 }
            scores.append("\(key): \(weight)")
        }
        var exclude = ""
        if Int.random(in: 0..<5, using: &rng) == 0 {
            let d = Int.random(in: 0..<decisionCount, using: &rng)
            exclude = ", exclude: [d\(d).o\(Int.random(in: 0..<optionCounts[d], using: &rng))]"
        }
        yaml +=
            "  - { id: r\(r), when: '\(condition)', because: B, score: { \(scores.joined(separator: ", ")) }\(exclude) }\n"
    }
    let (layer, loadDiagnostics) = KnowledgeBaseLoader().loadLayer(name: "random", files: [("kb.yaml", yaml)])
    precondition(loadDiagnostics.isEmpty, "\(loadDiagnostics)\n\(yaml)")
    return KnowledgeBaseBuilder.build(layers: [layer]).0
}

@Suite struct DifferentialTests {
    @Test func engineOptimumEqualsExhaustiveEnumeration() {
        var rng = SeededGenerator(state: 20_261_126)
        var feasible = 0
        var infeasible = 0
        for instance in 0..<400 {
            let kb = randomKnowledgeBase(&rng)
            let engine = RecommendationEngine(knowledgeBase: kb)
            var answers = AnswerSet()
            for id in ["s.a", "s.b", "s.c"] where Bool.random(using: &rng) {
                answers.set(id, to: .bool(Bool.random(using: &rng)))
            }
            if Bool.random(using: &rng) {
                answers.set("s.k", to: .choice(["x", "y", "z"].randomElement(using: &rng)!))
            }
            let model = engine.optimizationModel(answers)
            let review = engine.review(answers)
            let chosen = Dictionary(
                uniqueKeysWithValues: model.decisions.compactMap { d in d.chosen.map { (d.id, $0) } })
            if let expected = bruteForce(model) {
                feasible += 1
                #expect(chosen == expected.choice, "instance \(instance)")
                #expect(model.totalScore == expected.total, "instance \(instance)")
                #expect(review.conflicts.isEmpty, "instance \(instance)")
            } else {
                infeasible += 1
                #expect(!review.conflicts.isEmpty, "instance \(instance): brute force found no combination")
                #expect(chosen.count < model.decisions.count, "instance \(instance)")
            }
            for outcome in review.decisions where outcome.status == .chosen {
                #expect(chosen[outcome.decisionID] == outcome.chosen, "instance \(instance)")
            }
        }
        #expect(feasible > 200)
        #expect(infeasible > 0)
    }

    @Test func denserInstancesAlsoMatchExhaustiveEnumeration() {
        var rng = SeededGenerator(state: 31_337)
        for instance in 0..<40 {
            let kb = randomKnowledgeBase(&rng, decisions: 7...8, constraintOdds: 2)
            let engine = RecommendationEngine(knowledgeBase: kb)
            var answers = AnswerSet()
            answers.set("s.c", to: .bool(true))
            let model = engine.optimizationModel(answers)
            let chosen = Dictionary(
                uniqueKeysWithValues: model.decisions.compactMap { d in d.chosen.map { (d.id, $0) } })
            if let expected = bruteForce(model) {
                #expect(chosen == expected.choice, "dense instance \(instance)")
                #expect(model.totalScore == expected.total, "dense instance \(instance)")
            } else {
                #expect(chosen.count < model.decisions.count, "dense instance \(instance)")
            }
        }
    }

    @Test func incrementalWhatIfEqualsFullRecomputation() {
        var rng = SeededGenerator(state: 424_242)
        for instance in 0..<150 {
            let kb = randomKnowledgeBase(&rng)
            let engine = RecommendationEngine(knowledgeBase: kb)
            var answers = AnswerSet()
            for id in ["s.a", "s.b", "s.c"] where Bool.random(using: &rng) {
                answers.set(id, to: .bool(Bool.random(using: &rng)))
            }
            let base = engine.choose(answers).choices
            let report = engine.whatIf(answers)
            let alternatives: [(String, [AnswerValue])] = [
                ("s.a", [.bool(true), .bool(false)]), ("s.b", [.bool(true), .bool(false)]),
                ("s.c", [.bool(true), .bool(false)]), ("s.k", [.choice("x"), .choice("y"), .choice("z")]),
            ]
            for (question, values) in alternatives {
                let rows = report.rows.filter { $0.questionID == question }
                for value in values {
                    var changed = answers
                    changed.set(question, to: value)
                    let full = engine.choose(changed).choices
                    let expected = Set(kb.decisions.map(\.id)).filter { full[$0] != base[$0] }.sorted()
                    let row = rows.first { $0.alternative == value }
                    if let row {
                        #expect(row.changes.map(\.decisionID).sorted() == expected, "instance \(instance) \(question)")
                        for change in row.changes {
                            #expect(change.to == full[change.decisionID], "instance \(instance)")
                        }
                    } else if !expected.isEmpty {
                        // Listed under an earlier alternative with the same changes, or it is the current answer.
                        let current = answers.value(of: question) ?? kb.question(question)?.defaultValue
                        let listed = rows.contains { $0.changes.map(\.decisionID).sorted() == expected }
                        #expect(listed || current == value, "instance \(instance) \(question)=\(value)")
                    }
                }
            }
        }
    }

    @Test func everyReasonRefersToARuleThatFiredAndAnswersThatHold() {
        var rng = SeededGenerator(state: 7)
        for _ in 0..<100 {
            let kb = randomKnowledgeBase(&rng)
            let engine = RecommendationEngine(knowledgeBase: kb)
            var answers = AnswerSet()
            answers.set("s.a", to: .bool(Bool.random(using: &rng)))
            answers.set("s.k", to: .choice("y"))
            let review = engine.review(answers)
            let fired = Set(review.firedRules)
            for outcome in review.decisions {
                for option in outcome.options {
                    for contribution in option.contributions + option.exclusions {
                        #expect(fired.contains(contribution.ruleID))
                        for fact in contribution.triggeredBy {
                            let expected =
                                answers.value(of: fact.questionID) ?? kb.question(fact.questionID)?.defaultValue
                            #expect(fact.value == expected)
                            #expect(fact.assumed == (answers.value(of: fact.questionID) == nil))
                        }
                    }
                    let sum = option.contributions.reduce(0) { $0 + $1.weight }
                    #expect(sum == option.score)
                }
            }
        }
    }

    @Test func shufflingFilesAndRuleOrderChangesNothing() throws {
        var rng = SeededGenerator(state: 99)
        let kb = TestKnowledgeBase.sample
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var answers = AnswerSet()
        answers.set("data.tx", to: .bool(true))
        answers.set("current.exists", to: .bool(true))
        answers.set("current.stack", to: .choices(["socketio"]))
        let reference = try encoder.encode(RecommendationEngine(knowledgeBase: kb).review(answers))
        for _ in 0..<5 {
            let shuffled = KnowledgeBase(
                sections: kb.sections.shuffled(using: &rng), questions: kb.questions,
                decisions: kb.decisions.shuffled(using: &rng),
                rules: kb.rules.shuffled(using: &rng), checklist: kb.checklist.shuffled(using: &rng),
                sources: kb.sources.shuffled(using: &rng), references: kb.references)
            let output = try encoder.encode(RecommendationEngine(knowledgeBase: shuffled).review(answers))
            #expect(output == reference)
        }
    }
}
