import Foundation
import KnowledgeModel
import RecommendationEngine

/// The JSON rendering of a review (`stackwise review --format json`): a stable, documented document.
///
/// `schemaVersion` changes only when a field is removed, renamed or changes meaning; new fields may be added
/// within a version. Fields (README.md, "Review JSON"): `schemaVersion`, `service`, `summary`, `priorities`,
/// `decisions`, `proposals`, `firmUp`, `assumptions`, `tensions`, `findings`, `findingGroups`, `checklist`,
/// `conflicts`, `contradictions`, `unansweredRequired`. Version 2 added the chosen option's `tradeoffs`,
/// `complements`, reasons marked `assumed`, `proposals` and `firmUp`; every version-1 field keeps its meaning.
public enum ReviewJSON {
    /// The current schema version.
    public static let schemaVersion = 2

    /// The review as pretty-printed JSON with sorted keys (``JSONWriter``: JSONEncoder's bytes, faster); `{}` when
    /// the review holds a number JSON cannot express.
    public static func render(_ report: ReviewReport) -> String {
        JSONWriter.document(Document(report), capacity: 1 << 19) ?? "{}"
    }

    /// The document. Its `Encodable` conformance (synthesized, as every part's) is the reference the tests compare
    /// ``JSONWriter``'s output with; rendering writes it with ``JSONWritable``.
    struct Document: Encodable {
        var schemaVersion = ReviewJSON.schemaVersion
        var service: String?
        var summary: Summary
        var priorities: [PriorityJSON]
        var decisions: [DecisionJSON]
        var proposals: [ProposalJSON]
        var firmUp: [FirmUpJSON]
        var assumptions: [AssumptionJSON]
        var tensions: [TensionJSON]
        var findings: [FindingJSON]
        var findingGroups: [FindingGroupJSON]
        var checklist: [ChecklistJSON]
        var conflicts: [ConflictJSON]
        var contradictions: [ContradictionJSON]
        var unansweredRequired: [String]
        /// False when the solver stopped at its budget: the decisions are the best found, not proven optimal.
        var provenOptimal: Bool

        init(_ report: ReviewReport) {
            let review = report.review
            service = report.answers.serviceName
            summary = Summary(report)
            let outline = ReviewOutline(report)
            priorities = outline.priorities.map(PriorityJSON.init)
            decisions = review.decisions.map { DecisionJSON($0, outline.summaries[$0.decisionID], report) }
            proposals = review.proposals.map { ProposalJSON($0, report) }
            firmUp = review.firmUp.map(FirmUpJSON.init)
            assumptions = review.assumptions.map {
                AssumptionJSON(
                    question: $0.questionID, value: JSONAnswer($0.value), reason: $0.reason.rawValue,
                    affects: $0.affectedDecisions)
            }
            tensions = review.tensions.map {
                TensionJSON(
                    id: $0.tension.id, title: $0.tension.title, severity: $0.tension.severity.rawValue,
                    advice: $0.tension.advice, between: $0.tension.between, rule: $0.ruleID, because: $0.because,
                    answers: $0.answers.map(FactJSON.init))
            }
            findings = review.findings.map { FindingJSON($0) }
            findingGroups = outline.findingGroups.map {
                FindingGroupJSON(
                    cause: $0.cause.map(FactJSON.init), causeOption: $0.causeOption, severity: $0.severity.rawValue,
                    observed: $0.observed, findings: $0.findings.map(\.finding.id))
            }
            checklist = review.checklist.map {
                ChecklistJSON(
                    id: $0.item.id, text: $0.item.text, category: $0.item.category.rawValue,
                    priority: $0.item.priority.rawValue, baseline: $0.item.baseline,
                    irreversible: $0.item.irreversible, done: $0.done,
                    answerSpecific: $0.isAnswerSpecific,
                    includedBy: $0.includedBy,
                    sources: $0.item.sources)
            }
            conflicts = review.conflicts.map {
                ConflictJSON(
                    decisions: $0.decisions, constraints: $0.constraints,
                    exclusions: $0.exclusions.map(ReasonJSON.init))
            }
            contradictions = review.contradictions.map(ContradictionJSON.init)
            unansweredRequired = report.unansweredRequired
            provenOptimal = review.provenOptimal
        }
    }

    struct Summary: Encodable {
        var decisions: Int
        var findings: [String: Int]
        var unacceptedFindings: [String: Int]
        var tensions: Int
        var checklistItems: Int
        var checklistDone: Int
        var assumptions: Int

