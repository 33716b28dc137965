import KnowledgeModel
import RecommendationEngine

extension TUIView {
    /// The review: the tabs, the Δ of an answer given from the review, then the tab's list with a detail pane
    /// beside it (wide windows) or under it, showing the selected row in full.
    func drawReview(_ state: TUIState, in body: Rect, _ screen: inout Screen) {
        drawTabs(state, row: body.row, width: body.width, &screen)
        var area = Rect(row: body.row + 1, column: 0, width: body.width, height: body.height - 1)
        if let delta = state.review.delta {
            let used = drawDelta(delta, in: area, &screen)
            area = Rect(row: area.row + used, column: 0, width: area.width, height: area.height - used)
        }
        var lines = reviewLines(state, width: max(10, area.width - 4))
        let subject = ReviewRows.subject(state.review.tab, state.review.cursor, state, knowledgeBase)
        guard state.review.tab != .export, subject != nil || lines.count > 0, area.height >= 8 else {
            drawList(state, lines, in: area, &screen)
            return
        }
        if area.width >= 120 {
            // Side by side: the list takes the width its rows need (between 40% and 60%), the detail the rest.
            var key = "width.\(state.review.tab.rawValue).\(area.width)"
            if state.review.tab == .checklist { key += "." + state.review.filter.text }
            let wanted = state.advice.derived.number(key) { lines.contentWidth() } + 6
            let listWidth = min(max(wanted, area.width * 2 / 5), area.width * 3 / 5)
            lines = reviewLines(state, width: listWidth - 4)
            drawList(state, lines, in: Rect(row: area.row, column: 0, width: listWidth, height: area.height), &screen)
            drawDetailPane(
                subject, state,
                in: Rect(row: area.row, column: listWidth, width: area.width - listWidth, height: area.height),
                &screen)
        } else {
            // Stacked: the list on top (at least 5 rows), the detail under it.
            let listHeight = max(5, min(lines.count + 3 + (lines.header == nil ? 0 : 1), area.height / 2))
            drawList(state, lines, in: Rect(row: area.row, column: 0, width: area.width, height: listHeight), &screen)
            drawDetailPane(
                subject, state,
                in: Rect(row: area.row + listHeight, column: 0, width: area.width, height: area.height - listHeight),
                &screen)
        }
    }

    private func drawTabs(_ state: TUIState, row: Int, width: Int, _ screen: inout Screen) {
        // Full titles when they fit, else short ones ("3 Findings"), so every tab stays visible.
        let full = ReviewTab.allCases.map { " \($0.rawValue + 1) \($0.title) " }
        let short = ReviewTab.allCases.map { " \($0.rawValue + 1) \($0.shortTitle) " }
        let labels = full.reduce(1) { $0 + TextWidth.of($1) + 1 } <= width ? full : short
        var column = 1
        for (tab, label) in zip(ReviewTab.allCases, labels) {
            column += screen.write(
                label, row: row, column: column, limit: max(0, width - column),
                role: tab == state.review.tab ? .active : .dim)
            column += 1
        }
    }

    /// The Δ box: what the answer given from the review changed. Returns the rows it took.
    private func drawDelta(_ delta: [AdviceChange], in area: Rect, _ screen: inout Screen) -> Int {
        let texts = delta.isEmpty ? ["Δ Nothing in the review changed."] : delta.map { "Δ " + $0.text }
        var wrapped: [String] = []
        for text in texts { wrapped += TextWidth.wrap(text, width: max(1, area.width - 4), indent: 2) }
        let height = min(wrapped.count + 2, max(3, area.height / 3))
        let rect = Rect(row: area.row, column: area.column, width: area.width, height: height)
        screen.box(rect, title: "What your answer changed", role: .changed)
        let visible = height - 2
        for (offset, line) in wrapped.prefix(visible).enumerated() {
            screen.write(line, row: rect.row + 1 + offset, column: 2, limit: area.width - 4, role: .changed)
        }
        if wrapped.count > visible {
            let more = " +\(wrapped.count - visible) more in the live pane and the tabs "
            screen.write(more, row: rect.bottom - 1, column: max(2, rect.right - TextWidth.of(more) - 2), role: .dim)
        }
        return height
    }

