extension TUIReducer {
    func startKey(_ key: Key, _ state: inout TUIState) -> [TUIEffect] {
        if let field = state.start.field {
            switch key {
            case .escape, .backTab:
                state.start.field = nil
                state.start.input = TextField()
            case .enter:
                let text = state.start.input.text.trimmingCharacters(in: .whitespaces)
                switch field {
                case .openFile:
                    guard !text.isEmpty else { return [] }
                    return [.openAnswersFile(text)]
                case .reviewProject:
                    state.status = StatusLine("Scanning \(text.isEmpty ? "." : text)…", role: .dim)
                    return [.scanProject(folder: text.isEmpty ? "." : text)]
                case .newReview, .resume:
                    state.answers.serviceName = text.isEmpty ? nil : text
                    state.mode = .interview
                    refresh(&state, trackChanges: false)
                    open(firstOpenQuestion(state), in: &state)
                    return [.save(state.answers)]
                }
            default:
                _ = edit(&state.start.input, with: key)
            }
            return []
        }
        switch keyMap.action(for: key, in: .everywhere) {
        case .up?: move(&state.start.cursor, by: -1, count: state.start.items.count)
        case .down?: move(&state.start.cursor, by: 1, count: state.start.items.count)
        case .select?:
            state.start.input = TextField()
            switch state.start.items.element(at: state.start.cursor) {
            case .newReview?: state.start.field = .newReview
            case .openFile?: state.start.field = .openFile
            case .reviewProject?:
                state.start.field = .reviewProject
                state.start.input = "."
            case .resume?: return [.resumeLastSession]
            case nil: break
            }
        case .help?: state.overlay = .help(.everywhere)
        case .quit?: return [.quit]
        default: break
        }
        return []
    }
}
