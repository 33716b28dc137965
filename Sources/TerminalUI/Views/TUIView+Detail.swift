import KnowledgeModel
import RecommendationEngine

extension TUIView {
    /// The detail window: every line of an item, wrapped, scrolled so that the focused line shows; the bottom edge
    /// says which line is focused (`12/40`).
    func drawDetailWindow(_ subject: DetailSubject, cursor: Int, _ state: TUIState, _ screen: inout Screen) {
        let content = DetailContent(knowledgeBase: knowledgeBase)
        let lines = content.lines(subject, state)
        let width = state.width < 100 ? state.width - 2 : min(120, state.width * 4 / 5)
        let textWidth = width - 4
        // Wrapped once per review, subject and width: moving line by line only redraws.
        let wrapped = state.advice.derived.wrapped(subject, width: textWidth - 2) {
            Self.wrap(lines, width: textWidth - 2)
        }
        let height = min(state.height - 2, wrapped.count + 3)
        let rect = Rect(
            row: max(1, (state.height - height) / 2), column: (state.width - width) / 2, width: width, height: height)
        screen.fill(rect)
        screen.box(rect, title: content.title(subject, state))
        let visible = max(0, height - 3)
        let cursor = min(cursor, max(0, lines.count - 1))
        let firstOfCursor = wrapped.firstIndex { $0.line == cursor } ?? 0
        let lastOfCursor = wrapped.lastIndex { $0.line == cursor } ?? 0
        // Keep the focused line in view, a third from the top where possible; the end of the text stays at the bottom.
        var first = max(0, firstOfCursor - visible / 3)
        if lastOfCursor >= first + visible { first = lastOfCursor - visible + 1 }
        first = max(0, min(first, wrapped.count - visible))
        for (offset, line) in wrapped.dropFirst(first).prefix(visible).enumerated() {
            let focused = line.line == cursor
            let marker = first + offset == firstOfCursor ? "› " : "  "
            screen.write(
                marker + line.text, row: rect.row + 1 + offset, column: rect.column + 2, limit: textWidth,
                role: focused ? .focused : line.role)
        }
        if first > 0 {
            screen.write(" ↑ \(first) more ", row: rect.row, column: rect.right - 16, limit: 14, role: .dim)
        }
        let position = " \(cursor + 1)/\(lines.count)" + (first + visible < wrapped.count ? " ↓ " : " ")
        screen.write(
            position, row: rect.bottom - 1, column: rect.right - TextWidth.of(position) - 2, role: .key)
        var keys = ["↑↓ move", "End last line"]
        if lines.element(at: cursor)?.questionID != nil { keys.append("Enter change this answer") }
        switch subject {
        case .finding: keys.append("a accept/un-accept")
        case .checklist: keys.append("Space tick")
        case .decision: keys.append("p your plan")
        default: break
        }
        keys.append("Esc close")
        screen.write(
            keys.joined(separator: " · "), row: rect.bottom - 2, column: rect.column + 2, limit: textWidth, role: .dim)
    }

    /// The key help: the bindings of a context in aligned columns (descriptions wrapped under themselves), how ←
    /// behaves, and what the marks mean.
    func helpLines(_ context: KeyContext, width: Int) -> [(text: String, role: StyleRole)] {
        let bindings = keyMap.bindings(for: context)
        let labelWidth = min(24, max(6, bindings.reduce(0) { max($0, TextWidth.of($1.label)) }) + 2)
        var rows = bindings.map { ($0.label, $0.help) }
        if context == .review { rows.append(("1-6", "go to a tab (Overview … Export)")) }
        var lines: [(text: String, role: StyleRole)] = []
        func add(_ label: String, _ text: String, column: Int) {
            let parts = TextWidth.wrap(text, width: max(10, width - column))
            for (index, part) in parts.enumerated() {
                let lead = index == 0 ? TextWidth.pad(label, to: column) : String(repeating: " ", count: column)
                lines.append((lead + part, .normal))
            }
        }
        for (label, help) in rows { add(label, help, column: labelWidth) }
        lines.append(("", .normal))
        lines.append(
            (
                "← goes back (previous question, previous tab); in a number or text field it moves the text cursor: "
                    + "Esc leaves the field.", .dim
            ))
        lines.append(("", .normal))
        lines.append(("Marks", .title))
        for (mark, meaning) in Self.legend { add(mark, meaning, column: 5) }
        return lines
    }

    /// What the marks on screen mean (shown in `?`).
    static let legend: [(String, String)] = [
        ("›", "the focused row"),
        ("≈", "a close call: a small change in the answers could flip the choice"),
        ("?", "the choice rests on assumed (default) answers; answer the questions behind it"),
        ("Δ", "what your last answer changed"),
        ("◆", "detected in the project: confirm or correct it"),
        ("⚑", "an answer kept although its question no longer applies"),
        ("!", "a finding (high, medium, low) or a trade-off that holds for your answers"),
        ("⇄", "a tension: requirements that pull against each other"),
        ("n/a", "the decision does not apply to these answers (Enter says why)"),
        ("(•)", "the current answer; [x] ticked"),
    ]
}
