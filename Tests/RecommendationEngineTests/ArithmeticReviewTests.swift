import BenchmarkSupport
import EmbeddedKnowledgeBase
import KnowledgeModel
import StackwiseTestSupport
import Testing

@testable import RecommendationEngine

/// Arithmetic conditions, interpolated texts and contradictions as the review and the session show them.
@Suite struct ArithmeticReviewTests {
    static let kb = KnowledgeBaseFixture.load(
        yaml: """
            sections:
              - { id: ops, title: Ops, order: 1 }
            sources:
              - { id: docs, title: Docs, publisher: P, url: "https://example.com", verified: 2026-12-04 }
            questions:
              - { id: ops.instances, section: ops, prompt: P, help: H, type: number, unit: instances, default: 2 }
              - { id: ops.pool, section: ops, prompt: P, help: H, type: number, unit: connections }
              - { id: ops.limit, section: ops, prompt: P, help: H, type: number, unit: connections, default: 100 }
              - { id: ops.flag, section: ops, prompt: P, help: H, type: yesno }
              - id: ops.regimes
                section: ops
                prompt: P
                help: H
                type: multi
                options:
                  - { id: none, label: None, description: D, exclusive: true }
                  - { id: gdpr, label: GDPR, description: D }
                  - { id: soc2, label: SOC 2, description: D }
            decisions:
              - id: store
                title: Store
                problem: P
                options:
                  - { id: pooled, name: Pooled, summary: S, sources: [docs] }
                  - { id: direct, name: Direct, summary: S, sources: [docs] }
            rules:
              - id: ops.too-many
                when: ops.instances * ops.pool > ops.limit
                because: "{ops.instances * ops.pool} connections exceed {ops.limit}."
                sources: [docs]
                score: { store.pooled: 3 }
                finding:
                  id: too-many
                  title: "Over by {ops.instances * ops.pool - ops.limit}"
                  severity: high
                  remediation: "Shrink pools below {ops.limit / ops.instances} each."
              - id: ops.flagged
                when: ops.flag
                because: "Flagged with {ops.instances * ops.pool} connections in use."
                sources: [docs]
                score: { store.direct: 1 }
                tension: { id: flagged, title: "Flag at {ops.pool * 2}", advice: "Mind {ops.limit - ops.pool}." }
            contradictions:
              - id: flag-without-pool
                when: ops.flag and ops.pool == 0
                message: ops.flag is set although ops.pool is 0.
            """)

    @Test func aCapacityRuleFiresWithTheComputedNumberInItsTexts() {
        let engine = RecommendationEngine(knowledgeBase: Self.kb)
        var answers = AnswerSet()
        answers.set("ops.instances", to: .number(12))
        answers.set("ops.pool", to: .number(10))
        let review = engine.review(answers)
        let finding = review.findings.first { $0.finding.id == "too-many" }
        #expect(finding?.finding.title == "Over by 20")
        #expect(finding?.because == "120 connections exceed 100 connections.")
        #expect(finding?.finding.remediation == "Shrink pools below 8.33 each.")
        let reason = review.decision("store")?.options.first { $0.optionID == "pooled" }?.contributions.first
        #expect(reason?.because == "120 connections exceed 100 connections.")
        // The answers the texts read are the reason's facts.
        #expect(reason?.triggeredBy.map(\.questionID) == ["ops.instances", "ops.pool", "ops.limit"])
    }

    @Test func anInterpolationOfAnUnansweredValueReadsAsUnknown() {
        let engine = RecommendationEngine(knowledgeBase: Self.kb)
        var answers = AnswerSet()
        answers.set("ops.flag", to: .bool(true))
        let review = engine.review(answers)
        let tension = review.tensions.first { $0.tension.id == "flagged" }
        #expect(tension?.because == "Flagged with an unknown number of connections in use.")
        #expect(tension?.tension.title == "Flag at an unknown number of connections")
        #expect(tension?.tension.advice == "Mind an unknown number of connections.")
        // An unanswered operand keeps the arithmetic rule from firing (unknown, not false and not a trap).
        #expect(!review.firedRules.contains("ops.too-many"))
    }