        init(_ report: ReviewReport) {
            let review = report.review
            decisions = review.decisions.filter { $0.status == .chosen }.count
            var all: [String: Int] = [:]
            var open: [String: Int] = [:]
            for severity in Severity.allCases {
                all[severity.rawValue] = review.findings.filter { $0.finding.severity == severity }.count
                open[severity.rawValue] =
                    report.unacceptedFindings(atOrAbove: severity).filter {
                        $0.finding.severity == severity
                    }.count
            }
            findings = all
            unacceptedFindings = open
            tensions = review.tensions.count
            checklistItems = review.checklist.count
            checklistDone = review.checklist.filter(\.done).count
            assumptions = review.assumptions.count
        }
    }

    struct DecisionJSON: Encodable {
        var id: String
        var title: String
        var status: String
        var chosen: OptionJSON?
        var score: Int
        var margin: Int?
        var closeCall: Bool
        /// A 0-0 tie settled by list order: nothing in the answers favours the choice.
        var noPreference: Bool
        /// The choice scores the same as its runner-up (above 0-0): list order settled it.
        var tied: Bool
        var lowConfidence: Bool
        /// The best option not chosen and not ruled out.
        var runnerUp: NamedOptionJSON?
        /// The reason that separates the choice from the runner-up (`against` is true when it counts against the
        /// runner-up rather than for the choice).
        var decisiveReason: DecisiveJSON?
        /// The chosen option's main downside (the text of `chosen.tradeoffs[0]`, else its first con).
        var mainTradeoff: String?
        var reasons: [ReasonJSON]
        var complements: [ComplementJSON]
        var alternatives: [AlternativeJSON]

        init(_ outcome: DecisionOutcome, _ summary: DecisionSummary?, _ report: ReviewReport) {
            id = outcome.decisionID
            title = outcome.title
            status = outcome.status.rawValue
            chosen = outcome.chosen.map {
                OptionJSON(
                    id: $0, name: report.optionName(outcome.decisionID, $0),
                    tradeoffs: outcome.tradeoffs.map(TradeoffJSON.init))
            }
            complements = outcome.complements.map(ComplementJSON.init)
            score = outcome.score
            margin = outcome.margin
            closeCall = outcome.isCloseCall
            noPreference = outcome.hasNoPreference
            tied = outcome.isTie
            lowConfidence = outcome.lowConfidence
            runnerUp = summary?.runnerUp.map { NamedOptionJSON(id: $0.optionID, name: $0.name) }
            decisiveReason = summary?.decisiveReason.map { reason in
                if case .againstRunnerUp = reason {
                    return DecisiveJSON(reason: ReasonJSON(reason.contribution), against: true)
                }
                return DecisiveJSON(reason: ReasonJSON(reason.contribution), against: false)
            }
            mainTradeoff = summary?.mainTradeoff
            reasons = outcome.chosenAssessment?.contributions.map(ReasonJSON.init) ?? []
            alternatives = outcome.options.filter { $0.verdict != .chosen }.map {
                AlternativeJSON($0, report, chosenScore: outcome.score)
            }
        }
    }

    struct PriorityJSON: Encodable {
        var rank: Int
        var kind: String
        var id: String
        var severity: String
        var title: String
        var why: String
        var action: String
        var touches: Int
        var irreversible: Bool
        var observed: Bool
        var stated: Bool

        init(_ priority: ReviewPriority) {
            rank = priority.rank
            kind = priority.kind.rawValue
            id = priority.id
            severity = priority.severity.rawValue
            title = priority.title
            why = priority.why
            action = priority.action
            touches = priority.touches
            irreversible = priority.irreversible
            observed = priority.observed
            stated = priority.stated
        }
    }

    struct DecisiveJSON: Encodable {
        var reason: ReasonJSON
        var against: Bool
    }

    struct FindingGroupJSON: Encodable {
        var cause: FactJSON?
        /// For a multiple-choice cause, the option of it the findings share.
        var causeOption: String?
        var severity: String
        /// Raised from harm the user sees today (a reported symptom), not only a latent risk.
        var observed: Bool
        var findings: [String]
    }

    struct NamedOptionJSON: Encodable {
        var id: String
        var name: String
    }

    struct OptionJSON: Encodable {
        var id: String
        var name: String
        var tradeoffs: [TradeoffJSON]
    }

