import KnowledgeModel
import RecommendationEngine

/// The state machine: `reduce(&state, event)` applies an event and returns the effects to run. It never touches
/// the terminal or the file system, so every behaviour of the interface is testable without a terminal.
public struct TUIReducer: Sendable {
    public let advisor: any Advisor
    public let keyMap: KeyMap
    /// Who is at the keyboard and today's date, recorded with accepted risks.
    public let reviewer: Reviewer
    /// Question ids in interview order (computed once).
    let interviewOrder: [String]
    let interviewPosition: [String: Int]

    public init(advisor: any Advisor, keyMap: KeyMap = .standard, reviewer: Reviewer = Reviewer()) {
        self.advisor = advisor
        self.keyMap = keyMap
        self.reviewer = reviewer
        interviewOrder = advisor.knowledgeBase.questionsInInterviewOrder.map(\.id)
        interviewPosition = Dictionary(interviewOrder.enumerated().map { ($1, $0) }) { first, _ in first }
    }

    var knowledgeBase: KnowledgeBase { advisor.knowledgeBase }

    /// A fresh state for `answers`, with applicability and advice computed, on the first question to ask.
    public func initialState(_ state: TUIState) -> TUIState {
        var state = state
        refresh(&state, trackChanges: false)
        if state.mode == .interview { open(firstOpenQuestion(state), in: &state) }
        return state
    }

    /// Applies one event.
    public func reduce(_ state: inout TUIState, _ event: TUIEvent) -> [TUIEffect] {
        apply(event, &state)
    }

    private func apply(_ event: TUIEvent, _ state: inout TUIState) -> [TUIEffect] {
        switch event {
        case .resize(let width, let height):
            state.width = width
            state.height = height
            return []
        case .idle:
            refreshInsightsIfShown(&state)
            return []
        case .loaded(let answers, let notices, let sessionPath):
            state.answers = answers
            state.sessionPath = sessionPath
            state.mode = .interview
            state.advice = Advice()
            refresh(&state, trackChanges: false)
            open(firstOpenQuestion(state), in: &state)
            if !notices.isEmpty {
                state.overlay = .notice(title: "Some answers are not used", lines: notices)
            }
            state.status = StatusLine("Loaded \(counted(answers.answers.count, "answer")).", role: .success)
            return [.save(state.answers)]
        case .projectScanned(let result):
            return projectScanned(result, &state)
        case .saved:
            state.saveProblem = nil
            return []
        case .saveFailed(let message):
            if state.saveProblem == nil || state.status?.role != .error {
                state.status = StatusLine(message, role: .error)
            }
            state.saveProblem = message
            return []
        case .loadFailed(let message), .exportFailed(let message), .scanFailed(let message):
            state.status = StatusLine(message, role: .error)
            return []
        case .exportPreviewed(let lines):
            state.review.export.preview = lines
            state.review.export.result = nil
            return []
        case .exportWritten(let lines):
            state.review.export.result = lines
            state.review.export.preview = nil
            state.status = StatusLine("Decision records written.", role: .success)
            return []
        case .key(let key):
            if let overlay = state.overlay { return overlayKey(key, overlay, &state) }
            // A message describes the key that caused it: the next key clears it.
            state.status = nil
            let mode = state.mode
            let effects: [TUIEffect]
            switch mode {
            case .start: effects = startKey(key, &state)
            case .interview: effects = interviewKey(key, &state)
            case .review: effects = reviewKey(key, &state)
            }
            // Entering the review: the cursor rests on a row it can select (not a heading).
            if mode != .review, state.mode == .review { moveReviewCursor(by: 0, &state) }
            return effects
        }
    }

    // MARK: - Shared

