import KnowledgeModel

extension TUIView {
    func drawInterview(_ state: TUIState, in body: Rect, _ screen: inout Screen) {
        // Widths from the content: the sidebar as wide as its section titles, the live pane as wide as its lines
        // (a Δ line is never cut while the window has room), the question the rest.
        let titleWidth = knowledgeBase.sections.reduce(8) { max($0, TextWidth.of($1.title)) } + 10
        let sidebarWidth = body.width >= 80 ? min(titleWidth, body.width / 4) : 0
        let adviceContent = adviceLines(state, width: body.width, limit: body.height).reduce(20) {
            max($0, TextWidth.of($1.text))
        }
        // The question keeps at least 56 columns (or half of what is left, if more).
        let questionMinimum = max(56, (body.width - sidebarWidth) / 2)
        let adviceWidth =
            body.width >= 110 ? max(34, min(adviceContent + 4, body.width - sidebarWidth - questionMinimum)) : 0
        let stripHeight = adviceWidth == 0 ? (body.height >= 24 ? 6 : 3) : 0
        if sidebarWidth > 0 {
            drawSidebar(state, in: Rect(row: body.row, column: 0, width: sidebarWidth, height: body.height), &screen)
        }
        let questionRect = Rect(
            row: body.row, column: sidebarWidth, width: body.width - sidebarWidth - adviceWidth,
            height: body.height - stripHeight)
        drawQuestion(state, in: questionRect, &screen)
        if adviceWidth > 0 {
            drawAdvice(
                state,
                in: Rect(row: body.row, column: body.right - adviceWidth, width: adviceWidth, height: body.height),
                &screen)
        } else {
            drawAdvice(
                state,
                in: Rect(
                    row: questionRect.bottom, column: sidebarWidth, width: body.width - sidebarWidth,
                    height: stripHeight), &screen)
        }
    }

    private func drawSidebar(_ state: TUIState, in rect: Rect, _ screen: inout Screen) {
        screen.box(rect, title: "Sections")
        let inner = rect.inset(by: 1)
        let current = state.interview.questionID.flatMap(knowledgeBase.question)?.section
        let flagged = state.flaggedIDs
        var row = inner.row
        let progress = state.advice.session?.progressBySection ?? []
        for (position, section) in knowledgeBase.sections.enumerated() {
            guard row < inner.bottom else { break }
            guard position < progress.count, progress[position].asked > 0 else { continue }
            let (asked, answered) = (progress[position].asked, progress[position].answered)
            let done = answered == asked
            let marker = section.id == current ? "▸ " : (done ? "✓ " : "  ")
            let count = " \(answered)/\(asked)"
            let role: StyleRole = section.id == current ? .active : (done ? .success : .normal)
            screen.write(
                marker + TextWidth.pad(section.title, to: max(1, inner.width - 2 - TextWidth.of(count))) + count,
                row: row, column: inner.column, limit: inner.width, role: role)
            row += 1
        }
        let detected = state.answers.detectedIDs.count
        if detected > 0, row + 1 < inner.bottom {
            row += 1
            let text = "◆ \(detected) detected answer\(detected == 1 ? "" : "s") to confirm (c: all, d: why)"
            for line in TextWidth.wrap(text, width: inner.width) where row < inner.bottom {
                screen.write(line, row: row, column: inner.column, limit: inner.width, role: .changed)
                row += 1
            }
        }
        if !flagged.isEmpty, row + 1 < inner.bottom {
            row += 1
            let text =
                "⚑ \(flagged.count) kept answer\(flagged.count == 1 ? "" : "s") no longer appl\(flagged.count == 1 ? "ies" : "y")"
            for line in TextWidth.wrap(text, width: inner.width) where row < inner.bottom {
                screen.write(line, row: row, column: inner.column, limit: inner.width, role: .warning)
                row += 1
            }
        }
        let total = state.applicableIDs.count
        let answered = answeredCount(state)
        if inner.height > 2 {
            let barWidth = max(1, inner.width - 8)
            let filled = total == 0 ? 0 : barWidth * answered / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
            screen.write(bar, row: inner.bottom - 1, column: inner.column, role: .success)
            screen.write(" \(answered)/\(total)", row: inner.bottom - 1, column: inner.column + barWidth, role: .dim)
        }
    }

