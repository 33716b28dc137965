import Foundation
import Testing

/// The review in a real terminal at 80x24 and 200x60, on the shipped knowledge base and an example with findings:
/// every detail is reachable (a finding's fix, a checklist item's full text, the last line of a long HOW), a what-if
/// answer shows its Δ, the export preview scrolls to its end, and the live pane shows a whole Δ line at 200 columns.
/// Expected texts come from `stackwise review --format json` and `export --dry-run` of the same answers.
@Suite(.serialized, .timeLimit(.minutes(3)), .enabled(if: TmuxSession.tmuxPath != nil, "needs tmux"))
struct TUIReviewDetailEndToEndTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let example = root.appendingPathComponent("docs/examples/job-heavy-saas.yaml")

    let workspace: URL
    var sessionFile: String { workspace.appendingPathComponent("session.yaml").path }

    init() throws {
        workspace = try BinaryRunner.temporaryFolder()
        try FileManager.default.copyItem(atPath: Self.example.path, toPath: sessionFile)
    }

    func start(_ size: (Int, Int)) throws -> TmuxSession {
        let state = workspace.appendingPathComponent("state").path
        let command =
            "cd '\(workspace.path)' && XDG_STATE_HOME='\(state)' '\(BinaryRunner.binary.path)' --session '\(sessionFile)'"
        let tmux = try TmuxSession(command, width: size.0, height: size.1)
        try tmux.waitFor("Live recommendations")
        try tmux.send("r")
        try tmux.waitFor("Overview ·")
        return tmux
    }

    func reviewJSON() throws -> [String: Any] {
        let result = try BinaryRunner.run(["review", "--answers", Self.example.path, "--format", "json"])
        let data = Data(result.stdout.utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The text inside the box whose top edge starts with `┌─ title`, its lines joined and whitespace collapsed
    /// (wrapped text reads as one sentence again).
    static func boxText(_ screen: String, title: String) -> String? {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        let marker = Array("┌─ " + title)
        for (row, line) in lines.enumerated() {
            guard
                let start = (0..<max(0, line.count - marker.count + 1)).first(where: {
                    Array(line[$0..<$0 + marker.count]) == marker
                }), let end = line[start...].firstIndex(of: "┐")
            else { continue }
            var text: [String] = []
            for next in lines[(row + 1)...] {
                guard next.count > start, next[start] == "│" else { break }
                text.append(String(next[(start + 1)..<min(end, next.count)]))
            }
            return text.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        return nil
    }

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func aFindingsFixAndAChecklistItemsFullText(size: (Int, Int)) throws {
        let json = try reviewJSON()
        let findings = try #require(json["findings"] as? [[String: Any]])
        let checklist = try #require(json["checklist"] as? [[String: Any]])
        let tmux = try start(size)
        // The last row of the Findings tab, in its window: the title, then "Fix:" with the whole remediation.
        try tmux.send("3", "End", "Enter")
        let window = try tmux.waitFor("┌─ Finding ")
        let text = try #require(Self.boxText(window, title: "Finding"))
        let shown = findings.first { finding in
            let fix = "Fix: " + (finding["remediation"] as? String ?? "-")
            return text.contains(Self.collapsed(fix))
        }
        let finding = try #require(shown, "no finding's fix in: \(text)")
        #expect(text.contains(Self.collapsed(finding["title"] as? String ?? "-")))
        // The longest checklist item, found with / and shown whole in the detail pane.
        try tmux.send("Escape", "4", "/")
        // The longest item whose first 40 characters no other item contains: typing them finds only it.
        let texts = checklist.compactMap { $0["text"] as? String }.sorted { $0.count > $1.count }
        let longest = try #require(
            texts.first { text in
                let needle = text.prefix(40).lowercased()
                return texts.filter { $0.lowercased().contains(needle) }.count == 1
            })
        try tmux.send(String(longest.prefix(40)), literal: true)
        try tmux.send("Enter")
        try tmux.waitFor("┌─ Checklist · 1/1 ")
        let pane = try tmux.waitFor("┌─ Details")
        let details = try #require(Self.boxText(pane, title: "Details"))
        if size.1 >= 60 {
            #expect(details.contains(Self.collapsed(longest)), "\(details)")
        } else {
            // 80x24: the pane shows the start; the window (Enter) shows it all.
            try tmux.send("Enter")
            let all = try tmux.waitFor("┌─ Checklist item")
            #expect(Self.boxText(all, title: "Checklist item")?.contains(Self.collapsed(longest)) == true)
        }
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func theHowWindowScrollsToItsLastLine(size: (Int, Int)) throws {
        let tmux = try start(size)
        try tmux.send("2", "Enter")
        let first = try tmux.waitFor("End last line")
        if size.1 < 30 { #expect(first.contains("↓ "), "the window is longer than the screen: \(first)") }
        try tmux.send("End")
        // The position in the bottom edge becomes N/N (the last line is focused) and nothing is left below.
        let pattern = /(\d+)\/(\d+) ─┘/
        var last = ""
        for _ in 0..<100 {
            last = try tmux.screen()
            if let match = last.firstMatch(of: pattern), match.1 == match.2 { break }
            usleep(50_000)
        }
        let match = try #require(last.firstMatch(of: pattern), "\(last)")
        #expect(match.1 == match.2 && (Int(match.1) ?? 0) > 10, "\(last)")
        #expect(last.contains("Questions behind it"))
        #expect(!last.contains("/\(match.2) ↓"))
        #expect(last.contains("› "), "the last line is focused")
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func aWhatIfAnswerShowsItsDeltaAndTheLivePaneShowsItWhole(size: (Int, Int)) throws {
        let tmux = try start(size)
        try tmux.send("5")
        let table = try tmux.waitFor("┌─ What-if · 1/")
        let row = try #require(table.split(separator: "\n").first { $0.contains("› ") })
        let questionID = try #require(row.split(separator: "› ").last?.split(separator: " ").first)
        try tmux.send("Enter")
        try tmux.waitFor("Live recommendations")
        try tmux.send("Enter")
        let review = try tmux.waitFor("What your answer changed")
        let delta = try #require(Self.boxText(review, title: "What your answer changed"))
        #expect(delta.hasPrefix("Δ ") && delta.contains("→"), "\(delta)")
        let focused = try #require(review.split(separator: "\n").first { $0.contains("› ") })
        #expect(focused.contains("› \(questionID) ="), "the cursor stays on the row of the question answered")
        // The next key clears the Δ; the interview's live pane still shows what the answer changed.
        try tmux.send("i")
        let interview = try tmux.waitFor("Live recommendations")
        #expect(!interview.contains("What your answer changed"))
        if size.0 >= 200 {
            let firstDelta = try #require(delta.components(separatedBy: " Δ ").first)
            // Wrapped in the pane if longer than it, never cut.
            let live = try #require(Self.boxText(interview, title: "Live recommendations"))
            #expect(live.hasPrefix(firstDelta), "a whole Δ line: \(live)")
            #expect(!interview.split(separator: "\n").contains { $0.contains("Δ") && $0.contains("…") })
        }
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func theExportPreviewScrollsToItsEnd(size: (Int, Int)) throws {
        let dryRun = try BinaryRunner.run(["export", "--answers", Self.example.path, "--dry-run"], in: workspace)
        let files = dryRun.stdout.split(separator: "\n").filter { $0.hasPrefix("would be") }
        #expect(files.count >= 29)
        let tmux = try start(size)
        try tmux.send("6", "End", "Up", "Enter")
        try tmux.waitFor("Preview: \(files.count) entries")
        try tmux.send("End")
        let end = try tmux.waitFor("\(files.count + 7)/\(files.count + 7)")
        let lastName = try #require(files.last?.split(separator: "/").last)
        #expect(end.contains(String(lastName)), "\(end)")
        #expect(!end.contains("↓ "), "scrolled to the end")
    }
}
