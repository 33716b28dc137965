import Foundation
import KnowledgeModel
import StackScanner
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The scan opens nothing but regular files inside the project, and says what it skipped and why (issue 17, item 3).
@Suite(.timeLimit(.minutes(1))) struct SpecialFileTests {
    @Test func fifoSourceFileIsSkippedWithAWarningInsteadOfBlocking() throws {
        let fixture = try ScanFixture([
            "package.json": manifest(dependencies: ["express": "4", "fastify": "4"]), "src/app.js": "require('pg')",
        ])
        defer { fixture.remove() }
        #expect(mkfifo(fixture.root.appendingPathComponent("src/index.js").path, 0o600) == 0)
        #expect(mkfifo(fixture.root.appendingPathComponent("knexfile.js").path, 0o600) == 0)
        let report = try fixture.scan()
        let messages = report.warnings.map(\.message)
        #expect(messages.contains("src/index.js is not a regular file (a pipe, socket or device); skipped"))
        #expect(report.warnings.allSatisfy { $0.severity == .warning })
    }

    @Test func linksLeavingTheProjectAreNotFollowed() throws {
        let outside = try ScanFixture(["secret.js": "const f = require('fastify')"])
        defer { outside.remove() }
        let fixture = try ScanFixture([
            "package.json": manifest(dependencies: ["express": "4", "fastify": "4"]),
            "src/app.js": "require('express')",
        ])
        defer { fixture.remove() }
        try FileManager.default.createSymbolicLink(
            atPath: fixture.root.appendingPathComponent("src/linked.js").path,
            withDestinationPath: outside.root.appendingPathComponent("secret.js").path)
        try FileManager.default.createSymbolicLink(
            atPath: fixture.root.appendingPathComponent("src/stdin.js").path, withDestinationPath: "/dev/stdin")
        let report = try fixture.scan()
        let messages = report.warnings.map(\.message)
        #expect(messages.contains("src/linked.js is a link to a place outside the project; skipped"))
        #expect(messages.contains("src/stdin.js is a link that does not lead to a file inside the project; skipped"))
        // fastify is imported only by the file outside the project: it stays "declared but not imported".
        #expect(report.sourceFilesRead == 1)
    }
}
