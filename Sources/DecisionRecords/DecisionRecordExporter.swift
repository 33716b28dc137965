import Foundation
import KnowledgeModel
import RecommendationEngine
import ReviewRendering

/// One thing an export does (or, with `--dry-run`, would do) to one file.
public struct ExportAction: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case created, updated, superseded, unchanged
        /// Left as it is: edited by hand, not written by Stackwise, or its decision no longer applies.
        case kept
        /// A temporary file left by an export that was killed or failed, removed.
        case removed
        /// A problem in the folder that needs a person (two records with one number), reported.
        case conflict
    }

    public var kind: Kind
    public var fileName: String
    /// Why, for `kept` and `superseded`.
    public var detail: String?
    /// The new content (nil when the file is not written).
    public var contents: String?

    public init(kind: Kind, fileName: String, detail: String? = nil, contents: String? = nil) {
        self.kind = kind
        self.fileName = fileName
        self.detail = detail
        self.contents = contents
    }
}

/// Exports a review as MADR 4.0 decision records, an index and `design-review.md`, never losing an edit.
///
/// Policy (README.md, "Decision records"; docs/decisions/0001):
/// - a decision gets one active record; re-running with the same answers changes no byte;
/// - when a decision's chosen option changes, a new record is written and the old one is marked superseded
///   (status and a link; its text kept), whether or not it was edited;
/// - when only a record's context changes (reasons, answers, people) it is updated in place if Stackwise wrote
///   it and nobody edited it; an edited record is never rewritten;
/// - files without Stackwise's hash (other people's records, an edited index) are never written;
/// - a record updated in place keeps its front matter (status, people) unless ``people`` sets it;
/// - two active records for one decision (left by an older export racing another) are repaired: the newest stays
///   active and supersedes the others; two records with one number are reported (renumbering breaks links);
/// - ``export(to:dryRun:lockTimeout:)`` holds ``ExportLock`` while it plans and writes (docs/decisions/0014).
public struct DecisionRecordExporter: Sendable {
    public static let indexFileName = "index.md"
    public static let reviewFileName = "design-review.md"

    public let report: ReviewReport
    public let people: RecordPeople
    /// `YYYY-MM-DD` for new and updated records.
    public let date: String
    /// How much `design-review.md` shows.
    public let detail: ReviewDetail
    /// What-if over the same answers: each record's "Revisit when" lists the answers that would change its
    /// decision (none listed when nil).
    public let whatIf: WhatIfReport?

    public init(
        report: ReviewReport, people: RecordPeople, date: String, detail: ReviewDetail = .standard,
        whatIf: WhatIfReport? = nil
    ) {
        self.report = report
        self.people = people
        self.date = date
        self.detail = detail
        self.whatIf = whatIf
    }

