import Foundation
import Testing

/// The real binary in a real terminal (tmux): keys in, screens out.
@Suite(.serialized, .timeLimit(.minutes(2)), .enabled(if: TmuxSession.tmuxPath != nil, "needs tmux"))
struct TUIEndToEndTests {
    let workspace: URL
    var kb: String { workspace.appendingPathComponent("kb").path }
    var state: String { workspace.appendingPathComponent("state").path }
    var sessionFile: String { workspace.appendingPathComponent("session.yaml").path }

    init() throws { workspace = try TUITestKnowledgeBase.workspace() }

    /// `stackwise <arguments>` with the test knowledge base and a private state folder.
    func command(_ arguments: String, suffix: String = "") -> String {
        "cd '\(workspace.path)' && XDG_STATE_HOME='\(state)' '\(BinaryRunner.binary.path)' \(arguments) --base '\(kb)'\(suffix)"
    }

    @Test func finishAnInterviewWithKeysOnly() throws {
        let tmux = try TmuxSession(command("--session '\(sessionFile)'"), width: 200, height: 40)
        try tmux.skipServiceName()
        try tmux.waitFor("What does the data look like?")
        try tmux.send("Down", "Enter")
        try tmux.waitFor("Do several records change together?")
        try tmux.send("Enter")
        try tmux.waitFor("Peak requests per second?")
        try tmux.send("1200", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor("Is the service running today?")
        try tmux.send("Enter")
        try tmux.waitFor("What does it use?")
        try tmux.send("Space", "Enter")
        try tmux.waitFor("Overview")
        try tmux.send("2")
        let review = try tmux.waitFor("Choice")
        #expect(review.contains("MongoDB"))
        try tmux.send("6", "End", "Up", "Enter")  // Preview (under the form's fields)
        let preview = try tmux.waitFor("Preview:")
        #expect(preview.contains("created    docs/decisions/0001-"))
        try tmux.send("Down", "Enter")
        try tmux.waitFor("Written:")
        let records = try FileManager.default.contentsOfDirectory(
            atPath: workspace.appendingPathComponent("docs/decisions").path)
        #expect(records.contains("index.md") && records.contains("design-review.md"))
        #expect(records.contains { $0.hasPrefix("0001-") })
        try tmux.send("q")
        try tmux.waitFor("Quit?")
        try tmux.send("y")
        let exit = try tmux.waitFor("__EXIT__=0")
        #expect(exit.contains("Session saved: \(sessionFile)"))
        #expect(exit.contains("stackwise review --answers \(sessionFile)"))
        let saved = try String(contentsOfFile: sessionFile, encoding: .utf8)
        #expect(saved.contains("data.shape: documents"))
        #expect(saved.contains("data.rps: 1200"))
        #expect(saved.contains("socketio"))
    }

    @Test func goBackChangeAnAnswerAndSeeTheLivePaneChange() throws {
        let tmux = try TmuxSession(command("--session '\(sessionFile)'"), width: 120, height: 32)
        try tmux.skipServiceName()
        try tmux.waitFor("What does the data look like?")
        try tmux.send("Enter")
        try tmux.waitFor("Do several records change together?")
        #expect(try tmux.screen().contains("Database: PostgreSQL"))
        try tmux.send("Left")
        try tmux.waitFor("What does the data look like?")
        try tmux.send("Down", "Enter")
        let screen = try tmux.waitFor("Δ Database: PostgreSQL → MongoDB")
        #expect(screen.contains("Database: MongoDB"))
    }

    @Test func filterALongList() throws {
        try "version: 1\nanswers:\n  current.exists: yes\n".write(
            toFile: sessionFile, atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(command("--session '\(sessionFile)'"))
        try tmux.skipServiceName()
        try tmux.waitFor("What does the data look like?")
        try tmux.send("Tab", "Enter")
        try tmux.waitFor("What does it use?")
        try tmux.send("/")
        try tmux.send("fram", literal: true)
        let screen = try tmux.waitFor("Filter: fram")
        #expect(screen.contains("Express") && screen.contains("Fastify"))
        #expect(!screen.contains("Socket.IO"))
    }

    @Test func resizeMidQuestionAndKeepGoing() throws {
        let tmux = try TmuxSession(command("--session '\(sessionFile)'"), width: 120, height: 32)
        try tmux.skipServiceName()
        try tmux.waitFor("What does the data look like?")
        try tmux.send("Down")
        try tmux.resize(width: 50, height: 15)
        try tmux.waitFor("Terminal too small")
        try tmux.resize(width: 70, height: 20)
        let screen = try tmux.waitFor("What does the data look like?")
        #expect(screen.contains("› ( ) Documents"), "the focused row survived the resize")
        try tmux.send("Enter")
        try tmux.waitFor("Do several records change together?")
    }

    @Test func sigtermRestoresTheTerminalAndResumeBringsBackTheAnswers() throws {
        let check = "; status=$?; stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' ' '; (exit $status)"
        let tmux = try TmuxSession(command("", suffix: check))
        try tmux.waitFor("New review")
        try tmux.send("Enter")
        try tmux.send("Zahlungsdienst", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor("What does the data look like?")
        try tmux.send("Down", "Enter")
        try tmux.waitFor("Do several records change together?")
        try tmux.send("Enter")
        try tmux.waitFor("Peak requests per second?")
        let shell = try tmux.panePID()
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        let pid = try #require(children.split(separator: " ").compactMap { Int32($0) }.first)
        kill(pid, SIGTERM)
        let after = try tmux.waitFor("__EXIT__=143")
        #expect(after.contains("Session saved:"))
        #expect(after.contains("icanon echo"), "the terminal is back in cooked mode with echo")

        let resumed = try TmuxSession(command("--resume"))
        let screen = try resumed.waitFor("Peak requests per second?")
        #expect(screen.contains("Zahlungsdienst"))
        #expect(screen.contains("interview 2/4"))
    }

    @Test(arguments: [(60, 18), (200, 60)])
    func runsAtTheSmallestAndALargeSize(size: (Int, Int)) throws {
        let tmux = try TmuxSession(command("--session '\(sessionFile)'"), width: size.0, height: size.1)
        try tmux.skipServiceName()
        let screen = try tmux.waitFor("What does the data look like?")
        #expect(!screen.contains("too small"))
        #expect(screen.contains("Live recommendations"))
        if size.0 >= 200 { #expect(screen.contains("Sections")) }
    }

    @Test func nonASCIIServiceNameRendersAligned() throws {
        let tmux = try TmuxSession(command(""), width: 100, height: 30)
        try tmux.waitFor("New review")
        try tmux.send("Enter")
        try tmux.send("Zahlungsdienst 支付服务 ✓", literal: true)
        try tmux.send("Enter")
        let screen = try tmux.waitFor("What does the data look like?")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].contains("Zahlungsdienst 支付服务"))
        #expect(lines[0].hasSuffix("saved ✓"), "the right edge of the header is where it belongs")
        #expect(lines[1].hasPrefix("┌") && lines[1].hasSuffix("┐"))
    }
}

/// The plain line mode and the non-terminal case, through pipes.
@Suite struct PlainModeEndToEndTests {
    @Test func plainModeThroughAPipeWithInvalidNumbersAndEOF() throws {
        let workspace = try TUITestKnowledgeBase.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let session = workspace.appendingPathComponent("s.yaml").path
        let kb = workspace.appendingPathComponent("kb").path
        let result = try BinaryRunner.run(
            ["interview", "--plain", "--base", kb, "--session", session],
            stdin: "2\nyes\nlots\n-4\n200000\nn\n100\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("[1/4] Data: What does the data look like?"))
        #expect(result.stdout.contains("  2) Documents: Self-contained records."))
        #expect(result.stdout.contains("Invalid: expected a number in req/s, found 'lots'. Try again."))
        #expect(result.stdout.contains("Invalid: -4 is negative"))
        // Possible but unusual: asked, and "n" asks the question again.
        #expect(
            result.stdout.contains(
                "200000 req/s is unusually high (the usual range is 0 to 100000 req/s). Keep it? (y/n): Not kept.\n"))
        #expect(result.stdout.contains("Changed: Database: PostgreSQL → MongoDB"))
        #expect(result.stdout.contains("End of input: your answers are saved."))
        #expect(result.stdout.contains("Reproduce it: stackwise review --answers \(session)"))
        #expect(!result.stdout.contains("\u{1B}"), "no escape sequences in plain mode")
        let saved = try String(contentsOfFile: session, encoding: .utf8)
        #expect(saved.contains("data.rps: 100"))
        #expect(saved.contains("data.shape: documents"))
    }

    @Test func plainModeKeepsAnUnusualNumberOnceConfirmed() throws {
        let workspace = try TUITestKnowledgeBase.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let session = workspace.appendingPathComponent("s.yaml").path
        let kb = workspace.appendingPathComponent("kb").path
        let result = try BinaryRunner.run(
            ["interview", "--plain", "--base", kb, "--session", session], stdin: "2\nyes\n300000\nyes\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains("300000 req/s is unusually high (the usual range is 0 to 100000 req/s). Keep it?"))
        #expect(!result.stdout.contains("Not kept."))
        let saved = try String(contentsOfFile: session, encoding: .utf8)
        #expect(saved.contains("data.rps: 300000"))
        // The saved session reads back without an error (a warning says the number is unusual).
        let review = try BinaryRunner.run(["review", "--base", kb, "--answers", session])
        #expect(review.status == 0, "\(review.stderr)")
        #expect(review.stderr.contains("warning: answer for 'data.rps': 300000 req/s is unusually high"))
    }

    @Test func termDumbSelectsThePlainMode() throws {
        let workspace = try TUITestKnowledgeBase.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let result = try BinaryRunner.run(
            [
                "--base", workspace.appendingPathComponent("kb").path, "--session",
                workspace.appendingPathComponent("s.yaml").path,
            ], stdin: "back\nwhy\n",
            environment: ["TERM": "dumb"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("This is the first question."))
        #expect(result.stdout.contains("Why: Related records favour a relational database."))
    }

    @Test func withoutATerminalItSaysWhatToUseAndExits2() throws {
        let result = try BinaryRunner.run([], environment: ["TERM": "xterm"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("stackwise review --answers FILE"))
        #expect(result.stdout.isEmpty)
    }
}
