import KnowledgeModel

/// The result of reviewing a set of answers against the knowledge base: one value shared by the TUI, the scripted
/// mode and the exports. Deterministic: the same knowledge base and answers give an equal review.
public struct Review: Sendable, Codable, Equatable {
    /// One outcome per decision area, in knowledge-base order.
    public var decisions: [DecisionOutcome]
    /// Defaults used for unanswered or "not sure" questions.
    public var assumptions: [Assumption]
    /// Requirements in the answers that pull against each other.
    public var tensions: [RaisedTension]
    /// Risks in what the user runs today.
    public var findings: [RaisedFinding]
    /// Checklist items that apply, grouped by category, then priority (high first), then knowledge-base order.
    public var checklist: [ChecklistEntry]
    /// Set when hard constraints cannot all be satisfied: which constraints collide and why.
    public var conflicts: [ConstraintConflict]
    /// A verdict on every proposal (and on what a running service uses today), in decision order.
    public var proposals: [ProposalVerdict]
    /// Unanswered questions ranked by how much of the review their answer could change (filled from what-if by
    /// ``RecommendationEngine/addInsights(to:answers:whatIf:)``; empty until then).
    public var firmUp: [FirmUpQuestion]
    /// Ids of every rule that fired, in knowledge-base order.
    public var firedRules: [String]
    /// Total score of the chosen combination.
    public var totalScore: Int
    /// Search effort of the solver (for benchmarks and the model dump).
    public var solverNodes: Int
    /// False when the solver ran out of its node budget (a knowledge base with very many constraints): the
    /// combination is the best one found, not proven optimal. Every rendering says so.
    public var provenOptimal = true
    /// Answers that cannot all be true (see ``RaisedContradiction``).
    public var contradictions: [RaisedContradiction] = []

    public init(
        decisions: [DecisionOutcome], assumptions: [Assumption], tensions: [RaisedTension],
        findings: [RaisedFinding], checklist: [ChecklistEntry], conflicts: [ConstraintConflict], firedRules: [String],
        totalScore: Int, solverNodes: Int, proposals: [ProposalVerdict] = [], firmUp: [FirmUpQuestion] = []
    ) {
        self.proposals = proposals
        self.firmUp = firmUp
        self.decisions = decisions
        self.assumptions = assumptions
        self.tensions = tensions
        self.findings = findings
        self.checklist = checklist
        self.conflicts = conflicts
        self.firedRules = firedRules
        self.totalScore = totalScore
        self.solverNodes = solverNodes
    }

    /// The outcome for a decision id.
    public func decision(_ id: String) -> DecisionOutcome? { decisions.first { $0.decisionID == id } }

    /// The chosen option id per applicable decision.
    public var choices: [String: String] {
        var result: [String: String] = [:]
        for outcome in decisions { if let chosen = outcome.chosen { result[outcome.decisionID] = chosen } }
        return result
    }
}

/// An answer as used by the review: the value, and whether it was the user's or a default.
public struct AnswerFact: Sendable, Codable, Equatable, Hashable {
    public var questionID: String
    public var value: AnswerValue
    /// True when the value is the question's default (unanswered or "not sure").
    public var assumed: Bool

    public init(questionID: String, value: AnswerValue, assumed: Bool) {
        self.questionID = questionID
        self.value = value
        self.assumed = assumed
    }

    /// `data.shape = relational` (with "(default)" when assumed).
    public var description: String { "\(questionID) = \(value)" + (assumed ? " (default)" : "") }
}

/// The outcome of one decision area.
public struct DecisionOutcome: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        /// An option was chosen.
        case chosen
        /// The decision's `appliesIf` does not hold for these answers.
        case notApplicable
        /// No option satisfies the hard constraints (see ``Review/conflicts``).
        case infeasible
    }

    public var decisionID: String
    public var title: String
    public var status: Status
    /// The chosen option id, when `status == .chosen`.
    public var chosen: String?
    /// The chosen option's score.
    public var score: Int
    /// Score difference to the best non-excluded alternative (nil when there is none).
    public var margin: Int?
    /// A small margin: the choice could flip with a slightly different answer.
    public var isCloseCall: Bool
    /// The choice rests on rules triggered by assumed (default) answers.
    public var lowConfidence: Bool
    /// Every option, ranked: the chosen one first, then by score (ties by knowledge-base order).
    public var options: [OptionAssessment]
    /// The chosen option's downsides: whenNot entries that hold for these answers first, then its cons, the
    /// situations it does not suit and the whenNot entries that do not hold.
    public var tradeoffs: [Tradeoff]
    /// Options recommended alongside the chosen one.
    public var complements: [ChosenComplement]

    public init(
        decisionID: String, title: String, status: Status, chosen: String?, score: Int, margin: Int?,
        isCloseCall: Bool, lowConfidence: Bool, options: [OptionAssessment], tradeoffs: [Tradeoff] = [],
        complements: [ChosenComplement] = []
    ) {
        self.tradeoffs = tradeoffs
        self.complements = complements
        self.decisionID = decisionID
        self.title = title
        self.status = status
        self.chosen = chosen
        self.score = score
        self.margin = margin
        self.isCloseCall = isCloseCall
        self.lowConfidence = lowConfidence
        self.options = options
    }

    /// The assessment of the chosen option.
    public var chosenAssessment: OptionAssessment? { options.first { $0.optionID == chosen } }

    /// Nothing in the answers favours the chosen option over the runner-up: a 0-0 tie settled only by the order
    /// the options are listed in, which a review must say rather than present as a recommendation.
    /// (Inlinable: read in place over thousands of outcomes per answer, where a call copied each outcome.)
    @inlinable public var hasNoPreference: Bool { status == .chosen && score == 0 && margin == 0 }
    /// The choice scores the same as its runner-up above 0-0 (which is ``hasNoPreference``): the knowledge base's
    /// option order settled it, not the answers.
    @inlinable public var isTie: Bool { status == .chosen && margin == 0 && score != 0 }
}

