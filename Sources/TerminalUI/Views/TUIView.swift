import KnowledgeModel

/// Turns a state into a screen. Pure: the same state always draws the same screen.
public struct TUIView: Sendable {
    /// Smallest usable terminal.
    public static let minimumWidth = 60
    public static let minimumHeight = 18

    public let knowledgeBase: KnowledgeBase
    public let keyMap: KeyMap

    public init(knowledgeBase: KnowledgeBase, keyMap: KeyMap = .standard) {
        self.knowledgeBase = knowledgeBase
        self.keyMap = keyMap
    }

    public func render(_ state: TUIState) -> Screen {
        var screen = Screen(width: state.width, height: state.height)
        guard state.width >= Self.minimumWidth, state.height >= Self.minimumHeight else {
            drawTooSmall(state, &screen)
            return screen
        }
        drawHeader(state, &screen)
        let body = Rect(row: 1, column: 0, width: state.width, height: state.height - 3)
        switch state.mode {
        case .start: drawStart(state, in: body, &screen)
        case .interview: drawInterview(state, in: body, &screen)
        case .review: drawReview(state, in: body, &screen)
        }
        if let status = state.status {
            screen.write(" " + status.text, row: state.height - 2, column: 0, role: status.role)
        }
        drawHints(state, &screen)
        if let overlay = state.overlay { drawOverlay(overlay, state, &screen) }
        return screen
    }

    /// The key context the hint bar and help describe.
    func context(_ state: TUIState) -> KeyContext {
        switch state.mode {
        case .start: return state.start.field == nil ? .everywhere : .textField
        case .review: return state.review.export.editing == nil ? .review : .textField
        case .interview:
            guard let question = state.interview.questionID.flatMap(knowledgeBase.question) else { return .interview }
            if state.interview.isFiltering { return .textField }
            let rows = ChoiceRow.rows(for: question, filter: state.interview.filter.text)
            return rows.element(at: state.interview.cursor) == .input ? .textField : .interview
        }
    }

    private func drawTooSmall(_ state: TUIState, _ screen: inout Screen) {
        // Wrapped, never cut: the message must be readable in any size.
        var lines: [(String, StyleRole)] = []
        let texts = [
            "Terminal too small: \(state.width)×\(state.height).",
            "Stackwise needs at least \(Self.minimumWidth)×\(Self.minimumHeight).",
            "Enlarge the window (your answers are saved), or press q to quit.",
        ]
        for (index, text) in texts.enumerated() {
            lines += TextWidth.wrap(text, width: max(1, state.width)).map { ($0, index == 0 ? .warning : .normal) }
        }
        let top = max(0, (state.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let column = max(0, (state.width - TextWidth.of(line.0)) / 2)
            screen.write(line.0, row: top + offset, column: column, role: line.1)
        }
    }

    private func drawHeader(_ state: TUIState, _ screen: inout Screen) {
        screen.fill(Rect(row: 0, column: 0, width: state.width, height: 1), role: .statusBar)
        var title = " stackwise"
        if let name = state.answers.serviceName, !name.isEmpty { title += " · " + name }
        switch state.mode {
        case .start: title += " · start"
        case .interview:
            title += " · interview \(answeredCount(state))/\(state.applicableIDs.count)"
        case .review: title += " · review"
        }
        let used = screen.write(title, row: 0, column: 0, role: .statusBar)
        if state.saveProblem != nil {
            let unsaved = " NOT SAVED "
            if state.width - used > TextWidth.of(unsaved) + 2 {
                screen.write(unsaved, row: 0, column: state.width - TextWidth.of(unsaved), role: .error)
            }
            return
        }
        let saved = "saved ✓ "
        if state.width - used > TextWidth.of(saved) + 2, state.mode != .start {
            screen.write(saved, row: 0, column: state.width - TextWidth.of(saved), role: .statusBar)
        }
    }

    private func drawHints(_ state: TUIState, _ screen: inout Screen) {
        let row = state.height - 1
        screen.fill(Rect(row: row, column: 0, width: state.width, height: 1), role: .statusBar)
        let context = context(state)
        var hints = keyMap.hints(for: context, actions: hintActions(state, context))
        // `? keys` and `q quit` always stay; the other hints go, least useful (last) first, until the rest fits.
        let kept: Set<Action> = [.help, .quit]
        let width = { (hints: [KeyMap.Hint]) in
            hints.reduce(1) { $0 + TextWidth.of($1.key) + TextWidth.of($1.help) + 3 }
        }
        while width(hints) > state.width, let drop = hints.lastIndex(where: { !kept.contains($0.action) }) {
            hints.remove(at: drop)
        }
        var column = 1
        for hint in hints {
            column += screen.write(hint.key, row: row, column: column, role: .key)
            column += screen.write(" " + hint.help + "  ", row: row, column: column, role: .statusBar)
        }
    }

    /// How many of the questions asked are answered (or "not sure"): the session's per-section counts.
    func answeredCount(_ state: TUIState) -> Int {
        guard let progress = state.advice.session?.progressBySection else {
            return state.applicableIDs.count { state.answers.answers[$0] != nil }
        }
        return progress.reduce(0) { $0 + $1.answered }
    }

    /// The keys worth showing on this screen, most useful first (only keys that do something here).
    func hintActions(_ state: TUIState, _ context: KeyContext) -> [Action] {
        switch state.mode {
        case .start: return context == .textField ? [.select, .back, .help, .quit] : [.select, .help, .quit]
        case .interview:
            if context == .textField { return [.select, .back, .why, .help, .quit] }
            guard let question = state.interview.questionID.flatMap(knowledgeBase.question) else {
                return [.review, .serviceName, .help, .quit]
            }
            var actions: [Action] = [.select]
            if question.type == .multi { actions.append(.toggle) }
            actions += [.review, .back, .why]
            if question.type == .single || question.type == .multi { actions.append(.filter) }
            actions.append(.nextSection)
            if question.allowsNotSure { actions.append(.notSure) }
            return actions + [.serviceName, .help, .quit]
        case .review:
            if context == .textField { return [.select, .back, .help, .quit] }
            var actions: [Action] = []
            switch state.review.tab {
            case .overview: actions += [.select, .serviceName]
            case .decisions, .findings: actions.append(.select)
            case .checklist: actions += [.toggle, .select, .filter]
            case .whatIf: actions.append(.select)
            case .export: actions.append(.select)
            }
            if state.review.tab == .findings { actions.append(.acceptRisk) }
            if state.review.tab == .decisions { actions.append(.propose) }
            if state.review.tab == .export, state.review.export.preview != nil { actions.append(.writeExport) }
            return actions + [.nextTab, .interview, .help, .quit]
        }
    }
}

/// Which slice of a list fits in `height` rows so that `cursor` is visible.
func visibleRange(count: Int, cursor: Int, height: Int) -> Range<Int> {
    guard height > 0, count > 0 else { return 0..<0 }
    if count <= height { return 0..<count }
    let start = min(max(0, cursor - height / 2), count - height)
    return start..<(start + height)
}
