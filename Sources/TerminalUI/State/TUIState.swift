import KnowledgeModel
import RecommendationEngine

/// Everything the interface shows, as a value: the curses layer draws ``TUIView/render(_:keyMap:)`` of it and
/// feeds key presses to ``TUIReducer``.
public struct TUIState: Sendable, Equatable {
    public enum Mode: Sendable, Equatable {
        case start, interview, review
    }

    public var mode: Mode
    public var answers: AnswerSet
    /// Ids of the questions asked for the current answers, in interview order.
    public var applicableIDs: [String] = []
    /// Answers kept for questions that no longer apply (flagged, never dropped), in interview order.
    public var flaggedIDs: [String] = []
    public var interview = InterviewState()
    public var review = ReviewState()
    public var start: StartState
    public var overlay: Overlay?
    public var width: Int
    public var height: Int
    /// One line under the question (what changed, what was saved, what went wrong).
    public var status: StatusLine?
    public var advice = Advice()
    /// Where every answer is saved.
    public var sessionPath: String
    /// Why the answers are not saved (the last save failed, or the session file cannot be written); shown in
    /// the header and the quit dialog until a save succeeds.
    public var saveProblem: String?
    /// The last project scan ("review an existing project", `interview --from`), for the "detected" window.
    public var scan: ProjectScanResult?

    public init(
        mode: Mode = .interview, answers: AnswerSet = AnswerSet(), sessionPath: String, lastSession: String? = nil,
        width: Int = 100, height: Int = 30
    ) {
        self.mode = mode
        self.answers = answers
        self.sessionPath = sessionPath
        self.start = StartState(lastSession: lastSession)
        self.width = width
        self.height = height
    }
}

/// A transient message line.
public struct StatusLine: Sendable, Equatable {
    public var text: String
    public var role: StyleRole

    public init(_ text: String, role: StyleRole = .dim) {
        self.text = text
        self.role = role
    }
}

/// A window over the screen.
public enum Overlay: Sendable, Equatable {
    /// Every key, for the context it was opened from.
    case help(KeyContext)
    /// Why a question is asked, with what its answer can move (from the engine).
    case why(questionID: String, influence: QuestionInfluence)
    case confirmQuit
    /// Everything about one item of the review (a decision's trade-offs and HOW, a finding's why and fix, a
    /// tension's advice, a checklist item's full text), scrolled line by line; `cursor` is the focused line (Enter
    /// on a question line opens that question).
    case detail(DetailSubject, cursor: Int)
    /// "What do you plan to use?" for a decision: its options, then "no plan"; `cursor` is the focused row.
    case propose(decisionID: String, cursor: Int)
    /// Accepting a finding as a risk: its reason, scope, owner and expiry date being typed.
    case acceptRisk(findingID: String, form: RiskForm)
    /// Naming (or renaming) the service: the name being typed.
    case serviceName(TextField)
    /// What a project scan detected and why (the evidence), scrolled by `scroll` lines.
    case detected(scroll: Int)
    /// A notice with a title (e.g. what was dropped from an older session).
    case notice(title: String, lines: [String])
}

/// The emerging recommendations, refreshed after every answer.
public struct Advice: Sendable, Equatable {
    /// The engine's session for the current answers (kept between key presses so that each refresh is incremental).
    // Every change to what the review screen shows starts a new ``derived`` (observers without `oldValue`: the
    // session is still updated in place, never copied).
    public var session: ReviewSession? { didSet { derived = DerivedRows() } }
    /// The review of the current answers (the session's: one copy, patched in place after each answer).
    public var review: Review? { session?.review }
    public var whatIf: WhatIfReport? { didSet { derived = DerivedRows() } }
    /// What the last answer changed.
    public var changes: [AdviceChange] = []
    /// Unanswered questions ranked by how much of the review their answer could change (``Review/firmUp``).
    public var firmUp: [FirmUpQuestion] = [] { didSet { derived = DerivedRows() } }
    /// The review's ranked priorities (``Review/priorities(in:)``, with ``firmUp``).
    public var priorities: [ReviewPriority] = [] { didSet { derived = DerivedRows() } }
    /// Rows, lines and widths derived from the above, computed once per change of the advice.
    var derived = DerivedRows()
    /// Whether ``firmUp`` and ``priorities`` are those of the current answers: they are computed only for the review's
    /// Overview tab (a whole-knowledge-base pass, too slow to repeat on every answer of a large knowledge base).
    public var insightsCurrent = false { didSet { derived = DerivedRows() } }

