import EmbeddedKnowledgeBase
import KnowledgeModel
import Testing

/// The interview asks the most decisive questions of a section first, and never a follow-up before the question
/// that decides whether it is asked.
@Suite struct InterviewOrderTests {
    static let knowledgeBase = StackwiseKnowledge.embedded

    @Test func followUpsComeAfterTheQuestionsTheirAskIfReads() {
        let kb = Self.knowledgeBase
        let order = kb.questionsInInterviewOrder.map(\.id)
        #expect(Set(order) == Set(kb.questions.map(\.id)) && order.count == kb.questions.count)
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        for question in kb.questions {
            for read in question.askIf?.expression.questionIDs ?? []
            where kb.question(read)?.section == question.section {
                #expect(position[read]! < position[question.id]!, "\(read) before \(question.id)")
            }
        }
    }

    @Test func sectionsKeepTheirOrderAndTheMostDecisiveQuestionLeadsEach() {
        let kb = Self.knowledgeBase
        let order = kb.questionsInInterviewOrder
        let sectionOrder = kb.sections.map(\.id)
        let sections = order.map { sectionOrder.firstIndex(of: $0.section) ?? Int.max }
        #expect(sections == sections.sorted())
        for section in kb.sections {
            let members = order.filter { $0.section == section.id }
            // Among the questions asked unconditionally, decisiveness never rises.
            let unconditional = members.filter { $0.askIf == nil }.map { kb.decisiveness(ofQuestion: $0.id) }
            #expect(unconditional == unconditional.sorted(by: >), "\(section.id): \(unconditional)")
        }
        // "New or existing" decides which thirty-odd current-stack questions are asked: it comes first.
        #expect(order.first?.id == "service.stage")
        #expect(kb.decisiveness(ofQuestion: "service.stage") > kb.decisiveness(ofQuestion: "service.public_api"))
    }

    @Test func fewIdsAreOrderedWithoutTheWholeList() {
        let kb = Self.knowledgeBase
        let order = kb.questionsInInterviewOrder.map(\.id)
        let some = [order[40], order[3], "no.such.question", order[17], order[3]]
        #expect(kb.inInterviewOrder(some) == [order[3], order[17], order[40]])
        #expect(kb.interviewRank(ofQuestion: order[17]) == 17)
    }

    @Test func ordersByDecisivenessWithAuthoredOrderOnTies() {
        let (layer, _) = KnowledgeBaseLoader().loadLayer(
            name: "t",
            files: [
                (
                    "t.yaml",
                    """
                    sections: [{ id: s, title: S, order: 1 }]
                    sources: [{ id: s1, title: S, publisher: P, url: "https://e.com", verified: 2026-12-04 }]
                    questions:
                      - { id: q.minor, section: s, prompt: Minor?, type: yesno, help: H }
                      - { id: q.follow, section: s, prompt: Follow?, type: yesno, help: H, askIf: q.major }
                      - { id: q.major, section: s, prompt: Major?, type: yesno, help: H }
                      - { id: q.tie, section: s, prompt: Tie?, type: yesno, help: H }
                    decisions:
                      - id: d
                        title: D
                        problem: P
                        options:
                          - { id: a, name: A, summary: A, sources: [s1] }
                          - { id: b, name: B, summary: B, sources: [s1] }
                    rules:
                      - { id: r1, when: q.major, because: B., sources: [s1], score: { d.a: 1 } }
                      - { id: r2, when: q.follow, because: B., sources: [s1], score: { d.b: 1 } }
                      - { id: r3, when: q.minor, because: B., sources: [s1], score: { d.b: 1 } }
                    """
                )
            ])
        let kb = KnowledgeBaseBuilder.build(layers: [layer]).0
        // q.major moves d and gates q.follow (2); q.minor and q.follow move d (1) and keep authored order; q.tie
        // moves nothing; q.follow waits for q.major.
        #expect(kb.questionsInInterviewOrder.map(\.id) == ["q.major", "q.minor", "q.follow", "q.tie"])
    }
}
