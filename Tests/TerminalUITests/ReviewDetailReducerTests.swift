import KnowledgeModel
import Testing

@testable import TerminalUI

/// The review's detail pane and window, the Overview tab, the checklist filter, `a` on a tension, why a decision does
/// not apply, the key help's legend, and the interview saying when nothing important is left open.
@Suite struct ReviewDetailReducerTests {
    static let tensionAnswers = AnswerSet(answers: [
        "data.shape": Answer(value: .choice("documents")), "data.tx": Answer(value: .bool(true)),
        "data.rps": Answer(value: .number(10)),
    ])

    /// The fixture plus a decision that applies only to a running service.
    static let kbWithConditionalDecision = TUIFixtures.load(
        TUIFixtures.yaml.replacingOccurrences(
            of: "rules:\n",
            with: """
                  - id: realtime
                    title: Realtime transport
                    problem: How updates reach clients.
                    order: 2
                    appliesIf: current.exists
                    options:
                      - { id: ws, name: ws, summary: WebSockets., sources: [s1] }
                      - { id: sse, name: SSE, summary: Server-sent events., sources: [s1] }
                rules:

                """))

    @Test func theDetailWindowScrollsLineByLineToItsLastLineAndSaysWhereItIs() throws {
        var harness = Harness(width: 60, height: 18)
        harness.send(.character("r"), .character("2"), .enter)
        guard case .detail(.decision("database"), 0)? = harness.state.overlay else {
            Issue.record("no decision window: \(String(describing: harness.state.overlay))")
            return
        }
        let lines = DetailContent(knowledgeBase: TUIFixtures.kb).lines(.decision("database"), harness.state)
        #expect(harness.screen.contains("1/\(lines.count) ↓"), "more below, and the position")
        for _ in 0..<(lines.count + 3) { harness.send(.down) }
        #expect(harness.state.overlay == .detail(.decision("database"), cursor: lines.count - 1))
        let screen = harness.screen
        #expect(screen.contains("\(lines.count)/\(lines.count) ─"), "at the last line, nothing below: \(screen)")
        #expect(screen.contains("› " + lines[lines.count - 1].text.trimmingCharacters(in: .whitespaces)))
        harness.send(.home)
        #expect(harness.state.overlay == .detail(.decision("database"), cursor: 0))
    }

    @Test func aFindingsDetailHasItsWhyAndFixAndAInItAccepts() {
        var harness = Harness(answers: ReviewReducerTests.socketAnswers)
        harness.send(.character("r"), .character("3"))
        let pane = harness.screen
        #expect(pane.contains("Why: Socket.IO without an adapter."))
        #expect(pane.contains("Fix: Add one."))
        harness.send(.enter, .character("a"))
        guard case .acceptRisk(let id, _)? = harness.state.overlay else {
            Issue.record("a in a finding's window did not open the reason field")
            return
        }
        #expect(id == "f.no-adapter")
    }

    /// A priority's detail shows its title, why and action once: the finding behind it adds what is new (severity,
    /// acceptance, the answers that raised it), not the same lines again.
    @Test func aPrioritysDetailDoesNotRepeatItsOwnLines() throws {
        var harness = Harness(answers: ReviewReducerTests.socketAnswers)
        harness.send(.character("r"), .character("1"))
        let priority = try #require(harness.state.advice.priorities.first)
        let lines = DetailContent(knowledgeBase: TUIFixtures.kb).lines(.priority(priority.rank), harness.state)
            .map(\.text)
        #expect(lines.count { $0 == "Why: " + priority.why } == 1, "\(lines)")
        #expect(lines.count { $0 == priority.title } == 1, "\(lines)")
        #expect(!lines.contains("Fix: " + priority.action), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("Severity: ") }, "\(lines)")
    }

    @Test func aOnATensionSaysWhyNothingIsAccepted() {
        var harness = Harness(answers: Self.tensionAnswers)
        harness.send(.character("r"), .character("3"))
        #expect(harness.screen.contains("⇄ tension: Documents with transactions"))
        #expect(harness.screen.contains("Advice: Think."))
        harness.send(.character("a"))
        #expect(harness.state.overlay == nil)
        #expect(harness.state.status?.text.contains("A tension cannot be accepted as a risk") == true)
        #expect(harness.state.answers.acceptedRisks.isEmpty)
        harness.send(.down)
        #expect(harness.state.status == nil, "the message goes with the next key")
    }

    @Test func theChecklistFiltersWithSlashAndShowsTheWholeItem() {
        var harness = Harness(answers: Self.tensionAnswers)
        harness.send(.character("r"), .character("4"), .character("/"))
        harness.type("testing")
        harness.send(.enter)
        #expect(ReviewRows.checklist(harness.state).count == 1)
        let screen = harness.screen
        #expect(screen.contains("Checklist · 1/1"))
        #expect(screen.contains("Priority: medium · Category: testing"))
        #expect(!screen.contains("Back up the database."))
        harness.send(.character(" "))
        #expect(harness.lastSaved?.checklistDone == ["c.tx"], "Space ticks the filtered item")
    }

