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
        let checklist: [(id: String, text: String)]

        /// The checklist is summarised only when `includeChecklist` (it is the longest part of a review).
        public init(_ review: Review, includeChecklist: Bool = true) {
            checklist = includeChecklist ? review.checklist.map { ($0.item.id, $0.item.text) } : []
            choices = review.decisions.map { ($0.decisionID, $0.chosen, $0.hasNoPreference) }
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
        var changes: [AdviceChange] = []
        // Reviews list every decision in knowledge-base order: compare position by position (by id otherwise).
        let aligned =
            old.choices.count == new.decisions.count
            && zip(old.choices, new.decisions).allSatisfy { $0.decisionID == $1.decisionID }
        let byID =
            aligned ? [:] : Dictionary(old.choices.map { ($0.decisionID, ($0.chosen, $0.tie)) }) { first, _ in first }
        for (position, outcome) in new.decisions.enumerated() {
            let before =
                aligned
                ? (old.choices[position].chosen, old.choices[position].tie) : byID[outcome.decisionID] ?? (nil, false)
            guard before.0 != outcome.chosen || before.1 != outcome.hasNoPreference else { continue }
            let decision = knowledgeBase.decision(outcome.decisionID)
            // A 0-0 tie is named as what it is, not as the option listed first.
            let name = { (id: String?, tie: Bool) in
                tie ? DecisionExplanation.noPreference : id.map { decision?.option($0)?.name ?? $0 }
            }
            changes.append(
                AdviceChange(
                    .decision(
                        title: outcome.title, from: name(before.0, before.1),
                        to: name(outcome.chosen, outcome.hasNoPreference))))
        }
        let oldFindings = Set(old.findings.map(\.id))
        let newFindings = Set(new.findings.map(\.finding.id))
        for raised in new.findings where !oldFindings.contains(raised.finding.id) {
            changes.append(AdviceChange(.findingRaised(raised.finding.title)))
        }
        for cleared in old.findings where !newFindings.contains(cleared.id) {
            changes.append(AdviceChange(.findingCleared(cleared.title)))
        }
        let oldTensions = Set(old.tensions.map(\.id))
        let newTensions = Set(new.tensions.map(\.tension.id))
        for raised in new.tensions where !oldTensions.contains(raised.tension.id) {
            changes.append(AdviceChange(.tensionRaised(raised.tension.title)))
        }
        for cleared in old.tensions where !newTensions.contains(cleared.id) {
            changes.append(AdviceChange(.tensionCleared(cleared.title)))
        }
        guard includeChecklist else { return changes }
        let oldItems = Set(old.checklist.map(\.id))
        let newItems = Set(new.checklist.map(\.item.id))
        for entry in new.checklist where !oldItems.contains(entry.item.id) {
            changes.append(AdviceChange(.checklistAdded(entry.item.text)))
        }
        for removed in old.checklist where !newItems.contains(removed.id) {
            changes.append(AdviceChange(.checklistRemoved(removed.text)))
        }
        return changes
    }
}
