import KnowledgeModel
import StackwiseTestSupport
import Testing

@testable import RecommendationEngine

/// A checklist item says it applies because of the answers that make its condition hold: of `a or b`, only the
/// operands that hold.
@Suite struct AppliesBecauseTests {
    static let kb = KnowledgeBaseFixture.load(
        yaml: """
            sections:
              - { id: api, title: API, order: 1 }
            sources:
              - { id: docs, title: Docs, publisher: P, url: "https://example.com", verified: 2026-12-04 }
            questions:
              - id: api.domain
                section: api
                prompt: P
                help: H
                type: single
                options:
                  - { id: fintech, label: F, description: D }
                  - { id: saas, label: S, description: D }
              - { id: api.webhooks, section: api, prompt: P, help: H, type: yesno }
              - { id: api.public, section: api, prompt: P, help: H, type: yesno }
            decisions:
              - id: store
                title: Store
                problem: P
                options:
                  - { id: one, name: One, summary: S, sources: [docs] }
                  - { id: two, name: Two, summary: S, sources: [docs] }
            checklist:
              - id: api.idempotency
                text: Accept idempotency keys.
                category: reliability
                priority: high
                appliesIf: api.domain == "fintech" or api.webhooks
                sources: [docs]
              - id: api.both
                text: Both.
                category: reliability
                priority: medium
                appliesIf: api.public and api.webhooks
                sources: [docs]
            """)

    private func entry(_ id: String, _ answers: [String: AnswerValue]) throws -> ChecklistEntry {
        var set = AnswerSet()
        for (question, value) in answers { set.set(question, to: value) }
        let review = RecommendationEngine(knowledgeBase: Self.kb).review(set)
        return try #require(review.checklist.first { $0.item.id == id })
    }

    @Test func onlyTheOperandsOfAnOrThatHoldAreTheReason() throws {
        let entry = try entry("api.idempotency", ["api.domain": .choice("saas"), "api.webhooks": .bool(true)])
        #expect(entry.appliesBecause.map(\.questionID) == ["api.webhooks"])
    }

    @Test func everyOperandThatHoldsCounts() throws {
        let entry = try entry("api.idempotency", ["api.domain": .choice("fintech"), "api.webhooks": .bool(true)])
        #expect(Set(entry.appliesBecause.map(\.questionID)) == ["api.domain", "api.webhooks"])
    }

    @Test func everyAnswerOfAnAndIsTheReason() throws {
        let entry = try entry("api.both", ["api.public": .bool(true), "api.webhooks": .bool(true)])
        #expect(Set(entry.appliesBecause.map(\.questionID)) == ["api.public", "api.webhooks"])
    }
}