    @Test func hugeNumbersAndDivisionByZeroAreUnknownNotATrap() {
        let engine = RecommendationEngine(knowledgeBase: Self.kb)
        var answers = AnswerSet()
        answers.set("ops.instances", to: .number(1e200))
        answers.set("ops.pool", to: .number(1e200))
        answers.set("ops.flag", to: .bool(true))
        var review = engine.review(answers)
        #expect(!review.firedRules.contains("ops.too-many"))
        #expect(review.tensions.first?.because == "Flagged with an unknown number of connections in use.")
        answers.set("ops.instances", to: .number(0))
        answers.set("ops.pool", to: .number(0))
        review = engine.review(answers)
        #expect(review.contradictions.map(\.id) == ["flag-without-pool"])
    }

    @Test func theSessionPatchesTextsWhenOnlyAnInterpolatedAnswerChanges() {
        // ops.flagged's condition reads only ops.flag; its texts read ops.instances, ops.pool and ops.limit.
        let engine = RecommendationEngine(knowledgeBase: Self.kb)
        var answers = AnswerSet()
        answers.set("ops.flag", to: .bool(true))
        var session = ReviewSession(engine: engine, answers: answers)
        for (id, value) in [("ops.pool", 10.0), ("ops.instances", 3), ("ops.limit", 50), ("ops.pool", 40)] {
            answers.set(id, to: .number(value))
            session.update(to: answers)
            #expect(session.review == engine.review(answers), "after \(id) = \(value)")
        }
        #expect(session.review.tensions.first?.because == "Flagged with 120 connections in use.")
        answers.set("ops.regimes", to: .choices(["none", "gdpr"]))
        session.update(to: answers)
        #expect(session.review == engine.review(answers))
        #expect(session.review.contradictions.map(\.id) == ["ops.regimes.exclusive"])
        #expect(
            session.review.contradictions.first?.message
                == "ops.regimes: 'None' excludes every other answer, but 'GDPR' is chosen too; keep 'None' alone or drop it"
        )
    }

    @Test func theShippedCapacityRuleAndComplianceContradiction() {
        let engine = RecommendationEngine(knowledgeBase: StackwiseKnowledge.embedded)
        var answers = AnswerSet()
        answers.set("operations.instances", to: .number(12))
        answers.set("data.pool_size", to: .number(10))
        answers.set("security.compliance", to: .choices(["none", "gdpr"]))
        let review = engine.review(answers)
        #expect(
            review.findings.map(\.finding.title).contains(
                "Pools can open 120 connections; the database accepts 100 connections"))
        #expect(review.contradictions.map(\.id) == ["security.compliance.exclusive"])
        #expect(engine.contradictions(answers) == review.contradictions)
    }

    @Test func theSyntheticBenchmarkKnowledgeBaseCopiesArithmeticTextsAndContradictions() {
        let kb = SyntheticKnowledgeBase.scaled(StackwiseKnowledge.embedded, by: 3)
        #expect(!KnowledgeBaseValidator().validate(kb).contains { $0.severity == .error })
        #expect(kb.contradictions.count == 3 * StackwiseKnowledge.embedded.contradictions.count)
        var answers = AnswerSet()
        answers.set("operations.instances_x2", to: .number(12))
        answers.set("data.pool_size_x2", to: .number(10))
        let findings = RecommendationEngine(knowledgeBase: kb).review(answers).findings
        #expect(
            findings.first { $0.finding.id == "connections-exceed-database-limit_x2" }?.finding.title
                == "Pools can open 120 connections; the database accepts 100 connections")
        #expect(!findings.contains { $0.finding.id == "connections-exceed-database-limit" })
    }
}
