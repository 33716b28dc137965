import KnowledgeModel
import RecommendationEngine
import Testing

@testable import TerminalUI

/// The service name (asked when missing, editable later with `s`) and the risk-acceptance form (reason, scope, owner,
/// expiry date; an expired acceptance shows as expired and stops hiding its finding).
@Suite struct ServiceNameTests {
    @Test func aSessionWithoutANameAsksForItAndEnterSavesIt() {
        var harness = Harness()
        harness.reducer.askServiceNameIfMissing(&harness.state)
        #expect(harness.screen.contains("What is this service called?"))
        harness.type("orders-api")
        harness.send(.enter)
        #expect(harness.state.overlay == nil)
        #expect(harness.lastSaved?.serviceName == "orders-api")
        #expect(harness.screen.line(0).contains("orders-api"), "the header names the service")
        #expect(harness.question == "data.shape", "the interview goes on where it was")
    }

    @Test func escSkipsTheNameAndANamedSessionIsNotAsked() {
        var harness = Harness()
        harness.reducer.askServiceNameIfMissing(&harness.state)
        harness.type("half")
        harness.send(.escape)
        #expect(harness.state.overlay == nil)
        #expect(harness.state.answers.serviceName == nil, "Esc keeps no half-typed name")
        var named = Harness(answers: AnswerSet(serviceName: "billing"))
        named.reducer.askServiceNameIfMissing(&named.state)
        #expect(named.state.overlay == nil)
    }

    @Test func sOnTheReviewRenamesTheServiceAndTheFooterAndHelpShowTheKey() {
        var harness = Harness(answers: AnswerSet(serviceName: "billing"), width: 80, height: 24)
        harness.send(.character("r"), .character("1"))
        #expect(harness.screen.line(23).contains("s name"), "\(harness.screen.line(23))")
        let help = harness.view.helpLines(.review, width: 76).map(\.text)
        #expect(help.contains { $0.hasPrefix("s ") && $0.contains("name or rename the service") }, "\(help)")
        harness.send(.character("s"))
        #expect(harness.screen.contains("billing"), "the field starts with the current name")
        harness.send(.control("u"))
        harness.type("payments")
        harness.send(.enter)
        #expect(harness.lastSaved?.serviceName == "payments")
        #expect(harness.state.mode == .review)
        // An empty name removes it (the file then has no `service:`).
        harness.send(.character("s"), .control("u"), .enter)
        #expect(harness.lastSaved?.serviceName == nil)
    }

    @Test func sInTheInterviewNamesTheServiceButTypesInATextField() {
        var harness = Harness()
        harness.send(.character("s"))
        #expect(harness.screen.contains("What is this service called?"))
        harness.type("a")
        harness.send(.enter)
        #expect(harness.lastSaved?.serviceName == "a")
        harness.send(.enter, .enter)  // data.shape, data.tx
        #expect(harness.question == "data.rps")
        harness.send(.character("s"))
        #expect(harness.state.overlay == nil, "s is typed into the number field, not a shortcut there")
    }
}

@Suite struct RiskFormTests {
    static let today = "2026-12-04"

    func harness(_ answers: AnswerSet = ReviewReducerTests.socketAnswers) -> Harness {
        Harness(answers: answers, width: 160, height: 40, reviewer: Reviewer(name: "Ada", today: { Self.today }))
    }

    @Test func scopeOwnerAndExpiryAreSavedWithTheReason() {
        var harness = harness()
        harness.send(.character("r"), .character("3"), .character("a"))
        #expect(harness.screen.contains("Scope"))
        #expect(harness.screen.contains("Expires"))
        harness.type("single instance only")
        harness.send(.tab)
        harness.type("services/chat/")
        harness.send(.tab)
        harness.type("team-realtime")
        harness.send(.tab)
        harness.type("2027-03-31")
        harness.send(.enter)
        let risk = harness.lastSaved?.acceptedRisks.first
        #expect(risk?.reason == "single instance only")
        #expect(risk?.scope == "services/chat/")
        #expect(risk?.owner == "team-realtime")
        #expect(risk?.expires == "2027-03-31")
        #expect(risk?.by == "Ada")
        #expect(harness.screen.contains("until 2027-03-31"))
    }

