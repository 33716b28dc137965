import Foundation
import Testing

/// `stackwise check` on git repositories created in the test, as a CI job runs it on a pull request.
@Suite struct CheckCommandTests {
    static let manifest = """
        {
          "name": "orders-api",
          "dependencies": {
            "express": "^5.1.0",
            "pg": "^8.11.0",
            "pino": "^9.0.0"
          }
        }

        """
    static let answers = """
        service: orders-api
        answers:
          service.stage: existing
          current.framework: express5
          current.stack: [pino]
        """
    static let databaseRecord = """
        ---
        status: accepted
        date: 2026-11-01
        stackwise-decision: database
        stackwise-option: postgresql
        ---

        # Primary database: PostgreSQL

        """

    /// A committed repository on branch main: Express 5 + pg + pino, an accepted PostgreSQL record.
    static func repository() throws -> URL {
        let folder = try BinaryRunner.temporaryFolder()
        try write(folder, "package.json", manifest)
        try write(folder, "answers.yaml", answers)
        try write(folder, "src/app.js", "const express = require('express')\nconst pino = require('pino')\n")
        try write(folder, "docs/decisions/0001-primary-database.md", databaseRecord)
        try git(folder, "init", "-q", "-b", "main")
        try git(folder, "add", "-A")
        try git(folder, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "initial")
        return folder
    }

    static func write(_ folder: URL, _ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    @discardableResult
    static func git(_ folder: URL, _ arguments: String...) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    static func sarifResults(_ text: String) throws -> [[String: Any]] {
        let log = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        return try #require(run["results"] as? [[String: Any]])
    }

    static func startLine(_ result: [String: Any]) -> Int? {
        let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        return (location?["region"] as? [String: Any])?["startLine"] as? Int
    }

    @Test func aPullRequestAddingAContradictingDependencyFailsOnItsPackageJSONLine() throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let changed = Self.manifest.replacingOccurrences(
            of: "\"pino\": \"^9.0.0\"", with: "\"pino\": \"^9.0.0\",\n    \"mongoose\": \"^8.5.0\"")
        try Self.write(folder, "package.json", changed)
        let result = try BinaryRunner.run(
            ["check", "--answers", "answers.yaml", "--base", "main", "--format", "sarif", "--fail-on", "high"],
            in: folder)
        #expect(result.status == 1, "\(result.stderr)")
        let results = try Self.sarifResults(result.stdout)
        let drift = try #require(results.first { $0["ruleId"] as? String == "stackwise/drift" })
        let uri =
            ((drift["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            .flatMap { $0["artifactLocation"] as? [String: Any] }?["uri"] as? String
        #expect(uri == "package.json")
        #expect(Self.startLine(drift) == 7)
        #expect((drift["message"] as? [String: Any])?["text"] as? String ?? "" != "")
        #expect(result.stderr.contains("stackwise/drift"))
    }

    @Test func anUnrelatedDependencyBumpPasses() throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.write(
            folder, "package.json",
            Self.manifest.replacingOccurrences(of: "\"pino\": \"^9.0.0\"", with: "\"pino\": \"^9.5.0\""))
        let result = try BinaryRunner.run(
            ["check", "--answers", "answers.yaml", "--base", "main", "--fail-on", "low"], in: folder)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Change: 0 added, 1 changed, 0 removed"))
        #expect(result.stdout.contains("0 drift, 0 stale, 0 unrecorded"))
    }

    @Test func aBaselineSuppressesOldFindingsAndNotNewOnes() throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Old debt: MySQL beside the recorded PostgreSQL.
        try Self.write(
            folder, "package.json",
            Self.manifest.replacingOccurrences(
                of: "\"pg\": \"^8.11.0\",", with: "\"pg\": \"^8.11.0\",\n    \"mysql2\": \"^3.9.0\","))
        let write = try BinaryRunner.run(
            ["check", "--answers", "answers.yaml", "--write-baseline", "stackwise-baseline.json", "--fail-on", "high"],
            in: folder)
        #expect(write.status == 0, "\(write.stderr)")
        let known = try BinaryRunner.run(
            ["check", "--answers", "answers.yaml", "--baseline", "stackwise-baseline.json", "--fail-on", "high"],
            in: folder)
        #expect(known.status == 0, "\(known.stdout)\(known.stderr)")
        #expect(known.stdout.contains("(baseline)"))
        // New debt: Mongoose as well.
        let text = try String(contentsOf: folder.appendingPathComponent("package.json"), encoding: .utf8)
        try Self.write(
            folder, "package.json",
            text.replacingOccurrences(
                of: "\"pino\": \"^9.0.0\"", with: "\"pino\": \"^9.0.0\",\n    \"mongoose\": \"^8.5.0\""))
        let new = try BinaryRunner.run(
            [
                "check", "--answers", "answers.yaml", "--baseline", "stackwise-baseline.json", "--fail-on", "high",
                "--format", "sarif",
            ], in: folder)
        #expect(new.status == 1, "\(new.stderr)")
        let states = try Self.sarifResults(new.stdout).filter { $0["ruleId"] as? String == "stackwise/drift" }
            .map { $0["baselineState"] as? String ?? "" }
        #expect(states.sorted() == ["new", "unchanged"])
    }

    @Test func anExpiredAcceptanceReappears() throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.write(
            folder, "package.json",
            Self.manifest.replacingOccurrences(
                of: "\"pino\": \"^9.0.0\"", with: "\"pino\": \"^9.0.0\",\n    \"mongoose\": \"^8.5.0\""))
        func accept(until date: String) throws {
            try Self.write(
                folder, "answers.yaml",
                Self.answers + """

                    acceptedRisks:
                      - finding: drift
                        reason: "reporting store, moving to PostgreSQL"
                        owner: data-team
                        scope: mongodb
                        expires: \(date)
                      - { finding: unrecorded, reason: "to be recorded", owner: data-team, expires: \(date) }

                    """)
        }
        try accept(until: "2099-12-31")
        let hidden = try BinaryRunner.run(["check", "--answers", "answers.yaml", "--fail-on", "low"], in: folder)
        #expect(hidden.status == 0, "\(hidden.stdout)\(hidden.stderr)")
        #expect(hidden.stdout.contains("accepted: reporting store"))
        try accept(until: "2020-01-31")
        let expired = try BinaryRunner.run(["check", "--answers", "answers.yaml", "--fail-on", "high"], in: folder)
        #expect(expired.status == 1)
        #expect(expired.stdout.contains("expired on 2020-01-31, owner data-team"))
        #expect(expired.stdout.contains("answers.yaml:7:5"))
    }

