import EmbeddedKnowledgeBase
import Foundation
import KnowledgeModel
import ReviewRendering
import Testing

@Suite struct QuestionCatalogTests {
    let knowledgeBase = StackwiseKnowledge.embedded

    @Test func jsonHasTheDocumentedFieldsForEveryQuestion() throws {
        let json = QuestionCatalog(knowledgeBase: knowledgeBase).json()
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(array.map { $0["id"] as? String } == knowledgeBase.questionsInInterviewOrder.map(\.id))
        for object in array {
            for key in ["id", "section", "type", "prompt", "options", "default", "askIf"] {
                #expect(object.keys.contains(key), "\(key) in \(object["id"] ?? "?")")
            }
            let question = try #require(knowledgeBase.question(object["id"] as? String ?? ""))
            let options = try #require(object["options"] as? [[String: String]])
            #expect(options.map { $0["id"] } == question.options.map(\.id))
            #expect(options.map { $0["label"] } == question.options.map(\.label))
            #expect((object["askIf"] as? String) == question.askIf?.source)
        }
    }

    @Test func textFitsEightyColumns() {
        let text = QuestionCatalog(knowledgeBase: knowledgeBase).text()
        for line in text.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        for question in knowledgeBase.questions { #expect(text.contains(question.id)) }
    }

    @Test func wrapBreaksAtWordsAndSplitsLongWords() {
        #expect(TextLayout.wrap("aa bb cc", width: 5, first: "", rest: "  ") == ["aa bb", "  cc"])
        #expect(TextLayout.wrap(String(repeating: "x", count: 12), width: 5) == ["xxxxx", "xxxxx", "xx"])
    }
}
