extension TUIView {
    func drawStart(_ state: TUIState, in body: Rect, _ screen: inout Screen) {
        let width = min(body.width - 4, 72)
        let rect = Rect(
            row: body.row + 1, column: (body.width - width) / 2, width: width, height: min(body.height - 2, 14))
        screen.box(rect, title: "Review a Node.js backend design")
        let inner = Rect(row: rect.row + 1, column: rect.column + 2, width: rect.width - 4, height: rect.height - 2)
        var row = inner.row
        for line in TextWidth.wrap(
            "Answer a reviewer's questions; advice updates as you go. Every answer is saved at once.",
            width: inner.width)
        {
            screen.write(line, row: row, column: inner.column, role: .dim)
            row += 1
        }
        row += 1
        for (index, item) in state.start.items.enumerated() {
            let focused = index == state.start.cursor
            let label: String
            switch item {
            case .newReview: label = "New review"
            case .resume: label = "Resume the last session"
            case .openFile: label = "Open an answers file"
            }
            screen.write(
                (focused ? "› " : "  ") + label, row: row, column: inner.column, limit: inner.width,
                role: focused ? .focused : .normal)
            row += 1
            if item == .resume, let last = state.start.lastSession {
                screen.write("    " + last, row: row, column: inner.column, limit: inner.width, role: .dim)
                row += 1
            }
        }
        if let field = state.start.field {
            row += 1
            let label = field == .openFile ? "Answers file: " : "Service name (optional): "
            let used = screen.write(label, row: row, column: inner.column, role: .title)
            screen.write(
                state.start.input, row: row, column: inner.column + used, limit: inner.width - used, role: .selected)
            screen.cursor = (row, inner.column + used + min(TextWidth.of(state.start.input), inner.width - used - 1))
        }
    }
}
