import KnowledgeModel
import RecommendationEngine

/// `plan DECISION=OPTION` in the plain mode: what the user plans to use, saved with the answers and judged by the
/// review (the same proposals as `proposed:` in an answers file and `--propose`).
extension PlainInterview {
    struct Planned {
        var message: String
        /// The answers with the plan applied (nil when the command was only a question or had a mistake).
        var answers: AnswerSet?
        var decisionID: String
    }

    /// Parses `plan` arguments (` database=postgresql`, ` database=none`, or nothing to list the decisions); nil when
    /// the text is not a plan command at all (`planet` is an answer).
    func plan(_ arguments: String, _ answers: AnswerSet, _ review: Review) -> Planned? {
        guard arguments.isEmpty || arguments.first == " " else { return nil }
        let argument = arguments.trimmingCharacters(in: .whitespaces)
        guard !argument.isEmpty else {
            var text = "Decisions you can plan (plan DECISION=OPTION):\n"
            for outcome in review.decisions where outcome.status != .notApplicable {
                let options = outcome.options.map(\.optionID).joined(separator: ", ")
                text += "  \(outcome.decisionID): \(options)\n"
            }
            return Planned(message: text, answers: nil, decisionID: "")
        }
        guard let equals = argument.firstIndex(of: "=") else {
            return Planned(
                message: "Write plan DECISION=OPTION, e.g. plan database=postgresql.\n", answers: nil, decisionID: "")
        }
        let decision = argument[..<equals].trimmingCharacters(in: .whitespaces)
        let options = argument[argument.index(after: equals)...].split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        var updated = answers
        if options == ["none"], knowledgeBase.decision(decision) != nil {
            updated.proposed[decision] = nil
            return Planned(
                message: "No plan for \(decision); the review decides.\n", answers: updated, decisionID: decision)
        }
        if let problem = Proposals.problem(decision: decision, options: options, in: knowledgeBase) {
            return Planned(message: "Invalid: \(problem).\n", answers: nil, decisionID: decision)
        }
        updated.proposed[decision] = options
        return Planned(message: "", answers: updated, decisionID: decision)
    }

    /// The review's verdict on the plan for a decision, in one line.
    func verdictText(_ decisionID: String, _ review: Review) -> String {
        guard let verdict = review.proposals.first(where: { $0.decisionID == decisionID && $0.origin == .proposed })
        else { return "" }
        let name = { (id: String) in self.knowledgeBase.decision(decisionID)?.option(id)?.name ?? id }
        let planned = verdict.proposed.map(name).joined(separator: " + ")
        let recommended = verdict.recommended.map(name) ?? "no option"
        switch verdict.verdict {
        case .agrees: return "  Your plan \(planned) agrees with the review.\n"
        case .differs: return "  Your plan \(planned) differs: the review recommends \(recommended).\n"
        case .ruledOut:
            return "  Your plan \(planned) is ruled out for these answers; the review recommends \(recommended).\n"
        case .notApplicable: return "  Planned \(planned); the decision does not apply to these answers.\n"
        }
    }
}
