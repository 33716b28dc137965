extension TUIView {
    func drawStart(_ state: TUIState, in body: Rect, _ screen: inout Screen) {
        let width = min(body.width - 4, 72)
        let rect = Rect(
            row: body.row + 1, column: (body.width - width) / 2, width: width, height: min(body.height - 2, 16))
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
            case .reviewProject: label = "Review an existing project (scan its repository)"
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
            let label: String
            switch field {
            case .openFile: label = "Answers file: "
            case .reviewProject: label = "Project folder: "
            case .newReview, .resume: label = "Service name (optional): "
            }
            let used = screen.write(label, row: row, column: inner.column, role: .title)
            drawField(
                state.start.input, row: row, column: inner.column + used, width: max(2, inner.width - used),
                focused: true, role: .selected, &screen)
            if field == .reviewProject, row + 2 < inner.bottom {
                for (offset, line) in TextWidth.wrap(
                    "Its package.json, lockfile, configs and imports are read (nothing is run or written there); "
                        + "what is detected fills the current-stack questions for you to confirm.", width: inner.width
                ).prefix(inner.bottom - row - 1).enumerated() {
                    screen.write(line, row: row + 1 + offset, column: inner.column, limit: inner.width, role: .dim)
                }
            }
        }
    }
}
