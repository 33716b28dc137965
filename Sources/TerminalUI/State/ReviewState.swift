/// The tabs of the review screen.
public enum ReviewTab: Int, Sendable, CaseIterable, Equatable {
    case overview, decisions, findings, checklist, whatIf, export

    public var title: String {
        switch self {
        case .overview: return "Overview"
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
    public var tab: ReviewTab = .overview
    public var cursor = 0
    public var export = ExportForm()
    /// The checklist filter typed after `/` (on the item's text, category and priority).
    public var filter = TextField()
    /// Whether keys currently go into the checklist filter.
    public var isFiltering = false
    /// What the answer given from the review changed (shown as Δ lines until the next key); nil when nothing to show.
    public var delta: [AdviceChange]?
    /// The what-if row a question was opened from: its question, so the cursor returns to that question's row.
    public var whatIfQuestion: String?

    public init() {}
}

/// The Export tab's form: where the records go and their MADR front matter (as `stackwise export` takes them).
public struct ExportForm: Sendable, Equatable {
    /// The editable fields, in the order shown.
    public enum Field: Int, Sendable, CaseIterable, Equatable {
        case folder, status, decisionMakers, consulted, informed

        public var label: String {
            switch self {
            case .folder: return "Folder"
            case .status: return "Status"
            case .decisionMakers: return "Decision-makers"
            case .consulted: return "Consulted"
            case .informed: return "Informed"
            }
        }

        /// What goes in the field.
        public var hint: String {
            switch self {
            case .folder: return "relative to where stackwise started"
            case .status: return "proposed, accepted, ..."
            case .decisionMakers, .consulted, .informed: return "comma-separated names"
            }
        }
    }

    /// The target folder (relative to where stackwise was started).
    public var folder: TextField = "docs/decisions"
    /// Status of new records.
    public var status: TextField = "proposed"
    public var decisionMakers: TextField = ""
    public var consulted: TextField = ""
    public var informed: TextField = ""
    /// The field keys go into, if any.
    public var editing: Field?
    /// What would be created / updated / superseded, once previewed.
    public var preview: [String]?
    /// The outcome of the last write.
    public var result: [String]?

    public init() {}

    public subscript(field: Field) -> TextField {
        get {
            switch field {
            case .folder: return folder
            case .status: return status
            case .decisionMakers: return decisionMakers
            case .consulted: return consulted
            case .informed: return informed
            }
        }
        set {
            switch field {
            case .folder: folder = newValue
            case .status: status = newValue
            case .decisionMakers: decisionMakers = newValue
            case .consulted: consulted = newValue
            case .informed: informed = newValue
            }
        }
    }

    /// Why the form cannot be exported as it is (the same rules as `stackwise export`'s options), or nil.
    public var problem: String? {
        let trimmedStatus = status.text.trimmingCharacters(in: .whitespaces)
        if folder.text.trimmingCharacters(in: .whitespaces).isEmpty { return "The folder is empty." }
        if trimmedStatus.isEmpty || trimmedStatus.count > 100 {
            return "The status must be one short word or line, e.g. proposed or accepted."
        }
        return nil
    }

    /// What the exporter needs.
    public var settings: ExportSettings {
        func names(_ field: TextField) -> [String] {
            field.text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        return ExportSettings(
            folder: folder.text.trimmingCharacters(in: .whitespaces),
            status: status.text.trimmingCharacters(in: .whitespaces), decisionMakers: names(decisionMakers),
            consulted: names(consulted), informed: names(informed))
    }
}

/// Where and how to export decision records (the options of `stackwise export`).
public struct ExportSettings: Sendable, Equatable {
    public var folder: String
    public var status: String
    public var decisionMakers: [String]
    public var consulted: [String]
    public var informed: [String]

    public init(
        folder: String, status: String = "proposed", decisionMakers: [String] = [], consulted: [String] = [],
        informed: [String] = []
    ) {
        self.folder = folder
        self.status = status
        self.decisionMakers = decisionMakers
        self.consulted = consulted
        self.informed = informed
    }
}

/// The start screen.
public struct StartState: Sendable, Equatable {
    public enum Item: Sendable, Equatable {
        case newReview, resume, reviewProject, openFile
    }

    /// What the start screen offers, in order.
    public var items: [Item]
    public var cursor = 0
    /// Set when the user is typing the service name (new review), a project folder or a path (open).
    public var field: Item?
    public var input = TextField()
    /// Shown under "Resume": the last session's path and answer count.
    public var lastSession: String?

    public init(lastSession: String?) {
        self.lastSession = lastSession
        items = (lastSession == nil ? [.newReview] : [.newReview, .resume]) + [.reviewProject, .openFile]
    }
}
