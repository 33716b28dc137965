import KnowledgeModel
import RecommendationEngine

/// What changed between two reviews, in the words the live pane shows.
public enum AdviceDiff {
    /// What of a review the comparison needs: the choices, the raised findings and tensions, the checklist items.
    public struct Snapshot: Sendable {
        /// Each decision's id and choice, and whether the choice rests on a 0-0 tie (no preference), in separate
        /// lists (read in place when compared: a list of tuples copied two strings per decision).
        let decisionIDs: [String]
        let chosen: [String?]
        let ties: [Bool]
        let findingIDs: [String]
        let findingTitles: [String]
        let tensionIDs: [String]
        let tensionTitles: [String]
        /// The checklist items' ids (their text comes from the knowledge base when one is dropped).
        let checklist: [String]

        /// The checklist is summarised only when `includeChecklist` (it is the longest part of a review).
        public init(_ review: Review, includeChecklist: Bool = true) {
            let entries = review.checklist
            checklist = includeChecklist ? entries.indices.map { entries[$0].item.id } : []
            (decisionIDs, chosen, ties) = review.decisions.withUnsafeBufferPointer { decisions in
                (
                    decisions.indices.map { decisions[$0].decisionID }, decisions.indices.map { decisions[$0].chosen },
                    decisions.indices.map { decisions[$0].hasNoPreference }
                )
            }
            (findingIDs, findingTitles) = review.findings.withUnsafeBufferPointer { raised in
                (raised.indices.map { raised[$0].finding.id }, raised.indices.map { raised[$0].finding.title })
            }
            (tensionIDs, tensionTitles) = review.tensions.withUnsafeBufferPointer { raised in
                (raised.indices.map { raised[$0].tension.id }, raised.indices.map { raised[$0].tension.title })
            }
        }
    }

    /// The changes from the review `old` summarises to `new` (none when there was no earlier review); checklist
    /// items that came or went too when `includeChecklist`.
    public static func changes(
        from old: Snapshot?, to new: Review, in knowledgeBase: KnowledgeBase, includeChecklist: Bool = false
    ) -> [AdviceChange] {
        guard let old else { return [] }
        // The review's lists are read element by element through indices (a loop over the elements would copy each
        // one, thousands of outcomes and checklist entries at a large knowledge base's scale).
        var changes: [AdviceChange] = []
        // Reviews list every decision in knowledge-base order: compare position by position (by id otherwise). The
        // outcomes and the snapshot are read in place (through their buffers) rather than copied one by one.
        new.decisions.withUnsafeBufferPointer { decisions in
            old.decisionIDs.withUnsafeBufferPointer { oldIDs in
                old.chosen.withUnsafeBufferPointer { oldChosen in
                    let aligned =
                        oldIDs.count == decisions.count
                        && decisions.indices.allSatisfy { oldIDs[$0] == decisions[$0].decisionID }
                    var byID: [String: Int] = [:]
                    if !aligned { for index in oldIDs.indices.reversed() { byID[oldIDs[index]] = index } }
                    for position in decisions.indices {
                        let tie = decisions[position].hasNoPreference
                        let oldPosition = aligned ? position : byID[decisions[position].decisionID]
                        let tieBefore = oldPosition.map { old.ties[$0] } ?? false
                        let same: Bool
                        if let oldPosition {
                            same = oldChosen[oldPosition] == decisions[position].chosen && tieBefore == tie
                        } else {
                            same = decisions[position].chosen == nil && !tie
                        }
                        guard !same else { continue }
                        let before = oldPosition.flatMap { oldChosen[$0] }
                        let decision = knowledgeBase.decision(decisions[position].decisionID)
                        // A 0-0 tie is named as what it is, not as the option listed first.
                        let name = { (id: String?, tie: Bool) in
                            tie ? DecisionExplanation.noPreference : id.map { decision?.option($0)?.name ?? $0 }
                        }
                        changes.append(
                            AdviceChange(
                                .decision(
                                    title: decisions[position].title, from: name(before, tieBefore),
                                    to: name(decisions[position].chosen, tie))))
                    }
                }
            }
        }
        let findings = difference(
            old.findingIDs,
            new.findings.withUnsafeBufferPointer { raised in raised.indices.map { raised[$0].finding.id } })
        for index in findings.added { changes.append(AdviceChange(.findingRaised(new.findings[index].finding.title))) }
        for index in findings.removed { changes.append(AdviceChange(.findingCleared(old.findingTitles[index]))) }
        let tensions = difference(
            old.tensionIDs,
            new.tensions.withUnsafeBufferPointer { raised in raised.indices.map { raised[$0].tension.id } })
        for index in tensions.added { changes.append(AdviceChange(.tensionRaised(new.tensions[index].tension.title))) }
        for index in tensions.removed { changes.append(AdviceChange(.tensionCleared(old.tensionTitles[index]))) }
        guard includeChecklist else { return changes }
        let checklist = new.checklist
        let items = difference(old.checklist, checklist.indices.map { checklist[$0].item.id })
        for index in items.added { changes.append(AdviceChange(.checklistAdded(checklist[index].item.text))) }
        for index in items.removed {
            let id = old.checklist[index]
            changes.append(AdviceChange(.checklistRemoved(knowledgeBase.checklistItem(id)?.text ?? id)))
        }
        return changes
    }