    @Test func anInvalidDateIsReaskedWithTheReasonAndNothingIsLost() {
        var harness = harness()
        harness.send(.character("r"), .character("3"), .character("a"))
        harness.type("ok for now")
        harness.send(.tab, .tab, .tab)
        harness.type("2027-02-30")
        harness.send(.enter)
        guard case .acceptRisk(_, let form)? = harness.state.overlay else {
            Issue.record("the form closed on an invalid date")
            return
        }
        #expect(form.focus == .expires)
        #expect(form.reason.text == "ok for now", "what was typed stays")
        #expect(harness.screen.contains("2027-02-30 is not a date"), "\(harness.screen.text)")
        #expect(harness.lastSaved?.acceptedRisks.isEmpty ?? true)
        harness.send(.control("u"))
        harness.type("31/03/2027")
        harness.send(.enter)
        #expect(harness.screen.contains("YYYY-MM-DD"))
        harness.send(.control("u"))
        harness.type("2026-01-01")
        harness.send(.enter)
        #expect(harness.screen.contains("already past"))
        harness.send(.control("u"))
        harness.type("2027-03-31")
        harness.send(.enter)
        #expect(harness.state.overlay == nil)
        #expect(harness.lastSaved?.acceptedRisks.first?.expires == "2027-03-31")
    }

    @Test func anExpiredAcceptanceShowsAsExpiredAndNoLongerHidesItsFinding() {
        var answers = ReviewReducerTests.socketAnswers
        answers.acceptedRisks = [
            AcceptedRisk(findingID: "f.no-adapter", reason: "pilot only", owner: "ops", expires: "2026-11-30")
        ]
        var harness = harness(answers)
        harness.send(.character("r"), .character("3"))
        #expect(harness.state.advice.review?.findings.first?.accepted == nil, "the finding is open again")
        #expect(harness.screen.contains("acceptance expired 2026-11-30"), "\(harness.screen.text)")
        #expect(harness.screen.contains("1 open finding"))
        #expect(harness.state.answers.acceptedRisks.count == 1, "the expired acceptance is kept in the file")
        // Renewing it: the form starts with what was accepted.
        harness.send(.character("a"))
        guard case .acceptRisk(_, let form)? = harness.state.overlay else {
            Issue.record("no form")
            return
        }
        #expect(form.reason.text == "pilot only" && form.owner.text == "ops" && form.expires.text == "2026-11-30")
    }

    @Test func aCurrentAcceptanceStillHidesItsFinding() {
        var answers = ReviewReducerTests.socketAnswers
        answers.acceptedRisks = [AcceptedRisk(findingID: "f.no-adapter", reason: "pilot", expires: "2026-12-04")]
        var harness = harness(answers)
        harness.send(.character("r"), .character("3"))
        #expect(harness.state.advice.review?.findings.first?.accepted != nil, "it holds through its last day")
        #expect(harness.screen.contains("0 open findings"))
    }
}

@Suite struct NoPreferenceTUITests {
    /// The fixture plus a decision that nothing scores: a 0-0 tie.
    static let kb = TUIFixtures.load(
        TUIFixtures.yaml.replacingOccurrences(
            of: "rules:\n",
            with: """
                  - id: queue
                    title: Job queue
                    problem: Where jobs wait.
                    order: 2
                    options:
                      - { id: alpha, name: Alpha queue, summary: First listed., sources: [s1] }
                      - { id: beta, name: Beta queue, summary: Second listed., sources: [s1] }
                rules:

                """))

    @Test func theLivePaneSaysNoPreferenceInsteadOfTheListOrderWinner() {
        let harness = Harness(kb: Self.kb)
        #expect(harness.state.advice.review?.decision("queue")?.hasNoPreference == true)
        let lines = harness.view.adviceLines(harness.state, width: 60).map(\.text)
        #expect(lines.contains { $0.hasPrefix("Job queue: no preference") }, "\(lines)")
        #expect(!lines.contains { $0.contains("Alpha queue") })
        #expect(lines.contains { $0.hasPrefix("Database: PostgreSQL") }, "a real choice is still named")
    }

    @Test func aPlanForATieIsNotToldTheFirstListedOptionIsRecommended() throws {
        var harness = Harness(kb: Self.kb, answers: AnswerSet(proposed: ["queue": ["beta"]]), width: 200, height: 40)
        let verdict = try #require(harness.state.advice.review?.proposals.first { $0.decisionID == "queue" })
        #expect(verdict.verdict == .agrees, "a tie lost only by list order agrees: \(verdict)")
        #expect(verdict.margin == 0)
        harness.send(.character("r"), .character("1"))
        let row = (0..<40).map(harness.screen.line).first { $0.contains("Job queue: your plan") } ?? ""
        #expect(row.contains("no preference"), "\(row)")
        #expect(!row.contains("recommended"), "\(row)")
    }