    /// Recomputes which questions apply and the advice; records what changed when `trackChanges`.
    func refresh(_ state: inout TUIState, trackChanges: Bool) {
        let previouslyFlagged = Set(state.flaggedIDs)
        // Only a summary of the previous review is kept: a second reference to it would make the session copy
        // the whole review when it patches it.
        let includeChecklist = state.interview.returnToReview
        let before = state.advice.review.map { AdviceDiff.Snapshot($0, includeChecklist: includeChecklist) }
        let contradictionsBefore = Set(state.advice.review?.contradictions.map(\.id) ?? [])
        // Acceptances past their expiry date hide nothing: the engine sees the answers without them (the answers
        // keep them, and the findings list says they expired).
        let answers = answersForAdvice(state.answers)
        if state.advice.session == nil {
            state.advice.session = advisor.startSession(answers)
        } else {
            state.advice.session!.update(to: answers)
        }
        // Kept current after every answer (the session recomputes only the rows the answer can disturb), so that
        // opening the What-if tab never waits for a whole sweep. (The session is used in place: a copy held while
        // it updates would make it copy its caches.)
        state.advice.whatIf = state.advice.session!.whatIf()
        state.applicableIDs = state.advice.session!.applicableQuestionIDs
        state.flaggedIDs = state.advice.session!.answeredButNotAskedIDs
        state.advice.insightsCurrent = false
        if trackChanges, let review = state.advice.review {
            // Answered from the review: the Δ there also names the checklist items that came or went.
            state.advice.changes = AdviceDiff.changes(
                from: before, to: review, in: knowledgeBase, includeChecklist: includeChecklist)
        }
        if trackChanges, let review = state.advice.review,
            let contradiction = review.contradictions.first(where: { !contradictionsBefore.contains($0.id) })
        {
            // Shown as the answer is recorded; the answer is kept (a contradiction is a warning).
            state.status = StatusLine("Contradiction: \(contradiction.message)", role: .warning)
        }
        if trackChanges {
            let newlyFlagged = state.flaggedIDs.filter { !previouslyFlagged.contains($0) }
            if !newlyFlagged.isEmpty {
                let names = newlyFlagged.joined(separator: ", ")
                state.status = StatusLine(
                    "Kept \(newlyFlagged.count == 1 ? "an answer" : "\(newlyFlagged.count) answers") that no longer "
                        + "appl\(newlyFlagged.count == 1 ? "ies" : "y"): \(names)", role: .warning)
            }
        }
    }

    /// The answers the advice is computed from: without the acceptances that expired before today.
    func answersForAdvice(_ answers: AnswerSet) -> AnswerSet {
        guard let today = reviewer.today(), answers.acceptedRisks.contains(where: { $0.isExpired(today: today) })
        else { return answers }
        return answers.withoutExpiredAcceptances(today: today).answers
    }

    /// Whether the Overview tab shows priorities and firm-up questions of older answers: they are computed when no
    /// key is waiting (``TUIEvent/idle``), never in the key press that made them stale (a whole-knowledge-base
    /// pass: up to a second with a large knowledge base).
    public func hasDeferredWork(_ state: TUIState) -> Bool {
        state.mode == .review && state.review.tab == .overview && !state.advice.insightsCurrent
            && state.advice.review != nil && state.advice.whatIf != nil
    }

    /// Computes the firm-up questions and the priorities when the Overview tab shows them and they are stale.
    func refreshInsightsIfShown(_ state: inout TUIState) {
        guard hasDeferredWork(state), let review = state.advice.review, let whatIf = state.advice.whatIf else { return }
        state.advice.firmUp = advisor.firmUp(review, answers: state.answers, whatIf: whatIf)
        state.advice.priorities = advisor.priorities(review, firmUp: state.advice.firmUp)
        state.advice.insightsCurrent = true
        moveReviewCursor(by: 0, &state)
    }

    /// The first applicable question without an answer, else the first applicable question.
    func firstOpenQuestion(_ state: TUIState) -> String? {
        state.applicableIDs.first { state.answers.answers[$0] == nil } ?? state.applicableIDs.first
    }