    /// What an export into `folder` does, without touching the disk.
    public func plan(folder: URL) throws(ExportError) -> [ExportAction] {
        var existing = try RecordFolder.scan(folder)
        var nextNumber = (existing.map(\.number).max() ?? 0) + 1
        var actions = RecordRepair.numberConflicts(existing)
        let repair = RecordRepair.activeDuplicates(&existing)
        actions += repair.actions
        var active = repair.active
        let renderer = RecordRenderer(report: report, people: people, whatIf: whatIf)
        var links: [String: String] = [:]
        var finalRecords = Dictionary(existing.map { ($0.fileName, $0) }) { first, _ in first }

        for outcome in report.review.decisions where outcome.status == .chosen {
            let title = RecordRenderer.title(outcome, report)
            if let record = active[outcome.decisionID], let text = record.text {
                if record.optionID == outcome.chosen {
                    links[outcome.decisionID] = record.fileName
                    guard record.state == .unedited else {
                        actions.append(
                            ExportAction(
                                kind: .kept, fileName: record.fileName, detail: "edited by hand; left as it is"))
                        continue
                    }
                    let previous = Self.supersededRecord(by: record, in: existing)
                    let keep = RecordFolder.rawFrontMatter(text)
                    let same = renderer.render(
                        outcome, date: record.frontMatter["date"] ?? date, supersedes: previous, keeping: keep)
                    if Signature.sameContent(same, text) {
                        actions.append(ExportAction(kind: .unchanged, fileName: record.fileName))
                    } else {
                        let updated = Signature.matchingLineEndings(
                            renderer.render(outcome, date: date, supersedes: previous, keeping: keep), of: text)
                        actions.append(ExportAction(kind: .updated, fileName: record.fileName, contents: updated))
                        finalRecords[record.fileName] = RecordFolder.record(
                            fileName: record.fileName, number: record.number, text: updated)
                    }
                    continue
                }
                let oldLink = RecordLink(number: record.number, fileName: record.fileName, title: record.title ?? title)
                let newLink = RecordLink(
                    number: nextNumber, fileName: RecordNaming.fileName(number: nextNumber, title: title), title: title)
                nextNumber += 1
                let created = renderer.render(outcome, date: date, supersedes: oldLink)
                actions.append(ExportAction(kind: .created, fileName: newLink.fileName, contents: created))
                let marked = Signature.matchingLineEndings(Self.markSuperseded(text, by: newLink), of: text)
                actions.append(
                    ExportAction(
                        kind: .superseded, fileName: record.fileName, detail: "by \(newLink.fileName)", contents: marked
                    ))
                finalRecords[record.fileName]?.frontMatter["status"] = "superseded by \(newLink.label)"
                finalRecords[newLink.fileName] = Self.describe(newLink, created)
                links[outcome.decisionID] = newLink.fileName
                active[outcome.decisionID] = nil
            } else {
                let link = RecordLink(
                    number: nextNumber, fileName: RecordNaming.fileName(number: nextNumber, title: title), title: title)
                nextNumber += 1
                let created = renderer.render(outcome, date: date, supersedes: nil)
                actions.append(ExportAction(kind: .created, fileName: link.fileName, contents: created))
                finalRecords[link.fileName] = Self.describe(link, created)
                links[outcome.decisionID] = link.fileName
            }
        }
        let handled = Set(report.review.decisions.filter { $0.status == .chosen }.map(\.decisionID))
        for (decision, record) in active.sorted(by: { $0.value.number < $1.value.number })
        where !handled.contains(decision) {
            actions.append(
                ExportAction(
                    kind: .kept, fileName: record.fileName,
                    detail: "its decision does not apply to these answers; left as it is"))
        }
        // Existing files that collide with a new name can only be foreign: never overwrite them.
        for action in actions where action.kind == .created {
            if RecordFolder.exists(folder.appendingPathComponent(action.fileName)) {
                throw ExportError(
                    "'\(action.fileName)' already exists in the output folder; nothing was written", isIO: false)
            }
        }
        let records = finalRecords.values.sorted { ($0.number, $0.fileName) < ($1.number, $1.fileName) }
        actions.append(generated(Self.indexFileName, RecordIndex.render(records, report: report), in: folder))
        let review = ReviewMarkdown(recordLinks: links, detail: detail).render(report)
        actions.append(
            generated(
                Self.reviewFileName,
                Signature.sign(review + Signature.commentPrefix + Signature.placeholder + " -->\n"),
                in: folder))
        return actions
    }

    /// Carries out `actions` in `folder` (created if needed): every file is written to a temporary file in the
    /// same folder, synced and renamed over the target, so a file is either the old or the new version, never half.
    /// Use ``export(to:dryRun:lockTimeout:)``, which also takes the folder's lock.
    public func write(_ actions: [ExportAction], to folder: URL) throws(ExportError) {
        try Self.createFolder(folder)
        for action in actions {
            if action.kind == .removed {
                _ = unlink(folder.appendingPathComponent(action.fileName).path)
                continue
            }
            guard let contents = action.contents else { continue }
            try AtomicFile.write(contents, to: folder.appendingPathComponent(action.fileName), in: folder)
        }
        AtomicFile.syncFolder(folder)
    }

