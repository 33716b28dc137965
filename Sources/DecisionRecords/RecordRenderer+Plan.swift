import KnowledgeModel
import RecommendationEngine
import ReviewRendering

extension RecordRenderer {
    /// The paragraph on the team's plan for this decision (`proposed:`, or what a running service uses today), as
    /// the review judged it; nil when there is none. A record that recommends PostgreSQL while the team planned
    /// MongoDB must say so: keeping the plan is then a decision to write down with its reason.
    func planParagraph(_ outcome: DecisionOutcome) -> String? {
        guard let verdict = report.review.proposals.first(where: { $0.decisionID == outcome.decisionID }) else {
            return nil
        }
        let esc = MarkdownText.inline
        let name = { (id: String) in esc(report.optionName(outcome.decisionID, id)) }
        let subject = verdict.subject(naming: verdict.proposed.map(name).joined(separator: " + "))
        let lead = "Your plan: " + subject
        let recommended = verdict.recommended.map(name) ?? "another option"
        switch verdict.verdict {
        case .notApplicable:
            return nil
        case .agrees where verdict.tiesWithRecommendation:
            return "\(lead), which ties with \(recommended) for these answers: as good a choice."
        case .agrees:
            return "\(lead), which this record confirms."
        case .differs, .ruledOut:
            var text = lead
            if verdict.verdict == .ruledOut {
                text += "; the review rules it out"
                if let incompatibility = verdict.incompatibility { text += " (\(esc(incompatibility)))" }
            } else {
                text += "; the review recommends \(recommended) instead"
                if let margin = verdict.margin { text += " (by \(margin))" }
                if verdict.replacesWhatRuns { text += ", which runs today" }
            }
            text += "."
            let against =
                verdict.counterindications.first?.text ?? verdict.reasonsAgainst.first?.because
                ?? verdict.reasonsFor.first?.because
            if let against { text += " " + Self.sentence(esc(against)) }
            if let cost = verdict.switchingCost { text += " Switching cost: " + Self.sentence(esc(cost)) }
            return text + " Keeping the plan is a decision to record here, with its reason."
        }
    }

    /// `text` ending with a full stop.
    static func sentence(_ text: String) -> String {
        text.hasSuffix(".") ? text : text + "."
    }
}
