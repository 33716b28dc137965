import AnswersFile
import Foundation
import KnowledgeModel

/// Where interview sessions live, which sessions exist, and how they are read. A session file is an answers
/// file, so `stackwise review --answers SESSION` reproduces the result. Sessions are saved in ``directory``, or
/// anywhere with `--session FILE`; those are remembered in ``listFile`` so that `stackwise sessions` and
/// `--resume` find them too.
struct SessionStore {
    let knowledgeBase: KnowledgeBase
    /// One reader (and its engine) for every file this store reads.
    private let reader: AnswersFileReader

    init(knowledgeBase: KnowledgeBase) {
        self.knowledgeBase = knowledgeBase
        reader = AnswersFileReader(knowledgeBase: knowledgeBase)
    }

    /// `$XDG_STATE_HOME/stackwise`, else `~/.local/state/stackwise`.
    static var stateDirectory: URL {
        let environment = ProcessInfo.processInfo.environment
        let base: URL
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            base = URL(fileURLWithPath: state)
        } else {
            let home =
                environment["HOME"].map { URL(fileURLWithPath: $0) }
                ?? FileManager.default.homeDirectoryForCurrentUser
            base = home.appendingPathComponent(".local/state")
        }
        return base.appendingPathComponent("stackwise")
    }

    /// The default session folder: `$XDG_STATE_HOME/stackwise/sessions`.
    static var directory: URL { stateDirectory.appendingPathComponent("sessions") }

    /// Sessions saved outside ``directory`` (`--session FILE`), one absolute path a line.
    static var listFile: URL { stateDirectory.appendingPathComponent("sessions.list") }

    /// A new, unused session path named after the current time.
    static func newSessionPath() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let stem = "session-" + formatter.string(from: Date())
        var candidate = directory.appendingPathComponent(stem + ".yaml")
        var counter = 2
        while FileManager.default.fileExists(atPath: candidate.path) {
            candidate = directory.appendingPathComponent("\(stem)-\(counter).yaml")
            counter += 1
        }
        return candidate.path
    }

    /// One saved session, as `stackwise sessions` lists it.
    struct Info {
        var path: String
        var modified: Date
        var answerCount: Int
        var serviceName: String?
        /// In ``SessionStore/directory`` (deleting it deletes the file), or saved elsewhere with `--session`.
        var isInDirectory: Bool
    }

    /// Every session that still exists, most recently saved first.
    func sessions() -> [Info] {
        let manager = FileManager.default
        let own = ((try? manager.contentsOfDirectory(atPath: Self.directory.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }
            .map { Self.directory.appendingPathComponent($0).path }
        var seen = Set<String>()
        var result: [Info] = []
        for path in own + Self.rememberedPaths() where seen.insert(path).inserted {
            guard let attributes = try? manager.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeRegular
            else { continue }
            let answers = load(path)?.answers
            result.append(
                Info(
                    path: path, modified: attributes[.modificationDate] as? Date ?? .distantPast,
                    answerCount: answers?.answers.count ?? 0, serviceName: answers?.serviceName,
                    isInDirectory: Self.isInDirectory(path)))
        }
        return result.sorted { ($0.modified, $0.path) > ($1.modified, $1.path) }
    }

    /// The most recently saved session that has at least one answer (what `--resume` continues).
    func mostRecentWithAnswers() -> Info? {
        sessions().first { $0.answerCount > 0 }
    }

    static func isInDirectory(_ path: String) -> Bool {
        URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
            == directory.standardizedFileURL.path
    }

    /// Remembers a session saved outside ``directory`` (no-op for one inside it or already listed).
    static func remember(_ path: String) {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard !isInDirectory(absolute) else { return }
        let paths = rememberedPaths()
        guard !paths.contains(absolute) else { return }
        writeList(paths + [absolute])
    }

    /// Forgets a session saved outside ``directory`` (the file itself is left alone).
    static func forget(_ path: String) {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        writeList(rememberedPaths().filter { $0 != absolute })
    }

    private static func rememberedPaths() -> [String] {
        guard let text = try? String(contentsOf: listFile, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init).filter { $0.hasPrefix("/") }
    }

    private static func writeList(_ paths: [String]) {
        // Only files that still exist are kept, so the list cannot grow without bound.
        let existing = paths.filter { FileManager.default.fileExists(atPath: $0) }
        try? FileManager.default.createDirectory(
            at: stateDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try? Data((existing.map { $0 + "\n" }.joined()).utf8).write(to: listFile, options: .atomic)
    }

    /// Why answers cannot be saved to `path` (a folder in the way, a file where a folder should be, no write
    /// permission), or nil when they probably can. Checked before anything is saved, so the interface can say so
    /// at once.
    static func problemSaving(to path: String) -> String? {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return "'\(path)' is a folder" }
            return access(path, W_OK) == 0 ? nil : "'\(path)' is not writable"
        }
        var folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        while !manager.fileExists(atPath: folder.path, isDirectory: &isDirectory), folder.pathComponents.count > 1 {
            folder.deleteLastPathComponent()
        }
        if !isDirectory.boolValue { return "'\(folder.path)' is a file, not a folder" }
        return access(folder.path, W_OK | X_OK) == 0 ? nil : "cannot write in '\(folder.path)'"
    }

    /// Loads a session or answers file. Answers the current knowledge base cannot use (renamed or removed
    /// questions, options that no longer exist) are left out and listed as notices (they stay in the file);
    /// nil when unreadable.
    func load(_ path: String) -> (answers: AnswerSet, notices: [String], text: String?)? {
        let url = URL(fileURLWithPath: path)
        let result = reader.read(fileAt: url, displayPath: path)
        if result.isUnreadable { return nil }
        let notices = result.diagnostics.filter { $0.severity == .error }.map { "not used: " + $0.description }
        let text = (try? Data(contentsOf: url)).flatMap { String(data: $0, encoding: .utf8) }
        return (result.answerSet, notices, text)
    }
}
