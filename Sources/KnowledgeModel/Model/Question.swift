/// A section of the interview (service, traffic, data, ...).
public struct Section: Sendable, Codable, Hashable, Identifiable {
    public var id: String
    public var title: String
    /// Sections are shown in ascending order.
    public var order: Int
    /// The section's answers describe what the service runs and does today, so an answer in it that several
    /// findings were raised from is their common cause (``FindingGroup``); answers elsewhere (how critical or public
    /// the service is) are context, not something to fix.
    public var holdsCauses: Bool
    public var location: SourceLocation?

    public init(id: String, title: String, order: Int, holdsCauses: Bool = false, location: SourceLocation? = nil) {
        self.id = id
        self.title = title
        self.order = order
        self.holdsCauses = holdsCauses
        self.location = location
    }
}

/// The kinds of question.
public enum QuestionType: String, Sendable, Codable, CaseIterable {
    case single, multi, yesno, number, text

    /// How the type reads to a person.
    public var displayName: String {
        switch self {
        case .single: return "single choice"
        case .multi: return "multiple choice"
        case .yesno: return "yes/no"
        case .number: return "number"
        case .text: return "short text"
        }
    }
}

/// One option of a choice question.
public struct QuestionOption: Sendable, Codable, Hashable, Identifiable {
    public var id: String
    public var label: String
    /// One line shown beside the option.
    public var description: String
    /// A "none"-like option of a multiple-choice question that cannot be chosen together with any other option
    /// (`exclusive: true`); choosing both is reported as a contradiction.
    public var exclusive: Bool

    public init(id: String, label: String, description: String, exclusive: Bool = false) {
        self.id = id
        self.label = label
        self.description = description
        self.exclusive = exclusive
    }
}

/// A clarifying question a senior reviewer would ask.
public struct Question: Sendable, Codable, Hashable, Identifiable {
    public var id: String
    public var section: String
    public var prompt: String
    /// "Why this matters".
    public var help: String
    public var type: QuestionType
    public var options: [QuestionOption]
    /// Unit of a number question (`req/s`, `ms`, `GB`).
    public var unit: String?
    public var minimum: Double?
    public var maximum: Double?
    /// Used when the question is unanswered or answered "not sure"; such uses are listed as assumptions.
    public var defaultValue: AnswerValue?
    /// Whether "not sure" is an accepted answer.
    public var allowsNotSure: Bool
    /// Whether `--strict` requires an answer.
    public var required: Bool
    /// The question is asked (and its answer used) only when this holds.
    public var askIf: Condition?
    /// Its answers report harm seen in production today (`observed: true`, e.g. symptoms): a finding raised from such
    /// an answer is happening now, and ranks before latent risks of the same severity.
    public var observed: Bool = false
    /// Ids this question had before it was renamed or merged (`formerly: [current.db_pool_max]`): answers files and
    /// `--set` that still use one are read as this question, with a warning.
    public var formerly: [String] = []
    public var location: SourceLocation?

    public init(
        id: String, section: String, prompt: String, help: String, type: QuestionType,
        options: [QuestionOption] = [], unit: String? = nil, minimum: Double? = nil, maximum: Double? = nil,
        defaultValue: AnswerValue? = nil, allowsNotSure: Bool = false, required: Bool = false,
        askIf: Condition? = nil, observed: Bool = false, formerly: [String] = [], location: SourceLocation? = nil
    ) {
        self.id = id
        self.section = section
        self.prompt = prompt
        self.help = help
        self.type = type
        self.options = options
        self.unit = unit
        self.minimum = minimum
        self.maximum = maximum
        self.defaultValue = defaultValue
        self.allowsNotSure = allowsNotSure
        self.required = required
        self.askIf = askIf
        self.observed = observed
        self.formerly = formerly
        self.location = location
    }

    /// The option with this id.
    public func option(_ id: String) -> QuestionOption? { options.first { $0.id == id } }
}

/// A value a question can take.
public enum AnswerValue: Sendable, Codable, Hashable, CustomStringConvertible {
    case bool(Bool)
    case number(Double)
    case text(String)
    case choice(String)
    case choices([String])

    /// The answer as a person would write it in an answers file.
    public var description: String {
        switch self {
        case .bool(let flag): return flag ? "yes" : "no"
        case .number(let number): return formatNumber(number)
        case .text(let text): return text
        case .choice(let id): return id
        case .choices(let ids): return "[" + ids.joined(separator: ", ") + "]"
        }
    }
}

/// Formats a number the way a person writes it: `1000`, `0.5`.
public func formatNumber(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
}
