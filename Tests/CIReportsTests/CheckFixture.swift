import AnswersFile
import DriftCheck
import EmbeddedKnowledgeBase
import Foundation
import KnowledgeModel
import StackScanner

/// A project folder in a temporary directory, checked with the embedded knowledge base.
struct CheckFixture {
    let root: URL
    static let knowledgeBase = StackwiseKnowledge.embedded

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("stackwise-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Scans the folder, reads `answers.yaml` (if any) and the records in `docs/decisions`, and checks.
    func check(today: String = "2026-12-04", change: DependencyChange? = nil) throws -> CheckOutcome {
        let knowledgeBase = Self.knowledgeBase
        let report = try StackScanner(catalog: knowledgeBase.detection).scan(folder: root, displayName: "project")
        var answers = AnswerSet()
        var locations = AnswerLocations()
        let answersURL = root.appendingPathComponent("answers.yaml")
        if let text = try? String(contentsOf: answersURL, encoding: .utf8) {
            let result = AnswersFileReader(knowledgeBase: knowledgeBase).read(text: text, displayPath: "answers.yaml")
            if result.hasErrors { throw CheckInputError(result.diagnostics.map(\.description).joined()) }
            answers = result.answerSet
            locations = AnswerLocations(text: text, displayPath: "answers.yaml")
        }
        let records = try RecordedDecisions.read(
            folder: root.appendingPathComponent("docs/decisions"), displayPath: "docs/decisions",
            knowledgeBase: knowledgeBase, required: false)
        return DriftChecker(knowledgeBase: knowledgeBase).check(
            .init(
                report: report, answers: answers, answersPath: "answers.yaml", answerLocations: locations,
                records: records, change: change, today: today))
    }
}

/// An accepted MADR record choosing `option` for `decision`, as `stackwise export` writes its front matter.
func record(_ decision: String, _ option: String, status: String = "accepted") -> String {
    """
    ---
    status: \(status)
    date: 2026-11-01
    stackwise-decision: \(decision)
    stackwise-option: \(option)
    ---

    # \(decision): \(option)

    """
}

/// The 1-based line of the first line containing `text`.
func line(of text: String, in file: String) -> Int? {
    file.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }.map { $0 + 1 }
}
