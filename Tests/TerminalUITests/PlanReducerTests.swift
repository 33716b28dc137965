import KnowledgeModel
import Testing

@testable import TerminalUI

/// "What do you plan to use?" from the review's Decisions tab: the proposal is saved with the answers and the
/// review's verdict on it is shown at once.
@Suite struct PlanReducerTests {
    @Test func proposingAnOptionIsSavedAndJudged() {
        var harness = Harness()
        harness.send(.character("r"), .character("2"), .character("p"))
        #expect(harness.screen.contains("Your plan: Database"))
        #expect(harness.screen.contains("PostgreSQL (recommended)"))
        harness.send(.down, .enter)
        #expect(harness.lastSaved?.proposed == ["database": ["mongodb"]])
        #expect(harness.state.status?.text == "Your plan MongoDB differs: the review recommends PostgreSQL.")
        #expect(harness.state.advice.review?.proposals.first?.verdict == .differs)
        // The decision's window shows the verdict.
        harness.send(.enter)
        #expect(harness.screen.contains("Your plan: MongoDB — differs"))
    }

    @Test func noPlanRemovesTheProposal() {
        var harness = Harness(answers: AnswerSet(proposed: ["database": ["postgresql"]]))
        harness.send(.character("r"), .character("2"), .character("p"))
        #expect(harness.screen.contains("PostgreSQL (recommended, your plan)"))
        harness.send(.down, .down, .enter)
        #expect(harness.lastSaved?.proposed == [:])
        #expect(harness.state.status?.text == "No plan for database; the review decides.")
    }

    @Test func escapeCancelsWithoutSaving() {
        var harness = Harness()
        harness.send(.character("r"), .character("2"), .character("p"), .down, .escape)
        #expect(harness.state.overlay == nil)
        #expect(harness.lastSaved?.proposed ?? [:] == [:])
    }
}
