import Foundation
import ReviewRendering
import Testing

@testable import DecisionRecords

/// Issue 14: re-runs, faults and concurrency never lose, rewrite or misreport a record.
@Suite struct ExportSafetyTests {
    private func read(_ folder: URL, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    private func withPeople(_ base: DecisionRecordExporter, _ people: RecordPeople) -> DecisionRecordExporter {
        DecisionRecordExporter(report: base.report, people: people, date: base.date)
    }

    @Test func aReExportWithoutFlagsKeepsStatusAndPeople() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let accepted = RecordPeople(status: "accepted", decisionMakers: ["Ana", "Bo"])
        _ = try withPeople(exporter(size: 50), accepted).export(to: folder, dryRun: false)
        // Same answers, no flags: nothing changes.
        #expect(try exporter(size: 50).export(to: folder, dryRun: false).allSatisfy { $0.kind == .unchanged })
        // New context, no flags: updated in place, status and people kept, and the index agrees.
        let actions = try exporter(size: 60).export(to: folder, dryRun: false)
        #expect(actions.first?.kind == .updated)
        let record = try read(folder, "0001-store-big-db.md")
        #expect(record.contains("status: accepted\n"))
        #expect(record.contains("decision-makers: [\"Ana\", \"Bo\"]\n"))
        #expect(Signature.state(of: record) == .unedited)
        #expect(try read(folder, "index.md").contains("| accepted |"))
        // A flag changes it.
        _ = try withPeople(exporter(size: 60), RecordPeople(status: "deprecated")).export(to: folder, dryRun: false)
        let changed = try read(folder, "0001-store-big-db.md")
        #expect(changed.contains("status: deprecated\n"))
        #expect(changed.contains("decision-makers: [\"Ana\", \"Bo\"]\n"))
        #expect(try read(folder, "index.md").contains("| deprecated |"))
    }

    @Test func markdownInTitlesIsEscapedOnceWhateverTheRun() {
        for text in ["worker_threads pool", "a\\b", "<b>&\"x\"</b>", "#1 choice", "1. first", "*x* `y` [z]|~"] {
            #expect(RecordFolder.unescapedMarkdown(MarkdownText.inline(text)) == text, "\(text)")
        }
    }

