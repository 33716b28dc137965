import DecisionRecords
import Foundation
import KnowledgeModel
import RecommendationEngine
import ReviewRendering
import Testing

/// A review whose solver ran out of budget says "not proven optimal" in every format (issue 17, item 5).
@Suite struct UnprovenOptimumTests {
    func report(proven: Bool) -> ReviewReport {
        var answers = AnswerSet(serviceName: "svc")
        answers.set("q.size", to: .number(500))
        let engine = RecommendationEngine(knowledgeBase: recordsKnowledgeBase)
        var review = engine.review(answers)
        review.provenOptimal = proven
        return ReviewReport(
            knowledgeBase: engine.knowledgeBase, answers: answers, review: review, unansweredRequired: [])
    }

    @Test func everyFormatCarriesTheMark() throws {
        for proven in [true, false] {
            let report = report(proven: proven)
            #expect(ReviewText(colour: false).render(report).contains("not proven optimal") == !proven)
            #expect(ReviewMarkdown().render(report).contains("not proven optimal") == !proven)
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(ReviewJSON.render(report).utf8)) as? [String: Any])
            #expect(json["provenOptimal"] as? Bool == proven)
            let folder = try scratchFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let actions = try DecisionRecordExporter(report: report, people: RecordPeople(), date: "2025-01-01")
                .plan(folder: folder)
            let record = try #require(actions.first { $0.fileName.hasPrefix("0001-") }?.contents)
            #expect(record.contains("not proven optimal") == !proven)
        }
    }
}
