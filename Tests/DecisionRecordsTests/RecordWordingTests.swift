import Foundation
import KnowledgeModel
import RecommendationEngine
import ReviewRendering
import Testing

@testable import DecisionRecords

/// Pros and cons read naturally after MADR's "Good, because" / "Bad, because": ordinary first words in lower
/// case, names kept, no doubled lead words.
@Suite struct RecordWordingTests {
    static let knowledgeBase: KnowledgeBase = {
        let yaml = """
            sections:
              - { id: main, title: Main, order: 1 }
            sources:
              - { id: docs, title: Docs, publisher: Us, url: "https://example.org", verified: 2025-01-01 }
            questions:
              - { id: q.docs, section: main, prompt: Documents?, help: H., type: yesno, default: true }
            decisions:
              - id: store
                title: Store
                problem: Where do records live?
                options:
                  - id: mongodb
                    name: MongoDB
                    summary: Documents; managed as MongoDB Atlas or Azure Cosmos DB.
                    pros: [A document model fits nested data., Atlas adds managed backups., NestJS has a module.]
                    cons: [Joins are limited., "Bad, because transactions are newer."]
                    sources: [docs]
                  - { id: postgresql, name: PostgreSQL, summary: Relational tables., sources: [docs] }
            rules:
              - { id: r.docs, when: q.docs, because: Documents need no joins., sources: [docs], score: { store.mongodb: 2 } }
            """
        let (layer, loadDiagnostics) = KnowledgeBaseLoader().loadLayer(name: "kb", files: [("kb/all.yaml", yaml)])
        return KnowledgeBaseBuilder.build(layers: [layer], loadDiagnostics: loadDiagnostics).0
    }()

    @Test func prosAndConsContinueTheBulletNaturally() throws {
        let report = ReviewReport(engine: RecommendationEngine(knowledgeBase: Self.knowledgeBase), answers: AnswerSet())
        let outcome = try #require(report.review.decision("store"))
        let record = RecordRenderer(report: report, people: RecordPeople()).render(
            outcome, date: "2025-01-01", supersedes: nil)
        #expect(record.contains("* Good, because a document model fits nested data."))
        #expect(record.contains("* Good, because Atlas adds managed backups."), "a name keeps its capital")
        #expect(record.contains("* Good, because NestJS has a module."))
        #expect(record.contains("* Bad, because joins are limited."))
        #expect(record.contains("* Bad, because transactions are newer."), "no doubled 'Bad, because'")
        #expect(!record.contains("because Bad, because"))
        #expect(record.contains("because documents need no joins."))
    }
}