    @Test func crlfAndTrailingWhitespaceAreNotEdits() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try exporter(size: 50).export(to: folder, dryRun: false)
        let url = folder.appendingPathComponent("0001-store-big-db.md")
        let converted = try read(folder, "0001-store-big-db.md").replacingOccurrences(of: "\n", with: "  \r\n")
        try converted.write(to: url, atomically: true, encoding: .utf8)
        let again = try exporter(size: 50).export(to: folder, dryRun: false)
        #expect(again.allSatisfy { $0.kind == .unchanged }, "\(again)")
        #expect(try read(folder, "0001-store-big-db.md") == converted, "no byte changed")
        // A context change updates it in place (no duplicate record), keeping CRLF.
        let updated = try exporter(size: 70).export(to: folder, dryRun: false)
        #expect(
            updated.first.map { [$0.kind, $0.fileName] as [AnyHashable] } == [
                ExportAction.Kind.updated, "0001-store-big-db.md",
            ])
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("000") }
        #expect(names == ["0001-store-big-db.md"])
        #expect(try read(folder, "0001-store-big-db.md").contains("\r\n"))
        // A changed option supersedes the CRLF record instead of leaving two active ones.
        _ = try exporter(size: 5).export(to: folder, dryRun: false)
        #expect(try read(folder, "0001-store-big-db.md").contains("status: \"superseded by ADR-0002\"\r\n"))
    }

    @Test func thePlaceholderInAServiceNameIsContent() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try exporter(size: 50, service: "svc {stackwise-hash}").export(to: folder, dryRun: false)
        for name in ["0001-store-big-db.md", "index.md", "design-review.md"] {
            #expect(Signature.state(of: try read(folder, name)) == .unedited, "\(name)")
        }
        let again = try exporter(size: 50, service: "svc {stackwise-hash}").export(to: folder, dryRun: false)
        #expect(again.allSatisfy { $0.kind == .unchanged }, "\(again)")
    }

    @Test func twoActiveRecordsForOneDecisionAreRepaired() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try exporter(size: 50).export(to: folder, dryRun: false)
        // What two racing exports used to leave: the same decision active in two records.
        try FileManager.default.copyItem(
            at: folder.appendingPathComponent("0001-store-big-db.md"),
            to: folder.appendingPathComponent("0002-store-big-db.md"))
        let repair = try exporter(size: 50).export(to: folder, dryRun: false)
        #expect(repair.contains { $0.kind == .superseded && $0.fileName == "0001-store-big-db.md" })
        #expect(try read(folder, "0001-store-big-db.md").contains("status: \"superseded by ADR-0002\""))
        let active = try RecordFolder.scan(folder).filter { !$0.isSuperseded }
        #expect(active.map(\.fileName) == ["0002-store-big-db.md"])
        // Stable from then on.
        #expect(try exporter(size: 50).export(to: folder, dryRun: false).allSatisfy { $0.kind == .unchanged })
    }

    @Test func twoRecordsWithOneNumberAreReported() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try exporter(size: 50).export(to: folder, dryRun: false)
        try "# Someone's record\n".write(
            to: folder.appendingPathComponent("0001-other.md"), atomically: true, encoding: .utf8)
        let actions = try exporter(size: 50).export(to: folder, dryRun: false)
        let conflict = actions.first { $0.kind == .conflict }
        #expect(conflict?.fileName == "0001-store-big-db.md")
        #expect(conflict?.detail?.contains("0001-other.md") == true)
        #expect(try read(folder, "0001-other.md") == "# Someone's record\n", "never renamed or rewritten")
    }

    @Test func temporariesLeftByAKilledExportAreRemoved() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let leftover = ".index.md.stackwise-\(UUID().uuidString).tmp"
        try "half".write(to: folder.appendingPathComponent(leftover), atomically: false, encoding: .utf8)
        try "keep".write(to: folder.appendingPathComponent(".notes.tmp"), atomically: false, encoding: .utf8)
        let dry = try exporter(size: 50).export(to: folder, dryRun: true)
        #expect(dry.first == ExportAction(kind: .removed, fileName: leftover, detail: "left by an interrupted export"))
        #expect(RecordFolder.exists(folder.appendingPathComponent(leftover)), "a dry run removes nothing")
        _ = try exporter(size: 50).export(to: folder, dryRun: false)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(!names.contains(leftover))
        #expect(names.contains(".notes.tmp"), "only Stackwise's own temporaries")
        #expect(!names.contains(ExportLock.fileName), "the lock file is removed after the export")
    }

    @Test func aSecondWriterWaitsThenRefusesWhileTheLockIsHeld() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lock = try ExportLock.acquire(in: folder, timeout: 0)
        let started = Date()
        #expect {
            try exporter(size: 50).export(to: folder, dryRun: false, lockTimeout: 0.3)
        } throws: { error in
            (error as? ExportError)?.message.contains("another stackwise export (process \(getpid()))") == true
        }
        #expect(Date().timeIntervalSince(started) >= 0.3, "it waited")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [ExportLock.fileName])
        lock.release()
        #expect(try exporter(size: 50).export(to: folder, dryRun: false, lockTimeout: 0).count == 3)
    }

    @Test func aLockFileLeftByAKilledExportDoesNotBlock() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "12345\n".write(to: folder.appendingPathComponent(ExportLock.fileName), atomically: true, encoding: .utf8)
        let actions = try exporter(size: 50).export(to: folder, dryRun: false, lockTimeout: 0)
        #expect(actions.map(\.kind) == [.created, .created, .created])
        #expect(!RecordFolder.exists(folder.appendingPathComponent(ExportLock.fileName)))
    }
}