    @Test func badInputIsOneClearLineAndExit2() throws {
        let folder = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let unknown = try BinaryRunner.run(["check", "--base", "no-such-branch"], in: folder)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown git revision 'no-such-branch'"))
        let option = try BinaryRunner.run(["check", "--base=--output=x"], in: folder)
        #expect(option.status == 2)
        #expect(option.stderr.contains("'--output=x' is not a git revision"))

        let plain = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: plain) }
        try Self.write(plain, "package.json", Self.manifest)
        let notGit = try BinaryRunner.run(["check", plain.path, "--base", "main"], in: plain)
        #expect(notGit.status == 2)
        #expect(notGit.stderr.contains("is not inside one"))

        try Self.write(folder, "docs/decisions/0002-logging.md", "---\nstatus: accepted\nstackwise-decision: logging\n")
        let broken = try BinaryRunner.run(["check"], in: folder)
        #expect(broken.status == 2)
        #expect(
            broken.stderr.contains(
                "docs/decisions/0002-logging.md:1:1: error: front matter opened with '---' is never closed"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("docs/decisions/0002-logging.md"))

        try Self.write(
            folder, "old-baseline.json",
            #"{"stackwiseBaseline": 1, "stackwiseVersion": "0.0.1", "command": "check", "results": []}"#)
        let old = try BinaryRunner.run(["check", "--baseline", "old-baseline.json"], in: folder)
        #expect(old.status == 2)
        #expect(old.stderr.contains("written by Stackwise 0.0.1"))
    }
}
