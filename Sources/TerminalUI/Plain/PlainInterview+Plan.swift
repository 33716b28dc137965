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
            return Planned(message: "Invalid: \(sentence(problem))\n", answers: nil, decisionID: decision)
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

/// The plan step at the end of each section (only when ``PlainInterview/offersSectionPlans``).
extension PlainInterview {
    /// Decisions the questions of a section can move and that apply to these answers, in review order.
    func decisions(ofSection section: String, _ review: Review) -> [DecisionOutcome] {
        var moved: Set<String> = []
        for question in knowledgeBase.questions where question.section == section {
            moved.formUnion(advisor.influence(of: question.id).decisions)
        }
        return review.decisions.filter { moved.contains($0.decisionID) && $0.status != .notApplicable }
    }

    /// "Any plans for the decisions of this section?": reads `plan DECISION=OPTION` (or `DECISION=OPTION`) lines
    /// until Enter. Returns how the interview ends when the user quits or input ends here, nil to go on.
    func offerSectionPlan(_ section: String, _ run: inout Run, _ io: some LineIO) -> Outcome? {
        guard !run.plannedSections.contains(section) else { return nil }
        run.plannedSections.insert(section)
        let outcomes = decisions(ofSection: section, run.session.review)
        guard !outcomes.isEmpty else { return nil }
        var text = "\nAny plans for the decisions of this section? (plan DECISION=OPTION, Enter to skip)\n"
        for outcome in outcomes {
            let options = outcome.options.map(\.optionID).joined(separator: ", ")
            let planned = run.answers.proposed[outcome.decisionID].map { "; planned: \($0.joined(separator: " + "))" }
            let recommended = outcome.chosenAssessment.map { "; recommended: \($0.name)" } ?? ""
            text += wrapped("\(outcome.decisionID): \(options)\(planned ?? recommended)", indent: "  ")
        }
        io.write(text)
        while true {
            io.write("Plan: ")
            guard let line = io.readLine() else { return endOfInput(run, io) }
            let text = sanitizedForTerminal(line).trimmingCharacters(in: .whitespaces)
            switch text.lowercased() {
            case "", "skip", "s", "no", "n": return nil
            case "quit", "exit", "q": return .quit
            default:
                let arguments = text.lowercased().hasPrefix("plan") ? String(text.dropFirst(4)) : " " + text
                guard let planned = plan(arguments, run.answers, run.session.review) else {
                    io.write("Write plan DECISION=OPTION, or press Enter to go on.\n")
                    continue
                }
                apply(planned, &run, io)
            }
        }
    }
}