    private func drawQuestion(_ state: TUIState, in rect: Rect, _ screen: inout Screen) {
        guard let questionID = state.interview.questionID, let question = knowledgeBase.question(questionID) else {
            screen.box(rect, title: "Interview")
            screen.write(
                "No questions to ask. Press r for the review.", row: rect.row + 2, column: rect.column + 2,
                limit: rect.width - 4)
            return
        }
        let section = knowledgeBase.section(question.section)?.title ?? question.section
        let position = (state.applicableIDs.firstIndex(of: questionID) ?? 0) + 1
        screen.box(rect, title: "\(section) · \(position) of \(state.applicableIDs.count)")
        let inner = Rect(row: rect.row + 1, column: rect.column + 2, width: rect.width - 4, height: rect.height - 2)
        var row = inner.row
        for line in TextWidth.wrap(question.prompt, width: inner.width).prefix(3) {
            screen.write(line, row: row, column: inner.column, limit: inner.width, role: .title)
            row += 1
        }
        if !state.applicableIDs.contains(questionID) {
            screen.write(
                "⚑ Does not apply to your current answers (the answer is kept).", row: row, column: inner.column,
                limit: inner.width, role: .warning)
            row += 1
        }
        if let answer = state.answers.answers[questionID], answer.isDetected {
            let evidence = answer.detectedEvidence.map { $0.isEmpty ? "" : ": " + $0 } ?? ""
            let lines = TextWidth.wrap("◆ Detected in the project\(evidence)", width: inner.width).prefix(2)
            for line in lines {
                screen.write(line, row: row, column: inner.column, limit: inner.width, role: .changed)
                row += 1
            }
            screen.write(
                "Enter: confirm · other answer: correct · c: all", row: row,
                column: inner.column, limit: inner.width, role: .dim)
            row += 1
        }
        let helpLines = TextWidth.wrap(question.help, width: inner.width)
        let helpBudget = max(1, min(helpLines.count, (inner.height - 6) / 3))
        for line in helpLines.prefix(helpBudget) {
            screen.write(line, row: row, column: inner.column, limit: inner.width, role: .dim)
            row += 1
        }
        row += 1
        if state.interview.isFiltering || !state.interview.filter.isEmpty {
            let hint = state.interview.isFiltering ? "  (Enter keeps, Esc clears)" : "  (Esc clears)"
            let label = screen.write("Filter: ", row: row, column: inner.column, role: .key)
            let fieldWidth = min(max(8, TextWidth.of(state.interview.filter.text) + 1), max(8, inner.width / 2))
            drawField(
                state.interview.filter, row: row, column: inner.column + label, width: fieldWidth,
                focused: state.interview.isFiltering, role: .key, &screen)
            let used = label + fieldWidth
            screen.write(hint, row: row, column: inner.column + used, limit: inner.width - used, role: .dim)
            row += 1
        }
        drawRows(
            state, question, in: Rect(row: row, column: inner.column, width: inner.width, height: inner.bottom - row),
            &screen)
    }

    private func drawRows(_ state: TUIState, _ question: Question, in rect: Rect, _ screen: inout Screen) {
        let rows = ChoiceRow.rows(for: question, filter: state.interview.filter.text)
        if rows.isEmpty || rows == [.notSure] && !state.interview.filter.isEmpty {
            screen.write("No option matches the filter.", row: rect.row, column: rect.column, role: .warning)
        }
        let answer = state.answers.answers[question.id]
        let errorRows = state.interview.inputError == nil ? 0 : 2
        let range = visibleRange(count: rows.count, cursor: state.interview.cursor, height: rect.height - errorRows)
        var line = rect.row
        if range.lowerBound > 0 {
            screen.write("↑ \(range.lowerBound) more", row: line - 1, column: rect.column + rect.width - 12, role: .dim)
        }
        for index in range {
            let focused = index == state.interview.cursor && !state.interview.isFiltering
            let pointer = focused ? "› " : "  "
            let role: StyleRole = focused ? .focused : .normal
            switch rows[index] {
            case .option(let option):
                let mark: String
                switch question.type {
                case .multi: mark = state.interview.selection.contains(option.id) ? "[x] " : "[ ] "
                case .yesno:
                    mark = answer?.value == .bool(option.id == "yes") ? "(•) " : "( ) "
                default: mark = answer?.value == .choice(option.id) ? "(•) " : "( ) "
                }
                var detected = ""
                if answer?.isDetected == true {
                    switch answer?.value {
                    case .choice(let id)?: detected = id == option.id ? " ◆" : ""
                    case .choices(let ids)?: detected = ids.contains(option.id) ? " ◆" : ""
                    default: break
                    }
                }
                let used = screen.write(
                    pointer + mark + option.label + detected, row: line, column: rect.column, limit: rect.width,
                    role: role)
                if !option.description.isEmpty, used + 4 < rect.width {
                    screen.write(
                        " — " + option.description, row: line, column: rect.column + used, limit: rect.width - used,
                        role: focused ? .focused : .dim)
                }
            case .noneOfThese:
                let none = answer?.value == .choices([]) && state.interview.selection.isEmpty
                let used = screen.write(
                    pointer + (none ? "(•) " : "( ) ") + ChoiceRow.noneLabel, row: line, column: rect.column,
                    limit: rect.width, role: role)
                screen.write(
                    " — an answer: none of the above applies", row: line, column: rect.column + used,
                    limit: rect.width - used, role: .dim)
            case .notSure:
                let mark = answer?.notSure == true ? "(•) " : "( ) "
                let fallback =
                    question.defaultValue.map { " — the default (\(displayText(of: $0, for: question))) is assumed" }
                    ?? ""
                let used = screen.write(
                    pointer + mark + "Not sure", row: line, column: rect.column, limit: rect.width, role: role)
                screen.write(fallback, row: line, column: rect.column + used, limit: rect.width - used, role: .dim)
            case .input:
                let label = question.type == .number ? "Number: " : "Answer: "
                var used = screen.write(pointer + label, row: line, column: rect.column, role: role)
                let fieldWidth = max(8, min(40, rect.width - used - 12))
                used += drawField(
                    state.interview.input, row: line, column: rect.column + used, width: fieldWidth, focused: focused,
                    role: focused ? .focused : .selected, &screen)
                if let unit = question.unit {
                    screen.write(" " + unit, row: line, column: rect.column + used, role: .dim)
                }
                if question.type == .number, question.minimum != nil || question.maximum != nil {
                    let range =
                        "\(question.minimum.map(formatNumber) ?? "-∞")–\(question.maximum.map(formatNumber) ?? "∞")"
                    line += 1
                    screen.write(
                        "    allowed: \(range) \(question.unit ?? "")", row: line, column: rect.column,
                        limit: rect.width, role: .dim)
                }
            }
            line += 1
        }
        if range.upperBound < rows.count, line < rect.bottom + 1 {
            screen.write(
                "↓ \(rows.count - range.upperBound) more", row: min(line, rect.bottom - 1),
                column: rect.column + rect.width - 12, role: .dim)
        }
        if let error = state.interview.inputError {
            screen.write(
                "✗ " + error, row: min(line, rect.bottom - 1), column: rect.column + 2, limit: rect.width - 2,
                role: .error)
        }
    }