    /// A tab's list in a box whose title says where the cursor is (`3/12`).
    private func drawList(_ state: TUIState, _ lines: ReviewLines, in rect: Rect, _ screen: inout Screen) {
        var title = state.review.tab.title
        if lines.count > 0 { title += " · \(min(state.review.cursor + 1, lines.count))/\(lines.count)" }
        if let note = lines.titleNote { title += " · " + note }
        screen.box(rect, title: title)
        let inner = Rect(row: rect.row + 1, column: rect.column + 2, width: rect.width - 4, height: rect.height - 2)
        var top = inner.row
        if state.review.tab == .checklist, state.review.isFiltering || !state.review.filter.isEmpty {
            let label = screen.write("Filter: ", row: top, column: inner.column, role: .key)
            let fieldWidth = max(8, min(30, inner.width - label - 24))
            drawField(
                state.review.filter, row: top, column: inner.column + label, width: fieldWidth,
                focused: state.review.isFiltering, role: .key, &screen)
            let hint = state.review.isFiltering ? "  Enter keeps · Esc clears" : "  / changes · Esc in it clears"
            screen.write(
                hint, row: top, column: inner.column + label + fieldWidth, limit: inner.width - label - fieldWidth,
                role: .dim)
            top += 1
        }
        if lines.count == 0 {
            screen.write(lines.empty, row: top, column: inner.column, limit: inner.width, role: .dim)
            return
        }
        if let header = lines.header {
            screen.write(header, row: top, column: inner.column, limit: inner.width, role: .title)
            top += 1
        }
        let height = inner.bottom - top
        let range = visibleRange(count: lines.count, cursor: state.review.cursor, height: height)
        for (offset, index) in range.enumerated() {
            let focused = index == state.review.cursor && !state.review.isFiltering
            let row = lines.row(index)
            let pointer = row.role == .title ? "" : (focused ? "› " : "  ")
            screen.write(
                pointer + row.text, row: top + offset, column: inner.column, limit: inner.width,
                role: focused ? .focused : row.role)
        }
        if range.lowerBound > 0 {
            screen.write(
                " ↑ \(range.lowerBound) more ", row: rect.row, column: max(rect.column + 2, rect.right - 16), role: .dim
            )
        }
        if range.upperBound < lines.count {
            screen.write(
                " ↓ \(lines.count - range.upperBound) more ", row: rect.bottom - 1,
                column: max(rect.column + 2, rect.right - 16), role: .dim)
        }
        if state.review.tab == .export, let field = state.review.export.editing, range.contains(field.rawValue) {
            let offset = 2 + Self.exportLabelWidth
            drawField(
                state.review.export[field], row: top + field.rawValue - range.lowerBound,
                column: inner.column + offset, width: max(8, inner.width - offset), focused: true, role: .focused,
                &screen)
        }
    }

    /// The selected row in full, wrapped; what does not fit is counted, and Enter opens it all.
    private func drawDetailPane(_ subject: DetailSubject?, _ state: TUIState, in rect: Rect, _ screen: inout Screen) {
        guard rect.height >= 3 else { return }
        screen.box(rect, title: "Details")
        let inner = Rect(row: rect.row + 1, column: rect.column + 2, width: rect.width - 4, height: rect.height - 2)
        guard let subject else {
            screen.write("Nothing selected.", row: inner.row, column: inner.column, limit: inner.width, role: .dim)
            return
        }
        let content = DetailContent(knowledgeBase: knowledgeBase)
        let wrapped = state.advice.derived.wrapped(subject, width: inner.width) {
            Self.wrap(content.lines(subject, state), width: inner.width)
        }
        let fits = wrapped.count <= inner.height
        let shown = fits ? inner.height : inner.height - 1
        for (offset, line) in wrapped.prefix(shown).enumerated() {
            screen.write(line.text, row: inner.row + offset, column: inner.column, limit: inner.width, role: line.role)
        }
        if !fits {
            screen.write(
                "↓ more · Enter shows it all", row: inner.bottom - 1, column: inner.column, limit: inner.width,
                role: .key)
        }
    }

    /// Detail lines wrapped to `width` (continuations indented), each with the index of its line.
    static func wrap(_ lines: [DetailLine], width: Int) -> [DerivedRows.WrappedLine] {
        var wrapped: [DerivedRows.WrappedLine] = []
        for (index, line) in lines.enumerated() {
            let parts = TextWidth.wrap(line.text, width: max(1, width), indent: min(line.indent, width / 3))
            wrapped += (parts.isEmpty ? [""] : parts).map {
                DerivedRows.WrappedLine(text: $0, role: line.role, line: index)
            }
        }
        return wrapped
    }

    /// Columns of the Export tab's field labels ("Decision-makers: ").
    static let exportLabelWidth = 17
}

extension ReviewTab {
    /// The tab's name where the full titles do not fit.
    var shortTitle: String {
        switch self {
        case .findings: return "Findings"
        case .checklist: return "Checks"
        default: return title
        }
    }
}
