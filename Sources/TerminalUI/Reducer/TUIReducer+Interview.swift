import KnowledgeModel

extension TUIReducer {
    /// The key context of the interview right now (a focused text field takes printable keys).
    func interviewContext(_ state: TUIState) -> KeyContext {
        guard let question = state.interview.questionID.flatMap(knowledgeBase.question) else { return .interview }
        let rows = ChoiceRow.rows(for: question, filter: state.interview.filter.text)
        return rows.indices.contains(state.interview.cursor) && rows[state.interview.cursor] == .input
            ? .textField : .interview
    }

    func interviewKey(_ key: Key, _ state: inout TUIState) -> [TUIEffect] {
        guard let questionID = state.interview.questionID, let question = knowledgeBase.question(questionID) else {
            switch keyMap.action(for: key, in: .interview) {
            case .quit?: state.overlay = .confirmQuit
            case .help?: state.overlay = .help(.interview)
            case .select?, .review?: state.mode = .review
            case .serviceName?: editServiceName(&state)
            default: break
            }
            return []
        }
        if state.interview.isFiltering { return filterKey(key, question, &state) }
        let rows = ChoiceRow.rows(for: question, filter: state.interview.filter.text)
        let context = interviewContext(state)
        if context == .textField, edit(&state.interview.input, with: key) {
            state.interview.inputError = validationError(state.interview.input.text, for: question)
            return []
        }
        guard let action = keyMap.action(for: key, in: context) else { return [] }
        switch action {
        case .up: move(&state.interview.cursor, by: -1, count: rows.count)
        case .down: move(&state.interview.cursor, by: 1, count: rows.count)
        case .pageUp: move(&state.interview.cursor, by: -10, count: rows.count)
        case .pageDown: move(&state.interview.cursor, by: 10, count: rows.count)
        case .top: state.interview.cursor = 0
        case .bottom: state.interview.cursor = max(0, rows.count - 1)
        case .select:
            guard rows.indices.contains(state.interview.cursor) else { return [] }
            return choose(rows[state.interview.cursor], question, advance: true, &state)
        case .toggle:
            guard rows.indices.contains(state.interview.cursor) else { return [] }
            if question.type == .multi, case .option(let option) = rows[state.interview.cursor] {
                toggle(option.id, in: question, &state)
                return []
            }
            return choose(rows[state.interview.cursor], question, advance: false, &state)
        case .notSure:
            guard question.allowsNotSure else {
                state.status = StatusLine("\"Not sure\" is not an answer to this question.", role: .warning)
                return []
            }
            return choose(.notSure, question, advance: true, &state)
        case .back:
            if !state.interview.filter.isEmpty {
                state.interview.filter = TextField()
                state.interview.cursor = 0
            } else {
                goBack(&state)
            }
        case .nextSection: nextSection(&state)
        case .filter:
            guard question.type == .single || question.type == .multi else {
                state.status = StatusLine("Only option lists can be filtered.", role: .dim)
                return []
            }
            state.interview.isFiltering = true
            state.interview.cursor = 0
        case .help: state.overlay = .help(context)
        case .why: state.overlay = .why(questionID: questionID, influence: advisor.influence(of: questionID))
        case .quit: state.overlay = .confirmQuit
        case .review: state.mode = .review
        case .confirmDetected: return confirmAllDetected(&state)
        case .showDetected: showDetected(&state)
        case .serviceName: editServiceName(&state)
        default: break
        }
        return []
    }

    private func filterKey(_ key: Key, _ question: Question, _ state: inout TUIState) -> [TUIEffect] {
        switch key {
        case .enter:
            // One Enter answers with the focused match (as huh's filter does).
            state.interview.isFiltering = false
            let rows = ChoiceRow.rows(for: question, filter: state.interview.filter.text)
            if let row = rows.element(at: state.interview.cursor) {
                return choose(row, question, advance: true, &state)
            }
        case .escape:
            state.interview.isFiltering = false
            state.interview.filter = TextField()
            state.interview.cursor = 0
        case .up, .down:
            let count = ChoiceRow.rows(for: question, filter: state.interview.filter.text).count
            move(&state.interview.cursor, by: key == .up ? -1 : 1, count: count)
        default:
            let before = state.interview.filter.text
            if edit(&state.interview.filter, with: key), state.interview.filter.text != before {
                state.interview.cursor = 0
            }
        }
        return []
    }

