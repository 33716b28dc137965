import AnswersFile
import EmbeddedKnowledgeBase
import KnowledgeModel
import RecommendationEngine
import Testing

/// The routine steps of one option the review chose (a JWT scheme's hygiene) fill at most two priorities; the rest
/// stay in the checklist.
@Suite struct ChosenOptionStepsTests {
    @Test func atMostTwoPrioritiesAreStepsOfOneChosenOption() throws {
        let answers = """
            version: 1
            service: mobile-api
            answers:
              service.kind: crud_api
              service.stage: new
              service.criticality: internal_tool
              service.public_api: true
              traffic.peak_rps: 5
              data.shape: key_value
              api.consumers: [mobile]
              security.user_auth: end_users
              security.compliance: [none]
              security.pii: false
              team.size: solo
              operations.platform: paas
              operations.instances: 1
              operations.budget: tiny
            """
        let engine = RecommendationEngine(knowledgeBase: StackwiseKnowledge.embedded)
        let result = AnswersFileReader(engine: engine).read(text: answers, displayPath: "mobile-api.yaml")
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics)")
        let review = engine.review(result.answerSet)
        #expect(review.decision("authentication")?.chosen == "jwt_access_refresh")
        let priorities = review.priorities(in: engine.knowledgeBase)
        let jwtSteps = priorities.filter { $0.kind == .checklist && $0.id.hasPrefix("security.jwt-") }
        #expect(jwtSteps.count == Review.maximumStepsPerChosenOption, "\(priorities.map(\.id))")
        // The third step is still in the checklist, just not among the priorities.
        let jwtItems = review.checklist.filter { $0.item.id.hasPrefix("security.jwt-") }
        #expect(jwtItems.count > jwtSteps.count)
    }
}
