import AnswersFile
import Foundation
import KnowledgeModel

/// The session file an interview saves to. Nothing is written until the answers differ from what the file
/// already holds (so opening a file, or starting and quitting, writes nothing); a file that existed is then
/// edited in place (``AnswersFileEditor``): its comments, unknown keys and entries Stackwise does not understand
/// are kept. The last failure is kept in ``problem`` until a save succeeds.
final class SessionFile {
    private let store: SessionStore
    private(set) var path: String
    /// The file as it was opened (its text and what the reader understood of it); nil for a new file.
    private var original: (text: String, answers: AnswerSet)?
    /// What the file holds now (as far as this session knows).
    private var saved: AnswerSet
    /// Why the last save failed; nil once a save succeeds.
    private(set) var problem: String?

    init(path: String, store: SessionStore) {
        self.store = store
        self.path = path
        original = nil
        saved = AnswerSet()
        open(path)
    }

    /// Switches to the session at `path` (resume): its content becomes the baseline.
    func open(_ path: String) {
        self.path = path
        if let loaded = store.load(path), let text = loaded.text {
            original = (text, loaded.answers)
            saved = loaded.answers
        } else {
            original = nil
            saved = AnswerSet()
        }
        problem = SessionStore.problemSaving(to: path).map { "cannot save the session to \(path): \($0)" }
    }

    /// Whether the session file exists.
    var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// The answers the file holds.
    var savedAnswers: AnswerSet { saved }

    /// Saves `answers` when they differ from the file's (nothing to do otherwise); a failure is kept in
    /// ``problem``, which a successful save clears.
    func save(_ answers: AnswerSet) {
        if answers == saved { return }
        let writer = AnswersFileWriter(knowledgeBase: store.knowledgeBase)
        let text =
            original.flatMap {
                AnswersFileEditor(knowledgeBase: store.knowledgeBase).edit($0.text, from: $0.answers, to: answers)
            } ?? writer.yaml(for: answers)
        do {
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                attributes: SessionStore.isInDirectory(path) ? [.posixPermissions: 0o700] : nil)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            let reason = SessionStore.problemSaving(to: path) ?? error.localizedDescription
            problem = "could not save the session to \(path): \(reason)"
            return
        }
        saved = answers
        problem = nil
        SessionStore.remember(path)
    }

    /// Whether `answers` are not (all) in the file.
    func isUnsaved(_ answers: AnswerSet) -> Bool { answers != saved }
}
