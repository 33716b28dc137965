import Foundation
import Testing

/// Issue 14 in a real terminal (tmux): a failed save is never shown as saved, a session file is never rewritten
/// before the first change, "None of these" is an answer, and --resume finds the session that has answers.
@Suite(.serialized, .timeLimit(.minutes(2)), .enabled(if: TmuxSession.tmuxPath != nil, "needs tmux"))
struct TUISessionSafetyTests {
    let workspace: URL
    var kb: String { workspace.appendingPathComponent("kb").path }
    var state: String { workspace.appendingPathComponent("state").path }

    init() throws { workspace = try TUITestKnowledgeBase.workspace() }

    func command(_ arguments: String) -> String {
        "cd '\(workspace.path)' && XDG_STATE_HOME='\(state)' '\(BinaryRunner.binary.path)' \(arguments) --base '\(kb)'"
    }

    func path(_ name: String) -> String { workspace.appendingPathComponent(name).path }

    @Test func aFailedSaveIsShownUntilTheEndAndTheExitStatusIsNonZero() throws {
        try "not a folder".write(toFile: path("A_FILE"), atomically: true, encoding: .utf8)
        let target = path("A_FILE/x.yaml")
        let tmux = try TmuxSession(command("--session '\(target)'"), width: 120, height: 32)
        try tmux.skipServiceName()
        let first = try tmux.waitFor("What does the data look like?")
        #expect(first.split(separator: "\n").first?.contains("NOT SAVED") == true, "\(first)")
        try tmux.send("Enter")
        let answered = try tmux.waitFor("Do several records change together?")
        #expect(answered.split(separator: "\n").first?.contains("NOT SAVED") == true)
        #expect(!answered.contains("saved ✓"))
        #expect(answered.contains("could not save the session to"))
        try tmux.send("q")
        let dialog = try tmux.waitFor("Quit?")
        #expect(dialog.contains("Your answers are NOT saved"))
        #expect(!dialog.contains("Your answers are saved in"))
        try tmux.send("y")
        let exit = try tmux.waitFor("__EXIT__=3")
        #expect(exit.contains("error: could not save the session to \(target)"))
        #expect(!exit.contains("Session saved: \(target)"))
        #expect(exit.contains("Your 1 answer was saved to"), "a copy in the default session folder")
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func noneOfTheseIsAnExplicitEmptyAnswer() throws {
        let session = path("s.yaml")
        try "version: 1\nanswers:\n  data.shape: relational\n  data.tx: false\n  data.rps: 10\n  current.exists: yes\n"
            .write(toFile: session, atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(command("--session '\(session)'"), width: 120, height: 32)
        try tmux.skipServiceName()
        try tmux.waitFor("What does it use?")
        try tmux.send("End")
        let focused = try tmux.waitFor("› ( ) None of these")
        #expect(!focused.contains("[x]"), "nothing ticked")
        try tmux.send("Enter")
        try tmux.waitFor("Overview")
        try tmux.send("q")
        try tmux.waitFor("Quit?")
        try tmux.send("y")
        try tmux.waitFor("__EXIT__=0")
        let saved = try String(contentsOfFile: session, encoding: .utf8)
        #expect(saved.contains("current.stack: []"), "\(saved)")
    }

    @Test func aSessionFileIsUntouchedUntilTheFirstChangeThenKeepsWhatItDoesNotUnderstand() throws {
        let session = path("hand.yaml")
        let text = """
            # Payments service: answers agreed with the team (keep this comment)
            version: 1
            service: payments   # Jira name
            answers:
              data.tx: no   # we never need transactions
              old.question: 42   # from an older knowledge base
              data.rps: lots
            checklistDone: [an-item-from-elsewhere]
            owner: Ana

            """
        try text.write(toFile: session, atomically: true, encoding: .utf8)
        let opened = try TmuxSession(command("--session '\(session)'"), width: 120, height: 32)
        try opened.waitFor("not used")  // the notice about what this knowledge base cannot use
        try opened.send("Escape")
        try opened.waitFor("What does the data look like?")
        try opened.send("q")
        try opened.waitFor("Quit?")
        try opened.send("y")
        try opened.waitFor("__EXIT__=0")
        #expect(try String(contentsOfFile: session, encoding: .utf8) == text, "opened and closed: not one byte changed")

        let changed = try TmuxSession(command("--session '\(session)'"), width: 120, height: 32)
        try changed.waitFor("not used")
        try changed.send("Escape")
        try changed.waitFor("What does the data look like?")
        try changed.send("Down", "Enter")
        try changed.waitFor("Δ Database: PostgreSQL → MongoDB")
        try changed.send("q")
        try changed.waitFor("Quit?")
        try changed.send("y")
        try changed.waitFor("__EXIT__=0")
        let saved = try String(contentsOfFile: session, encoding: .utf8)
        for kept in [
            "# Payments service: answers agreed with the team (keep this comment)",
            "service: payments   # Jira name", "  data.tx: no   # we never need transactions",
            "  old.question: 42   # from an older knowledge base", "  data.rps: lots",
            "checklistDone: [an-item-from-elsewhere]", "owner: Ana",
        ] {
            #expect(saved.contains(kept + "\n"), "lost: \(kept)\n\(saved)")
        }
        #expect(saved.contains("  data.shape: documents\n"))
    }

    @Test func resumeOpensTheMostRecentSessionWithAnswersWhereverItWasSaved() throws {
        let elsewhere = path("elsewhere/payments.yaml")
        let first = try TmuxSession(command("--session '\(elsewhere)'"), width: 120, height: 32)
        try first.skipServiceName()
        try first.waitFor("What does the data look like?")
        try first.send("Down", "Enter")
        try first.waitFor("Do several records change together?")
        try first.send("q")
        try first.waitFor("Quit?")
        try first.send("y")
        try first.waitFor("__EXIT__=0")
        // A later session that was started and left without an answer must not become "the last session".
        let empty = try TmuxSession(command(""), width: 120, height: 32)
        try empty.waitFor("New review")
        try empty.send("q")
        try empty.waitFor("__EXIT__=0")
        let resumed = try TmuxSession(command("--resume"), width: 120, height: 32)
        try resumed.skipServiceName()
        let screen = try resumed.waitFor("Do several records change together?")
        #expect(screen.contains("interview 1/4"), "\(screen)")
        try resumed.send("q")
        try resumed.waitFor("Quit?")
        try resumed.send("y")
        let exit = try resumed.waitFor("__EXIT__=0")
        #expect(exit.contains("Session saved: \(elsewhere) (1 answer)"))
        let list = try BinaryRunner.run(["sessions", "--base", kb], environment: ["XDG_STATE_HOME": state])
        #expect(list.status == 0)
        #expect(list.stdout.contains(elsewhere))
        #expect(list.stdout.split(separator: "\n").count == 3, "header, one session, hint:\n\(list.stdout)")
    }
}
