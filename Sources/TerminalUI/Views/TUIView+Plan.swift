import KnowledgeModel
import RecommendationEngine

extension TUIView {
    /// The options of a decision to propose from: the recommendation and the current plan marked, then "no plan".
    func planLines(_ decisionID: String, cursor: Int, _ state: TUIState) -> [(text: String, role: StyleRole)] {
        guard let decision = knowledgeBase.decision(decisionID) else { return [] }
        let outcome = state.advice.review?.decision(decisionID)
        let planned = state.answers.proposed[decisionID] ?? []
        var lines: [(String, StyleRole)] = [("What do you plan to use? The review judges your plan.", .dim)]
        for (index, option) in decision.options.enumerated() {
            var marks: [String] = []
            if option.id == outcome?.chosen { marks.append("recommended") }
            if planned.contains(option.id) { marks.append("your plan") }
            let text =
                (index == cursor ? "› " : "  ") + option.name
                + (marks.isEmpty ? "" : " (" + marks.joined(separator: ", ") + ")")
            lines.append((text, index == cursor ? .focused : .normal))
        }
        let none = decision.options.count
        lines.append(
            ((cursor == none ? "› " : "  ") + "No plan: let the review decide", cursor == none ? .focused : .dim))
        return lines
    }

    /// Under a decision's HOW: the verdict on the user's plan, the costs that hold, the options to add alongside.
    func judgementLines(_ decisionID: String, _ state: TUIState) -> [(text: String, role: StyleRole)] {
        guard let review = state.advice.review, let outcome = review.decision(decisionID) else { return [] }
        var lines: [(String, StyleRole)] = []
        for tradeoff in outcome.tradeoffs where tradeoff.holds {
            lines.append(("! Cost here: " + tradeoff.text + (tradeoff.advice.map { ". " + $0 } ?? ""), .warning))
        }
        for complement in outcome.complements {
            lines.append(("& Alongside: \(complement.name): \(complement.because)", .normal))
        }
        if let verdict = review.proposals.first(where: { $0.decisionID == decisionID }) {
            let names = verdict.proposed.map { knowledgeBase.decision(decisionID)?.option($0)?.name ?? $0 }
            let subject = (verdict.origin == .runsToday ? "You run " : "Your plan: ") + names.joined(separator: " + ")
            lines.append(("\(subject) — \(verdict.verdict.rawValue)", verdict.verdict == .agrees ? .success : .warning))
            for counter in verdict.counterindications { lines.append(("  ! " + counter.text, .warning)) }
            if let cost = verdict.switchingCost { lines.append(("  Switching cost: " + cost, .dim)) }
        }
        return lines
    }
}
