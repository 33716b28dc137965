import KnowledgeModel
import RecommendationEngine

extension TUIReducer {
    func reviewKey(_ key: Key, _ state: inout TUIState) -> [TUIEffect] {
        // The Δ of an answer given from the review stays until the next key.
        state.review.delta = nil
        if let field = state.review.export.editing { return exportFieldKey(key, field, &state) }
        if state.review.isFiltering { return checklistFilterKey(key, &state) }
        if case .character(let digit) = key, let number = digit.wholeNumberValue,
            let tab = ReviewTab(rawValue: number - 1)
        {
            select(tab, &state)
            return []
        }
        guard let action = keyMap.action(for: key, in: .review) else { return [] }
        switch action {
        case .up: moveReviewCursor(by: -1, &state)
        case .down: moveReviewCursor(by: 1, &state)
        case .pageUp: moveReviewCursor(by: -10, &state)
        case .pageDown: moveReviewCursor(by: 10, &state)
        case .top: moveReviewCursor(by: -state.review.cursor - 1, &state)
        case .bottom: moveReviewCursor(by: Int.max / 2, &state)
        case .nextTab: select(ReviewTab(rawValue: (state.review.tab.rawValue + 1) % ReviewTab.allCases.count)!, &state)
        case .previousTab:
            let all = ReviewTab.allCases.count
            select(ReviewTab(rawValue: (state.review.tab.rawValue + all - 1) % all)!, &state)
        case .select: return activate(&state)
        case .toggle:
            if state.review.tab == .checklist { return toggleChecklist(&state) }
            return activate(&state)
        case .filter:
            guard state.review.tab == .checklist else {
                state.status = StatusLine("/ filters the checklist (tab 4).", role: .dim)
                return []
            }
            state.review.isFiltering = true
            state.review.cursor = 0
        case .acceptRisk:
            acceptRisk(ReviewRows.subject(state.review.tab, state.review.cursor, state, knowledgeBase), &state)
        case .propose:
            let subject = ReviewRows.subject(state.review.tab, state.review.cursor, state, knowledgeBase)
            guard case .decision(let id)? = subject else {
                state.status = StatusLine("p proposes an option for a decision: go to a decision first.", role: .dim)
                return []
            }
            openPropose(id, &state)
        case .export: select(.export, &state)
        case .writeExport: return writeExport(&state)
        case .interview:
            state.mode = .interview
            state.interview.returnToReview = false
            if state.interview.questionID == nil { open(firstOpenQuestion(state), in: &state) }
        case .serviceName: editServiceName(&state)
        case .help: state.overlay = .help(.review)
        case .quit: state.overlay = .confirmQuit
        default: break
        }
        return []
    }

    private func exportFieldKey(_ key: Key, _ field: ExportForm.Field, _ state: inout TUIState) -> [TUIEffect] {
        switch key {
        case .enter, .escape, .backTab, .tab:
            state.review.export.editing = nil
            if key == .tab, let next = ExportForm.Field(rawValue: field.rawValue + 1) {
                // Tab goes on to the next field, like a form.
                state.review.export.editing = next
                state.review.cursor = next.rawValue
            }
        default:
            let before = state.review.export[field].text
            if edit(&state.review.export[field], with: key), state.review.export[field].text != before {
                state.review.export.preview = nil
            }
        }
        return []
    }

    /// Typing the checklist filter: Enter keeps it, Esc clears it, ↑/↓ move over the matches.
    private func checklistFilterKey(_ key: Key, _ state: inout TUIState) -> [TUIEffect] {
        switch key {
        case .enter: state.review.isFiltering = false
        case .escape:
            state.review.isFiltering = false
            state.review.filter = TextField()
            state.review.cursor = 0
        case .up: moveReviewCursor(by: -1, &state)
        case .down: moveReviewCursor(by: 1, &state)
        default:
            let before = state.review.filter.text
            if edit(&state.review.filter, with: key), state.review.filter.text != before { state.review.cursor = 0 }
        }
        return []
    }

    func select(_ tab: ReviewTab, _ state: inout TUIState) {
        state.review.tab = tab
        state.review.cursor = 0
        state.review.isFiltering = false
        moveReviewCursor(by: 0, &state)
    }

