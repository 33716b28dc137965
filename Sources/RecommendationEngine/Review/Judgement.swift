import KnowledgeModel

/// A downside of a chosen option: a "when not to use" entry of the knowledge base (its condition may hold for
/// these answers), one of the option's cons, or a situation it does not suit.
public struct Tradeoff: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        /// A `whenNot` entry: a condition over the answers, with advice.
        case whenNot
        /// One of the option's cons.
        case con
        /// A situation the option does not suit (`avoidWhen`).
        case avoidWhen
    }

    public var kind: Kind
    public var text: String
    /// What to do about it (whenNot entries).
    public var advice: String?
    /// True when a whenNot condition holds for these answers: the cost applies to this service.
    public var holds: Bool
    /// The answers that make it hold.
    public var answers: [AnswerFact]

    public init(kind: Kind, text: String, advice: String? = nil, holds: Bool = false, answers: [AnswerFact] = []) {
        self.kind = kind
        self.text = text
        self.advice = advice
        self.holds = holds
        self.answers = answers
    }
}

/// An option recommended alongside the chosen one of the same decision.
public struct ChosenComplement: Sendable, Codable, Equatable {
    public var optionID: String
    public var name: String
    public var because: String
    /// The answers its condition read.
    public var answers: [AnswerFact]

    public init(optionID: String, name: String, because: String, answers: [AnswerFact]) {
        self.optionID = optionID
        self.name = name
        self.because = because
        self.answers = answers
    }
}

/// The review's verdict on what the user plans (or runs today) for one decision.
public struct ProposalVerdict: Sendable, Codable, Equatable {
    public enum Verdict: String, Sendable, Codable {
        /// The recommendation is the proposed option.
        case agrees
        /// Another option is recommended; see the margin and the reasons.
        case differs
        /// The proposed option is ruled out by the answers or cannot be combined with the other choices.
        case ruledOut
        /// The decision does not apply to these answers.
        case notApplicable
    }

    public enum Origin: String, Sendable, Codable {
        /// `proposed:` in the answers, or `--propose`.
        case proposed
        /// The current-stack answer of a running service.
        case runsToday
    }

    public var decisionID: String
    public var title: String
    /// The proposed option ids (the primary first).
    public var proposed: [String]
    public var origin: Origin
    public var verdict: Verdict
    /// The recommended option (nil when none is chosen).
    public var recommended: String?
    /// Score of the recommendation minus the proposal's (differs).
    public var margin: Int?
    /// The strongest reasons for the recommendation that do not also favour the proposal (differs, ruledOut).
    public var reasonsFor: [Contribution]
    /// The reasons against the proposal: rules that count against it or rule it out.
    public var reasonsAgainst: [Contribution]
    /// Why the proposal cannot be combined with another choice (ruledOut by a constraint).
    public var incompatibility: String?
    /// "When not to use" entries of the proposed option that hold for these answers.
    public var counterindications: [Tradeoff]
    /// Complement options proposed alongside that the review does not recommend here.
    public var unneededComplements: [String]
    /// Recommended options the proposal leaves out: complements of the choice, or the choice itself when the
    /// proposal is one of its complements (the verdict is then `agrees`).
    public var alongside: [String]
    /// What moving a running service costs (when the recommendation differs from what runs today, or the plan
    /// would replace what runs today).
    public var switchingCost: String?
    /// A plan (`proposed`) that would replace what the service runs today, while the review recommends keeping it:
    /// a migration that costs ``switchingCost`` and gains nothing for these answers.
    public var replacesWhatRuns: Bool = false
    /// What runs today in the words of its answer, when they differ from the options it counts as
    /// (`Fastify 4`, counted as the Fastify 5 option); nil otherwise.
    public var runsAs: String?
    /// Answers that would make the proposal the recommendation (from what-if; filled by
    /// ``RecommendationEngine/addInsights(to:answers:whatIf:)``).
    public var wouldWinIf: [AnswerFact]

    public init(
        decisionID: String, title: String, proposed: [String], origin: Origin, verdict: Verdict, recommended: String?,
        margin: Int?, reasonsFor: [Contribution] = [], reasonsAgainst: [Contribution] = [],
        incompatibility: String? = nil, counterindications: [Tradeoff] = [], unneededComplements: [String] = [],
        alongside: [String] = [], switchingCost: String? = nil, wouldWinIf: [AnswerFact] = []
    ) {
        self.alongside = alongside
        self.decisionID = decisionID
        self.title = title
        self.proposed = proposed
        self.origin = origin
        self.verdict = verdict
        self.recommended = recommended
        self.margin = margin
        self.reasonsFor = reasonsFor
        self.reasonsAgainst = reasonsAgainst
        self.incompatibility = incompatibility
        self.counterindications = counterindications
        self.unneededComplements = unneededComplements
        self.switchingCost = switchingCost
        self.wouldWinIf = wouldWinIf
    }

    /// "you plan Kafka", "you run PostgreSQL", "you run Fastify 4 (counted as Fastify 5)": the subject of a
    /// verdict for every view; `names` are the proposed options' names as that view shows them.
    /// The proposal scores the same as the recommendation and lost only the tie rule (``Verdict/agrees``, margin 0):
    /// renderings say "agrees (tied with ...)".
    public var tiesWithRecommendation: Bool { verdict == .agrees && margin == 0 && recommended != proposed.first }

    /// The decisive objection to the proposal, in one sentence: why it cannot be combined, else the first "when not
    /// to use" entry that holds, else the strongest reason against it; nil when nothing speaks against it.
    public var objection: String? {
        incompatibility ?? counterindications.first?.text ?? reasonsAgainst.first?.because
    }

    /// Whether option `names` name an absence ("No rate limiting"): such a plan is "you have no ...", and the way
    /// out is to add the recommendation, not to drop or reconsider it.
    public static func namesAnAbsence(_ names: String) -> Bool { names.hasPrefix("No ") }

    /// An option named for an absence ("No rate limiting") reads "you have no rate limiting", "you plan no cache
    /// yet".
    public func subject(naming names: String) -> String {
        let absence = Self.namesAnAbsence(names)
        let shown = absence ? "no " + names.dropFirst(3) : names
        switch origin {
        case .proposed: return "you plan \(shown)"
        case .runsToday:
            if absence, runsAs == nil { return "you have \(shown)" }
            // An answer worded as a phrase ("The driver directly") keeps its article in lower case.
            let running = runsAs.map { $0.hasPrefix("The ") ? "the " + $0.dropFirst(4) : $0 }
            return running.map { "you run \($0) (counted as \(names))" } ?? "you run \(shown)"
        }
    }
}

/// An unanswered question whose answer could change the review: "answer these to firm up the review".
public struct FirmUpQuestion: Sendable, Codable, Equatable {
    public var questionID: String
    public var prompt: String
    /// The default in use (nil when the question has none).
    public var assumed: AnswerValue?
    /// Decisions some answer to it would change.
    public var decisions: [String]
    /// Findings and tensions whose rules read it.
    public var risks: Int

    public init(questionID: String, prompt: String, assumed: AnswerValue?, decisions: [String], risks: Int) {
        self.questionID = questionID
        self.prompt = prompt
        self.assumed = assumed
        self.decisions = decisions
        self.risks = risks
    }
}
