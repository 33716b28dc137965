import KnowledgeModel
import RecommendationEngine
import StackwiseTestSupport
import Testing

@testable import TerminalUI

/// Lines in from an array, text out into a buffer.
final class ScriptedLines: LineIO {
    var input: [String]
    var output = ""

    init(_ input: [String]) { self.input = input }

    func readLine() -> String? { input.isEmpty ? nil : input.removeFirst() }
    func write(_ text: String) { output += text }
}

@Suite struct PlainInterviewTests {
    func run(_ lines: [String], answers: AnswerSet = AnswerSet()) -> (AnswerSet, PlainInterview.Outcome, String, Int) {
        var saves = 0
        let interview = PlainInterview(advisor: RecommendationEngine(knowledgeBase: TUIFixtures.kb)) { _ in
            saves += 1
            return nil
        }
        let io = ScriptedLines(lines)
        let (result, outcome) = interview.run(answers, io: io)
        return (result, outcome, io.output, saves)
    }

    @Test func answersByNumberSavesEachAndFinishesWithTheRecommendations() {
        let (answers, outcome, output, saves) = run(["2", "no", "not sure", "yes", "1, 2", "none"])
        #expect(outcome == .finished)
        #expect(answers.value(of: "data.shape") == .choice("documents"))
        #expect(answers.answers["data.rps"]?.notSure == true)
        #expect(answers.value(of: "current.stack") == .choices(["socketio", "redis"]))
        #expect(saves == 6)
        #expect(output.contains("[5/6] What runs today: What does it use?"), "the follow-up was asked")
        #expect(output.contains("All questions answered. Recommendations:\n  Database: MongoDB"))
    }

    @Test func backWhySkipAndInvalidInput() {
        let (answers, outcome, output, _) = run(["why", "1", "back", "", "maybe", "3", "skip", "quit"])
        #expect(outcome == .quit)
        #expect(output.contains("Why: Related records favour a relational database."))
        #expect(output.contains("It can move: Database"))
        #expect(output.contains("Current answer: Related records (press Enter to keep it)"))
        #expect(output.contains("Invalid: expected yes or no, found 'maybe'. Try again."))
        #expect(output.contains("Invalid: expected yes or no, found '3'. Try again."))
        #expect(answers.value(of: "data.tx") == nil, "skipped")
    }

    @Test func notSureWhereNotAllowedAndOutOfRangeOptionAreReasked() {
        let (_, outcome, output, _) = run(["9", "1", "not sure"])
        #expect(outcome == .endOfInput)
        #expect(output.contains("Invalid: 9 is not between 1 and 2. Try again."))
        #expect(output.contains("Invalid: \"not sure\" is not an answer to this question. Try again."))
        #expect(output.hasSuffix("End of input: your answers are saved.\n"))
    }
}

extension PlainInterviewTests {
    @Test func planAtAnyPromptIsSavedAndJudged() {
        let (answers, outcome, output, saves) = run([
            "plan", "plan databse=mongodb", "plan database=mongodb", "1", "plan database=none", "quit",
        ])
        #expect(outcome == .quit)
        #expect(output.contains("Decisions you can plan (plan DECISION=OPTION):\n  database: postgresql, mongodb"))
        #expect(output.contains("Invalid: unknown decision 'databse'; did you mean 'database'?\n"))
        #expect(output.contains("Your plan MongoDB differs: the review recommends PostgreSQL."))
        #expect(output.contains("No plan for database; the review decides."))
        #expect(answers.proposed.isEmpty)
        #expect(saves == 3)  // the plan, the answer, the plan removed
    }
}

/// Contradictory answers are said at the moment they are recorded, in plain mode and in the TUI's status line.
@Suite struct ContradictionWhileAnsweringTests {
    static let kb = KnowledgeBaseFixture.load(
        yaml: """
            sections:
              - { id: sec, title: Security, order: 1 }
            sources:
              - { id: s1, title: S, publisher: P, url: "https://example.com", verified: 2026-12-04 }
            questions:
              - id: sec.regimes
                section: sec
                prompt: Which regimes apply?
                help: H
                type: multi
                options:
                  - { id: none, label: None, description: D, exclusive: true }
                  - { id: gdpr, label: GDPR, description: D }
              - { id: sec.pii, section: sec, prompt: Personal data?, help: H, type: yesno }
            decisions:
              - id: store
                title: Store
                problem: P
                options:
                  - { id: a, name: A, summary: S, sources: [s1] }
                  - { id: b, name: B, summary: S, sources: [s1] }
            rules:
              - { id: r.a, when: sec.pii, because: B., sources: [s1], score: { store.a: 1 } }
              - { id: r.b, when: sec.regimes contains "gdpr", because: B., sources: [s1], score: { store.b: 1 } }
            """)

    @Test func plainModeSaysTheContradictionAndKeepsTheAnswer() {
        let interview = PlainInterview(advisor: RecommendationEngine(knowledgeBase: Self.kb)) { _ in nil }
        let io = ScriptedLines(["1, 2", "yes"])
        let (answers, _) = interview.run(AnswerSet(), io: io)
        #expect(answers.value(of: "sec.regimes") == .choices(["none", "gdpr"]))
        #expect(
            io.output.contains(
                "  Contradiction: sec.regimes: 'None' excludes every other answer, but 'GDPR' is chosen too"),
            "\(io.output)")
        #expect(io.output.components(separatedBy: "Contradiction:").count == 2, "said once, not after every answer")
    }

    @Test func theTUIShowsTheContradictionInTheStatusLineAsTheAnswerIsRecorded() {
        var harness = Harness(kb: Self.kb)
        #expect(harness.question == "sec.regimes")
        harness.send(.character(" "), .down, .character(" "), .enter)  // None and GDPR
        #expect(harness.state.answers.value(of: "sec.regimes") == .choices(["none", "gdpr"]))
        #expect(harness.state.status?.text.hasPrefix("Contradiction: sec.regimes: 'None' excludes") == true)
        #expect(harness.state.status?.role == .warning)
    }
}
