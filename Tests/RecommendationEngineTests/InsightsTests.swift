import EmbeddedKnowledgeBase
import KnowledgeModel
import StackwiseTestSupport
import Testing

@testable import RecommendationEngine

/// "Would win if": for a proposal that differs or is ruled out, the first what-if row that flips its decision to the
/// proposed option, an open question's row first (found in one pass over the rows for all proposals).
@Suite struct InsightsTests {
    @Test func eachProposalNamesTheFirstRowThatMakesItWin() {
        let kb = StackwiseKnowledge.embedded
        let engine = RecommendationEngine(knowledgeBase: kb)
        var rng = SeededGenerator(state: 3_141)
        var named = 0
        // Random answers, and proposals for about a third of the decisions.
        for _ in 0..<8 {
            var answers = AnswerSet()
            for _ in 0..<12 { ReviewSessionTests.edit(&answers, in: kb, &rng) }
            for decision in kb.decisions where Int.random(in: 0..<3, using: &rng) == 0 {
                answers.proposed[decision.id] = [decision.options.randomElement(using: &rng)!.id]
            }
            var (review, whatIf) = engine.reviewAndWhatIf(answers)
            let before = review.proposals
            engine.addInsights(to: &review, answers: answers, whatIf: whatIf)
            for (proposal, previous) in zip(review.proposals, before) {
                var expected: [AnswerFact]?
                if proposal.verdict == .differs || proposal.verdict == .ruledOut {
                    let flips = whatIf.rows.filter { row in
                        row.changes.contains { $0.decisionID == proposal.decisionID && $0.to == proposal.proposed[0] }
                    }
                    expected = (flips.first(where: \.isOpen) ?? flips.first).map {
                        [AnswerFact(questionID: $0.questionID, value: $0.alternative, assumed: false)]
                    }
                }
                #expect(proposal.wouldWinIf == expected ?? previous.wouldWinIf, "\(proposal.decisionID)")
                if expected != nil { named += 1 }
            }
        }
        #expect(named > 0)
    }
}