    @Test func theDecisionsTabAndDetailSayNoPreferenceAndPickByTeamFamiliarity() {
        var harness = Harness(kb: Self.kb, width: 200, height: 40)
        harness.send(.character("r"), .character("2"))
        let row = (0..<40).map(harness.screen.line).first { $0.contains("Job queue") } ?? ""
        #expect(row.contains("no preference"), "\(row)")
        #expect(row.contains("pick by team familiarity"), "\(row)")
        #expect(!row.contains("Alpha queue"), "\(row)")
        harness.send(.down, .enter)
        #expect(harness.screen.contains("No preference"))
        #expect(harness.screen.contains("team familiarity"))
    }
}

@Suite struct AdviceDiffChecklistTests {
    @Test func anAnswerFromTheReviewNamesTheChecklistItemsThatCameAndWent() throws {
        let kb = TUIFixtures.kb
        let engine = RecommendationEngine(knowledgeBase: kb)
        let without = engine.review(AnswerSet(answers: ["data.tx": Answer(value: .bool(false))]))
        let with = engine.review(AnswerSet(answers: ["data.tx": Answer(value: .bool(true))]))
        let added = AdviceDiff.changes(
            from: AdviceDiff.Snapshot(without), to: with, in: kb, includeChecklist: true
        ).map(\.text)
        #expect(added.contains("new checklist item: Test transactions."), "\(added)")
        let dropped = AdviceDiff.changes(
            from: AdviceDiff.Snapshot(with), to: without, in: kb, includeChecklist: true
        ).map(\.text)
        #expect(dropped.contains("checklist item dropped: Test transactions."), "\(dropped)")
        #expect(!dropped.contains { $0.contains("Back up the database.") }, "an item in both is not listed")
        let quiet = AdviceDiff.changes(from: AdviceDiff.Snapshot(with), to: without, in: kb).map(\.text)
        #expect(!quiet.contains { $0.contains("checklist") }, "the interview's Δ leaves the checklist out")
    }
}

@Suite struct DeferredOverviewTests {
    @Test func theReviewOpensAtOnceAndTheOverviewsPrioritiesFollowAtTheIdleTick() {
        var harness = Harness(answers: ReviewReducerTests.socketAnswers)
        harness.sendWithoutIdle(.character("r"))
        #expect(harness.state.mode == .review)
        #expect(harness.reducer.hasDeferredWork(harness.state))
        #expect(harness.screen.contains("Updating for your latest answers…"))
        #expect(!harness.screen.contains("Socket.IO has no Redis adapter"), "no priority of older answers is shown")
        harness.send(.idle)
        #expect(!harness.reducer.hasDeferredWork(harness.state))
        #expect(harness.screen.contains("Socket.IO has no Redis adapter"), "\(harness.screen.text)")
        #expect(!harness.screen.contains("Updating for your latest answers…"))
        // Other tabs never wait for it.
        harness.sendWithoutIdle(.character("2"))
        #expect(!harness.reducer.hasDeferredWork(harness.state))
    }
}

/// A terminal that replays inputs and keeps every screen drawn.
final class ReplayTerminal: TerminalDevice {
    var inputs: [TerminalInput]
    var screens: [Screen] = []
    let width = 120
    let height = 32

    init(_ inputs: [TerminalInput]) { self.inputs = inputs }

    func read() -> TerminalInput { inputs.isEmpty ? .closed : inputs.removeFirst() }
    func draw(_ screen: Screen) { screens.append(screen) }
}

@Suite struct EventLoopIdleTests {
    @Test func theLoopRunsTheDeferredWorkOnAnIdleTickAndRedraws() {
        let harness = Harness(answers: ReviewReducerTests.socketAnswers)
        let app = TUIApp(reducer: harness.reducer, view: harness.view) { _ in [] }
        let terminal = ReplayTerminal([.key(.character("r")), .idle, .idle, .key(.character("2")), .idle])
        let (_, exit) = app.run(harness.state, on: terminal)
        #expect(exit == .terminalClosed)
        // The interview, the review at once (updating), the review with its priorities, then the Decisions tab: an
        // idle tick with nothing deferred draws nothing.
        #expect(terminal.screens.count == 4, "\(terminal.screens.count) screens")
        #expect(terminal.screens[1].contains("Updating for your latest answers…"))
        #expect(terminal.screens[2].contains("Socket.IO has no Redis adapter"))
        #expect(terminal.screens[3].contains("Choice"))
    }
}
