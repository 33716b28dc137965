import Foundation
import Testing

/// A scratch folder with a knowledge-base overlay that adds one decision driven by one question (and a follow-up
/// asked only for one answer), so end-to-end tests do not depend on the shipped knowledge base's content.
struct ScriptedWorkspace {
    let root: URL
    let overlay: URL

    init() throws {
        root = try BinaryRunner.temporaryFolder()
        overlay = root.appendingPathComponent("overlay")
        try FileManager.default.createDirectory(at: overlay, withIntermediateDirectories: true)
        let questions = try BinaryRunner.run(["questions", "--format", "json"])
        let array = try JSONSerialization.jsonObject(with: Data(questions.stdout.utf8)) as? [[String: Any]]
        let section = try #require(array?.first?["section"] as? String)
        try """
        sources:
          - { id: e2e-docs, title: E2E docs, publisher: Tests, url: "https://example.org/e2e", verified: 2025-01-01 }
        questions:
          - id: e2e.pick
            section: \(section)
            prompt: Which store does the end-to-end test want?
            help: Drives the e2e_store decision.
            type: single
            options:
              - { id: alpha, label: Alpha, description: The first. }
              - { id: beta, label: Beta, description: The second. }
            default: alpha
          - id: e2e.detail
            section: \(section)
            prompt: How many beta shards?
            help: Only for beta.
            type: number
            unit: shards
            range: [0, 100]
            askIf: e2e.pick == "beta"
        decisions:
          - id: e2e_store
            title: E2E store
            problem: Which store does the test service use?
            order: 999
            options:
              - { id: alpha_db, name: Alpha DB, summary: First store., pros: [Simple], cons: [Small], sources: [e2e-docs] }
              - { id: beta_db, name: Beta DB, summary: Second store., pros: [Big], cons: [Complex], sources: [e2e-docs] }
        rules:
          - id: e2e.alpha
            when: e2e.pick == "alpha"
            because: The answers ask for alpha.
            sources: [e2e-docs]
            score: { e2e_store.alpha_db: 5 }
          - id: e2e.beta
            when: e2e.pick == "beta"
            because: The answers ask for beta.
            sources: [e2e-docs]
            score: { e2e_store.beta_db: 5 }
          - id: e2e.risk
            when: e2e.pick == "beta"
            because: Beta has no backups in the test.
            sources: [e2e-docs]
            finding: { id: e2e-no-backups, title: No backups, severity: high, remediation: Add backups. }
        """.write(to: overlay.appendingPathComponent("e2e.yaml"), atomically: true, encoding: .utf8)
    }

    /// Runs `stackwise` with the overlay, in the workspace folder.
    func run(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]
    ) throws
        -> BinaryRunner.Result
    {
        try BinaryRunner.run(arguments + ["--kb", overlay.path], stdin: stdin, environment: environment, in: root)
    }

    /// Writes a file in the workspace and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let url = root.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func read(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// Every file under `relativePath` with its bytes.
    func snapshot(_ relativePath: String) throws -> [String: Data] {
        let folder = root.appendingPathComponent(relativePath)
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            result[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return result
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// Checks that a failed run printed one clear message and no crash report.
func expectCleanFailure(
    _ result: BinaryRunner.Result, status: Int32, mentioning fragment: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    #expect(result.status == status, "status \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.contains(fragment), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    for crash in ["Fatal error", "Stack dump", "Backtrace", "SIGILL", "SIGSEGV"] {
        #expect(!result.stderr.contains(crash), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    }
}
