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
