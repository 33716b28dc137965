import KnowledgeModel
import RecommendationEngine
import Testing

@testable import TerminalUI

@Suite struct InterviewReducerTests {
    @Test func startsOnTheFirstQuestionAndEnterAnswersAndAdvances() {
        var harness = Harness()
        #expect(harness.question == "data.shape")
        harness.send(.down, .enter)
        #expect(harness.state.answers.value(of: "data.shape") == .choice("documents"))
        #expect(harness.lastSaved?.value(of: "data.shape") == .choice("documents"))
        #expect(harness.question == "data.tx")
    }

    @Test func jAndKMoveLikeArrows() {
        var harness = Harness()
        harness.send(.character("j"))
        #expect(harness.state.interview.cursor == 1)
        harness.send(.character("k"), .character("k"))
        #expect(harness.state.interview.cursor == 0)
    }

    @Test func backKeysReturnToThePreviousQuestionWithItsAnswerSelected() {
        for back in [Key.left, .backTab, .escape] {
            var harness = Harness()
            harness.send(.down, .enter)
            #expect(harness.question == "data.tx")
            harness.send(back)
            #expect(harness.question == "data.shape")
            #expect(harness.state.interview.cursor == 1, "the saved answer (documents) is focused")
        }
    }

    @Test func backOnTheFirstQuestionSaysSo() {
        var harness = Harness()
        harness.send(.left)
        #expect(harness.question == "data.shape")
        #expect(harness.state.status?.text.contains("first question") == true)
    }

    @Test func adviceStaysEqualToAFreshReviewAndWhatIfAfterEveryAnswer() {
        var harness = Harness()
        let engine = RecommendationEngine(knowledgeBase: TUIFixtures.kb)
        // Answer, go back and change answers, open a follow-up: the incremental session must match from-scratch results.
        for keys: [Key] in [
            [.down, .enter], [.enter], [.left, .left, .enter], [.tab, .enter], [.down, .enter], [.enter],
        ] {
            for key in keys { harness.send(key) }
            #expect(harness.state.advice.review == engine.review(harness.state.answers))
            #expect(harness.state.advice.whatIf == engine.whatIf(harness.state.answers))
            #expect(harness.state.applicableIDs == engine.applicableQuestions(harness.state.answers).map(\.id))
        }
        #expect(!harness.state.answers.answers.isEmpty)
    }

    @Test func followUpAppearsAndDisappearsAndItsAnswerIsKeptButFlagged() {
        var harness = Harness()
        #expect(!harness.state.applicableIDs.contains("current.stack"))
        harness.send(.tab)
        #expect(harness.question == "current.exists")
        harness.send(.enter)  // Yes
        #expect(harness.state.applicableIDs.contains("current.stack"))
        #expect(harness.question == "current.stack")
        harness.send(.character(" "), .enter)  // Socket.IO
        #expect(harness.state.answers.value(of: "current.stack") == .choices(["socketio"]))
        harness.send(.backTab, .backTab)  // from the text field of current.notes (← moves the text cursor there)
        #expect(harness.question == "current.exists")
        harness.send(.down, .enter)  // No
        #expect(!harness.state.applicableIDs.contains("current.stack"))
        #expect(harness.state.answers.value(of: "current.stack") == .choices(["socketio"]), "kept, not dropped")
        #expect(harness.state.flaggedIDs == ["current.stack"])
        #expect(harness.state.status?.text.contains("current.stack") == true)
        #expect(harness.screen.contains("⚑ 1 kept answer"))
    }

    @Test func aNumberOutsideTheUsualRangeIsConfirmedBeforeItIsKept() {
        var harness = Harness()
        harness.send(.enter, .enter)
        #expect(harness.question == "data.rps")
        harness.type("300000")
        #expect(harness.state.interview.inputError == nil, "possible, so not an error while typing")
        harness.send(.enter)
        #expect(harness.question == "data.rps", "not kept yet: the first Enter asks")
        #expect(harness.state.answers.value(of: "data.rps") == nil)
        #expect(harness.screen.contains("✗ unusually high: Enter again keeps it"))
        // Changing the number withdraws the question; the same number asks again.
        harness.send(.backspace)
        #expect(harness.state.interview.inputError == nil)
        harness.type("0")
        harness.send(.enter)
        #expect(harness.state.answers.value(of: "data.rps") == nil)
        harness.send(.enter)
        #expect(harness.state.answers.value(of: "data.rps") == .number(300_000), "the second Enter keeps it")
        #expect(harness.question != "data.rps")
    }

    @Test func numberIsValidatedInlineWithRangeAndUnit() {
        var harness = Harness()
        harness.send(.enter, .enter)
        #expect(harness.question == "data.rps")
        harness.type("abc")
        #expect(harness.state.interview.inputError?.contains("expected a number in req/s") == true)
        #expect(harness.screen.contains("✗ expected a number in req/s"))
        harness.send(.backspace, .backspace, .backspace)
        harness.type("-5")
        #expect(harness.state.interview.inputError?.contains("-5 is negative") == true)
        harness.send(.enter)
        #expect(harness.question == "data.rps", "an invalid number is not saved")
        #expect(harness.state.answers.value(of: "data.rps") == nil)
        harness.send(.control("u"))
        harness.type("1200 req/s")
        #expect(harness.state.interview.inputError == nil)
        harness.send(.enter)
        #expect(harness.state.answers.value(of: "data.rps") == .number(1200))
        #expect(harness.question == "current.exists")
    }

