import Foundation
import Testing

/// "Review an existing project": the TUI scans a repository, shows what it found and why, and the user confirms.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct ReviewProjectEndToEndTests {
    let workspace: URL
    var kb: String { workspace.appendingPathComponent("kb-scan").path }
    var sessionFile: String { workspace.appendingPathComponent("session.yaml").path }

    init() throws {
        workspace = try TUITestKnowledgeBase.workspace()
        let folder = workspace.appendingPathComponent("kb-scan")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try TUITestKnowledgeBase.scanYAML.write(
            to: folder.appendingPathComponent("kb.yaml"), atomically: true, encoding: .utf8)
        _ = try TUITestKnowledgeBase.project(in: workspace)
    }

    @Test(.enabled(if: TmuxSession.tmuxPath != nil, "needs tmux"))
    func startScreenScansTheProjectAndTheUserConfirmsTheDetectedAnswers() throws {
        let command =
            "cd '\(workspace.path)' && XDG_STATE_HOME='\(workspace.path)/state' '\(BinaryRunner.binary.path)' "
            + "--base '\(kb)'"
        let tmux = try TmuxSession(command, width: 120, height: 36)
        try tmux.waitFor("Review an existing project")
        try tmux.send("Down", "Enter")
        try tmux.waitFor("Project folder: .")
        try tmux.send("BSpace")
        try tmux.send("orders-api", literal: true)
        try tmux.send("Enter")
        let window = try tmux.waitFor("Detected in orders-api")
        #expect(window.contains("◆ Which libraries does it use? Express, Redis"))
        #expect(window.contains("◆ What does the data look like? Documents"))
        #expect(window.contains("why: mongoose in"), "the evidence of each answer")
        #expect(window.contains("What the scan of orders-api found:"))
        try tmux.send("Enter")  // go through them, from the first one
        let question = try tmux.waitFor("(•) Documents ◆")  // hidden by the window until it closes
        #expect(question.contains("What does the data look like?"))
        #expect(question.contains("◆ Detected in the project: mongoose in"))
        try tmux.send("Enter")  // confirm
        try tmux.waitFor("Do several records change together?")
        try tmux.send("c")  // confirm the rest
        try tmux.waitFor("Confirmed 1 detected answer")
        try tmux.send("q")
        try tmux.waitFor("Quit?")
        try tmux.send("y")
        try tmux.waitFor("__EXIT__=0")
        let sessions = workspace.appendingPathComponent("state/stackwise/sessions")
        let files = try FileManager.default.contentsOfDirectory(atPath: sessions.path)
        #expect(files.count == 1)
        let saved = try String(
            contentsOf: sessions.appendingPathComponent(try #require(files.first)), encoding: .utf8)
        #expect(saved.contains("data.shape: documents"))
        #expect(saved.contains("express") && saved.contains("redis"))
        #expect(!saved.contains("origin:"), "every detected answer was confirmed")
    }

    @Test func interviewFromInThePlainModeConfirmsWithEnter() throws {
        let result = try BinaryRunner.run(
            ["interview", "--plain", "--from", "orders-api", "--base", kb, "--session", sessionFile],
            stdin: "\nno\n100\nno\n", in: workspace)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Detected 2 current-stack answers in orders-api"))
        #expect(result.stdout.contains("Detected: Documents (mongoose in package.json"))
        let saved = try String(contentsOfFile: sessionFile, encoding: .utf8)
        #expect(saved.contains("data.shape: documents"))
        #expect(saved.contains("origin: \"detected"), "the libraries were not confirmed yet (input ended first)")
        #expect(!saved.contains("data.shape:\n    value"), "data.shape was confirmed with Enter: no origin")
    }

    @Test func interviewFromAMissingFolderSaysSoAndExits2() throws {
        let result = try BinaryRunner.run(
            ["interview", "--plain", "--from", "nowhere", "--base", kb, "--session", sessionFile], in: workspace)
        #expect(result.status == 2)
        #expect(result.stderr.contains("'nowhere' does not exist"))
    }
}
