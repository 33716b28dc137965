import KnowledgeModel
import RecommendationEngine

extension TUIView {
    func drawOverlay(_ overlay: Overlay, _ state: TUIState, _ screen: inout Screen) {
        let width = min(state.width - 4, 96)
        var title = ""
        var lines: [(text: String, role: StyleRole)] = []
        var footer = "any key closes"
        var scroll = 0
        /// Text fields drawn over lines of the window: the line, the column in it, the field, whether it has focus.
        var fields: [(line: Int, column: Int, field: TextField, focused: Bool)] = []
        switch overlay {
        case .help(let context):
            title = "Keys"
            lines = helpLines(context, width: width - 4)
            footer = "any key closes"
        case .why(let questionID, let influence):
            title = "Why is this asked?"
            lines = whyLines(questionID, influence)
        case .confirmQuit:
            title = "Quit?"
            if let problem = state.saveProblem {
                lines = [
                    ("Your answers are NOT saved:", .error), (problem, .error),
                    ("Quit anyway? y / Enter quits (unsaved answers are lost), any other key stays.", .normal),
                ]
            } else {
                lines = [
                    ("Your answers are saved in", .normal), (state.sessionPath, .selected),
                    ("Quit now? y / Enter quits, any other key stays.", .normal),
                ]
            }
            footer = "y quit · n stay"
        case .detail(let subject, let cursor):
            drawDetailWindow(subject, cursor: cursor, state, &screen)
            return
        case .propose(let decisionID, let cursor):
            title = "Your plan: " + (knowledgeBase.decision(decisionID)?.title ?? decisionID)
            lines = planLines(decisionID, cursor: cursor, state)
            footer = "↑↓ pick · Enter propose · Esc cancel"
        case .acceptRisk(let findingID, let form):
            title = "Accept a risk"
            let finding = state.advice.review?.findings.first { $0.finding.id == findingID }
            lines = [(finding?.finding.title ?? findingID, .title)]
            lines += (finding.map { "Fix: " + $0.finding.remediation }).map { [($0, .dim)] } ?? []
            lines.append(("", .normal))
            for field in RiskForm.Field.allCases {
                // The label, then the field drawn over the rest of the line.
                fields.append((lines.count, Self.riskLabelWidth, form[field], field == form.focus))
                lines.append((field.label + ":", field == form.focus ? .key : .normal))
            }
            lines.append(("", .normal))
            if let problem = form.problem {
                lines.append(("✗ " + problem, .error))
            } else {
                lines.append((form.focus.label + ": " + form.focus.hint, .dim))
            }
            footer = "Tab next field · Enter accept (empty reason un-accepts) · Esc cancel"
        case .serviceName(let name):
            title = "Service name"
            lines = [
                ("What is this service called?", .title),
                ("It names the review, the decision records and this session; s changes it later.", .dim),
                ("", .normal),
            ]
            fields.append((lines.count, 6, name, true))
            lines.append(("Name:", .key))
            footer = "Enter save · Esc skip"
        case .detected(let offset):
            title = "Detected in " + (state.scan?.folder ?? "the project")
            lines = DetectedOverview.lines(state, knowledgeBase)
            footer = "Enter go through them · c confirm all · ↑↓ scroll · Esc close"
            scroll = offset
        case .notice(let noticeTitle, let noticeLines):
            title = noticeTitle
            lines = noticeLines.map { ($0, .normal) }
        }
        var wrapped: [(text: String, role: StyleRole)] = []
        var wrappedStart: [Int] = []
        for line in lines {
            wrappedStart.append(wrapped.count)
            // A line that fits is kept as it is (aligned columns keep their spaces); a longer one is wrapped.
            let fits = TextWidth.of(line.text) <= width - 4
            let parts = fits ? [line.text] : TextWidth.wrap(line.text, width: width - 4)
            wrapped += (parts.isEmpty ? [""] : parts).map { ($0, line.role) }
        }
        let height = min(state.height - 2, wrapped.count + 3)
        let rect = Rect(
            row: max(1, (state.height - height) / 2), column: (state.width - width) / 2, width: width, height: height)
        screen.fill(rect)
        screen.box(rect, title: title)
        let visible = max(0, height - 3)
        let first = min(scroll, max(0, wrapped.count - visible))
        for (offset, line) in wrapped.dropFirst(first).prefix(visible).enumerated() {
            screen.write(
                line.text, row: rect.row + 1 + offset, column: rect.column + 2, limit: width - 4, role: line.role)
        }
        if first > 0 {
            screen.write("↑ \(first) more", row: rect.row, column: rect.right - 14, limit: 12, role: .dim)
        }
        if first + visible < wrapped.count {
            screen.write(
                "↓ \(wrapped.count - first - visible) more", row: rect.bottom - 1, column: rect.right - 14, limit: 12,
                role: .dim)
        }
        screen.write(footer, row: rect.bottom - 2, column: rect.column + 2, limit: width - 4, role: .dim)
        for field in fields {
            let offset = wrappedStart[field.line] - first
            guard offset >= 0, offset < visible else { continue }
            drawField(
                field.field, row: rect.row + 1 + offset, column: rect.column + 2 + field.column,
                width: width - 4 - field.column, focused: field.focused, role: field.focused ? .selected : .normal,
                &screen)
        }
    }

    /// Columns of the risk form's labels ("Expires: ").
    static let riskLabelWidth = 10

    private func whyLines(_ questionID: String, _ influence: QuestionInfluence) -> [(text: String, role: StyleRole)] {
        guard let question = knowledgeBase.question(questionID) else { return [] }
        var lines: [(String, StyleRole)] = [(question.prompt, .title), (question.help, .normal), ("", .normal)]
        if let askIf = question.askIf { lines.append(("Asked because: \(askIf.source)", .dim)) }
        do {
            let decisions = influence.decisions.map { knowledgeBase.decision($0)?.title ?? $0 }
            lines.append(
                (
                    "It can move: " + (decisions.isEmpty ? "no decision directly" : decisions.joined(separator: ", ")),
                    .normal
                ))
            if !influence.followUps.isEmpty {
                lines.append(("Follow-ups it opens:", .normal))
                for id in influence.followUps {
                    lines.append(("  • " + (knowledgeBase.question(id)?.prompt ?? id), .normal))
                }
            }
            if !influence.findings.isEmpty || !influence.tensions.isEmpty {
                lines.append(
                    (
                        "Risks it can reveal: \(counted(influence.findings.count, "finding")), \(counted(influence.tensions.count, "tension"))",
                        .normal
                    ))
            }
            lines.append(
                ("Rules reading it: \(influence.rules.count); checklist items: \(influence.checklistItems.count)", .dim)
            )
        }
        return lines
    }
}
