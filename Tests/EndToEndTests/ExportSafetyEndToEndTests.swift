import Foundation
import Testing

/// Issue 14 through the real binary: re-runs change no byte, flags are the only way to change front matter, a
/// locked folder is refused with a clear message, and `--from` is never silently ignored.
@Suite struct ExportSafetyEndToEndTests {
    /// The repository's examples (the test runs from the package root or below it).
    private func example(_ name: String) throws -> String {
        var url = URL(fileURLWithPath: #filePath)
        while url.pathComponents.count > 1 {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("docs/examples/\(name)")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
        }
        throw CocoaError(.fileNoSuchFile)
    }

    @Test func theExpressExampleIsByteStableFromTheFirstReRun() throws {
        let workspace = try ScriptedWorkspace()
        defer { workspace.remove() }
        let answers = try example("express-slow-under-load.yaml")
        let first = try BinaryRunner.run(["export", "--answers", answers, "--out", "adr"], in: workspace.root)
        #expect(first.status == 0, "\(first.stderr)")
        let written = try workspace.snapshot("adr")
        // index.md names a `worker_threads` record: its escaping must not grow on a re-run.
        #expect(String(decoding: written["index.md"] ?? Data(), as: UTF8.self).contains("worker\\_threads pool"))
        for _ in 0..<2 {
            let again = try BinaryRunner.run(["export", "--answers", answers, "--out", "adr"], in: workspace.root)
            #expect(again.status == 0)
            #expect(again.stdout.hasSuffix("0 files written\n"), "\(again.stdout)")
            #expect(try workspace.snapshot("adr") == written)
        }
    }

    @Test func reExportWithoutFlagsKeepsStatusAndDecisionMakers() throws {
        let workspace = try ScriptedWorkspace()
        defer { workspace.remove() }
        let answers = try workspace.write("a.yaml", "version: 1\nservice: svc\nanswers:\n  e2e.pick: alpha\n")
        let first = try workspace.run([
            "export", "--answers", answers, "--out", "adr", "--status", "accepted", "--decision-makers", "Ana, Bo",
        ])
        #expect(first.status == 0, "\(first.stderr)")
        let written = try workspace.snapshot("adr")
        let again = try workspace.run(["export", "--answers", answers, "--out", "adr"])
        #expect(again.status == 0)
        #expect(again.stdout.hasSuffix("0 files written\n"), "\(again.stdout)")
        #expect(try workspace.snapshot("adr") == written)
        let index = try workspace.read("adr/index.md")
        #expect(!index.contains("| proposed |"), "\(index)")
        let flagged = try workspace.run(["export", "--answers", answers, "--out", "adr", "--status", "deprecated"])
        #expect(flagged.status == 0)
        let record = try #require(
            try FileManager.default.contentsOfDirectory(atPath: workspace.root.appendingPathComponent("adr").path)
                .first { $0.contains("e2e-store") })
        let text = try workspace.read("adr/\(record)")
        #expect(text.contains("status: deprecated\n"))
        #expect(text.contains("decision-makers: [\"Ana\", \"Bo\"]\n"))
    }

    @Test func aLockedFolderIsRefusedWithAClearMessageThenWritten() throws {
        let workspace = try ScriptedWorkspace()
        defer { workspace.remove() }
        let answers = try workspace.write("a.yaml", "version: 1\nanswers:\n  e2e.pick: alpha\n")
        let folder = workspace.root.appendingPathComponent("adr")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Another writer holds the lock (flock(2) on the lock file, as another export does).
        let lockPath = folder.appendingPathComponent(".stackwise-export.lock").path
        let descriptor = open(lockPath, O_RDWR | O_CREAT, 0o644)
        #expect(descriptor >= 0 && flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        _ = "4242\n".withCString { write(descriptor, $0, 5) }
        let refused = try workspace.run(["export", "--answers", answers, "--out", "adr", "--lock-timeout", "0.5"])
        expectCleanFailure(refused, status: 3, mentioning: "another stackwise export")
        #expect(refused.stderr.contains("nothing was written"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [".stackwise-export.lock"])
        #expect(refused.stderr.contains("(process 4242)"))
        close(descriptor)
        let written = try workspace.run(["export", "--answers", answers, "--out", "adr"])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".stackwise-export.lock").path))
    }

    @Test func fromIsNotSilentlyIgnoredForANewService() throws {
        let workspace = try ScriptedWorkspace()
        defer { workspace.remove() }
        let project = workspace.root.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try #"{"name":"p","dependencies":{"express":"^4.18.0","pg":"^8.11.0"}}"#.write(
            to: project.appendingPathComponent("package.json"), atomically: true, encoding: .utf8)
        let answers = try workspace.write("new.yaml", "version: 1\nanswers:\n  service.stage: new\n")
        let result = try BinaryRunner.run(
            ["review", "--answers", answers, "--from", project.path], in: workspace.root)
        expectCleanFailure(result, status: 2, mentioning: "service.stage = new")
        #expect(result.stderr.contains("current.framework"))
        // The same with the stage set on the command line; and an existing service uses the scan.
        let set = try BinaryRunner.run(
            ["review", "--from", project.path, "--set", "service.stage=new"], in: workspace.root)
        expectCleanFailure(set, status: 2, mentioning: "would be ignored")
        let existing = try BinaryRunner.run(["review", "--from", project.path], in: workspace.root)
        #expect(existing.status == 0, "\(existing.stderr)")
        #expect(existing.stderr.contains("detected in"))
    }
}