    /// Moves the review cursor, skipping headings and notes (in the direction of the move, else back).
    func moveReviewCursor(by delta: Int, _ state: inout TUIState) {
        let tab = state.review.tab
        let count = ReviewRows.count(tab, state, knowledgeBase)
        guard count > 0 else {
            state.review.cursor = 0
            return
        }
        let overview = tab == .overview ? ReviewRows.overview(state, knowledgeBase) : []
        let issues = tab == .findings ? ReviewRows.issues(state, knowledgeBase) : []
        let selectable = { (index: Int) -> Bool in
            switch tab {
            case .overview:
                switch overview[index] {
                case .heading, .note: return false
                default: return true
                }
            case .findings:
                if case .heading = issues[index] { return false }
                return true
            default: return true
            }
        }
        let start = min(max(0, state.review.cursor.addingReportingOverflow(delta).partialValue), count - 1)
        let step = delta < 0 ? -1 : 1
        var index = start
        while (0..<count).contains(index), !selectable(index) { index += step }
        if !(0..<count).contains(index) {
            index = start
            while (0..<count).contains(index), !selectable(index) { index -= step }
        }
        state.review.cursor = (0..<count).contains(index) ? index : 0
    }

    private func activate(_ state: inout TUIState) -> [TUIEffect] {
        guard state.advice.review != nil else { return [] }
        let cursor = state.review.cursor
        switch state.review.tab {
        case .export:
            switch ExportRow.rows(state.review.export).element(at: cursor) {
            case .field(let field)?: state.review.export.editing = field
            case .preview?:
                if let problem = state.review.export.problem {
                    state.status = StatusLine(problem, role: .warning)
                    return []
                }
                return [.previewExport(state.review.export.settings, answers: state.answers)]
            case .write?: return writeExport(&state)
            case .outcome?, nil: break
            }
        case .whatIf:
            if let row = state.advice.whatIf?.rows.element(at: cursor) {
                state.review.whatIfQuestion = row.questionID
                jump(to: row.questionID, preset: row.alternative, &state)
            }
        default:
            switch ReviewRows.subject(state.review.tab, cursor, state, knowledgeBase) {
            case .question(let id)?: jump(to: id, &state)
            case let subject?: state.overlay = .detail(subject, cursor: 0)
            case nil: break
            }
        }
        return []
    }

    /// `a`: accept a finding as a risk; on anything else, say what `a` does and why it does nothing here.
    func acceptRisk(_ subject: DetailSubject?, _ state: inout TUIState) {
        var subject = subject
        if case .priority(let rank)? = subject, let priority = state.advice.priorities.first(where: { $0.rank == rank })
        {
            subject = ReviewRows.target(of: priority)
        }
        switch subject {
        case .finding(let id)?:
            // The form starts with the earlier acceptance, expired or not (to change, renew or un-accept it).
            state.overlay = .acceptRisk(findingID: id, form: RiskForm(state.answers.acceptedRisk(for: id)))
        case .tension?:
            state.status = StatusLine(
                "A tension cannot be accepted as a risk: change one of the answers it is between, or follow its "
                    + "advice (Enter shows both).", role: .warning)
        default:
            state.status = StatusLine("a accepts a finding as a risk: go to a finding first (tab 3).", role: .dim)
        }
    }

    func openPropose(_ decisionID: String, _ state: inout TUIState) {
        guard let decision = knowledgeBase.decision(decisionID) else { return }
        let current = state.answers.proposed[decision.id]?.first.flatMap { id in
            decision.options.firstIndex { $0.id == id }
        }
        state.overlay = .propose(decisionID: decision.id, cursor: current ?? 0)
    }

    private func writeExport(_ state: inout TUIState) -> [TUIEffect] {
        guard state.review.export.preview != nil else {
            state.status = StatusLine("Preview first (Enter on Preview), then write.", role: .warning)
            return []
        }
        return [.writeExport(state.review.export.settings, answers: state.answers)]
    }

    func toggleChecklist(_ state: inout TUIState) -> [TUIEffect] {
        guard let index = ReviewRows.checklist(state).element(at: state.review.cursor),
            let entry = state.advice.review?.checklist.element(at: index)
        else { return [] }
        return toggleChecklistItem(entry.item.id, &state)
    }

    func toggleChecklistItem(_ id: String, _ state: inout TUIState) -> [TUIEffect] {
        if state.answers.checklistDone.contains(id) {
            state.answers.checklistDone.remove(id)
        } else {
            state.answers.checklistDone.insert(id)
        }
        refresh(&state, trackChanges: false)
        return [.save(state.answers)]
    }

    /// Back in the review after answering a question opened from it: the Δ of that answer shows until the next
    /// key, and the cursor stays on the row it was on (on the What-if tab: the row of the same question).
    func returnToReview(_ state: inout TUIState) {
        state.interview.returnToReview = false
        state.mode = .review
        state.review.delta = state.advice.changes
        if state.review.tab == .whatIf, let questionID = state.review.whatIfQuestion,
            let index = state.advice.whatIf?.rows.firstIndex(where: { $0.questionID == questionID })
        {
            state.review.cursor = index
        }
        state.review.whatIfQuestion = nil
        moveReviewCursor(by: 0, &state)
    }
}
