import AnswersFile
import Foundation
import KnowledgeModel
import Testing

@Suite struct TemplateAndSchemaTests {
    @Test func templateListsEveryQuestionAndReadsBackEmpty() {
        let template = AnswersTemplate(knowledgeBase: testKnowledgeBase).yaml()
        for question in testKnowledgeBase.questions {
            #expect(template.contains("\n  \(question.id):\n"), "\(question.id)")
            #expect(template.contains(question.prompt))
        }
        #expect(template.contains("#   crud_api  CRUD API"))
        #expect(template.contains("# a number in req/s, 0 to 1000000"))
        #expect(template.contains("# default: 50; not sure: { notSure: true }"))
        #expect(template.contains("# asked only when: service.kind == \"realtime\""))
        let result = AnswersFileReader(knowledgeBase: testKnowledgeBase).read(text: template, displayPath: "t.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.answerSet == AnswerSet())
    }

    @Test func filledTemplateIsRead() {
        let template = AnswersTemplate(knowledgeBase: testKnowledgeBase).yaml()
            .replacingOccurrences(of: "\n  traffic.peak_rps:\n", with: "\n  traffic.peak_rps: 900\n")
            .replacingOccurrences(of: "\nservice:\n", with: "\nservice: billing\n")
        let result = AnswersFileReader(knowledgeBase: testKnowledgeBase).read(text: template, displayPath: "t.yaml")
        #expect(!result.hasErrors)
        #expect(result.answerSet.value(of: "traffic.peak_rps") == .number(900))
        #expect(result.answerSet.serviceName == "billing")
    }

    @Test func schemaDescribesEveryQuestionWithItsConstraints() throws {
        let json = AnswersSchema(knowledgeBase: testKnowledgeBase).json()
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let properties = try #require(schema["properties"] as? [String: Any])
        let answers = try #require(properties["answers"] as? [String: Any])
        let answerProperties = try #require(answers["properties"] as? [String: Any])
        #expect(Set(answerProperties.keys) == Set(testKnowledgeBase.questions.map(\.id)))
        #expect(answers["additionalProperties"] as? Bool == false)
        let kind = try #require(answerProperties["service.kind"] as? [String: Any])
        let kindValue = try #require((kind["anyOf"] as? [[String: Any]])?.first)
        #expect(kindValue["enum"] as? [String] == ["crud_api", "realtime"])
        #expect(kind["default"] as? String == "crud_api")
        let rps = try #require(answerProperties["traffic.peak_rps"] as? [String: Any])
        let rpsNumber = try #require(((rps["anyOf"] as? [[String: Any]])?.first?["anyOf"] as? [[String: Any]])?.first)
        #expect(rpsNumber["maximum"] as? Double == 1_000_000)
        #expect(json == AnswersSchema(knowledgeBase: testKnowledgeBase).json())
    }
}
