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
