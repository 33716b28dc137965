import KnowledgeModel
import RecommendationEngine

/// A row of the Tensions & Findings tab.
enum IssueRow: Equatable {
    case tension(RaisedTension)
    case finding(RaisedFinding)
}

extension TUIReducer {
    func reviewKey(_ key: Key, _ state: inout TUIState) -> [TUIEffect] {
        if let field = state.review.export.editing {
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
        if case .character(let digit) = key, let number = digit.wholeNumberValue,
            let tab = ReviewTab(rawValue: number - 1)
        {
            select(tab, &state)
            return []
        }
        guard let action = keyMap.action(for: key, in: .review) else { return [] }
        let count = rowCount(state.review.tab, state)
        switch action {
        case .up: move(&state.review.cursor, by: -1, count: count)
        case .down: move(&state.review.cursor, by: 1, count: count)
        case .pageUp: move(&state.review.cursor, by: -10, count: count)
        case .pageDown: move(&state.review.cursor, by: 10, count: count)
        case .top: state.review.cursor = 0
        case .bottom: state.review.cursor = max(0, count - 1)
        case .nextTab: select(ReviewTab(rawValue: (state.review.tab.rawValue + 1) % ReviewTab.allCases.count)!, &state)
        case .previousTab:
            let all = ReviewTab.allCases.count
            select(ReviewTab(rawValue: (state.review.tab.rawValue + all - 1) % all)!, &state)
        case .select: return activate(&state)
        case .toggle:
            if state.review.tab == .checklist { return toggleChecklist(&state) }
            return activate(&state)
        case .acceptRisk:
            if case .finding(let raised)? = issueRows(state).element(at: state.review.cursor) {
                state.overlay = .acceptRisk(
                    findingID: raised.finding.id, reason: TextField(raised.accepted?.reason ?? ""))
            }
        case .propose:
            guard state.review.tab == .decisions,
                let outcome = state.advice.review?.decisions.element(at: state.review.cursor),
                let decision = knowledgeBase.decision(outcome.decisionID)
            else { return [] }
            let current = state.answers.proposed[decision.id]?.first.flatMap { id in
                decision.options.firstIndex { $0.id == id }
            }
            state.overlay = .propose(decisionID: decision.id, cursor: current ?? 0)
        case .export: select(.export, &state)
        case .writeExport: return writeExport(&state)
        case .interview:
            state.mode = .interview
            state.interview.returnToReview = false
            if state.interview.questionID == nil { open(firstOpenQuestion(state), in: &state) }
        case .help: state.overlay = .help(.review)
        case .quit: state.overlay = .confirmQuit
        default: break
        }
        return []
    }

    private func select(_ tab: ReviewTab, _ state: inout TUIState) {
        state.review.tab = tab
        state.review.cursor = 0
    }

    /// Rows the cursor moves over on a tab.
    func rowCount(_ tab: ReviewTab, _ state: TUIState) -> Int {
        switch tab {
        case .decisions: return state.advice.review?.decisions.count ?? 0
        case .findings: return issueRows(state).count
        case .checklist: return state.advice.review?.checklist.count ?? 0
        case .whatIf: return state.advice.whatIf?.rows.count ?? 0
        case .export: return ExportRow.allCases.count
        }
    }

    func issueRows(_ state: TUIState) -> [IssueRow] {
        guard let review = state.advice.review else { return [] }
        return review.tensions.map(IssueRow.tension) + review.findings.map(IssueRow.finding)
    }

    private func activate(_ state: inout TUIState) -> [TUIEffect] {
        guard let review = state.advice.review else { return [] }
        let cursor = state.review.cursor
        switch state.review.tab {
        case .decisions:
            if let outcome = review.decisions.element(at: cursor) {
                state.overlay = .decision(decisionID: outcome.decisionID, cursor: 0)
            }
        case .findings:
            switch issueRows(state).element(at: cursor) {
            case .finding(let raised)?:
                state.overlay = .acceptRisk(
                    findingID: raised.finding.id, reason: TextField(raised.accepted?.reason ?? ""))
            case .tension(let raised)?:
                let questions =
                    raised.tension.between.isEmpty ? raised.answers.map(\.questionID) : raised.tension.between
                if let first = questions.first { jump(to: first, &state) }
            case nil: break
            }
        case .checklist:
            return toggleChecklist(&state)
        case .whatIf:
            if let row = state.advice.whatIf?.rows.element(at: cursor) { jump(to: row.questionID, &state) }
        case .export:
            switch ExportRow.allCases.element(at: cursor) {
            case .field(let field)?: state.review.export.editing = field
            case .preview?:
                if let problem = state.review.export.problem {
                    state.status = StatusLine(problem, role: .warning)
                    return []
                }
                return [.previewExport(state.review.export.settings, answers: state.answers)]
            case .write?: return writeExport(&state)
            case nil: break
            }
        }
        return []
    }

    private func writeExport(_ state: inout TUIState) -> [TUIEffect] {
        guard state.review.export.preview != nil else {
            state.status = StatusLine("Preview first (Enter on Preview), then write.", role: .warning)
            return []
        }
        return [.writeExport(state.review.export.settings, answers: state.answers)]
    }

    private func toggleChecklist(_ state: inout TUIState) -> [TUIEffect] {
        guard let entry = state.advice.review?.checklist.element(at: state.review.cursor) else { return [] }
        if state.answers.checklistDone.contains(entry.item.id) {
            state.answers.checklistDone.remove(entry.item.id)
        } else {
            state.answers.checklistDone.insert(entry.item.id)
        }
        refresh(&state, trackChanges: false)
        return [.save(state.answers)]
    }

    func decisionOverlayKey(_ key: Key, decisionID: String, cursor: Int, _ state: inout TUIState) -> [TUIEffect] {
        let questions = DecisionExplanation.questionsBehind(decisionID, state, knowledgeBase)
        var cursor = cursor
        switch keyMap.action(for: key, in: .review) {
        case .up?: move(&cursor, by: -1, count: questions.count)
        case .down?: move(&cursor, by: 1, count: questions.count)
        case .select?:
            if let questionID = questions.element(at: cursor) { jump(to: questionID, &state) }
            return []
        default:
            state.overlay = nil
            return []
        }
        state.overlay = .decision(decisionID: decisionID, cursor: cursor)
        return []
    }

    func acceptRiskKey(_ key: Key, findingID: String, reason: TextField, _ state: inout TUIState) -> [TUIEffect] {
        switch key {
        case .escape, .backTab:
            state.overlay = nil
            return []
        case .enter:
            let trimmed = reason.text.trimmingCharacters(in: .whitespaces)
            let alreadyAccepted = state.answers.acceptedRisk(for: findingID) != nil
            state.answers.acceptedRisks.removeAll { $0.findingID == findingID }
            if trimmed.isEmpty {
                guard alreadyAccepted else {
                    state.status = StatusLine("A reason is required to accept a risk.", role: .warning)
                    return []
                }
                state.status = StatusLine("Risk no longer accepted.", role: .dim)
            } else {
                state.answers.acceptedRisks.append(
                    AcceptedRisk(findingID: findingID, reason: trimmed, by: reviewer.name, date: reviewer.today()))
                state.status = StatusLine("Risk accepted.", role: .success)
            }
            state.overlay = nil
            refresh(&state, trackChanges: false)
            return [.save(state.answers)]
        default:
            var field = reason
            if edit(&field, with: key) { state.overlay = .acceptRisk(findingID: findingID, reason: field) }
            return []
        }
    }
}

/// The rows of the Export tab: the form's fields, then Preview and Write.
enum ExportRow: Equatable {
    case field(ExportForm.Field)
    case preview, write

    static let allCases: [ExportRow] = ExportForm.Field.allCases.map(ExportRow.field) + [.preview, .write]
}

extension Array {
    func element(at index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
