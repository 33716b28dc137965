import Foundation
import Testing

@Suite struct KBCommandTests {
    @Test func helpAndVersion() throws {
        let help = try BinaryRunner.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: stackwise"))
        #expect(help.stdout.contains("kb"))
        let version = try BinaryRunner.run(["--version"])
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        for sub in [["kb", "--help"], ["kb", "lint", "--help"], ["kb", "stats", "--help"]] {
            let result = try BinaryRunner.run(sub)
            #expect(result.status == 0, "\(sub)")
            #expect(result.stdout.contains("USAGE:"), "\(sub)")
        }
    }

    @Test func lintIsCleanOnTheShippedKnowledgeBase() throws {
        let result = try BinaryRunner.run(["kb", "lint"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("knowledge base OK"))
    }

    @Test func lintPointsAtABrokenOverlay() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        rules:
          - id: org.pg-only
            when: true
            becuase: We only run PostgreSQL.
            exclude: [database.mongodb]
        """.write(to: folder.appendingPathComponent("org.yaml"), atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run(["kb", "lint", "--kb", folder.path])
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                "\(folder.path)/org.yaml:4:5: error: unknown key 'becuase' in a rule; did you mean 'because'?"))
        #expect(result.stdout.contains("org.yaml:2:5: error: a rule is missing required key 'because'"))
    }

    @Test func missingOverlayFolderIsOneClearLine() throws {
        let result = try BinaryRunner.run(["kb", "stats", "--kb", "/nonexistent/overlay"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("knowledge-base folder '/nonexistent/overlay' does not exist"))
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func statsAsJSON() throws {
        let result = try BinaryRunner.run(["kb", "stats", "--format", "json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        for key in ["questions", "decisions", "options", "rules", "checklistItems", "tensions", "findings", "sources"] {
            #expect(object?[key] is Int, "\(key)")
        }
        #expect((object?["areas"] as? [Any])?.isEmpty == false)
    }

    @Test func badFormatIsUsageError() throws {
        let result = try BinaryRunner.run(["kb", "stats", "--format", "xml"])
        #expect(result.status == 64 || result.status == 2)
    }
}

@Suite struct KBScenarioAndCoverageCommandTests {
    @Test func shippedScenariosPass() throws {
        let result = try BinaryRunner.run(["kb", "test"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains(" passed, 0 failed"))
    }

    @Test func overlayScenariosRunAgainstTheMergedKnowledgeBase() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("tests"), withIntermediateDirectories: true)
        try """
        rules:
          - id: acme.postgres-only
            when: true
            because: Acme's platform team runs PostgreSQL only.
            exclude: [database.mongodb, database.dynamodb, database.sqlite, database.mysql, database.cockroachdb]
        """.write(to: folder.appendingPathComponent("acme.yaml"), atomically: true, encoding: .utf8)
        try """
        scenarios:
          - id: acme-documents-still-postgres
            title: Document data still lands on PostgreSQL at Acme
            answers: { data.shape: documents }
            expect:
              decisions: { database: { is: postgresql } }
          - id: acme-wrong
            title: A failing expectation
            answers: { data.shape: documents }
            expect:
              decisions: { database: { is: mongodb } }
        """.write(to: folder.appendingPathComponent("tests/acme.yaml"), atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run(["kb", "test", "--kb", folder.path, "--filter", "acme"])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("FAIL acme-wrong"))
        #expect(result.stdout.contains("database: expected mongodb, got postgresql"))
        #expect(result.stdout.contains("1 passed, 1 failed"))
    }

    @Test func coverageAsJSON() throws {
        let result = try BinaryRunner.run(["kb", "coverage", "--format", "json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let sets = try #require(object?["sets"] as? [[String: Any]])
        let api = try #require(sets.first { $0["id"] as? String == "owasp-api-2023" })
        #expect(api["total"] as? Int == 10)
        #expect(api["covered"] as? Int == 10)
        #expect((api["missing"] as? [String])?.isEmpty == true)
    }
}
