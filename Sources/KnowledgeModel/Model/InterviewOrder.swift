/// The order in which the interview asks questions: sections in their order; inside a section the most decisive
/// questions first, each follow-up after the questions its `askIf` reads, ties in authored order.
///
/// A question's decisiveness is what an answer to it can move, read from the knowledge base alone (so the order is
/// the same for every user and every run): the decisions scored or excluded by rules that read it, the decisions
/// whose `appliesIf` or options' `whenNot` read it, the findings and tensions of rules that read it, and the
/// questions whose `askIf` reads it (an answer that decides what else is asked).
enum InterviewOrder {
    /// Question positions (into `kb.questions`) in interview order, and each question's decisiveness (by position).
    static func positions(
        questions: [Question], sections: [Section], rules: [Rule], decisions: [Decision]
    ) -> (order: [Int], decisiveness: [Int]) {
        let slot = slots(questions)
        let moves = Self.moves(questions: questions, slot: slot, rules: rules, decisions: decisions)
        let sectionOrder = Dictionary(
            sections.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let bySection = Dictionary(grouping: questions.indices) { sectionOrder[questions[$0].section] ?? Int.max }
        var order: [Int] = []
        order.reserveCapacity(questions.count)
        for key in bySection.keys.sorted() {
            let members = bySection[key] ?? []  // authored order
            let rank = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1, $0) })
            // Kahn's algorithm: follow-ups wait for the questions of this section their askIf reads; among the
            // questions ready to ask, the most decisive first, then authored order.
            var waitingFor = [Int: Int]()
            var unlocks = [Int: [Int]]()
            for index in members {
                let reads = Set((questions[index].askIf?.expression.questionIDs ?? []).compactMap { slot[$0] })
                for prerequisite in reads where prerequisite != index && rank[prerequisite] != nil {
                    waitingFor[index, default: 0] += 1
                    unlocks[prerequisite, default: []].append(index)
                }
            }
            func precedes(_ lhs: Int, _ rhs: Int) -> Bool {
                let left = moves[lhs].count
                let right = moves[rhs].count
                return left != right ? left > right : rank[lhs, default: 0] < rank[rhs, default: 0]
            }
            var ready = members.filter { waitingFor[$0, default: 0] == 0 }.sorted(by: precedes)
            var placed = Set<Int>()
            while !ready.isEmpty {
                let next = ready.removeFirst()
                order.append(next)
                placed.insert(next)
                for follower in unlocks[next] ?? [] {
                    waitingFor[follower, default: 0] -= 1
                    guard waitingFor[follower, default: 0] == 0 else { continue }
                    // Binary insertion keeps `ready` sorted.
                    var low = 0
                    var high = ready.count
                    while low < high {
                        let middle = (low + high) / 2
                        if precedes(ready[middle], follower) { low = middle + 1 } else { high = middle }
                    }
                    ready.insert(follower, at: low)
                }
            }
            // A cycle among askIf conditions (which lint reports) leaves the rest in authored order.
            order += members.filter { !placed.contains($0) }
        }
        return (order, moves.map(\.count))
    }

    private static func slots(_ questions: [Question]) -> [String: Int] {
        var slot: [String: Int] = [:]
        for position in questions.indices where slot[questions[position].id] == nil {
            slot[questions[position].id] = position
        }
        return slot
    }

    /// Per question position, the effects an answer to it can move, as integers: a decision's position, then
    /// `decisions.count + rule` for a rule's finding or tension, then `decisions.count + rules.count + question`
    /// for a question whose `askIf` reads it.
    private static func moves(
        questions: [Question], slot: [String: Int], rules: [Rule], decisions: [Decision]
    ) -> [Set<Int>] {
        var decisionPosition: [String: Int] = [:]
        for position in decisions.indices { decisionPosition[decisions[position].id] = position }
        var moves = [Set<Int>](repeating: [], count: questions.count)
        func credit(_ condition: Condition?, _ effect: Int?) {
            guard let condition, let effect else { return }
            for id in condition.expression.questionIDs { if let index = slot[id] { moves[index].insert(effect) } }
        }
        for (index, rule) in rules.enumerated() {
            var effects = Set(rule.scores.compactMap { decisionPosition[$0.target.decision] })
            effects.formUnion(rule.excludes.compactMap { decisionPosition[$0.decision] })
            if rule.finding != nil || rule.tension != nil { effects.insert(decisions.count + index) }
            guard !effects.isEmpty else { continue }
            for id in rule.when.expression.questionIDs {
                if let question = slot[id] { moves[question].formUnion(effects) }
            }
        }
        // Which other questions get asked at all.
        for (index, question) in questions.enumerated() {
            credit(question.askIf, decisions.count + rules.count + index)
        }
        for (position, decision) in decisions.enumerated() {
            credit(decision.appliesIf, position)
            for option in decision.options {
                for counter in option.whenNot { credit(counter.when, position) }
            }
        }
        return moves
    }
}
