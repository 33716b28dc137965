import KnowledgeModel
import RecommendationEngine

extension TUIView {
    func drawReview(_ state: TUIState, in body: Rect, _ screen: inout Screen) {
        var column = 1
        for tab in ReviewTab.allCases {
            let label = " \(tab.rawValue + 1) \(tab.title) "
            guard column + TextWidth.of(label) < body.width else { break }
            column += screen.write(label, row: body.row, column: column, role: tab == state.review.tab ? .active : .dim)
            column += 1
        }
        let rect = Rect(row: body.row + 1, column: 0, width: body.width, height: body.height - 1)
        screen.box(rect, title: state.review.tab.title)
        let inner = Rect(row: rect.row + 1, column: 2, width: rect.width - 4, height: rect.height - 2)
        let lines = reviewLines(state, width: inner.width)
        if lines.count == 0 {
            screen.write(lines.empty, row: inner.row, column: inner.column, limit: inner.width, role: .dim)
        }
        let header = lines.header == nil ? 0 : 1
        if let text = lines.header {
            screen.write(text, row: inner.row, column: inner.column, limit: inner.width, role: .title)
        }
        let range = visibleRange(
            count: lines.count, cursor: state.review.cursor, height: inner.height - header - lines.footer.count)
        for (offset, index) in range.enumerated() {
            let focused = index == state.review.cursor
            let row = lines.row(index)
            screen.write(
                (focused ? "› " : "  ") + row.text, row: inner.row + header + offset, column: inner.column,
                limit: inner.width, role: focused ? .focused : row.role)
        }
        let footerTop = inner.bottom - lines.footer.count
        for (offset, line) in lines.footer.enumerated() {
            screen.write(line.text, row: footerTop + offset, column: inner.column, limit: inner.width, role: line.role)
        }
        if state.review.tab == .export, let field = state.review.export.editing, range.contains(field.rawValue) {
            let offset = 2 + Self.exportLabelWidth
            drawField(
                state.review.export[field], row: inner.row + header + field.rawValue - range.lowerBound,
                column: inner.column + offset, width: max(8, inner.width - offset), focused: true, role: .focused,
                &screen)
        }
    }

    /// Columns of the Export tab's field labels ("Decision-makers: ").
    static let exportLabelWidth = 17

    /// A tab's lines. Rows are formatted on demand, so that a redraw formats only the rows on screen (a what-if
    /// table or checklist can have thousands).
    struct ReviewLines {
        var header: String?
        var count = 0
        var row: (Int) -> (text: String, role: StyleRole) = { _ in ("", .normal) }
        var footer: [(text: String, role: StyleRole)] = []
        var empty = ""

        /// Rows given as a list.
        mutating func set(_ rows: [(text: String, role: StyleRole)]) {
            count = rows.count
            row = { rows[$0] }
        }

