import Foundation
import Testing

/// Ctrl-C and SIGHUP restore the terminal and exit 128 + the signal; NO_COLOR and --no-color draw no colour.
@Suite(.serialized, .timeLimit(.minutes(2)), .enabled(if: TmuxSession.tmuxPath != nil, "needs tmux"))
struct TUISignalsAndColorTests {
    let workspace: URL
    var sessionFile: String { workspace.appendingPathComponent("session.yaml").path }
    /// After the program: its exit status, then whether the terminal is back in cooked mode with echo.
    static let terminalCheck =
        "; status=$?; stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' ' '; (exit $status)"

    init() throws { workspace = try TUITestKnowledgeBase.workspace() }

    func command(_ arguments: String, suffix: String = "") -> String {
        "cd '\(workspace.path)' && XDG_STATE_HOME='\(workspace.path)/state' '\(BinaryRunner.binary.path)' "
            + "\(arguments) --base '\(workspace.path)/kb'\(suffix)"
    }

    @Test func ctrlCRestoresTheTerminalExits130AndKeepsTheAnswers() throws {
        let tmux = try TmuxSession(command("--session '\(sessionFile)'", suffix: Self.terminalCheck))
        try tmux.skipServiceName()
        try tmux.waitFor("What does the data look like?")
        try tmux.send("Down", "Enter")
        try tmux.waitFor("Do several records change together?")
        try tmux.send("Enter")
        try tmux.waitFor("Peak requests per second?")
        try tmux.send("12", literal: true)  // Ctrl-C in the middle of typing a number
        try tmux.send("C-c")
        let after = try tmux.waitFor("__EXIT__=130")
        #expect(after.contains("icanon echo"), "the terminal is back in cooked mode with echo")
        #expect(after.contains("Session saved: \(sessionFile) (2 answers)"))
        #expect(!after.contains("Peak requests per second?"), "the alternate screen is gone")
        let saved = try String(contentsOfFile: sessionFile, encoding: .utf8)
        #expect(saved.contains("data.shape: documents"))
    }

    @Test func sighupRestoresTheTerminalAndExits129() throws {
        let tmux = try TmuxSession(command("--session '\(sessionFile)'", suffix: Self.terminalCheck))
        try tmux.skipServiceName()
        try tmux.waitFor("What does the data look like?")
        try tmux.send("Down", "Enter")
        try tmux.waitFor("Do several records change together?")
        kill(try tmux.programPID(), SIGHUP)
        let after = try tmux.waitFor("__EXIT__=129")
        #expect(after.contains("icanon echo"))
        #expect(after.contains("Session saved: \(sessionFile) (1 answer)"))
        let saved = try String(contentsOfFile: sessionFile, encoding: .utf8)
        #expect(saved.contains("data.shape: documents"))
    }

    @Test(arguments: [("", ["NO_COLOR": "1"]), ("--no-color", [:])])
    func noColorDrawsWithoutAnyColourSequence(flag: String, environment: [String: String]) throws {
        let tmux = try TmuxSession(
            command("--session '\(sessionFile)' \(flag)"), width: 120, height: 32, environment: environment)
        try tmux.skipServiceName()
        try tmux.waitFor("What does the data look like?")
        try tmux.send("r")  // the review: tabs, status bar, findings
        try tmux.waitFor("Decisions")
        let captured = try tmux.screenWithEscapes()
        #expect(TmuxSession.colorParameters(in: captured).isEmpty, "colour SGR sequences: \(captured.debugDescription)")
        #expect(captured.contains("\u{1B}[7m") || captured.contains(";7m"), "monochrome still shows focus (reverse)")
    }

    @Test func withoutNoColorTheScreenHasColours() throws {
        // The control for the test above: the same screen with colours allowed does contain colour sequences.
        let tmux = try TmuxSession(command("--session '\(sessionFile)'"), width: 120, height: 32)
        try tmux.skipServiceName()
        try tmux.waitFor("What does the data look like?")
        try tmux.send("r")
        try tmux.waitFor("Decisions")
        #expect(!TmuxSession.colorParameters(in: try tmux.screenWithEscapes()).isEmpty)
    }
}