    public init() {}
}

/// One change caused by the last answer.
public struct AdviceChange: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A decision's choice changed (`from`/`to` are option names; nil means none / not applicable).
        case decision(title: String, from: String?, to: String?)
        case findingRaised(String)
        case findingCleared(String)
        case tensionRaised(String)
        case tensionCleared(String)
        case checklistAdded(String)
        case checklistRemoved(String)
    }

    public var kind: Kind

    public init(_ kind: Kind) { self.kind = kind }

    /// "Database: MongoDB → PostgreSQL".
    public var text: String {
        switch kind {
        case .decision(let title, let from, let to): return "\(title): \(from ?? "—") → \(to ?? "—")"
        case .findingRaised(let title): return "new finding: \(title)"
        case .findingCleared(let title): return "finding cleared: \(title)"
        case .tensionRaised(let title): return "new tension: \(title)"
        case .tensionCleared(let title): return "tension resolved: \(title)"
        case .checklistAdded(let text): return "new checklist item: \(text)"
        case .checklistRemoved(let text): return "checklist item dropped: \(text)"
        }
    }
}

/// Something that happened: a key press, a resize, or the result of an effect.
public enum TUIEvent: Sendable, Equatable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// No key arrived within the poll interval: deferred work runs now (the Overview's priorities and firm-up
    /// questions, see ``TUIReducer/hasDeferredWork(_:)``).
    case idle
    /// A session or answers file was loaded (`notices`: what was dropped, e.g. questions that no longer exist);
    /// answers are saved to `sessionPath` from now on.
    case loaded(AnswerSet, notices: [String], sessionPath: String)
    case loadFailed(String)
    /// The session file holds the answers (clears ``TUIState/saveProblem``).
    case saved
    case saveFailed(String)
    /// A project was scanned: its detected answers fill the unanswered questions, marked as detected.
    case projectScanned(ProjectScanResult)
    case scanFailed(String)
    case exportPreviewed([String])
    case exportWritten([String])
    case exportFailed(String)
}

/// Something the state machine asks the outside world to do.
public enum TUIEffect: Sendable, Equatable {
    /// Save the answers to the session file now.
    case save(AnswerSet)
    case openAnswersFile(String)
    case resumeLastSession
    /// Scan a project folder for its current stack (answered with ``TUIEvent/projectScanned(_:)``).
    case scanProject(folder: String)
    case previewExport(ExportSettings, answers: AnswerSet)
    case writeExport(ExportSettings, answers: AnswerSet)
    case quit
}

/// What a project scan found, as the interface shows it.
public struct ProjectScanResult: Sendable, Equatable {
    /// The folder as the user named it.
    public var folder: String
    /// The current-stack answers the scan supports, each marked as detected with its evidence (``Answer/origin``).
    public var answers: AnswerSet
    /// The scan's readable report: what was found, per category, and the evidence.
    public var summary: [String]
    /// What the scan could not read or had to bound.
    public var warnings: [String]
    /// The questions the scan's answers filled (those the user had answered keep the user's answer).
    public var filledIDs: [String] = []

    public init(folder: String, answers: AnswerSet, summary: [String] = [], warnings: [String] = []) {
        self.folder = folder
        self.answers = answers
        self.summary = summary
        self.warnings = warnings
    }
}