    /// Exports into `folder`: takes its lock (waiting up to `lockTimeout` seconds for another export), removes
    /// temporary files a killed export left, plans and writes. With `dryRun` it only plans (no lock, no writes).
    /// Returns what was (or would be) done.
    public func export(to folder: URL, dryRun: Bool, lockTimeout: Double = 10) throws(ExportError) -> [ExportAction] {
        if dryRun { return try leftovers(in: folder) + plan(folder: folder) }
        try Self.createFolder(folder)
        let lock = try ExportLock.acquire(in: folder, timeout: lockTimeout)
        defer { lock.release() }
        let actions = try leftovers(in: folder) + plan(folder: folder)
        try write(actions, to: folder)
        return actions
    }

    private func leftovers(in folder: URL) throws(ExportError) -> [ExportAction] {
        RecordFolder.leftoverTemporaries(folder).map {
            ExportAction(kind: .removed, fileName: $0, detail: "left by an interrupted export")
        }
    }

    private static func createFolder(_ folder: URL) throws(ExportError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return }
            throw ExportError("'\(folder.relativePath)' exists and is not a folder", isIO: false)
        }
        // A file where a parent folder should be: say which one (Foundation only says "error 512").
        var ancestor = folder.deletingLastPathComponent()
        while ancestor.path != "/", !FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory) {
            ancestor = ancestor.deletingLastPathComponent()
        }
        if FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ExportError(
                "cannot create the output folder '\(folder.relativePath)': '\(ancestor.relativePath)' is a file, "
                    + "not a folder", isIO: false)
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ExportError(
                "cannot create the output folder '\(folder.relativePath)': \(RecordFolder.describe(error))", isIO: true)
        }
    }

    /// A generated file (index, design review): written only when absent or unedited since Stackwise wrote it.
    private func generated(_ name: String, _ text: String, in folder: URL) -> ExportAction {
        let url = folder.appendingPathComponent(name)
        guard RecordFolder.exists(url) else { return ExportAction(kind: .created, fileName: name, contents: text) }
        guard let existing = RecordFolder.readText(url) else {
            return ExportAction(kind: .kept, fileName: name, detail: "not a regular text file; left as it is")
        }
        switch Signature.state(of: existing) {
        case .unedited:
            return Signature.sameContent(existing, text)
                ? ExportAction(kind: .unchanged, fileName: name)
                : ExportAction(kind: .updated, fileName: name, contents: text)
        case .edited:
            return ExportAction(kind: .kept, fileName: name, detail: "edited by hand; left as it is")
        case .foreign:
            return ExportAction(kind: .kept, fileName: name, detail: "not written by Stackwise; left as it is")
        }
    }

    /// The record `record` superseded (its status reads "superseded by ADR-NNNN" with `record`'s number).
    static func supersededRecord(by record: ExistingRecord, in records: [ExistingRecord]) -> RecordLink? {
        let status = "superseded by ADR-" + RecordNaming.paddedNumber(record.number)
        return records.last { $0.decisionID == record.decisionID && $0.status?.lowercased() == status.lowercased() }
            .map { RecordLink(number: $0.number, fileName: $0.fileName, title: $0.title ?? $0.fileName) }
    }

    private static func describe(_ link: RecordLink, _ text: String) -> ExistingRecord {
        RecordFolder.record(fileName: link.fileName, number: link.number, text: text)
    }

    /// The old record with its status set to "superseded by ADR-NNNN" and a link to the new one under its
    /// title; every other line is kept as it was.
    static func markSuperseded(_ text: String, by link: RecordLink) -> String {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false
        ).map(String.init)
        let status = "status: \"superseded by \(link.label)\""
        if lines.first?.trimmingCharacters(in: .whitespaces) == "---",
            let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" })
        {
            if let statusLine = lines[1..<end].firstIndex(where: { $0.hasPrefix("status:") }) {
                lines[statusLine] = status
            } else {
                lines.insert(status, at: 1)
            }
        } else {
            lines.insert(contentsOf: ["---", status, "---", ""], at: 0)
        }
        let notice = "Superseded by \(link.markdown)."
        if let heading = lines.firstIndex(where: { $0.hasPrefix("# ") }) {
            lines.insert(contentsOf: ["", notice], at: heading + 1)
        } else {
            lines += ["", notice]
        }
        return lines.joined(separator: "\n")
    }
}
