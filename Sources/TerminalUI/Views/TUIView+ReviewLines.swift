import KnowledgeModel
import RecommendationEngine

extension TUIView {
    /// A tab's lines. Rows are formatted on demand, so that a redraw formats only the rows on screen (a what-if
    /// table or checklist can have thousands).
    struct ReviewLines {
        var header: String?
        var count = 0
        var row: (Int) -> (text: String, role: StyleRole) = { _ in ("", .normal) }
        var empty = ""
        /// Shown in the list's title after the position (e.g. "2 of 9 done").
        var titleNote: String?
        /// Columns the widest row needs (of the first 200), for sharing the width with the detail pane; measured
        /// only when asked (the caller keeps it per review: it formats up to 200 rows).
        func contentWidth() -> Int {
            (0..<min(count, 200)).reduce(0) { max($0, TextWidth.of(row($1).text) + 2) }
        }

        /// Rows given as a list.
        mutating func set(_ rows: [(text: String, role: StyleRole)]) {
            count = rows.count
            row = { rows[$0] }
        }

        /// `count` rows, each formatted from an element of `elements` by `format` when it is drawn.
        mutating func set<Element>(
            _ elements: [Element], _ format: @escaping (Element) -> (text: String, role: StyleRole)
        ) {
            count = elements.count
            row = { format(elements[$0]) }
        }
    }

    func reviewLines(_ state: TUIState, width: Int) -> ReviewLines {
        var lines = ReviewLines()
        guard let review = state.advice.review else {
            lines.empty = "No review yet."
            return lines
        }
        switch state.review.tab {
        case .overview:
            lines.set(ReviewRows.overview(state, knowledgeBase)) { overviewRow($0, review) }
            lines.empty = "Nothing to review yet."
        case .decisions:
            decisionLines(review, state.advice.derived, width: width, &lines)
        case .findings:
            let answers = state.answers
            lines.set(ReviewRows.issues(state, knowledgeBase)) { issueRow($0, answers) }
            let open = state.advice.derived.number("findings.open") { review.findings.count { $0.accepted == nil } }
            lines.titleNote = "\(counted(review.tensions.count, "tension")), \(counted(open, "open finding"))"
            lines.empty = "No tensions and no findings for these answers."
        case .checklist:
            let checklist = review.checklist
            lines.set(ReviewRows.checklist(state)) { index in
                let entry = checklist[index]
                let mark = entry.done ? "[x] " : "[ ] "
                return (
                    mark + "\(entry.item.priority.rawValue) · " + entry.item.text, entry.done ? .success : .normal
                )
            }
            let done = state.advice.derived.number("checklist.done") { checklist.count(where: \.done) }
            lines.titleNote = "\(done) of \(checklist.count) done"
            lines.empty =
                checklist.isEmpty ? "No checklist items apply." : "No item matches the filter (Esc in it clears)."
        case .whatIf:
            whatIfLines(state, &lines)
        case .export:
            exportLines(state.review.export, &lines)
        }
        return lines
    }

    private func overviewRow(_ row: OverviewRow, _ review: Review) -> (text: String, role: StyleRole) {
        switch row {
        case .heading(let text): return (text, .title)
        case .note(let text): return ("  " + text, .dim)
        case .priority(let priority):
            let role: StyleRole =
                priority.severity == .high ? .error : (priority.severity == .medium ? .warning : .normal)
            return ("\(priority.rank). [\(priority.severity.rawValue)] \(priority.title)", role)
        case .proposal(let verdict):
            let decision = knowledgeBase.decision(verdict.decisionID)
            let name = { (id: String) in decision?.option(id)?.name ?? id }
            let proposed = verdict.proposed.map(name).joined(separator: " + ")
            let subject = verdict.origin == .runsToday ? verdict.subject(naming: proposed) : "your plan \(proposed)"
            let outcome: String
            switch verdict.verdict {
            case .agrees where review.decision(verdict.decisionID)?.hasNoPreference == true:
                // A 0-0 tie: the first-listed option is no recommendation against the plan.
                outcome =
                    "agrees (" + DecisionExplanation.noPreference + ": nothing in your answers favours another"
                    + " option)"
            case .agrees where verdict.tiesWithRecommendation:
                outcome = "agrees (tied with \(verdict.recommended.map(name) ?? "another option"))"
            case .agrees: outcome = "agrees"
            case .differs: outcome = "differs: \(verdict.recommended.map(name) ?? "another option") recommended"
            case .ruledOut: outcome = "ruled out"
            case .notApplicable: outcome = "does not apply"
            }
            return (
                "\(verdict.title): \(subject) — \(outcome)",
                verdict.verdict == .agrees ? .success : .warning
            )
        case .tradeoff(_, let title, let tradeoff):
            return ("! \(title): \(tradeoff.text)", .warning)
        case .firmUp(let question):
            let count = question.decisions.count
            let moves = count == 0 ? counted(question.risks, "risk") : counted(count, "decision")
            return ("? \(question.prompt) (could change \(moves))", .normal)
        }
    }