    @Test func aDecisionThatDoesNotApplySaysWhy() {
        var harness = Harness(kb: Self.kbWithConditionalDecision)
        harness.send(.character("r"), .character("2"), .down)
        let screen = harness.screen
        #expect(screen.contains("n/a"))
        #expect(screen.contains("Does not apply: it is needed only"))
        let lines = DetailContent(knowledgeBase: Self.kbWithConditionalDecision).lines(
            .decision("realtime"), harness.state)
        #expect(lines.contains { $0.text == "Does not apply: it is needed only when current.exists" })
        #expect(lines.contains { $0.questionID == "current.exists" }, "Enter on the answer it reads changes it")
        #expect(!screen.contains("How each option scored"), "no runner-up or scores for a decision that does not apply")
    }

    @Test func theOverviewComesFirstWithTheCursorOnItsFirstPriority() {
        var harness = Harness(answers: ReviewReducerTests.socketAnswers)
        harness.send(.character("r"))
        #expect(harness.state.review.tab == .overview)
        let rows = ReviewRows.overview(harness.state, TUIFixtures.kb)
        #expect(rows.first == .heading("Priorities"))
        guard case .priority(let first)? = rows.element(at: harness.state.review.cursor) else {
            Issue.record("the cursor is not on a priority")
            return
        }
        #expect(first.rank == 1)
        #expect(harness.screen.contains("1. [high] Socket.IO has no Redis adapter"))
        #expect(rows.contains(.heading("Answer these to firm up the review")))
        harness.send(.up)
        #expect(harness.state.review.cursor == 1, "headings are skipped")
    }

    @Test func theHelpListsEveryKeyInAlignedColumnsAndTheMarks() {
        var harness = Harness()
        harness.send(.character("r"), .character("?"))
        let lines = (0..<harness.state.height).map { harness.screen.line($0) }
        let enter = lines.first { $0.contains("Enter ") && $0.contains("details of the row") }
        let tabs = lines.first { $0.contains("1-6 ") }
        let enterColumn = enter?.range(of: "details")?.lowerBound.utf16Offset(in: enter ?? "")
        let tabsColumn = tabs?.range(of: "go to a tab")?.lowerBound.utf16Offset(in: tabs ?? "")
        #expect(enterColumn != nil && enterColumn == tabsColumn, "aligned: \(enter ?? "-") / \(tabs ?? "-")")
        var full = Harness(height: 60)
        full.send(.character("r"), .character("?"))
        for (mark, meaning) in TUIView.legend {
            #expect(full.screen.contains(TextWidth.pad(mark, to: 5) + meaning.prefix(12)), "\(mark)")
        }
        #expect(Set(TUIView.legend.map(\.0)).isSuperset(of: ["≈", "?", "Δ", "◆", "⚑", "⇄", "n/a"]))
    }

    @Test func theInterviewSaysWhenNothingImportantIsLeftOpen() {
        var open = Harness()
        #expect(open.state.advice.whatIf?.rows.contains(where: \.isOpen) == true)
        #expect(!open.screen.contains("Nothing important left open"))
        var settled = Harness(
            answers: AnswerSet(answers: [
                "data.shape": Answer(value: .choice("relational")), "data.tx": Answer(value: .bool(false)),
                "data.rps": Answer(value: .number(10)), "current.exists": Answer(value: .bool(false)),
                "current.notes": Answer(value: .text("none")),
            ]))
        #expect(settled.state.advice.whatIf?.rows.contains(where: \.isOpen) == false)
        #expect(settled.screen.contains("✓ Nothing important left open"))
        open.send(.character("r"))
        settled.send(.character("r"))
        #expect(settled.state.advice.insightsCurrent && settled.state.advice.firmUp.isEmpty)
        #expect(settled.screen.contains("Nothing important is left open."))
    }
}

@Suite struct TooSmallTests {
    @Test(arguments: [(59, 17), (30, 10), (20, 12)])
    func theTooSmallMessageIsWrappedNeverCut(size: (Int, Int)) {
        let harness = Harness(width: size.0, height: size.1)
        let text = (0..<size.1).map { harness.screen.line($0) }.joined(separator: " ")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("Terminal too small: \(size.0)×\(size.1)."), "\(text)")
        #expect(text.contains("Stackwise needs at least 60×18."))
        #expect(text.contains("Enlarge the window (your answers are saved), or press q to quit."))
        #expect(!text.contains("…"))
    }
}
