import KnowledgeModel
import RecommendationEngine

/// Everything a rendering of a review needs: the review, the answers it came from and the knowledge base (for
/// names, prompts and sources). Shared by the text, Markdown and JSON renderings and by the decision records.
public struct ReviewReport: Sendable {
    public let knowledgeBase: KnowledgeBase
    public let answers: AnswerSet
    public let review: Review
    /// Required questions that are asked for these answers but have no answer of the user's own.
    public let unansweredRequired: [String]

    public init(knowledgeBase: KnowledgeBase, answers: AnswerSet, review: Review, unansweredRequired: [String]) {
        self.knowledgeBase = knowledgeBase
        self.answers = answers
        self.review = review
        self.unansweredRequired = unansweredRequired
    }

    /// Reviews `answers` with `engine`.
    public init(engine: RecommendationEngine, answers: AnswerSet) {
        let evaluated = engine.reviewAndWhatIf(answers)
        var review = evaluated.review
        engine.addInsights(to: &review, answers: answers, whatIf: evaluated.whatIf)
        let unanswered = engine.applicableQuestions(answers).filter { $0.required && answers.value(of: $0.id) == nil }
        self.init(
            knowledgeBase: engine.knowledgeBase, answers: answers, review: review,
            unansweredRequired: unanswered.map(\.id))
    }

    /// The service's name, or a neutral title when none is given.
    public var serviceTitle: String { answers.serviceName ?? "the service" }

    /// Findings at or above `severity` that the user has not accepted (what `--fail-on` counts).
    public func unacceptedFindings(atOrAbove severity: Severity) -> [RaisedFinding] {
        review.findings.filter { $0.accepted == nil && $0.finding.severity >= severity }
    }

    /// The display name of an option.
    public func optionName(_ decisionID: String, _ optionID: String) -> String {
        // Read in place: `decision(_:)` would copy the whole decision for one name.
        guard let decision = knowledgeBase.decisionPosition(decisionID),
            let option = knowledgeBase.decisions[decision].options.firstIndex(where: { $0.id == optionID })
        else { return optionID }
        return knowledgeBase.decisions[decision].options[option].name
    }

    /// The flag shown beside a choice that rests on a 0-0 tie (``DecisionOutcome/hasNoPreference``).
    public static let noPreferenceText =
        "no preference: nothing in your answers favours one option; pick by team familiarity"

    /// The flag shown beside a choice tied with its runner-up (``DecisionOutcome/isTie``).
    public static let tieText = "tied: your answers favour both equally; pick by team familiarity"

    /// The flags shown beside a decision's choice, most important first.
    public func flags(_ outcome: DecisionOutcome) -> [String] {
        if outcome.hasNoPreference { return [Self.noPreferenceText] }
        if outcome.isTie { return [Self.tieText] + (outcome.lowConfidence ? ["rests on assumptions"] : []) }
        return [outcome.isCloseCall ? "close call" : nil, outcome.lowConfidence ? "rests on assumptions" : nil]
            .compactMap { $0 }
    }

    /// "PostgreSQL" for a chosen decision; a short status otherwise.
    public func outcomeText(_ outcome: DecisionOutcome) -> String {
        switch outcome.status {
        case .chosen: return outcome.chosen.map { optionName(outcome.decisionID, $0) } ?? "?"
        case .notApplicable: return "not applicable"
        case .infeasible: return "no option fits the constraints"
        }
    }

    /// Why an option lost, in one sentence; `chosenScore` tells a tie ("same score") from a lower score.
    public func verdictText(_ assessment: OptionAssessment, chosenScore: Int? = nil) -> String {
        switch assessment.verdict {
        case .chosen: return "chosen"
        case .lowerScore where assessment.score == chosenScore:
            return "same score (\(assessment.score)); the knowledge base's option order put the choice first"
        case .lowerScore: return "lower score (\(assessment.score))"
        case .excluded:
            let reasons = assessment.exclusions.map(\.because)
            return "ruled out: " + (reasons.isEmpty ? "by a rule" : reasons.joined(separator: " "))
        case .incompatible(let decision, let option, let reason):
            return "cannot be combined with \(optionName(decision, option)): \(reason)"
        case .notConsidered: return "not considered"
        }
    }

    /// `data.shape = relational (default)` for the answers behind a rule.
    public static func factsText(_ facts: [AnswerFact]) -> String {
        facts.map(\.description).joined(separator: ", ")
    }

    /// `traffic.peak_rps = 50 (unanswered)` for answers that are all defaults.
    public static func assumedText(_ facts: [AnswerFact]) -> String {
        facts.map { "\($0.questionID) = \($0.value) (unanswered)" }.joined(separator: ", ")
    }

    /// Counts for the summary line.
    public var summaryLine: String {
        let chosen = review.decisions.filter { $0.status == .chosen }.count
        let findings = review.findings
        let open = findings.filter { $0.accepted == nil }
        let bySeverity = Severity.allCases.reversed().compactMap { severity -> String? in
            let count = open.filter { $0.finding.severity == severity }.count
            return count == 0 ? nil : "\(count) \(severity.rawValue)"
        }
        let done = review.checklist.filter(\.done).count
        var parts = ["\(counted(chosen, "decision"))"]
        var findingText = "\(counted(findings.count, "finding"))"
        if !bySeverity.isEmpty { findingText += " (open: " + bySeverity.joined(separator: ", ") + ")" }
        parts.append(findingText)
        parts.append("\(counted(review.tensions.count, "tension"))")
        parts.append("\(counted(review.checklist.count, "checklist item")) (\(done) done)")
        parts.append("\(counted(review.assumptions.count, "assumption"))")
        let counts = parts.joined(separator: ", ")
        return optimalityNote.map { counts + "; " + $0 } ?? counts
    }

    /// Set when the solver ran out of its budget: the combination is the best found, not proven optimal. The
    /// summary of every rendering and every decision record carries it.
    public var optimalityNote: String? {
        review.provenOptimal
            ? nil : "not proven optimal: the solver stopped at its search budget and shows the best combination found"
    }
}
