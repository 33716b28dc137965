import KnowledgeModel
import Testing

@testable import TerminalUI

/// "Review an existing project": a scan pre-fills answers marked as detected; the user confirms or corrects each.
@Suite struct DetectedAnswersReducerTests {
    /// What a scan of an Express + Redis + Mongoose project would report for the fixture knowledge base.
    static let scan = ProjectScanResult(
        folder: "../orders-api",
        answers: AnswerSet(
            serviceName: "orders-api",
            answers: [
                "data.shape": Answer(
                    value: .choice("documents"), origin: "detected: mongoose in package.json (dependencies: ^8.0.0)"),
                "current.exists": Answer(value: .bool(true), origin: "detected: scanned an existing repository"),
                "current.stack": Answer(
                    value: .choices(["redis", "express"]),
                    origin: "detected (only what the scan can see): express: express in src/app.ts:3 (import)"),
            ]),
        summary: ["Framework            express", "Evidence (confidence, where):", "  express [high] src/app.ts:3"],
        warnings: ["warning: skipped unreadable folder 'secrets'"])

    @Test func aScanFillsTheUnansweredQuestionsMarkedAsDetectedAndShowsWhy() {
        var harness = Harness(answers: AnswerSet(answers: ["data.shape": Answer(value: .choice("relational"))]))
        harness.send(.projectScanned(Self.scan))
        #expect(harness.state.answers.value(of: "data.shape") == .choice("relational"), "the user's answer wins")
        #expect(harness.state.answers.answers["data.shape"]?.isDetected == false)
        #expect(harness.state.answers.detectedIDs == ["current.exists", "current.stack"])
        #expect(harness.state.answers.serviceName == "orders-api")
        #expect(harness.lastSaved?.answers["current.stack"]?.origin?.hasPrefix("detected") == true)
        #expect(harness.state.status?.text.contains("Detected 2 answers in ../orders-api") == true)
        #expect(harness.state.status?.text.contains("1 you had already answered kept") == true)
        // The window says what was found and why.
        #expect(harness.state.overlay == .detected(scroll: 0))
        let screen = harness.screen
        #expect(screen.contains("Detected in ../orders-api"))
        #expect(screen.contains("◆ What does it use? Redis, Express"))
        #expect(screen.contains("why: express: express in src/app.ts:3 (import) (only what the scan can see)"))
        #expect(!screen.contains("confirmed or corrected"), "the answer the user had given was not the scan's")
        #expect(screen.contains("What the scan of ../orders-api found:"))
        #expect(screen.contains("express [high] src/app.ts:3"))
        #expect(screen.contains("skipped unreadable folder"))
        // The interview continues at the first question still open or detected (data.tx is unanswered).
        #expect(harness.question == "data.tx")
    }

    @Test func theQuestionPaneMarksADetectedAnswerAndEnterConfirmsIt() {
        var harness = Harness()
        harness.send(.projectScanned(Self.scan))
        harness.send(.escape)  // close the window
        #expect(harness.question == "data.shape")
        let screen = harness.screen
        #expect(screen.contains("◆ Detected in the project: mongoose in"))
        #expect(screen.contains("(dependencies: ^8.0.0)"))
        #expect(screen.contains("Enter: confirm · other answer: correct · c: all"))
        #expect(screen.contains("(•) Documents ◆"))
        #expect(screen.contains("◆ 3 detected"))
        #expect(harness.state.interview.cursor == 1, "the detected option is focused")
        harness.send(.enter)
        #expect(harness.lastSaved?.value(of: "data.shape") == .choice("documents"))
        #expect(harness.lastSaved?.answers["data.shape"]?.origin == nil, "confirmed: the answer is the user's now")
        #expect(harness.state.answers.detectedIDs == ["current.exists", "current.stack"])
    }

