import KnowledgeModel
import RecommendationEngine
import Testing

@testable import TerminalUI

/// The Δ walks two ordered lists of unique ids side by side: it must find exactly what a comparison of the two sets
/// finds, in list order, whatever the lists (runs longer than its look ahead, lists that do not share an order).
@Suite struct AdviceDiffDifferenceTests {
    @Test func findsWhatASetComparisonFinds() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let pool = (0..<40).map { "item-\($0)" }
            let old = pool.filter { _ in Bool.random(using: &generator) }
            // Drop some, add some elsewhere, keep the shared order.
            let new = pool.filter { id in
                old.contains(id) ? Int.random(in: 0..<6, using: &generator) > 0 : Int.random(in: 0..<8) == 0
            }
            let (added, removed) = AdviceDiff.difference(old, new)
            #expect(added.map { new[$0] } == new.filter { !old.contains($0) })
            #expect(removed.map { old[$0] } == old.filter { !new.contains($0) })
        }
        // Long runs added and removed (past the look ahead), and lists in different orders (ids that moved).
        for round in 0..<300 {
            let pool = (0..<200).map { "item-\($0)" }
            let old = pool.filter { _ in Int.random(in: 0..<3, using: &generator) > 0 }
            var new = pool.enumerated().filter { position, id in
                position / 50 % 2 == 0 ? old.contains(id) : Int.random(in: 0..<3, using: &generator) == 0
            }.map(\.element)
            if round % 3 == 0 { new.shuffle(using: &generator) }
            if round % 3 == 1, new.count > 2 { new.swapAt(0, new.count - 1) }
            let (added, removed) = AdviceDiff.difference(old, new)
            #expect(added.map { new[$0] } == new.filter { !old.contains($0) })
            #expect(removed.map { old[$0] } == old.filter { !new.contains($0) })
        }
        #expect(AdviceDiff.difference([], []) == ([], []))
        #expect(AdviceDiff.difference(["a", "b"], ["b", "a"]) == ([], []))
        #expect(AdviceDiff.difference(["a"], []) == ([], [0]))
        #expect(AdviceDiff.difference(["a", "b"], ["a", "b"]) == ([], []))
        #expect(AdviceDiff.difference(["a", "b", "c"], ["a", "x", "c"]) == ([1], [1]))
    }
}

/// The Δ names every decision whose choice (or 0-0 tie) differs, whether the two reviews list the same decisions in
/// the same order (compared position by position) or not (compared by id).
@Suite struct AdviceDiffDecisionTests {
    @Test func namesEveryDecisionThatChangedWhetherTheListsAlignOrNot() {
        let kb = TUIFixtures.kb
        let engine = RecommendationEngine(knowledgeBase: kb)
        let shape = { (id: String) in AnswerSet(answers: ["data.shape": Answer(value: .choice(id))]) }
        let pairs = [
            (shape("relational"), shape("documents")), (shape("documents"), shape("relational")),
            (AnswerSet(), shape("documents")), (shape("documents"), shape("documents")),
        ]
        var named = 0
        for (before, after) in pairs {
            let old = engine.review(before)
            let new = engine.review(after)
            let expected = new.decisions.filter { outcome in
                let previous = old.decision(outcome.decisionID)
                return previous?.chosen != outcome.chosen
                    || (previous?.hasNoPreference ?? false) != outcome.hasNoPreference
            }.map(\.title)
            let titles = { (changes: [AdviceChange]) -> [String] in
                changes.compactMap { if case .decision(let title, _, _) = $0.kind { title } else { nil } }
            }
            let aligned = AdviceDiff.changes(from: AdviceDiff.Snapshot(old), to: new, in: kb)
            #expect(titles(aligned) == expected)
            // A decision only the old review lists: the lists no longer align, and the rest compares by id.
            var padded = old
            var ghost = old.decisions[0]
            ghost.decisionID = "ghost"
            padded.decisions.insert(ghost, at: 0)
            let byID = AdviceDiff.changes(from: AdviceDiff.Snapshot(padded), to: new, in: kb)
            #expect(byID.map(\.text) == aligned.map(\.text))
            named += expected.count
        }
        #expect(named > 0)
    }
}
