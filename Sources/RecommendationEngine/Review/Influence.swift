import KnowledgeModel

/// WHY: what a question's answer can move ("why are you asking this?").
public struct QuestionInfluence: Sendable, Codable, Equatable {
    public var questionID: String
    /// Decisions whose options a rule reading this question scores or excludes, or whose `appliesIf` reads it.
    public var decisions: [String]
    /// Rules whose condition reads this question.
    public var rules: [String]
    /// Checklist items whose `appliesIf` reads it.
    public var checklistItems: [String]
    /// Follow-up questions whose `askIf` reads it.
    public var followUps: [String]
    /// Findings and tensions that rules reading it can raise.
    public var findings: [String]
    public var tensions: [String]

    public init(
        questionID: String, decisions: [String], rules: [String], checklistItems: [String], followUps: [String],
        findings: [String], tensions: [String]
    ) {
        self.questionID = questionID
        self.decisions = decisions
        self.rules = rules
        self.checklistItems = checklistItems
        self.followUps = followUps
        self.findings = findings
        self.tensions = tensions
    }
}

/// What-if: which alternative answers would change which decisions, and which decisions are settled.
public struct WhatIfReport: Sendable, Codable, Equatable {
    /// One row per (question, alternative answer) that changes at least one decision.
    public var rows: [WhatIfRow]
    /// Decisions no unanswered question can change any more.
    public var settled: [String]

    public init(rows: [WhatIfRow], settled: [String]) {
        self.rows = rows
        self.settled = settled
    }
}

/// "database: PostgreSQL -> MongoDB if data.shape = documents".
public struct WhatIfRow: Sendable, Codable, Equatable {
    public var questionID: String
    /// The answer that would cause the changes.
    public var alternative: AnswerValue
    /// The answer in use now (nil when unknown).
    public var current: AnswerValue?
    /// Whether the question is still unanswered (or assumed).
    public var isOpen: Bool
    public var changes: [DecisionChange]

    public init(
        questionID: String, alternative: AnswerValue, current: AnswerValue?, isOpen: Bool, changes: [DecisionChange]
    ) {
        self.questionID = questionID
        self.alternative = alternative
        self.current = current
        self.isOpen = isOpen
        self.changes = changes
    }
}

/// A decision whose choice would change.
public struct DecisionChange: Sendable, Codable, Hashable {
    public var decisionID: String
    /// Option id now (nil: not applicable / infeasible).
    public var from: String?
    /// Option id then.
    public var to: String?

    public init(decisionID: String, from: String?, to: String?) {
        self.decisionID = decisionID
        self.from = from
        self.to = to
    }
}