    /// Saves the answer a row stands for; advances to the next question when `advance`.
    private func choose(
        _ row: ChoiceRow, _ question: Question, advance: Bool, _ state: inout TUIState
    )
        -> [TUIEffect]
    {
        switch row {
        case .notSure:
            state.answers.markNotSure(question.id)
        case .noneOfThese:
            state.interview.selection = []
            state.answers.set(question.id, to: .choices([]))
        case .input:
            switch AnswerParsing.parse(text: state.interview.input.text, for: question, at: nil) {
            case .success(let value):
                if question.type == .text, state.interview.input.text.trimmingCharacters(in: .whitespaces).isEmpty {
                    state.interview.inputError = "type an answer\(question.allowsNotSure ? ", or choose Not sure" : "")"
                    return []
                }
                // A possible but unusual number is kept on a second Enter (editing the number withdraws the question).
                if let unusual = AnswerParsing.unusualness(value, for: question) {
                    // Short: the input row shows the number and the usual range is shown under it.
                    let ask = "unusually \(unusual.rawValue): Enter again keeps it"
                    guard state.interview.inputError == ask else {
                        state.interview.inputError = ask
                        return []
                    }
                    state.interview.inputError = nil
                }
                state.answers.set(question.id, to: value)
            case .failure(let problem):
                state.interview.inputError = problem.message
                return []
            }
        case .option(let option):
            switch question.type {
            case .yesno: state.answers.set(question.id, to: .bool(option.id == "yes"))
            case .single: state.answers.set(question.id, to: .choice(option.id))
            case .multi:
                if !advance {
                    toggle(option.id, in: question, &state)
                    return []
                }
                // Enter with nothing ticked takes the focused option, as a single-choice list would ("None of
                // these" is its own row).
                if state.interview.selection.isEmpty { state.interview.selection = [option.id] }
                state.answers.set(question.id, to: .choices(state.interview.selection))
            case .number, .text: return []
            }
        }
        // Answering (or re-entering) a detected answer confirms it: it is the user's own now. Other origins (written
        // in an answers file by the user) are kept.
        if state.answers.answers[question.id]?.isDetected == true { state.answers.answers[question.id]?.origin = nil }
        refresh(&state, trackChanges: true)
        if advance { advanceAfterAnswer(from: question.id, &state) }
        return [.save(state.answers)]
    }

    private func toggle(_ optionID: String, in question: Question, _ state: inout TUIState) {
        var selected = Set(state.interview.selection)
        if selected.contains(optionID) { selected.remove(optionID) } else { selected.insert(optionID) }
        state.interview.selection = question.options.map(\.id).filter(selected.contains)
    }

    private func validationError(_ text: String, for question: Question) -> String? {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        if case .failure(let problem) = AnswerParsing.parse(text: text, for: question, at: nil) {
            return problem.message
        }
        return nil
    }

    private func advanceAfterAnswer(from questionID: String, _ state: inout TUIState) {
        if state.interview.returnToReview {
            returnToReview(&state)
            return
        }
        if let next = question(after: questionID, in: state) {
            open(next, in: &state)
        } else if let open = state.applicableIDs.first(where: { state.answers.answers[$0] == nil }) {
            self.open(open, in: &state)
            state.status = StatusLine("One more: this question is still open.", role: .warning)
        } else {
            state.mode = .review
            state.status = StatusLine("Every question is answered. Here is the review.", role: .success)
        }
    }

    /// The next applicable question after `questionID` in interview order (follow-ups that just appeared included).
    func question(after questionID: String, in state: TUIState) -> String? {
        guard let position = interviewPosition[questionID] else { return state.applicableIDs.first }
        return state.applicableIDs.first { (interviewPosition[$0] ?? -1) > position }
    }

    private func goBack(_ state: inout TUIState) {
        guard let current = state.interview.questionID else { return }
        guard let position = interviewPosition[current],
            let previous = state.applicableIDs.last(where: { (interviewPosition[$0] ?? Int.max) < position })
        else {
            state.status = StatusLine("This is the first question.", role: .dim)
            return
        }
        state.interview.returnToReview = false
        open(previous, in: &state)
    }

    private func nextSection(_ state: inout TUIState) {
        guard let current = state.interview.questionID.flatMap(knowledgeBase.question) else { return }
        let order = knowledgeBase.sections.map(\.id)
        let currentIndex = order.firstIndex(of: current.section) ?? -1
        let next = state.applicableIDs.first { id in
            guard let section = knowledgeBase.question(id)?.section, let index = order.firstIndex(of: section) else {
                return false
            }
            return index > currentIndex
        }
        if let next {
            state.interview.returnToReview = false
            open(next, in: &state)
        } else {
            state.mode = .review
        }
    }

    /// Opens a question from the review (an explanation, a what-if row); answering returns to the review. `preset`
    /// (a what-if row's answer) is pre-selected instead of the current answer.
    func jump(to questionID: String, preset: AnswerValue? = nil, _ state: inout TUIState) {
        state.overlay = nil
        state.mode = .interview
        state.interview.returnToReview = true
        open(questionID, in: &state)
        if let preset, let question = knowledgeBase.question(questionID) {
            state.interview.selection = []
            preselect(preset, ChoiceRow.rows(for: question), &state)
        }
        if !state.applicableIDs.contains(questionID) {
            state.status = StatusLine("This question does not apply to your current answers.", role: .warning)
        }
    }

    func move(_ cursor: inout Int, by delta: Int, count: Int) {
        guard count > 0 else {
            cursor = 0
            return
        }
        cursor = min(max(0, cursor + delta), count - 1)
    }
}