    struct AlternativeJSON: Encodable {
        var id: String
        var name: String
        var score: Int
        var verdict: String
        var explanation: String
        var reasons: [ReasonJSON]
        var exclusions: [ReasonJSON]

        init(_ assessment: OptionAssessment, _ report: ReviewReport, chosenScore: Int?) {
            id = assessment.optionID
            name = assessment.name
            score = assessment.score
            switch assessment.verdict {
            case .chosen: verdict = "chosen"
            case .lowerScore: verdict = "lowerScore"
            case .excluded: verdict = "excluded"
            case .incompatible: verdict = "incompatible"
            case .notConsidered: verdict = "notConsidered"
            }
            explanation = report.verdictText(assessment, chosenScore: chosenScore)
            reasons = assessment.contributions.map(ReasonJSON.init)
            exclusions = assessment.exclusions.map(ReasonJSON.init)
        }
    }

    struct ReasonJSON: Encodable {
        var rule: String
        var weight: Int
        var because: String
        var answers: [FactJSON]
        var sources: [String]
        /// Every answer behind the reason is a default: an assumption, not a reason.
        var assumed: Bool

        init(_ contribution: Contribution) {
            assumed = contribution.assumed
            rule = contribution.ruleID
            weight = contribution.weight
            because = contribution.because
            answers = contribution.triggeredBy.map(FactJSON.init)
            sources = contribution.sources
        }
    }

    struct FactJSON: Encodable {
        var question: String
        var value: JSONAnswer
        var assumed: Bool

        init(_ fact: AnswerFact) {
            question = fact.questionID
            value = JSONAnswer(fact.value)
            assumed = fact.assumed
        }
    }

    struct AssumptionJSON: Encodable {
        var question: String
        var value: JSONAnswer
        var reason: String
        var affects: [String]
    }

    struct TensionJSON: Encodable {
        var id: String
        var title: String
        var severity: String
        var advice: String
        var between: [String]
        var rule: String
        var because: String
        var answers: [FactJSON]
    }

    struct FindingJSON: Encodable {
        var id: String
        var title: String
        var severity: String
        var remediation: String
        var rule: String
        var because: String
        var answers: [FactJSON]
        var sources: [String]
        var accepted: AcceptedJSON?

        init(_ raised: RaisedFinding) {
            id = raised.finding.id
            title = raised.finding.title
            severity = raised.finding.severity.rawValue
            remediation = raised.finding.remediation
            rule = raised.ruleID
            because = raised.because
            answers = raised.answers.map(FactJSON.init)
            sources = raised.sources
            accepted = raised.accepted.map { AcceptedJSON(reason: $0.reason, by: $0.by, date: $0.date) }
        }
    }

    struct AcceptedJSON: Encodable {
        var reason: String
        var by: String?
        var date: String?
    }

    struct ChecklistJSON: Encodable {
        var id: String
        var text: String
        var category: String
        var priority: String
        /// Always-on hygiene rather than advice for these answers.
        var baseline: Bool
        /// Missing it does harm that cannot be undone later.
        var irreversible: Bool
        var done: Bool
        var answerSpecific: Bool
        var includedBy: [String]
        var sources: [String]
    }

    struct ConflictJSON: Encodable {
        var decisions: [String]
        var constraints: [String]
        var exclusions: [ReasonJSON]
    }

    /// An answer as a plain JSON value: boolean, number, string or array of strings.
    struct JSONAnswer: Encodable {
        var value: AnswerValue

        init(_ value: AnswerValue) { self.value = value }

        /// The JSON value: a whole number below 10^15 as an integer, any other number as a double.
        enum Plain {
            case bool(Bool)
            case integer(Int64)
            case number(Double)
            case string(String)
            case strings([String])
        }

        var plain: Plain {
            switch value {
            case .bool(let flag): return .bool(flag)
            case .number(let number):
                return number == number.rounded() && abs(number) < 1e15 ? .integer(Int64(number)) : .number(number)
            case .text(let text), .choice(let text): return .string(text)
            case .choices(let ids): return .strings(ids)
            }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch plain {
            case .bool(let flag): try container.encode(flag)
            case .integer(let number): try container.encode(number)
            case .number(let number): try container.encode(number)
            case .string(let text): try container.encode(text)
            case .strings(let ids): try container.encode(ids)
            }
        }
    }
}
