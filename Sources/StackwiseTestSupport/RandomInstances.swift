import KnowledgeModel

/// Random solver instances in the shape of the peer measurements: D decisions x O options with C pairwise
/// compatibility constraints (conflicts between two options of different decisions) and random scores. Shared by the
/// solver benchmark and the solver tests, so that both see the same instances.
public enum RandomInstances {
    public static func knowledgeBase(decisions: Int, options: Int, constraints: Int, seed: UInt64) -> KnowledgeBase {
        var rng = SeededGenerator(state: seed)
        var conflicts: [Int: [Int: [Conflict]]] = [:]
        var added = 0
        while added < constraints {
            let a = Int(rng.next() % UInt64(decisions))
            let b = Int(rng.next() % UInt64(decisions))
            guard a != b else { continue }
            let optionA = Int(rng.next() % UInt64(options))
            let optionB = Int(rng.next() % UInt64(options))
            conflicts[a, default: [:]][optionA, default: []].append(
                Conflict(option: OptionRef(decision: "d\(b)", option: "o\(optionB)"), reason: "random"))
            added += 1
        }
        let decisionList = (0..<decisions).map { d in
            Decision(
                id: "d\(d)", title: "D\(d)", problem: "P", order: d,
                options: (0..<options).map { o in
                    DecisionOption(
                        id: "o\(o)", name: "O\(o)", summary: "S", conflicts: conflicts[d]?[o] ?? [])
                })
        }
        var scores: [ScoreEffect] = []
        for d in 0..<decisions {
            for o in 0..<options {
                let weight = Int(rng.next() % 10) + 1
                scores.append(ScoreEffect(target: OptionRef(decision: "d\(d)", option: "o\(o)"), weight: weight))
            }
        }
        let rule = Rule(id: "scores", when: try! Condition(parsing: "true", at: nil), because: "random", scores: scores)
        return KnowledgeBase(decisions: decisionList, rules: [rule])
    }
}
