import KnowledgeModel
import RecommendationEngine

/// Runs scenarios through the recommendation engine and checks their expectations.
public struct ScenarioRunner {
    private let engine: RecommendationEngine

    public init(engine: RecommendationEngine) {
        self.engine = engine
    }

    public func run(_ scenarios: [Scenario]) -> [ScenarioResult] {
        scenarios.map(run)
    }

    public func run(_ scenario: Scenario) -> ScenarioResult {
        let review = engine.review(scenario.answers)
        var failures: [String] = []
        for expectation in scenario.decisions {
            guard let outcome = review.decision(expectation.decisionID) else { continue }
            let chosen = outcome.chosen
            let shown = chosen ?? (outcome.status == .notApplicable ? "not applicable" : "no feasible option")
            switch expectation.kind {
            case .is(let option) where chosen != option:
                failures.append("\(expectation.decisionID): expected \(option), got \(shown)")
            case .oneOf(let options) where chosen.map({ !options.contains($0) }) ?? true:
                failures.append(
                    "\(expectation.decisionID): expected one of \(options.joined(separator: ", ")), got \(shown)")
            case .not(let options) where chosen.map(options.contains) ?? false:
                failures.append(
                    "\(expectation.decisionID): expected none of \(options.joined(separator: ", ")), got \(shown)")
            case .notApplicable where outcome.status != .notApplicable:
                failures.append("\(expectation.decisionID): expected not applicable, got \(shown)")
            case .alongside(let options):
                let recommended = Set(outcome.complements.map(\.optionID))
                for option in options where !recommended.contains(option) {
                    failures.append(
                        "\(expectation.decisionID): expected \(option) recommended alongside \(shown), got "
                            + (recommended.isEmpty ? "nothing alongside" : recommended.sorted().joined(separator: ", "))
                    )
                }
            default: break
            }
        }
        check(
            scenario.checklist, present: Set(review.checklist.map(\.item.id)), what: "checklist item", into: &failures)
        check(scenario.findings, present: Set(review.findings.map(\.finding.id)), what: "finding", into: &failures)
        check(scenario.tensions, present: Set(review.tensions.map(\.tension.id)), what: "tension", into: &failures)
        check(
            scenario.contradictions, present: Set(review.contradictions.map(\.id)), what: "contradiction",
            into: &failures)
        if !scenario.priorities.isEmpty {
            let ranked = review.priorities(in: engine.knowledgeBase).map(\.id)
            check(scenario.priorities, present: Set(ranked), what: "priority", into: &failures)
            let expected = scenario.priorities.first
            if !expected.isEmpty, Array(ranked.prefix(expected.count)) != expected {
                failures.append(
                    "expected the priorities to start with \(expected.joined(separator: ", ")); they start with "
                        + ranked.prefix(max(expected.count, 1)).joined(separator: ", "))
            }
        }
        if !scenario.mentions.isEmpty {
            let texts = Self.texts(of: review)
            for phrase in scenario.mentions where !texts.contains(where: { $0.contains(phrase) }) {
                failures.append("expected some text of the review to mention \"\(phrase)\"")
            }
        }
        for (decision, expected) in scenario.proposals.sorted(by: { $0.key < $1.key }) {
            let actual = review.proposals.first { $0.decisionID == decision }?.verdict
            if actual != expected {
                failures.append(
                    "proposal for \(decision): expected \(expected.rawValue), got \(actual?.rawValue ?? "no proposal")")
            }
        }
        return ScenarioResult(scenario: scenario, failures: failures)
    }

    /// Every text of a review a user reads: findings, tensions, reasons and contradictions.
    static func texts(of review: Review) -> [String] {
        var texts: [String] = []
        for raised in review.findings {
            texts += [raised.finding.title, raised.finding.remediation, raised.because]
        }
        for raised in review.tensions { texts += [raised.tension.title, raised.tension.advice, raised.because] }
        for outcome in review.decisions {
            for option in outcome.options { texts += (option.contributions + option.exclusions).map(\.because) }
        }
        texts += review.contradictions.map(\.message)
        return texts
    }

    private func check(
        _ expectation: MembershipExpectation, present: Set<String>, what: String, into failures: inout [String]
    ) {
        for id in expectation.contains where !present.contains(id) {
            failures.append("expected \(what) '\(id)' to be raised")
        }
        for id in expectation.excludes where present.contains(id) { failures.append("expected no \(what) '\(id)'") }
    }
}
