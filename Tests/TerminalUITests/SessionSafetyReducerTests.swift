import KnowledgeModel
import Testing

@testable import TerminalUI

/// Issue 14: a failed save stays visible until a save succeeds; "None of these" is an answer.
@Suite struct SessionSafetyReducerTests {
    @Test func aFailedSaveIsShownUntilASaveSucceeds() {
        var harness = Harness()
        harness.send(.enter)
        harness.send(.saveFailed("could not save the session to /x/y.yaml: no space left on the device"))
        #expect(harness.state.saveProblem != nil)
        #expect(harness.screen.text.split(separator: "\n").first?.contains("NOT SAVED") == true)
        #expect(!harness.screen.contains("saved ✓"))
        // Moving around does not hide it.
        harness.send(.down)
        #expect(harness.screen.contains("NOT SAVED"))
        harness.send(.character("q"))
        #expect(harness.screen.contains("Your answers are NOT saved"))
        #expect(!harness.screen.contains("Your answers are saved in"))
        harness.send(.character("n"))
        harness.send(.saved)
        #expect(harness.state.saveProblem == nil)
        #expect(harness.screen.contains("saved ✓"))
    }

    @Test func noneOfTheseRecordsAnEmptyListNotTheFocusedOption() {
        var answers = AnswerSet()
        answers.set("data.shape", to: .choice("relational"))
        answers.set("data.tx", to: .bool(false))
        answers.set("data.rps", to: .number(10))
        answers.set("current.exists", to: .bool(true))
        var harness = Harness(answers: answers)
        #expect(harness.question == "current.stack")
        let rows = ChoiceRow.rows(for: TUIFixtures.kb.question("current.stack")!)
        #expect(rows.last == .noneOfThese)
        harness.send(.end, .enter)
        #expect(harness.state.answers.value(of: "current.stack") == .choices([]))
        #expect(harness.lastSaved?.value(of: "current.stack") == .choices([]))
        // Going back (from the next question's text field) shows it chosen, with nothing ticked.
        harness.send(.backTab)
        #expect(harness.question == "current.stack")
        #expect(harness.screen.contains("› (•) None of these"))
        // Ticking an option replaces "none".
        harness.send(.home, .character(" "), .enter)
        #expect(harness.state.answers.value(of: "current.stack") == .choices(["socketio"]))
    }
}