    /// A row of the Tensions & Findings tab; a finding whose acceptance has run out (open again although
    /// `answers` still holds the acceptance) says so.
    private func issueRow(_ row: IssueRow, _ answers: AnswerSet) -> (text: String, role: StyleRole) {
        switch row {
        case .heading(let text): return (text, .title)
        case .tension(let raised): return ("⇄ tension: " + raised.tension.title, .warning)
        case .finding(let raised):
            var accepted =
                raised.accepted.map { " — accepted\($0.expires.map { " until " + $0 } ?? ""): \($0.reason)" } ?? ""
            if raised.accepted == nil, let expired = answers.acceptedRisk(for: raised.finding.id) {
                accepted = " — acceptance expired \(expired.expires ?? "")"
            }
            let role: StyleRole =
                raised.accepted != nil ? .success : (raised.finding.severity == .high ? .error : .warning)
            return ("! \(raised.finding.severity.rawValue): \(raised.finding.title)\(accepted)", role)
        }
    }

    /// Decision, choice (with its marks), and the compact why: columns sized by their content.
    private func decisionLines(_ review: Review, _ derived: DerivedRows, width: Int, _ lines: inout ReviewLines) {
        let knowledgeBase = self.knowledgeBase
        let choice = { (outcome: DecisionOutcome) -> String in
            switch outcome.status {
            case .chosen:
                if outcome.hasNoPreference { return DecisionExplanation.noPreference }
                var text = outcome.chosenAssessment?.name ?? "?"
                if outcome.isCloseCall { text += " ≈" }
                if outcome.lowConfidence { text += " ?" }
                return text
            case .notApplicable: return "n/a"
            case .infeasible: return "no feasible option"
            }
        }
        // Column widths from the first 300 decisions, measured once per review.
        let sample = review.decisions.prefix(300)
        let titleWidth = min(
            derived.number("decisions.title") { sample.reduce(8) { max($0, TextWidth.of($1.title)) } },
            max(10, width * 3 / 10))
        let choiceWidth = min(
            derived.number("decisions.choice") { sample.reduce(6) { max($0, TextWidth.of(choice($1))) } },
            max(8, width * 3 / 10))
        lines.header =
            "  " + TextWidth.pad("Decision", to: titleWidth) + "  " + TextWidth.pad("Choice", to: choiceWidth)
            + "  Why"
        lines.set(review.decisions) { outcome in
            let why: String
            switch outcome.status {
            case .chosen:
                if outcome.hasNoPreference {
                    why = DecisionExplanation.noPreferenceReason
                    break
                }
                let summary = outcome.summary(in: knowledgeBase)
                var parts: [String] = []
                if let runnerUp = summary.runnerUp {
                    parts.append("over \(runnerUp.name) (\(outcome.score)–\(runnerUp.score))")
                }
                if let reason = summary.decisiveReason { parts.append(reason.because) }
                why = parts.joined(separator: ": ")
            case .notApplicable:
                why =
                    knowledgeBase.decision(outcome.decisionID)?.appliesIf.map { "needed only when " + $0.source }
                    ?? "does not apply"
            case .infeasible: why = "the constraints collide (Enter shows which)"
            }
            let text =
                TextWidth.pad(outcome.title, to: titleWidth) + "  " + TextWidth.pad(choice(outcome), to: choiceWidth)
                + "  " + why
            return (text, outcome.status == .infeasible ? .error : (outcome.status == .chosen ? .normal : .dim))
        }
        lines.empty = "The knowledge base has no decisions."
    }

    private func whatIfLines(_ state: TUIState, _ lines: inout ReviewLines) {
        let knowledgeBase = self.knowledgeBase
        lines.set(state.advice.whatIf?.rows ?? []) { row in
            let question = knowledgeBase.question(row.questionID)
            let current =
                row.current.map { value in question.map { displayText(of: value, for: $0) } ?? value.description }
                ?? "unanswered"
            let alternative = question.map { displayText(of: row.alternative, for: $0) } ?? row.alternative.description
            let effects = row.changes.map { change in
                let decision = knowledgeBase.decision(change.decisionID)
                let to = change.to.map { decision?.option($0)?.name ?? $0 } ?? "—"
                return "\(decision?.title ?? change.decisionID) → \(to)"
            }.joined(separator: "; ")
            return ("\(row.questionID) = \(alternative) (now \(current)) ⇒ \(effects)", row.isOpen ? .warning : .normal)
        }
        let settled = state.advice.whatIf?.settled.count ?? 0
        lines.titleNote = "\(counted(settled, "decision")) settled"
        lines.empty = "No single answer change would change a decision."
    }

    private func exportLines(_ form: ExportForm, _ lines: inout ReviewLines) {
        var rows: [(text: String, role: StyleRole)] = []
        for field in ExportForm.Field.allCases {
            let editing = form.editing == field
            let label = TextWidth.pad(field.label + ":", to: Self.exportLabelWidth)
            let value = form[field].text.isEmpty && !editing ? "—" : form[field].text
            rows.append(
                (label + value + (editing ? "" : "   (\(field.hint); Enter edits)"), editing ? .selected : .normal))
        }
        rows.append(("Preview what will be created, updated or superseded", .normal))
        rows.append(
            (
                "Write the decision records" + (form.preview == nil ? " (preview first)" : ""),
                form.preview == nil ? .dim : .normal
            ))
        if let preview = form.preview {
            rows += preview.map { ("  " + $0, StyleRole.normal) }
            lines.titleNote = "Preview: \(preview.count) entr\(preview.count == 1 ? "y" : "ies")"
        } else if let result = form.result {
            rows += result.map { ("  " + $0, StyleRole.success) }
            lines.titleNote = "Written: \(result.count) entr\(result.count == 1 ? "y" : "ies")"
        }
        lines.set(rows)
    }
}
