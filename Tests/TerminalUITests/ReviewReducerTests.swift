import KnowledgeModel
import Testing

@testable import TerminalUI

@Suite struct ReviewReducerTests {
    static let socketAnswers = AnswerSet(answers: [
        "current.exists": Answer(value: .bool(true)), "current.stack": Answer(value: .choices(["socketio"])),
    ])

    @Test func checklistTicksAreSaved() {
        var harness = Harness()
        harness.send(.character("r"), .character("4"))
        #expect(harness.state.review.tab == .checklist)
        harness.send(.character(" "))
        #expect(harness.lastSaved?.checklistDone == ["c.backups"])
        #expect(harness.screen.contains("[x] high · Back up the database."))
        harness.send(.character(" "))
        #expect(harness.lastSaved?.checklistDone == [])
    }

    @Test func acceptingARiskNeedsAReasonAndIsSaved() {
        var harness = Harness(answers: Self.socketAnswers)
        harness.send(.character("r"), .character("3"))
        #expect(harness.screen.contains("Socket.IO has no Redis adapter"))
        harness.send(.character("a"))
        harness.send(.enter)
        #expect(harness.state.status?.text.contains("reason is required") == true)
        harness.type("single instance only")
        harness.send(.enter)
        #expect(harness.lastSaved?.acceptedRisks.first?.reason == "single instance only")
        #expect(harness.state.advice.review?.findings.first?.accepted != nil)
        #expect(harness.screen.contains("Accepted as a risk: single instance only"))
    }

    @Test func aWhatIfAnswerShowsItsDeltaUntilTheNextKeyAndKeepsTheRow() throws {
        var harness = Harness()
        harness.send(.character("r"), .character("5"))
        let rows = try #require(harness.state.advice.whatIf?.rows)
        let index = try #require(
            rows.firstIndex { $0.questionID == "data.shape" && $0.alternative == .choice("documents") })
        for _ in 0..<index { harness.send(.down) }
        harness.send(.enter)
        #expect(harness.state.mode == .interview)
        #expect(harness.question == "data.shape")
        #expect(harness.state.interview.cursor == 1, "the question opens on the what-if option, not the current answer")
        harness.send(.enter)
        #expect(harness.state.mode == .review)
        #expect(harness.state.review.delta?.first?.text == "Database: PostgreSQL → MongoDB")
        #expect(harness.screen.contains("Δ Database: PostgreSQL → MongoDB"))
        let focused = try #require(harness.state.advice.whatIf?.rows.element(at: harness.state.review.cursor))
        #expect(focused.questionID == "data.shape", "the cursor stays on the row of the question answered")
        harness.send(.down)
        #expect(harness.state.review.delta == nil)
        #expect(!harness.screen.contains("What your answer changed"))
    }

    @Test func decisionDetailExplainsAndJumpsToTheQuestionBehindIt() {
        var harness = Harness()
        harness.send(.character("r"), .character("2"), .enter)
        let screen = harness.screen
        #expect(screen.contains("Chosen: PostgreSQL"))
        #expect(screen.contains("+ Joins"))
        #expect(screen.contains("Relational data."))
        #expect(screen.contains("What does the data look like?"))
        harness.send(.end, .enter)  // the last line: the question behind it
        #expect(harness.state.mode == .interview)
        #expect(harness.question == "data.shape")
    }

    @Test func exportNeedsAPreviewBeforeWriting() {
        var harness = Harness()
        harness.send(.character("r"), .character("6"), .end, .enter)
        #expect(harness.state.status?.text.contains("Preview first") == true)
        harness.send(.up, .enter)
        #expect(
            harness.effects.last
                == .previewExport(ExportSettings(folder: "docs/decisions"), answers: harness.state.answers))
        harness.send(.exportPreviewed(["create docs/decisions/0001-database.md"]))
        #expect(harness.screen.contains("create docs/decisions/0001-database.md"))
        harness.send(.down, .enter)
        #expect(
            harness.effects.last
                == .writeExport(ExportSettings(folder: "docs/decisions"), answers: harness.state.answers))
    }

    @Test func startScreenNewReviewAsksForTheServiceName() {
        var harness = Harness()
        harness.state = harness.reducer.initialState(
            TUIState(mode: .start, sessionPath: "/tmp/s.yaml", lastSession: "/tmp/old.yaml (3 answers)"))
        #expect(harness.screen.contains("Resume the last session"))
        harness.send(.enter)
        harness.type("Zahlungsdienst 支付")
        harness.send(.enter)
        #expect(harness.state.mode == .interview)
        #expect(harness.lastSaved?.serviceName == "Zahlungsdienst 支付")
        #expect(harness.screen.line(0).contains("Zahlungsdienst 支付"))
    }

    @Test func loadedSessionWithDroppedAnswersShowsANotice() {
        var harness = Harness()
        harness.send(
            .loaded(
                Self.socketAnswers, notices: ["dropped 'old.question' (no longer in the knowledge base)"],
                sessionPath: "/tmp/s.yaml"))
        #expect(harness.screen.contains("Some answers are not used"))
        #expect(harness.screen.contains("old.question"))
        #expect(harness.state.answers == Self.socketAnswers)
    }
}

