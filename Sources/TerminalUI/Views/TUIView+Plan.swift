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
}
