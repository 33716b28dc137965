import AnswersFile
import Foundation
import KnowledgeModel

/// Where interview sessions live and how they are read and written. A session file is an answers file, so
/// `stackwise review --answers SESSION` reproduces the result.
struct SessionStore {
    let knowledgeBase: KnowledgeBase

    /// `$XDG_STATE_HOME/stackwise/sessions`, else `~/.local/state/stackwise/sessions`.
    static var directory: URL {
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
        return base.appendingPathComponent("stackwise/sessions")
    }

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

    /// The most recently saved session, if any.
    static func lastSessionPath() -> String? {
        let files =
            (try? FileManager.default.contentsOfDirectory(
                at: directory, includingPropertiesForKeys: [.contentModificationDateKey]))
            ?? []
        return files.filter { $0.pathExtension == "yaml" }.max { lhs, rhs in
            let left =
                (try? lhs.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate)
                ?? .distantPast
            let right =
                (try? rhs.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate)
                ?? .distantPast
            return (left, lhs.path) < (right, rhs.path)
        }?.path
    }

    /// Saves atomically (a temporary file in the same folder, then rename), so a crash never leaves half a file.
    func save(_ answers: AnswerSet, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let text = AnswersFileWriter(knowledgeBase: knowledgeBase).yaml(for: answers)
        try Data(text.utf8).write(to: url, options: .atomic)
    }

    /// Loads a session or answers file. Answers the current knowledge base cannot use (renamed or removed
    /// questions, options that no longer exist) are dropped and listed as notices; nil when unreadable.
    func load(_ path: String) -> (answers: AnswerSet, notices: [String])? {
        let result = AnswersFileReader(knowledgeBase: knowledgeBase).read(
            fileAt: URL(fileURLWithPath: path), displayPath: path)
        if result.isUnreadable { return nil }
        let notices = result.diagnostics.filter { $0.severity == .error }.map { "dropped: " + $0.description }
        return (result.answerSet, notices)
    }
}
