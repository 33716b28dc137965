import KnowledgeModel
import RecommendationEngine

/// What changed between two reviews, in the words the live pane shows.
public enum AdviceDiff {
    public static func changes(from old: Review?, to new: Review, in knowledgeBase: KnowledgeBase) -> [AdviceChange] {
        guard let old else { return [] }
        var changes: [AdviceChange] = []
        for outcome in new.decisions {
            let before = old.decision(outcome.decisionID)?.chosen
            guard before != outcome.chosen else { continue }
            let decision = knowledgeBase.decision(outcome.decisionID)
            let name = { (id: String?) in id.map { decision?.option($0)?.name ?? $0 } }
            changes.append(
                AdviceChange(.decision(title: outcome.title, from: name(before), to: name(outcome.chosen))))
        }
        let oldFindings = Set(old.findings.map(\.finding.id))
        let newFindings = Set(new.findings.map(\.finding.id))
        for raised in new.findings where !oldFindings.contains(raised.finding.id) {
            changes.append(AdviceChange(.findingRaised(raised.finding.title)))
        }
        for cleared in old.findings where !newFindings.contains(cleared.finding.id) {
            changes.append(AdviceChange(.findingCleared(cleared.finding.title)))
        }
        let oldTensions = Set(old.tensions.map(\.tension.id))
        let newTensions = Set(new.tensions.map(\.tension.id))
        for raised in new.tensions where !oldTensions.contains(raised.tension.id) {
            changes.append(AdviceChange(.tensionRaised(raised.tension.title)))
        }
        for cleared in old.tensions where !newTensions.contains(cleared.tension.id) {
            changes.append(AdviceChange(.tensionCleared(cleared.tension.title)))
        }
        return changes
    }
}