    /// The positions of ids only in `new` (added) and only in `old` (removed), each in list order: what a comparison
    /// of the two sets finds. Both lists keep one fixed order with unique ids, and an answer changes few entries, often
    /// spread over the whole list (findings are ranked by severity): the two lists are walked side by side, and at a
    /// mismatch a short look ahead tells an added run from a removed one, comparing ids without hashing them. Should
    /// the look ahead fail or the lists not share an order after all (an id both added and removed), what is left is
    /// compared by id through a dictionary, as sets.
    static func difference(_ old: [String], _ new: [String]) -> (added: [Int], removed: [Int]) {
        var added: [Int] = []
        var removed: [Int] = []
        var oldIndex = 0
        var newIndex = 0
        let window = 32
        walk: while oldIndex < old.count, newIndex < new.count {
            if old[oldIndex] == new[newIndex] {
                oldIndex += 1
                newIndex += 1
                continue
            }
            for distance in 1...window {
                if newIndex + distance < new.count, old[oldIndex] == new[newIndex + distance] {
                    added.append(contentsOf: newIndex..<(newIndex + distance))
                    newIndex += distance
                    continue walk
                }
                if oldIndex + distance < old.count, new[newIndex] == old[oldIndex + distance] {
                    removed.append(contentsOf: oldIndex..<(oldIndex + distance))
                    oldIndex += distance
                    continue walk
                }
            }
            break
        }
        if oldIndex == old.count {
            added.append(contentsOf: newIndex..<new.count)
        } else if newIndex == new.count {
            removed.append(contentsOf: oldIndex..<old.count)
        } else {
            let rest = setDifference(old, new, from: oldIndex, newIndex)
            added += rest.added
            removed += rest.removed
        }
        // An id reported on both sides moved: the lists do not share one order, so compare them whole as sets.
        if !added.isEmpty, !removed.isEmpty {
            let gone = Set(removed.map { old[$0] })
            if added.contains(where: { gone.contains(new[$0]) }) { return setDifference(old, new, from: 0, 0) }
        }
        return (added, removed)
    }

    /// ``difference(_:_:)`` of `old[oldStart...]` and `new[newStart...]` through a dictionary of ids.
    private static func setDifference(
        _ old: [String], _ new: [String], from oldStart: Int, _ newStart: Int
    ) -> (added: [Int], removed: [Int]) {
        var gone = [String: Int](minimumCapacity: old.count - oldStart)
        for index in oldStart..<old.count { gone[old[index]] = index }
        var added: [Int] = []
        for index in newStart..<new.count where gone.removeValue(forKey: new[index]) == nil { added.append(index) }
        return (added, gone.values.sorted())
    }
}