        /// `count` rows, each formatted from an element of `elements` by `format`.
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
        case .decisions:
            let nameWidth = max(10, min(28, width / 3))
            lines.header =
                "  " + TextWidth.pad("Decision", to: nameWidth) + "  " + TextWidth.pad("Choice", to: nameWidth)
                + "  Score  Runner-up"
            lines.set(review.decisions) { outcome in
                let choice: String
                switch outcome.status {
                case .chosen: choice = outcome.chosenAssessment?.name ?? "?"
                case .notApplicable: choice = "(not applicable)"
                case .infeasible: choice = "(no feasible option)"
                }
                let runnerUp = outcome.options.dropFirst().first.map { "\($0.name) (\($0.score))" } ?? ""
                var flags = ""
                if outcome.isCloseCall { flags += " close call" }
                if outcome.lowConfidence { flags += " · rests on defaults" }
                let score = outcome.status == .chosen ? String(outcome.score) : ""
                let text =
                    TextWidth.pad(outcome.title, to: nameWidth) + "  " + TextWidth.pad(choice, to: nameWidth)
                    + "  " + TextWidth.pad(score, to: 5) + "  " + runnerUp + flags
                return (text, outcome.status == .infeasible ? .error : (outcome.status == .chosen ? .normal : .dim))
            }
            lines.footer = [("Enter: trade-offs and how each choice was reached.", .dim)]
            lines.empty = "The knowledge base has no decisions."
        case .findings:
            let tensions = review.tensions
            let findings = review.findings
            lines.count = tensions.count + findings.count
            lines.row = { index in
                if index < tensions.count { return ("⇄ tension: " + tensions[index].tension.title, .warning) }
                let finding = findings[index - tensions.count]
                let accepted = finding.accepted.map { " — accepted: \($0.reason)" } ?? ""
                let role: StyleRole =
                    finding.accepted != nil
                    ? .success : (finding.finding.severity.rawValue == "high" ? .error : .warning)
                return ("! \(finding.finding.severity.rawValue): \(finding.finding.title)\(accepted)", role)
            }
            lines.footer = [
                ("Enter on a finding: accept it as a risk with a reason. Enter on a tension: go to its question.", .dim)
            ]
            lines.empty = "No tensions and no findings for these answers."
        case .checklist:
            lines.set(review.checklist) { entry in
                let mark = entry.done ? "[x] " : "[ ] "
                return (
                    mark + entry.item.text + "  (\(entry.item.category.rawValue), \(entry.item.priority.rawValue))",
                    entry.done ? .success : .normal
                )
            }
            let done = review.checklist.filter(\.done).count
            lines.footer = [("\(done) of \(review.checklist.count) done. Space ticks an item (saved at once).", .dim)]
            lines.empty = "No checklist items apply."
        case .whatIf:
            let knowledgeBase = self.knowledgeBase
            lines.set(state.advice.whatIf?.rows ?? []) { row in
                let question = knowledgeBase.question(row.questionID)
                let current =
                    row.current.map { value in question.map { displayText(of: value, for: $0) } ?? value.description }
                    ?? "unanswered"
                let alternative =
                    question.map { displayText(of: row.alternative, for: $0) } ?? row.alternative.description
                let effects = row.changes.map { change in
                    let decision = knowledgeBase.decision(change.decisionID)
                    let from = change.from.map { decision?.option($0)?.name ?? $0 } ?? "—"
                    let to = change.to.map { decision?.option($0)?.name ?? $0 } ?? "—"
                    return "\(decision?.title ?? change.decisionID): \(from) → \(to)"
                }.joined(separator: "; ")
                return (
                    "\(row.questionID) = \(alternative) (now \(current)) ⇒ \(effects)", row.isOpen ? .warning : .normal
                )
            }
            let settled = state.advice.whatIf?.settled.count ?? 0
            lines.footer = [
                ("\(counted(settled, "decision")) settled. Enter: go to the question and change the answer.", .dim)
            ]
            lines.empty = "No single answer change would change a decision."
        case .export:
            let form = state.review.export
            var rows: [(text: String, role: StyleRole)] = []
            for field in ExportForm.Field.allCases {
                let editing = form.editing == field
                let label = TextWidth.pad(field.label + ":", to: Self.exportLabelWidth)
                let value = form[field].text.isEmpty && !editing ? "—" : form[field].text
                rows.append(
                    (label + value + (editing ? "" : "   (\(field.hint); Enter edits)"), editing ? .selected : .normal))
            }
            rows.append(("Preview what will be created, updated or superseded", .normal))
            rows.append(("Write the decision records", form.preview == nil ? .dim : .normal))
            lines.set(rows)
            if form.editing != nil {
                lines.footer = [("Enter or Esc: done · Tab: next field", .dim)]
            } else if let preview = form.preview {
                lines.footer = [("Preview:", .title)] + preview.suffix(8).map { ($0, StyleRole.normal) }
            } else if let result = form.result {
                lines.footer = [("Written:", .success)] + result.suffix(8).map { ($0, StyleRole.normal) }
            }
        }
        return lines
    }
}