    /// Shows a question, loading its saved answer into the draft.
    func open(_ questionID: String?, in state: inout TUIState) {
        let returnToReview = state.interview.returnToReview
        state.interview = InterviewState()
        state.interview.returnToReview = returnToReview
        state.interview.questionID = questionID
        guard let questionID, let question = knowledgeBase.question(questionID) else { return }
        let rows = ChoiceRow.rows(for: question)
        let answer = state.answers.answers[questionID]
        if answer?.notSure == true, let index = rows.firstIndex(of: .notSure) {
            state.interview.cursor = index
            return
        }
        switch answer?.value {
        case .choice(let id)?:
            state.interview.cursor = rows.firstIndex { if case .option(let o) = $0 { o.id == id } else { false } } ?? 0
        case .choices(let ids)?:
            state.interview.selection = ids
            if ids.isEmpty, let index = rows.firstIndex(of: .noneOfThese) { state.interview.cursor = index }
        case .bool(let flag)?:
            state.interview.cursor = flag ? 0 : 1
        case .number, .text:
            state.interview.input = TextField(answer?.value?.description ?? "")
        case nil:
            // Unanswered: a choice question's default is pre-selected (Enter takes it), as huh and gum do; number and
            // text fields stay empty (the default is named under them).
            if question.type != .number, question.type != .text { preselect(question.defaultValue, rows, &state) }
        }
    }

    /// Puts the cursor on (multiple choice: ticks) the rows of `value`; a number or text goes into the field.
    func preselect(_ value: AnswerValue?, _ rows: [ChoiceRow], _ state: inout TUIState) {
        let index = { (id: String) in
            rows.firstIndex { if case .option(let option) = $0 { option.id == id } else { false } }
        }
        switch value {
        case .choice(let id)?: state.interview.cursor = index(id) ?? state.interview.cursor
        case .choices(let ids)?:
            state.interview.selection = ids
            state.interview.cursor = ids.first.flatMap(index) ?? rows.firstIndex(of: .noneOfThese) ?? 0
        case .bool(let flag)?: state.interview.cursor = index(flag ? "yes" : "no") ?? 0
        case .number?, .text?: state.interview.input = TextField(value?.description ?? "")
        default: break
        }
    }

    func overlayKey(_ key: Key, _ overlay: Overlay, _ state: inout TUIState) -> [TUIEffect] {
        switch overlay {
        case .help, .why, .notice:
            state.overlay = nil
            return []
        case .detected(let scroll):
            return detectedOverlayKey(key, scroll: scroll, &state)
        case .confirmQuit:
            switch key {
            case .character("y"), .character("Y"), .character("q"), .enter:
                return [.quit]
            default:
                state.overlay = nil
                return []
            }
        case .detail(let subject, let cursor):
            return detailKey(key, subject: subject, cursor: cursor, &state)
        case .propose(let decisionID, let cursor):
            return proposeKey(key, decisionID: decisionID, cursor: cursor, &state)
        case .acceptRisk(let findingID, let form):
            return acceptRiskKey(key, findingID: findingID, form: form, &state)
        case .serviceName(let name):
            return serviceNameKey(key, name: name, &state)
        }
    }

    /// Applies a key to a text field: printable keys type, the text-field bindings edit. Returns false when the
    /// key is not an edit (Enter, Esc, arrows up and down...), so the caller handles it.
    func edit(_ field: inout TextField, with key: Key) -> Bool {
        if let character = key.printable {
            field.insert(character)
            return true
        }
        guard let action = keyMap.action(for: key, in: .textField) else { return false }
        return field.apply(action)
    }
}

/// Who accepts risks: recorded as `by` and `date` with each accepted risk.
public struct Reviewer: Sendable {
    /// The user's name (git's user.name or $USER); nil when unknown.
    public var name: String?
    /// Today as YYYY-MM-DD; nil when unknown.
    public var today: @Sendable () -> String?

    public init(name: String? = nil, today: @escaping @Sendable () -> String? = { nil }) {
        self.name = name
        self.today = today
    }
}