@Suite struct ReviewFormTests {
    @Test func anAcceptedRiskRecordsWhoAndWhen() {
        var harness = Harness(
            answers: ReviewReducerTests.socketAnswers, reviewer: Reviewer(name: "Ada Lovelace", today: { "2026-11-27" })
        )
        harness.send(.character("r"), .character("3"), .character("a"))
        harness.type("single instance only")
        harness.send(.enter)
        let risk = harness.lastSaved?.acceptedRisks.first
        #expect(risk?.by == "Ada Lovelace")
        #expect(risk?.date == "2026-11-27")
    }

    @Test func withoutANameTheRiskIsStillAccepted() {
        var harness = Harness(answers: ReviewReducerTests.socketAnswers)
        harness.send(.character("r"), .character("3"), .character("a"))
        harness.type("ok")
        harness.send(.enter)
        #expect(harness.lastSaved?.acceptedRisks.first?.reason == "ok")
        #expect(harness.lastSaved?.acceptedRisks.first?.by == nil)
    }

    @Test func theExportFormTakesTheFrontMatterFieldsLikeStackwiseExport() {
        var harness = Harness()
        harness.send(.character("r"), .character("6"))
        let screen = harness.screen
        for label in ["Folder:", "Status:", "Decision-makers:", "Consulted:", "Informed:"] {
            #expect(screen.contains(label))
        }
        harness.send(.down, .enter, .control("u"))  // Status
        harness.type("accepted")
        harness.send(.tab)  // on to Decision-makers
        #expect(harness.state.review.export.editing == .decisionMakers)
        harness.type("Ada, Grace ,")
        harness.send(.tab)
        harness.type("Platform team")
        harness.send(.tab)
        harness.type("Support")
        harness.send(.enter)
        #expect(harness.state.review.export.editing == nil)
        harness.send(.end, .up, .enter)  // Preview
        #expect(
            harness.effects.last
                == .previewExport(
                    ExportSettings(
                        folder: "docs/decisions", status: "accepted", decisionMakers: ["Ada", "Grace"],
                        consulted: ["Platform team"], informed: ["Support"]), answers: harness.state.answers))
    }

    @Test func anEmptyStatusIsRefusedBeforeExporting() {
        var harness = Harness()
        harness.send(.character("r"), .character("6"), .down, .enter, .control("u"), .enter)
        harness.send(.end, .up, .enter)
        #expect(harness.state.status?.text.contains("status") == true)
        #expect(!harness.effects.contains { if case .previewExport = $0 { true } else { false } })
    }

    @Test func editingAFieldAfterAPreviewAsksForANewPreview() {
        var harness = Harness()
        harness.send(.character("r"), .character("6"))
        harness.send(.exportPreviewed(["created    docs/decisions/0001-database.md"]))
        harness.send(.enter, .end)
        harness.type("-v2")
        harness.send(.enter)
        #expect(harness.state.review.export.preview == nil)
        #expect(harness.state.review.export.settings.folder == "docs/decisions-v2")
    }

    @Test func theWhyWindowListsFollowUpsByPrompt() {
        var harness = Harness()
        harness.send(.tab)
        #expect(harness.question == "current.exists")
        harness.send(.character("w"))
        let screen = harness.screen
        #expect(screen.contains("Follow-ups it opens:"))
        #expect(screen.contains("• What does it use?"))
        #expect(!screen.contains("current.stack"))
    }
}
