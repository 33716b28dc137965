import Foundation
import KnowledgeModel
import RecommendationEngine
import ReviewRendering
import Testing

/// A choice that rests on a 0-0 tie is never presented as a recommendation: every format says there is no
/// preference and to pick by team familiarity.
@Suite struct NoPreferenceTests {
    func report(rules: String) -> ReviewReport {
        let yaml = """
            sections: [{ id: s, title: S, order: 1 }]
            sources: [{ id: s1, title: S, publisher: P, url: "https://e.com", verified: 2026-12-04 }]
            questions:
              - { id: s.team, section: s, prompt: Team?, help: H, type: yesno, default: true }
            decisions:
              - id: queue
                title: Job queue
                problem: P
                options:
                  - { id: alpha, name: Alpha queue, summary: S, sources: [s1] }
                  - { id: beta, name: Beta queue, summary: S, sources: [s1] }
            \(rules)
            """
        let (layer, _) = KnowledgeBaseLoader().loadLayer(name: "t", files: [("t.yaml", yaml)])
        let kb = KnowledgeBaseBuilder.build(layers: [layer]).0
        return ReviewReport(engine: RecommendationEngine(knowledgeBase: kb), answers: AnswerSet())
    }

    /// The `noPreference` field of the first decision in the JSON review.
    func noPreference(_ report: ReviewReport) throws -> Bool? {
        let object = try JSONSerialization.jsonObject(with: Data(ReviewJSON.render(report).utf8)) as? [String: Any]
        let decisions = object?["decisions"] as? [[String: Any]]
        return decisions?.first?["noPreference"] as? Bool
    }

    @Test func aZeroZeroTieSaysNoPreferenceInEveryFormat() throws {
        let tie = report(rules: "rules: []")
        let outcome = try #require(tie.review.decisions.first)
        #expect(outcome.hasNoPreference)
        let text = ReviewText().render(tie).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("no preference: nothing in your answers favours one option; pick by team familiarity"))
        #expect(ReviewMarkdown().render(tie).contains("pick by team familiarity"))
        #expect(try noPreference(tie) == true)
    }

    @Test func aChoiceWithAReasonIsNotFlagged() throws {
        let favoured = report(
            rules: """
                rules:
                  - { id: r1, when: s.team, because: Fits the team., sources: [s1], score: { queue.beta: 1 } }
                """)
        let outcome = try #require(favoured.review.decisions.first)
        #expect(outcome.chosen == "beta")
        #expect(!outcome.hasNoPreference)
        #expect(!ReviewText().render(favoured).contains("no preference"))
        #expect(try noPreference(favoured) == false)
    }

    /// Equal scores above zero: both options have reasons, and the option order picked one. Every format says it is
    /// a tie with the runner-up, never "by 0" or "close call".
    @Test func anEqualNonZeroScoreIsATieInEveryFormat() throws {
        let tied = report(
            rules: """
                rules:
                  - { id: r1, when: s.team, because: Fits the team., sources: [s1], score: { queue.alpha: 2, queue.beta: 2 } }
                """)
        let outcome = try #require(tied.review.decisions.first)
        #expect(outcome.margin == 0 && outcome.score == 2)
        #expect(outcome.isTie && !outcome.hasNoPreference)
        let text = ReviewText().render(tied).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("Job queue: Alpha queue (tied with Beta queue;"), "\(text)")
        #expect(text.contains("tied: your answers favour both equally; pick by team familiarity"))
        #expect(!text.contains("by 0"))
        #expect(ReviewMarkdown().render(tied).contains("Beta queue (tied)"))
        let full = ReviewText(detail: .full).render(tied).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(full.contains("Beta queue: same score (2); the knowledge base's option order put the choice first"))
        let object = try JSONSerialization.jsonObject(with: Data(ReviewJSON.render(tied).utf8)) as? [String: Any]
        #expect((object?["decisions"] as? [[String: Any]])?.first?["tied"] as? Bool == true)
    }
}
