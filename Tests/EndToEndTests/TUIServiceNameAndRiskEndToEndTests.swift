import Foundation
import Testing

/// In a real terminal at 80x24: a session without a service name asks for it and `s` renames it later (saved in
/// the session file); `a` on a finding takes a reason, a scope, an owner and an expiry date (an impossible date is
/// asked again with the reason); an expired acceptance shows as expired and its finding is open again.
@Suite(.serialized, .timeLimit(.minutes(2)), .enabled(if: TmuxSession.tmuxPath != nil, "needs tmux"))
struct TUIServiceNameAndRiskEndToEndTests {
    let workspace: URL
    var kb: String { workspace.appendingPathComponent("kb").path }
    var state: String { workspace.appendingPathComponent("state").path }
    var sessionFile: String { workspace.appendingPathComponent("session.yaml").path }

    init() throws { workspace = try TUITestKnowledgeBase.workspace() }

    func start() throws -> TmuxSession {
        let command =
            "cd '\(workspace.path)' && XDG_STATE_HOME='\(state)' '\(BinaryRunner.binary.path)' --session '\(sessionFile)' --base '\(kb)'"
        return try TmuxSession(command, width: 80, height: 24)
    }

    func quit(_ tmux: TmuxSession) throws -> String {
        try tmux.send("q")
        try tmux.waitFor("Quit?")
        try tmux.send("y")
        try tmux.waitFor("__EXIT__=0")
        return try String(contentsOfFile: sessionFile, encoding: .utf8)
    }

    @Test func theServiceNameIsAskedWhenMissingAndRenamedFromTheReview() throws {
        let tmux = try start()
        try tmux.waitFor("What is this service called?")
        try tmux.send("orders-api", literal: true)
        try tmux.send("Enter")
        let interview = try tmux.waitFor("stackwise · orders-api · interview")
        #expect(interview.contains("What does the data look like?") && !interview.contains("service called"))
        try tmux.send("r")
        let overview = try tmux.waitFor("Overview ·")
        #expect(overview.split(separator: "\n").last?.contains("s name") == true, "\(overview)")
        try tmux.send("s")
        try tmux.waitFor("What is this service called?")
        try tmux.send("C-u")
        try tmux.send("payments", literal: true)
        try tmux.send("Enter")
        let renamed = try tmux.waitFor("stackwise · payments")
        #expect(!renamed.contains("orders-api"))
        let saved = try quit(tmux)
        #expect(saved.contains("service: payments") || saved.contains("service: \"payments\""), "\(saved)")
    }

    @Test func acceptingAFindingTakesScopeOwnerAndAValidatedExpiry() throws {
        try """
        version: 1
        service: chat
        answers:
          current.exists: true
          current.stack: [socketio]
        """.write(toFile: sessionFile, atomically: true, encoding: .utf8)
        let tmux = try start()
        try tmux.waitFor("Live recommendations")
        try tmux.send("r")
        try tmux.waitFor("Overview ·")
        try tmux.send("3")
        try tmux.waitFor("Socket.IO has no Redis adapter")
        try tmux.send("a")
        try tmux.waitFor("Expires")
        try tmux.send("single instance until March", literal: true)
        try tmux.send("Tab")
        try tmux.send("services/chat/", literal: true)
        try tmux.send("Tab")
        try tmux.send("team-realtime", literal: true)
        try tmux.send("Tab")
        try tmux.send("2027-02-30", literal: true)
        try tmux.send("Enter")
        let refused = try tmux.waitFor("is not a date")
        #expect(refused.contains("single instance until March"), "the reason typed is still there")
        try tmux.send("C-u")
        try tmux.send("2027-03-31", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor("until 2027-03-31")
        let saved = try quit(tmux)
        #expect(saved.contains("reason: \"single instance until March\""), "\(saved)")
        #expect(saved.contains("scope: \"services/chat/\""), "\(saved)")
        #expect(saved.contains("owner: \"team-realtime\""), "\(saved)")
        #expect(saved.contains("expires: \"2027-03-31\""), "\(saved)")
    }

    @Test func anExpiredAcceptanceShowsAsExpiredAndItsFindingIsOpen() throws {
        try """
        version: 1
        service: chat
        answers:
          current.exists: true
          current.stack: [socketio]
        acceptedRisks:
          - finding: f.no-adapter
            reason: "pilot only"
            owner: "ops"
            expires: "2025-01-31"
        """.write(toFile: sessionFile, atomically: true, encoding: .utf8)
        let tmux = try start()
        try tmux.waitFor("Live recommendations")
        try tmux.send("r")
        try tmux.waitFor("Overview ·")
        try tmux.send("3")
        let findings = try tmux.waitFor("acceptance expired 2025-01-31")
        #expect(findings.contains("1 open finding"), "\(findings)")
        let saved = try quit(tmux)
        #expect(saved.contains("expires: \"2025-01-31\""), "the expired acceptance is kept in the file")
    }
}
