extension TUIReducer {
    func startKey(_ key: Key, _ state: inout TUIState) -> [TUIEffect] {
        if let field = state.start.field {
            switch key {
            case .escape:
                state.start.field = nil
                state.start.input = ""
            case .enter:
                let text = state.start.input.trimmingCharacters(in: .whitespaces)
                if field == .openFile {
                    guard !text.isEmpty else { return [] }
                    return [.openAnswersFile(text)]
                }
                state.answers.serviceName = text.isEmpty ? nil : text
                state.mode = .interview
                refresh(&state, trackChanges: false)
                open(firstOpenQuestion(state), in: &state)
                return [.save(state.answers)]
            default:
                if let text = edit(state.start.input, with: key) { state.start.input = text }
            }
            return []
        }
        switch keyMap.action(for: key, in: .everywhere) {
        case .up?: move(&state.start.cursor, by: -1, count: state.start.items.count)
        case .down?: move(&state.start.cursor, by: 1, count: state.start.items.count)
        case .select?:
            switch state.start.items.element(at: state.start.cursor) {
            case .newReview?: state.start.field = .newReview
            case .openFile?: state.start.field = .openFile
            case .resume?: return [.resumeLastSession]
            case nil: break
            }
            state.start.input = ""
        case .help?: state.overlay = .help(.everywhere)
        case .quit?: return [.quit]
        default: break
        }
        return []
    }
}
