import Foundation
import Testing

/// The review layout with the real binary (issue 13): the shipped examples in the default text stay within 150
/// lines of 80 columns with the first priority near the top; `--detail`, `--color`, NO_COLOR, CLICOLOR_FORCE and
/// the pager behave as documented; exports carry the detail level and each record's "Revisit when".
@Suite(.timeLimit(.minutes(3)))
struct ReviewLayoutEndToEndTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let examples = [
        "express-slow-under-load", "jwt-login-api", "tiny-internal-tool", "high-traffic-public-api", "realtime-chat",
        "money-ledger", "job-heavy-saas",
    ]

    static func example(_ name: String) -> String { root.appendingPathComponent("docs/examples/\(name).yaml").path }

    @Test(arguments: examples) func defaultReviewFitsAndPrioritiesComeFirst(_ name: String) throws {
        let result = try BinaryRunner.run(["review", "--answers", Self.example(name)])
        #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count <= 151, "\(name): \(lines.count) lines")
        for line in lines { #expect(line.count <= 80, "\(line)") }
        let first = try #require(lines.firstIndex { $0.hasPrefix("  1. [") })
        #expect(first < 30)
        #expect(!result.stdout.contains("\u{1B}"), "no colour and no pager when not a terminal")

        let full = try BinaryRunner.run(["review", "--answers", Self.example(name), "--detail", "full"])
        #expect(full.stdout.split(separator: "\n").count > lines.count)
        let json = try BinaryRunner.run(["review", "--answers", Self.example(name), "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let priorities = try #require(document["priorities"] as? [[String: Any]])
        #expect((3...7).contains(priorities.count))
        let checklist = try #require(document["checklist"] as? [[String: Any]])
        for item in checklist { #expect(full.stdout.contains("(\(item["id"] as? String ?? "?"),")) }
    }

    @Test func colourFollowsTheFlagThenNoColorThenCliColorForce() throws {
        let answers = Self.example("jwt-login-api")
        func coloured(_ arguments: [String], _ environment: [String: String]) throws -> Bool {
            var env = environment
            for key in ["NO_COLOR", "CLICOLOR_FORCE"] where env[key] == nil { env[key] = "" }
            return try BinaryRunner.run(["review", "--answers", answers] + arguments, environment: env).stdout
                .contains("\u{1B}[")
        }
        #expect(try !coloured([], [:]))
        #expect(try coloured(["--color", "always"], [:]))
        #expect(try coloured(["--color", "always"], ["NO_COLOR": "1"]), "the command line wins")
        #expect(try coloured([], ["CLICOLOR_FORCE": "1"]))
        #expect(try !coloured([], ["CLICOLOR_FORCE": "1", "NO_COLOR": "1"]), "NO_COLOR wins over CLICOLOR_FORCE")
        #expect(try !coloured(["--color", "never"], ["CLICOLOR_FORCE": "1"]))
        let bad = try BinaryRunner.run(["review", "--answers", answers, "--detail", "everything"])
        // An invalid option value is a usage error (swift-argument-parser's exit code 64), with the valid values.
        expectCleanFailure(bad, status: 64, mentioning: "'brief', 'standard' or 'full'")
    }

    @Test func exportWritesTheDetailLevelAndRevisitWhen() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("records").path
        let result = try BinaryRunner.run([
            "export", "--answers", Self.example("jwt-login-api"), "--out", out, "--date", "2026-12-04",
            "--detail", "full",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let review = try String(contentsOfFile: out + "/design-review.md", encoding: .utf8)
        #expect(review.contains("## Priorities"))
        #expect(review.contains("## How each decision was made"))
        #expect(!review.contains("<details>"), "full detail unfolds everything")
        let names = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix("0") }
        #expect(!names.isEmpty)
        var flips = 0
        for name in names {
            let record = try String(contentsOfFile: out + "/" + name, encoding: .utf8)
            #expect(record.contains("\n### Consequences\n"))
            #expect(record.contains("\n### Revisit when\n"), "\(name)")
            if record.contains(": the choice becomes ") { flips += 1 }
        }
        #expect(flips > 0, "some record names an answer that would change its decision")
    }

    @Test(.enabled(if: TmuxSession.tmuxPath != nil, "needs tmux"))
    func onATerminalLongOutputGoesThroughThePager() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paged = folder.appendingPathComponent("paged.txt").path
        let binary = BinaryRunner.binary.path
        let answers = Self.example("jwt-login-api")
        let tmux = try TmuxSession(
            "PAGER='cat > \(paged)' '\(binary)' review --answers '\(answers)' --color never", width: 100, height: 30)
        try tmux.waitFor("__EXIT__=0")
        let text = try String(contentsOfFile: paged, encoding: .utf8)
        #expect(text.hasPrefix("Stackwise review: accounts-api\n"))
        #expect(text.contains("PRIORITIES"))

        let direct = try TmuxSession(
            "PAGER='cat > \(paged).2' '\(binary)' review --answers '\(answers)' --no-pager", width: 100,
            height: 30)
        try direct.waitFor("__EXIT__=0")
        #expect(!FileManager.default.fileExists(atPath: paged + ".2"), "--no-pager never starts the pager")
    }
}
