/// The tabs of the review screen.
public enum ReviewTab: Int, Sendable, CaseIterable, Equatable {
    case decisions, findings, checklist, whatIf, export

    public var title: String {
        switch self {
        case .decisions: return "Decisions"
        case .findings: return "Tensions & Findings"
        case .checklist: return "Checklist"
        case .whatIf: return "What-if"
        case .export: return "Export"
        }
    }
}

/// The review screen: the tab, the focused row, and the export form.
public struct ReviewState: Sendable, Equatable {
    public var tab: ReviewTab = .decisions
    public var cursor = 0
    /// Export: the target folder (relative to where stackwise was started).
    public var exportFolder = "docs/decisions"
    /// Whether keys go into the folder field.
    public var isEditingFolder = false
    /// Export: what would be created / updated / superseded, once previewed.
    public var exportPreview: [String]?
    /// Export: the outcome of the last write.
    public var exportResult: [String]?

    public init() {}
}

/// The start screen.
public struct StartState: Sendable, Equatable {
    public enum Item: Sendable, Equatable {
        case newReview, resume, openFile
    }

    /// What the start screen offers, in order.
    public var items: [Item]
    public var cursor = 0
    /// Set when the user is typing the service name (new review) or a path (open).
    public var field: Item?
    public var input = ""
    /// Shown under "Resume": the last session's path and answer count.
    public var lastSession: String?

    public init(lastSession: String?) {
        self.lastSession = lastSession
        items = lastSession == nil ? [.newReview, .openFile] : [.newReview, .resume, .openFile]
    }
}