    @Test func lettersAreTypedIntoTextFieldsNotTreatedAsCommands() {
        var harness = Harness(answers: AnswerSet(answers: ["current.exists": Answer(value: .bool(false))]))
        harness.send(.tab, .enter)
        #expect(harness.question == "current.notes")
        harness.type("quick why?")
        #expect(harness.state.overlay == nil)
        #expect(harness.state.interview.input.text == "quick why?")
        harness.send(.function(2))
        #expect(harness.state.overlay.map { if case .why = $0 { true } else { false } } == true)
    }

    @Test func multipleChoiceTogglesWithSpaceAndSavesInOptionOrder() {
        var harness = Harness(answers: AnswerSet(answers: ["current.exists": Answer(value: .bool(true))]))
        harness.send(.tab, .enter)
        #expect(harness.question == "current.stack")
        harness.send(.down, .character(" "), .up, .character(" "), .down, .down, .character(" "), .character(" "))
        #expect(harness.state.interview.selection == ["socketio", "redis"])
        harness.send(.enter)
        #expect(harness.state.answers.value(of: "current.stack") == .choices(["socketio", "redis"]))
    }

    @Test func slashFiltersALongList() {
        var harness = Harness(answers: AnswerSet(answers: ["current.exists": Answer(value: .bool(true))]))
        harness.send(.tab, .enter)
        harness.send(.character("/"))
        harness.type("fram")
        let rows = ChoiceRow.rows(
            for: TUIFixtures.kb.question("current.stack")!, filter: harness.state.interview.filter.text)
        #expect(rows.count == 2)
        #expect(harness.screen.contains("Express") && harness.screen.contains("Fastify"))
        #expect(!harness.screen.contains("Socket.IO"))
        // One Enter after filtering answers with the focused match.
        harness.send(.down, .enter)
        #expect(harness.state.answers.value(of: "current.stack") == .choices(["fastify"]))
    }

    @Test func notSureOnlyWhereAllowed() {
        var harness = Harness()
        harness.send(.character("n"))
        #expect(harness.state.answers.answers["data.shape"]?.notSure == true)
        #expect(harness.question == "data.tx")
        harness.send(.character("n"))
        #expect(harness.question == "data.tx")
        #expect(harness.state.status?.text.contains("Not sure") == true)
    }

    @Test func tabGoesToTheNextSectionAndFromTheLastToTheReview() {
        var harness = Harness()
        harness.send(.tab)
        #expect(harness.question == "current.exists")
        harness.send(.tab)
        #expect(harness.state.mode == .review)
    }

    @Test func answeringTheLastQuestionOpensTheReview() {
        var harness = Harness(answers: AnswerSet(answers: ["current.exists": Answer(value: .bool(false))]))
        harness.send(.enter, .enter)
        harness.type("10")
        harness.send(.enter)
        #expect(harness.question == "current.exists", "answered questions are shown again, with the answer focused")
        harness.send(.enter)
        #expect(harness.question == "current.notes")
        harness.type("none")
        harness.send(.enter)
        #expect(harness.state.mode == .review)
    }

    @Test func helpWhyAndQuitOverlays() {
        var harness = Harness()
        harness.send(.character("?"))
        let screen = harness.screen
        for binding in KeyMap.standard.bindings(for: .interview) { #expect(screen.contains(binding.help)) }
        harness.send(.character("x"))
        #expect(harness.state.overlay == nil)
        harness.send(.character("w"))
        #expect(harness.screen.contains("Why is this asked?"))
        #expect(harness.screen.contains("It can move: Database"))
        harness.send(.enter)
        harness.send(.character("q"))
        #expect(harness.state.overlay == .confirmQuit)
        #expect(harness.screen.contains("/tmp/session.yaml"))
        harness.send(.character("n"))
        #expect(harness.state.overlay == nil && !harness.effects.contains(.quit))
        harness.send(.character("q"), .character("y"))
        #expect(harness.effects.last == .quit)
    }

    @Test func liveAdviceShowsWhatTheLastAnswerChanged() {
        var harness = Harness()
        #expect(harness.state.advice.review?.decision("database")?.chosen == "postgresql")
        harness.send(.down, .enter)
        #expect(harness.state.advice.review?.decision("database")?.chosen == "mongodb")
        #expect(harness.state.advice.changes.first?.text == "Database: PostgreSQL → MongoDB")
        #expect(harness.screen.contains("Δ Database: PostgreSQL → MongoDB"))
        #expect(harness.screen.role(of: "Δ Database") == .changed)
        #expect(harness.state.interview.cursor == 1, "the default (No) is pre-selected")
        harness.send(.up, .enter)  // tx = yes -> tension
        #expect(harness.state.advice.changes.contains { $0.text == "new tension: Documents with transactions" })
    }
}