    private func drawAdvice(_ state: TUIState, in rect: Rect, _ screen: inout Screen) {
        guard rect.height > 0, rect.width > 10 else { return }
        let lines = adviceLines(state, width: rect.width - 4, limit: max(0, rect.height - 2))
        if rect.height < 3 || (rect.height == 3 && rect.width < 20) { return }
        screen.box(rect, title: "Live recommendations")
        let inner = Rect(row: rect.row + 1, column: rect.column + 2, width: rect.width - 4, height: rect.height - 2)
        for (offset, line) in lines.prefix(inner.height).enumerated() {
            screen.write(line.text, row: inner.row + offset, column: inner.column, limit: inner.width, role: line.role)
        }
    }

    /// The live pane's content: what the last answer changed (wrapped), how many decisions still rest on defaults or
    /// that nothing important is left open, then every current choice; at most `limit` lines (the pane shows only
    /// what fits, and a large knowledge base has thousands of choices).
    func adviceLines(_ state: TUIState, width: Int, limit: Int = .max) -> [(text: String, role: StyleRole)] {
        guard let review = state.advice.review else { return [("Answer a question to see advice.", .dim)] }
        var lines: [(text: String, role: StyleRole)] = []
        for change in state.advice.changes {
            lines += TextWidth.wrap("Δ " + change.text, width: max(10, width), indent: 2).map { ($0, .changed) }
        }
        let resting = state.advice.derived.number("decisions.resting") {
            review.decisions.count { $0.status == .chosen && $0.lowConfidence }
        }
        if resting > 0 {
            let text = "? \(resting) decision\(resting == 1 ? " rests" : "s rest") on defaults"
            lines += TextWidth.wrap(text, width: max(10, width), indent: 2).map { ($0, .warning) }
        }
        // Nothing important left open: no unanswered question could change a decision (the what-if rows).
        if state.advice.whatIf?.rows.contains(where: \.isOpen) == false {
            let text = "✓ Nothing important left open: r opens the review"
            lines += TextWidth.wrap(text, width: max(10, width), indent: 2).map { ($0, .success) }
        }
        let changedTitles = Set(
            state.advice.changes.compactMap { change -> String? in
                if case .decision(let title, _, _) = change.kind { return title }
                return nil
            })
        for outcome in review.decisions where outcome.status != .notApplicable {
            if lines.count >= limit { return lines }
            let name: String
            switch outcome.status {
            case .chosen:
                // A 0-0 tie is not a choice: the first-listed option is not presented as the recommendation.
                name =
                    outcome.hasNoPreference
                    ? DecisionExplanation.noPreference : outcome.chosenAssessment?.name ?? outcome.chosen ?? "?"
            case .infeasible: name = "no feasible option"
            case .notApplicable: continue
            }
            var flags = ""
            if outcome.isCloseCall, !outcome.hasNoPreference { flags += " ≈" }
            if outcome.lowConfidence { flags += " ?" }
            let role: StyleRole =
                outcome.status == .infeasible ? .error : (changedTitles.contains(outcome.title) ? .changed : .normal)
            lines.append((TextWidth.truncate(outcome.title, to: max(4, width / 2)) + ": " + name + flags, role))
        }
        if !review.findings.isEmpty || !review.tensions.isEmpty, lines.count < limit {
            lines.append(
                ("\(counted(review.findings.count, "finding")), \(counted(review.tensions.count, "tension"))", .warning)
            )
        }
        return lines
    }
}
