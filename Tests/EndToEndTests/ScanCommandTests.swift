import Foundation
import Testing

/// `stackwise scan` run as a user runs it.
@Suite struct ScanCommandTests {
    static func project() throws -> URL {
        let folder = try BinaryRunner.temporaryFolder()
        let files = [
            "package.json":
                #"{ "name": "orders-api", "dependencies": { "express": "^4.19.0", "pg": "^8.11.0", "helmet": "^7.0.0" }, "devDependencies": { "jest": "^29.0.0" } }"#,
            "src/app.js":
                "const express = require('express')\nconst { Pool } = require('pg')\nconst helmet = require('helmet')\n",
            "Dockerfile": "FROM node:20-slim\nUSER node\nCMD [\"node\", \"src/app.js\"]\n",
        ]
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func textSummaryShowsTheStackAndWhy() throws {
        let folder = try Self.project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try BinaryRunner.run(["scan", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Current stack of orders-api"))
        #expect(result.stdout.contains("express 4"))
        #expect(result.stdout.contains("postgresql"))
        #expect(result.stdout.contains("Node.js 20"))
        #expect(result.stdout.contains("src/app.js:1 (imported)"))
    }

    @Test func jsonHasEveryFixedCategoryAndEvidence() throws {
        let folder = try Self.project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try BinaryRunner.run(["scan", folder.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let categories = [
            "framework", "language", "apiStyle", "databases", "dataAccess", "cache", "jobs", "messaging", "realtime",
            "auth", "validation", "logging", "observability", "testing", "docs", "securityMiddleware", "deployment",
        ]
        for category in categories { #expect(object[category] is [String], "\(category)") }
        #expect(object["framework"] as? [String] == ["express"])
        #expect(object["databases"] as? [String] == ["postgresql"])
        #expect(object["dataAccess"] as? [String] == ["pg"])
        #expect(object["securityMiddleware"] as? [String] == ["helmet"])
        #expect(object["testing"] as? [String] == ["jest"])
        #expect(object["deployment"] as? [String] == ["docker"])
        let evidence = try #require(object["evidence"] as? [[String: Any]])
        let express = try #require(evidence.first { $0["name"] as? String == "express" })
        #expect(express["confidence"] as? String == "high")
        #expect((express["evidence"] as? [[String: Any]])?.first?["file"] as? String == "package.json")
    }

    @Test func badInputExitCodesAndMessages() throws {
        let empty = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: empty) }
        let missing = try BinaryRunner.run(["scan", empty.path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no package.json in"))
        #expect(missing.stderr.contains("looks for package.json"))

        try "{ \"name\": \"x\",, }".write(
            to: empty.appendingPathComponent("package.json"), atomically: true, encoding: .utf8)
        let malformed = try BinaryRunner.run(["scan", empty.path])
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("package.json:1:15: error: malformed JSON"), "\(malformed.stderr)")

        let nowhere = try BinaryRunner.run(["scan", empty.appendingPathComponent("nope").path])
        #expect(nowhere.status == 2)
        #expect(nowhere.stderr.contains("does not exist"))
        #expect(!nowhere.stderr.contains("Fatal"))
    }

    @Test func answersOutNeverReplacesAFileItDidNotWrite() throws {
        let folder = try Self.project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("answers.yaml")
        let first = try BinaryRunner.run(["scan", folder.path, "--answers-out", out.path])
        #expect(first.status == 0, "\(first.stderr)")
        let written = try String(contentsOf: out, encoding: .utf8)
        #expect(written.hasPrefix("# Written by stackwise scan."))
        #expect(written.contains("version: 1"))
        #expect(written.contains("service: \"orders-api\""))
        // The shared answers-file reader accepts it without a warning.
        let check = try BinaryRunner.run(["answers", "check", out.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(!check.stderr.contains("warning"), "\(check.stderr)")
        // Written again by the scan: replaced.
        let second = try BinaryRunner.run(["scan", folder.path, "--answers-out", out.path])
        #expect(second.status == 0)

        let mine = folder.appendingPathComponent("mine.yaml")
        try "answers:\n  traffic.peak_rps: 500\n".write(to: mine, atomically: true, encoding: .utf8)
        let refused = try BinaryRunner.run(["scan", folder.path, "--answers-out", mine.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("was not written by 'stackwise scan'"))
        #expect(try String(contentsOf: mine, encoding: .utf8) == "answers:\n  traffic.peak_rps: 500\n")

        let unwritable = try BinaryRunner.run(["scan", folder.path, "--answers-out", "/proc/stackwise/answers.yaml"])
        #expect(unwritable.status == 3)
    }
}

@Suite struct ReviewFromTests {
    @Test func reviewFromAProjectUsesTheDetectedAnswersAndTheFileWins() throws {
        let folder = try ScanCommandTests.project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let detected = try BinaryRunner.run(["review", "--from", folder.path, "--detail", "full"])
        #expect(detected.status == 0, "\(detected.stderr)")
        #expect(detected.stderr.contains("current-stack answers detected in"))
        #expect(detected.stdout.contains("current.framework = express4"))
        #expect(detected.stdout.contains("current.node_version = node20"))

        let answers = folder.appendingPathComponent("mine.yaml")
        try "version: 1\nanswers:\n  current.framework: fastify\n".write(to: answers, atomically: true, encoding: .utf8)
        let mine = try BinaryRunner.run([
            "review", "--from", folder.path, "--answers", answers.path, "--detail", "full",
        ])
        #expect(mine.status == 0, "\(mine.stderr)")
        #expect(!mine.stdout.contains("current.framework = express4"))

        let bad = try BinaryRunner.run(["review", "--from", folder.appendingPathComponent("nope").path])
        #expect(bad.status == 2)
    }
}
