import KnowledgeModel

/// The question being asked and the user's unsaved edits to it.
public struct InterviewState: Sendable, Equatable {
    /// The question shown (nil when nothing applies).
    public var questionID: String?
    /// The focused row of ``ChoiceRow/rows(for:filter:)``.
    public var cursor = 0
    /// Multiple choice: the ticked options, saved on Enter.
    public var selection: [String] = []
    /// Number and text questions: the text typed so far.
    public var input = TextField()
    /// Why the typed text is not a valid answer (shown inline as you type).
    public var inputError: String?
    /// The option filter typed after `/`.
    public var filter = TextField()
    /// Whether keys currently go into the filter.
    public var isFiltering = false
    /// After answering, go back to the review (set when a question was opened from the review).
    public var returnToReview = false

    public init() {}
}

/// One selectable row under a question.
public enum ChoiceRow: Sendable, Equatable {
    /// An option (yes/no questions get `yes` and `no`).
    case option(QuestionOption)
    /// Multiple choice: "None of these", the explicit empty answer (`[]`), unlike leaving it unanswered.
    case noneOfThese
    /// "Not sure": the question's default is used and listed as an assumption.
    case notSure
    /// The text field of a number or text question.
    case input

    /// The rows of a question, narrowed by a filter (case-insensitive, on label, id and description).
    public static func rows(for question: Question, filter: String = "") -> [ChoiceRow] {
        var rows: [ChoiceRow]
        switch question.type {
        case .single, .multi:
            let needle = filter.lowercased()
            rows = question.options.filter { option in
                needle.isEmpty || option.label.lowercased().contains(needle) || option.id.lowercased().contains(needle)
                    || option.description.lowercased().contains(needle)
            }.map(ChoiceRow.option)
            if question.type == .multi, needle.isEmpty || noneLabel.lowercased().contains(needle) {
                rows.append(.noneOfThese)
            }
        case .yesno:
            rows = [.option(yesOption), .option(noOption)]
        case .number, .text:
            rows = [.input]
        }
        if question.allowsNotSure { rows.append(.notSure) }
        return rows
    }

    /// The label of ``noneOfThese``.
    public static let noneLabel = "None of these"

    static let yesOption = QuestionOption(id: "yes", label: "Yes", description: "")
    static let noOption = QuestionOption(id: "no", label: "No", description: "")
}
