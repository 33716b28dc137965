import KnowledgeModel
import RecommendationEngine

/// What changed between two reviews, in the words the live pane shows.
public enum AdviceDiff {
    /// What of a review the comparison needs: the choices, the raised findings and tensions, the checklist items.
    public struct Snapshot: Sendable {
        /// Each decision's choice; `tie` when it rests on a 0-0 tie (no preference).
        let choices: [(decisionID: String, chosen: String?, tie: Bool)]
        let findings: [(id: String, title: String)]
        let tensions: [(id: String, title: String)]
        /// The checklist items' ids (their text comes from the knowledge base when one is dropped).
        let checklist: [String]

        /// The checklist is summarised only when `includeChecklist` (it is the longest part of a review).
        public init(_ review: Review, includeChecklist: Bool = true) {
            let entries = review.checklist
            checklist = includeChecklist ? entries.indices.map { entries[$0].item.id } : []
            let decisions = review.decisions
            choices = decisions.indices.map {
                (decisions[$0].decisionID, decisions[$0].chosen, decisions[$0].hasNoPreference)
            }
            findings = review.findings.map { ($0.finding.id, $0.finding.title) }
            tensions = review.tensions.map { ($0.tension.id, $0.tension.title) }
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
        let decisions = new.decisions
        // Reviews list every decision in knowledge-base order: compare position by position (by id otherwise).
        let aligned =
            old.choices.count == decisions.count
            && decisions.indices.allSatisfy { old.choices[$0].decisionID == decisions[$0].decisionID }
        let byID =
            aligned ? [:] : Dictionary(old.choices.map { ($0.decisionID, ($0.chosen, $0.tie)) }) { first, _ in first }
        for position in decisions.indices {
            let chosen = decisions[position].chosen
            let tie = decisions[position].hasNoPreference
            let before =
                aligned
                ? (old.choices[position].chosen, old.choices[position].tie)
                : byID[decisions[position].decisionID] ?? (nil, false)
            guard before.0 != chosen || before.1 != tie else { continue }
            let decision = knowledgeBase.decision(decisions[position].decisionID)
            // A 0-0 tie is named as what it is, not as the option listed first.
            let name = { (id: String?, tie: Bool) in
                tie ? DecisionExplanation.noPreference : id.map { decision?.option($0)?.name ?? $0 }
            }
            changes.append(
                AdviceChange(
                    .decision(title: decisions[position].title, from: name(before.0, before.1), to: name(chosen, tie))))
        }
        let oldFindings = Set(old.findings.map(\.id))
        let newFindings = Set(new.findings.map(\.finding.id))
        for index in new.findings.indices where !oldFindings.contains(new.findings[index].finding.id) {
            changes.append(AdviceChange(.findingRaised(new.findings[index].finding.title)))
        }
        for cleared in old.findings where !newFindings.contains(cleared.id) {
            changes.append(AdviceChange(.findingCleared(cleared.title)))
        }
        let oldTensions = Set(old.tensions.map(\.id))
        let newTensions = Set(new.tensions.map(\.tension.id))
        for index in new.tensions.indices where !oldTensions.contains(new.tensions[index].tension.id) {
            changes.append(AdviceChange(.tensionRaised(new.tensions[index].tension.title)))
        }
        for cleared in old.tensions where !newTensions.contains(cleared.id) {
            changes.append(AdviceChange(.tensionCleared(cleared.title)))
        }
        guard includeChecklist else { return changes }
        // Both lists keep one fixed order: skip the common start and end, then compare what is left by id.
        let checklist = new.checklist
        var start = 0
        while start < old.checklist.count, start < checklist.count,
            old.checklist[start] == checklist[start].item.id
        {
            start += 1
        }
        var oldEnd = old.checklist.count
        var newEnd = checklist.count
        while oldEnd > start, newEnd > start, old.checklist[oldEnd - 1] == checklist[newEnd - 1].item.id {
            oldEnd -= 1
            newEnd -= 1
        }
        var gone = [String: Int](minimumCapacity: oldEnd - start)
        for index in start..<oldEnd { gone[old.checklist[index]] = index }
        for index in start..<newEnd where gone.removeValue(forKey: checklist[index].item.id) == nil {
            changes.append(AdviceChange(.checklistAdded(checklist[index].item.text)))
        }
        for (id, _) in gone.sorted(by: { $0.value < $1.value }) {
            changes.append(AdviceChange(.checklistRemoved(knowledgeBase.checklistItem(id)?.text ?? id)))
        }
        return changes
    }
}