/// How one option fared, and why (HOW).
public struct OptionAssessment: Sendable, Codable, Equatable {
    /// Why an option did or did not win.
    public enum Verdict: Sendable, Codable, Equatable {
        case chosen
        /// Lower score than the chosen option (or equal, and later by the tie rule).
        case lowerScore
        /// Ruled out by one or more rules (see `exclusions`).
        case excluded
        /// Cannot be combined with the option chosen for another decision (reported only for an option whose own
        /// score is at least the chosen one's, i.e. one that lost because of the constraint).
        case incompatible(decision: String, option: String, reason: String)
        /// The decision does not apply, or no combination is feasible.
        case notConsidered
    }

    public var optionID: String
    public var name: String
    public var score: Int
    public var verdict: Verdict
    /// The fired rules that scored this option, for or against.
    public var contributions: [Contribution]
    /// The fired rules that excluded this option.
    public var exclusions: [Contribution]

    public init(
        optionID: String, name: String, score: Int, verdict: Verdict, contributions: [Contribution],
        exclusions: [Contribution]
    ) {
        self.optionID = optionID
        self.name = name
        self.score = score
        self.verdict = verdict
        self.contributions = contributions
        self.exclusions = exclusions
    }
}

/// A fired rule's effect on an option, with the answers that triggered it.
public struct Contribution: Sendable, Codable, Equatable {
    public var ruleID: String
    /// The weight (0 for exclusions).
    public var weight: Int
    /// The rule's reason.
    public var because: String
    /// The answers the rule's condition read.
    public var triggeredBy: [AnswerFact]
    public var sources: [String]
    /// Every answer behind it is a default: an assumption, not a reason ("assumes traffic.peak_rps = 50").
    public var assumed: Bool

    public init(ruleID: String, weight: Int, because: String, triggeredBy: [AnswerFact], sources: [String]) {
        self.ruleID = ruleID
        self.weight = weight
        self.because = because
        self.triggeredBy = triggeredBy
        self.sources = sources
        self.assumed = !triggeredBy.isEmpty && triggeredBy.allSatisfy(\.assumed)
    }
}

/// A default used in place of an answer.
public struct Assumption: Sendable, Codable, Equatable {
    public enum Reason: String, Sendable, Codable {
        case unanswered, notSure
    }

    public var questionID: String
    public var value: AnswerValue
    public var reason: Reason
    /// Decisions with a fired rule that read this question.
    public var affectedDecisions: [String]

    public init(questionID: String, value: AnswerValue, reason: Reason, affectedDecisions: [String]) {
        self.questionID = questionID
        self.value = value
        self.reason = reason
        self.affectedDecisions = affectedDecisions
    }
}

/// A tension raised by a fired rule.
public struct RaisedTension: Sendable, Codable, Equatable {
    public var tension: Tension
    public var ruleID: String
    public var because: String
    /// The answers involved.
    public var answers: [AnswerFact]

    public init(tension: Tension, ruleID: String, because: String, answers: [AnswerFact]) {
        self.tension = tension
        self.ruleID = ruleID
        self.because = because
        self.answers = answers
    }
}

/// A finding raised by a fired rule.
public struct RaisedFinding: Sendable, Codable, Equatable {
    public var finding: Finding
    public var ruleID: String
    public var because: String
    public var answers: [AnswerFact]
    public var sources: [String]
    /// Set when the user accepted this risk.
    public var accepted: AcceptedRisk?

    public init(
        finding: Finding, ruleID: String, because: String, answers: [AnswerFact], sources: [String],
        accepted: AcceptedRisk?
    ) {
        self.finding = finding
        self.ruleID = ruleID
        self.because = because
        self.answers = answers
        self.sources = sources
        self.accepted = accepted
    }
}

/// A checklist item that applies, and why.
public struct ChecklistEntry: Sendable, Codable, Equatable {
    public var item: ChecklistItem
    /// Rule ids that included it; empty when it applies through its own `appliesIf` (or always).
    public var includedBy: [String]
    /// The reason of each rule in ``includedBy``, in the same order, with its interpolations filled in from the
    /// answers ("A job of 90 minutes outlives ..."); the knowledge base's text when none is given.
    public var includedBecause: [String]
    /// Ticked as done in the answers.
    public var done: Bool
    /// The answers its own `appliesIf` read, when that condition holds (empty otherwise): what "it applies to these
    /// answers" means for this item.
    public var appliesBecause: [AnswerFact]

    public init(
        item: ChecklistItem, includedBy: [String], includedBecause: [String]? = nil, done: Bool,
        appliesBecause: [AnswerFact] = []
    ) {
        self.item = item
        self.includedBy = includedBy
        self.includedBecause = includedBecause ?? includedBy
        self.done = done
        self.appliesBecause = appliesBecause
    }
}

/// Hard constraints that cannot all hold together, and the answers behind them.
public struct ConstraintConflict: Sendable, Codable, Equatable {
    /// The decisions that cannot all be satisfied.
    public var decisions: [String]
    /// The compatibility constraints among them, as sentences (`orm.mongoose requires database in [mongodb]: ...`).
    public var constraints: [String]
    /// The exclusions that emptied or narrowed their options, with the answers that fired them.
    public var exclusions: [Contribution]

    public init(decisions: [String], constraints: [String], exclusions: [Contribution]) {
        self.decisions = decisions
        self.constraints = constraints
        self.exclusions = exclusions
    }
}