    @Test func choosingAnotherAnswerCorrectsADetectedOne() {
        var harness = Harness()
        harness.send(.projectScanned(Self.scan))
        harness.send(.escape)
        harness.send(.up, .enter)
        #expect(harness.lastSaved?.value(of: "data.shape") == .choice("relational"))
        #expect(harness.lastSaved?.answers["data.shape"]?.isDetected == false)
        harness.send(.character("w"))  // keys work as usual afterwards
        harness.send(.escape)
        harness.send(.backTab)
        #expect(!harness.screen.contains("◆ Detected in the project"))
    }

    @Test func confirmAllKeepsEveryValueAndDropsTheMarks() {
        var harness = Harness()
        harness.send(.projectScanned(Self.scan))
        harness.send(.character("c"))
        #expect(harness.state.overlay == nil)
        #expect(harness.state.answers.detectedIDs.isEmpty)
        #expect(harness.lastSaved?.value(of: "current.stack") == .choices(["redis", "express"]))
        #expect(harness.lastSaved?.answers.values.allSatisfy { $0.origin == nil } == true)
        #expect(harness.state.status?.text.contains("Confirmed 3 detected answers") == true)
        #expect(!harness.screen.contains("detected answers to confirm"))
        harness.send(.character("c"))
        #expect(harness.state.status?.text == "No detected answers to confirm.")
        harness.send(.character("d"))
        #expect(harness.screen.contains("Every detected answer is confirmed or corrected."))
        #expect(harness.screen.contains("✓ 3 confirmed or corrected"))
    }

    @Test func enterInTheWindowGoesThroughTheDetectedAnswersOneByOne() {
        var harness = Harness()
        harness.send(.projectScanned(Self.scan))
        harness.send(.enter)
        #expect(harness.state.overlay == nil)
        #expect(harness.question == "data.shape")
        harness.send(.enter)  // confirm documents, on to data.tx (not detected)
        #expect(harness.question == "data.tx")
    }

    @Test func theWindowScrollsWhenTheReportIsLong() {
        var scan = Self.scan
        scan.summary = (1...60).map { "line \($0) of the report" }
        var harness = Harness(width: 100, height: 24)
        harness.send(.projectScanned(scan))
        #expect(!harness.screen.contains("line 60 of the report"))
        #expect(harness.screen.contains("more"))
        for _ in 0..<8 { harness.send(.pageDown) }
        #expect(harness.screen.contains("line 60 of the report"))
        harness.send(.character("g"))  // any other key closes
        #expect(harness.state.overlay == nil)
    }

    @Test func withoutAScanTheDetectedKeySaysHowToGetOne() {
        var harness = Harness()
        harness.send(.character("d"))
        #expect(harness.state.overlay == nil)
        #expect(harness.state.status?.text.contains("Review an existing project") == true)
    }

    @Test func startScreenReviewAnExistingProjectAsksForTheFolderAndScansIt() {
        var harness = Harness()
        harness.state = harness.reducer.initialState(TUIState(mode: .start, sessionPath: "/tmp/s.yaml"))
        #expect(harness.screen.contains("Review an existing project (scan its repository)"))
        harness.send(.down, .enter)
        #expect(harness.state.start.field == .reviewProject)
        #expect(harness.screen.contains("Project folder: ."))
        harness.send(.backspace)
        harness.type("../missing")
        harness.send(.enter)
        #expect(harness.effects.last == .scanProject(folder: "../missing"))
        harness.send(.scanFailed("error: '../missing' does not exist"))
        #expect(harness.state.mode == .start, "the folder can be corrected")
        #expect(harness.screen.contains("'../missing' does not exist"))
        harness.send(.projectScanned(Self.scan))
        #expect(harness.state.mode == .interview)
        #expect(harness.state.answers.detectedIDs.count == 3)
        #expect(harness.lastSaved?.serviceName == "orders-api")
    }
}

@Suite struct AnswerOriginTests {
    @Test func reAnsweringKeepsAnOriginTheUserWroteButDropsADetectedOne() {
        var harness = Harness(
            answers: AnswerSet(answers: ["data.shape": Answer(value: .choice("documents"), origin: "load test")]))
        harness.send(.enter)
        #expect(harness.lastSaved?.answers["data.shape"]?.origin == "load test")
    }
}
