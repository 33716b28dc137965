import Foundation
import Testing

/// `stackwise sessions`, `--resume` and the plain mode's saving, through pipes (issue 14).
@Suite struct SessionsCommandTests {
    let workspace: URL
    var kb: String { workspace.appendingPathComponent("kb").path }
    var state: String { workspace.appendingPathComponent("state").path }
    var sessions: URL { workspace.appendingPathComponent("state/stackwise/sessions") }

    init() throws { workspace = try TUITestKnowledgeBase.workspace() }

    func run(_ arguments: [String], stdin: String? = nil) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments + ["--base", kb], stdin: stdin, environment: ["XDG_STATE_HOME": state])
    }

    func ownSessions() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: sessions.path)) ?? []).filter { $0.hasSuffix(".yaml") }
    }

    @Test func endOfInputWithoutAnAnswerSavesNoSession() throws {
        let result = try run(["interview", "--plain"], stdin: "")
        #expect(result.status == 0)
        #expect(result.stdout.contains("No answers given; no session was saved."))
        #expect(ownSessions().isEmpty)
        let resume = try run(["interview", "--plain", "--resume"], stdin: "")
        expectCleanFailure(resume, status: 2, mentioning: "no session with answers to resume")
    }

    @Test func noneIsAnAnswerInPlainMode() throws {
        let session = workspace.appendingPathComponent("s.yaml").path
        try "version: 1\nanswers:\n  data.shape: relational\n  data.tx: no\n  data.rps: 5\n  current.exists: yes\n"
            .write(toFile: session, atomically: true, encoding: .utf8)
        let result = try run(["interview", "--plain", "--session", session], stdin: "none\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("separated by commas, or none"))
        #expect(try String(contentsOfFile: session, encoding: .utf8).contains("current.stack: []"))
        let again = try run(["interview", "--plain", "--session", session], stdin: "\n\n\n\n")
        #expect(again.stdout.contains("Current answer: none of these"), "\(again.stdout)")
        // The review tells "none" apart from unanswered (the shipped knowledge base: "Who calls the API?").
        let none = workspace.appendingPathComponent("none.yaml")
        try "version: 1\nanswers:\n  api.consumers: []\n".write(to: none, atomically: true, encoding: .utf8)
        let unanswered = workspace.appendingPathComponent("unanswered.yaml")
        try "version: 1\nanswers: {}\n".write(to: unanswered, atomically: true, encoding: .utf8)
        // Every assumption is listed under --detail full.
        let noneReview = try BinaryRunner.run(["review", "--answers", none.path, "--detail", "full"])
        let openReview = try BinaryRunner.run(["review", "--answers", unanswered.path, "--detail", "full"])
        #expect(openReview.stdout.contains("- api.consumers = [web_spa] (unanswered)"))
        #expect(!noneReview.stdout.contains("api.consumers = [web_spa]"), "\(noneReview.stdout)")
        #expect(noneReview.stdout.contains("api.consumers = []"))
    }

    @Test func listShowDeleteAndResumeWherever() throws {
        let elsewhere = workspace.appendingPathComponent("projects/pay.yaml").path
        let first = try run(["interview", "--plain", "--session", elsewhere], stdin: "1\n")
        #expect(first.status == 0, "\(first.stderr)")
        usleep(1_100_000)  // modification times a second apart
        let own = try run(["interview", "--plain"], stdin: "2\nyes\n")
        #expect(own.status == 0)
        usleep(1_100_000)
        _ = try run(["interview", "--plain"], stdin: "")  // no answers: no session

        let list = try run(["sessions"])
        #expect(list.status == 0)
        let rows = list.stdout.split(separator: "\n").dropFirst().dropLast()
        #expect(rows.count == 2, "\(list.stdout)")
        #expect(
            rows.first?.contains("      2  ") == true && rows.first?.contains(sessions.path) == true, "newest first")
        #expect(rows.last?.contains(elsewhere) == true)

        let shown = try run(["sessions", "show", "2"])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("Session: \(elsewhere)"))
        #expect(shown.stdout.contains("data.shape: relational"))
        expectCleanFailure(try run(["sessions", "show", "7"]), status: 2, mentioning: "there is no session 7")

        let resumed = try run(["interview", "--plain", "--resume"], stdin: "")
        #expect(resumed.stdout.contains("Session saved: \(sessions.path)"), "the most recent with answers")

        // Deleting the own session removes its file; one saved elsewhere is only forgotten.
        let deleted = try run(["sessions", "delete", "1"])
        #expect(deleted.status == 0)
        #expect(ownSessions().isEmpty)
        let forgotten = try run(["sessions", "delete", elsewhere])
        #expect(forgotten.stdout.contains("the file itself was left in place"))
        #expect(FileManager.default.fileExists(atPath: elsewhere))
        #expect(try run(["sessions"]).stdout.contains("No sessions yet."))
    }
}
