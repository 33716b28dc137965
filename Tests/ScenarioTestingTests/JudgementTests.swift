import EmbeddedKnowledgeBase
import KnowledgeModel
import RecommendationEngine
import ScenarioTesting
import Testing

/// Properties of the shipped knowledge base's judgement that hold for every scenario test, not just the ones a
/// scenario asserts: what a senior reviewer would call an incoherent review.
@Suite struct ShippedJudgementTests {
    let kb = StackwiseKnowledge.embedded

    var scenarios: [Scenario] {
        ScenarioDecoder(knowledgeBase: kb).decode(files: StackwiseKnowledge.embeddedScenarioFiles).0
    }

    /// Every reason shown as "for" the chosen option comes from a rule that favours that option at least as much as
    /// any other option of the same decision; a reason arguing for another option is never displayed as support.
    @Test func everyReasonShownForAChosenOptionArguesForIt() {
        let engine = RecommendationEngine(knowledgeBase: kb)
        let rules = Dictionary(kb.rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var checked = 0
        for scenario in scenarios {
            let review = engine.review(scenario.answers)
            for outcome in review.decisions {
                guard let chosen = outcome.chosen, let assessment = outcome.chosenAssessment else { continue }
                for reason in assessment.contributions where reason.weight > 0 {
                    checked += 1
                    let strongest =
                        rules[reason.ruleID]?.scores
                        .filter { $0.target.decision == outcome.decisionID }
                        .map(\.weight).max() ?? 0
                    #expect(
                        reason.weight >= strongest,
                        "\(scenario.id): '\(reason.ruleID)' is shown for \(outcome.decisionID).\(chosen) (\(reason.weight)) but argues more for another option (\(strongest))"
                    )
                }
            }
        }
        #expect(checked > 500)
    }

    /// A service that runs a framework keeps it (or its in-place upgrade), whatever else the answers say.
    @Test(arguments: [
        ("express4", "express5"), ("express5", "express5"), ("fastify4", "fastify"), ("fastify", "fastify"),
        ("nestjs", "nestjs"), ("koa", "koa"), ("hapi", "hapi"),
    ])
    func whatRunsTodayKeepsItsPlace(current: String, expected: String) {
        let engine = RecommendationEngine(knowledgeBase: kb)
        for scenario in scenarios {
            var answers = scenario.answers
            answers.set("service.stage", to: .choice("existing"))
            answers.set("current.framework", to: .choice(current))
            let outcome = engine.review(answers).decision("framework")
            // A requirement may rule the running framework out (its exclusion or a constraint is then shown).
            let ruledOut = outcome?.options.first { $0.optionID == expected }.map { $0.verdict != .lowerScore } ?? true
            #expect(
                outcome?.chosen == expected || ruledOut,
                "\(scenario.id): running \(current), the review chose \(outcome?.chosen ?? "nothing")")
        }
    }

    /// What runs today is named as the user answered it: Fastify 4 counts as the Fastify 5 option, and saying
    /// "you run Fastify 5" misstated it.
    @Test(arguments: [("fastify4", "you run Fastify 4 (counted as Fastify 5)"), ("fastify", "you run Fastify 5")])
    func whatRunsTodayIsNamedAsAnswered(current: String, subject: String) throws {
        let engine = RecommendationEngine(knowledgeBase: kb)
        var answers = AnswerSet()
        answers.set("service.stage", to: .choice("existing"))
        answers.set("current.framework", to: .choice(current))
        let verdict = try #require(engine.review(answers).proposals.first { $0.decisionID == "framework" })
        #expect(verdict.origin == .runsToday)
        let names = verdict.proposed.compactMap { kb.decision("framework")?.option($0)?.name }.joined(separator: " + ")
        #expect(verdict.subject(naming: names).hasPrefix(subject), "\(verdict.subject(naming: names))")
        #expect((verdict.runsAs != nil) == (current == "fastify4"))
    }

    /// An option named for an absence reads as one: "you have no rate limiting", not "you run No rate limiting".
    @Test func anAbsenceIsNamedAsOne() {
        let running = ProposalVerdict(
            decisionID: "rate_limiting", title: "Rate limiting", proposed: ["none"], origin: .runsToday,
            verdict: .differs, recommended: "redis_limiter", margin: 24)
        #expect(running.subject(naming: "No rate limiting") == "you have no rate limiting")
        var planned = running
        planned.origin = .proposed
        #expect(planned.subject(naming: "No cache yet") == "you plan no cache yet")
        #expect(running.subject(naming: "PostgreSQL") == "you run PostgreSQL")
        var phrased = running
        phrased.runsAs = "The driver directly"
        #expect(phrased.subject(naming: "Plain driver") == "you run the driver directly (counted as Plain driver)")
    }

    /// The major choices never rest on a 0-0 tie settled by the order options are listed in.
    @Test func majorChoicesNeverRestOnAZeroZeroTie() {
        let engine = RecommendationEngine(knowledgeBase: kb)
        let major: Set = ["architecture", "framework", "database", "api_style", "deployment", "runtime"]
        for scenario in scenarios {
            for outcome in engine.review(scenario.answers).decisions
            where major.contains(outcome.decisionID) && outcome.status == .chosen {
                #expect(
                    !(outcome.score == 0 && outcome.margin == 0),
                    "\(scenario.id): \(outcome.decisionID) chose \(outcome.chosen ?? "?") on a 0-0 tie")
            }
        }
    }
}
