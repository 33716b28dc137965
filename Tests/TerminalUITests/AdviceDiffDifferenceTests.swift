import Testing

@testable import TerminalUI

/// The Δ compares ordered lists of unique ids by skipping their common start and end: it must find exactly what a
/// comparison of the two sets finds, in list order.
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
        #expect(AdviceDiff.difference([], []) == ([], []))
        #expect(AdviceDiff.difference(["a", "b"], ["a", "b"]) == ([], []))
        #expect(AdviceDiff.difference(["a", "b", "c"], ["a", "x", "c"]) == ([1], [1]))
    }
}
