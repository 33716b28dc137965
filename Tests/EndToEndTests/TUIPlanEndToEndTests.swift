import Foundation
import Testing

/// "What do you plan to use?" in the real interface: `p` on a decision, pick an option, the verdict shows and the
/// plan is saved in the session file.
@Suite(.serialized, .timeLimit(.minutes(2)), .enabled(if: TmuxSession.tmuxPath != nil, "needs tmux"))
struct TUIPlanEndToEndTests {
    let workspace: URL
    var kb: String { workspace.appendingPathComponent("kb").path }
    var state: String { workspace.appendingPathComponent("state").path }
    var sessionFile: String { workspace.appendingPathComponent("session.yaml").path }

    init() throws { workspace = try TUITestKnowledgeBase.workspace() }

    @Test(arguments: [(80, 24), (200, 60)])
    func proposeAnOptionAndSeeTheVerdict(size: (Int, Int)) throws {
        let command =
            "cd '\(workspace.path)' && XDG_STATE_HOME='\(state)' '\(BinaryRunner.binary.path)' --session '\(sessionFile)' --base '\(kb)'"
        let tmux = try TmuxSession(command, width: size.0, height: size.1)
        try tmux.skipServiceName()
        try tmux.waitFor("What does the data look like?")
        try tmux.send("r")
        try tmux.waitFor("Overview")
        try tmux.send("2", "p")
        let plan = try tmux.waitFor("Your plan: Database")
        #expect(plan.contains("PostgreSQL (recommended)"))
        try tmux.send("Down", "Enter")
        try tmux.waitFor("Your plan MongoDB differs")
        try tmux.send("q")
        try tmux.waitFor("Quit?")
        try tmux.send("y")
        try tmux.waitFor("__EXIT__=0")
        let saved = try String(contentsOfFile: sessionFile, encoding: .utf8)
        #expect(saved.contains("proposed:\n  database: mongodb\n"))
    }
}
