import AnswersFile
import ArgumentParser
import Foundation
import KnowledgeModel
import StackScanner

/// Writes the answers detected by a scan as an answers file (format version 1, read by `stackwise review
/// --answers`). A file is replaced only when an earlier scan wrote it; anything else is the user's and is kept.
enum DetectedAnswersOutput {
    /// The first line of every file this writes: how a later run knows it may replace the file.
    static let marker = "# Written by stackwise scan."

    /// The file's text: the shared answers-file format, under a header saying where the answers came from.
    static func yaml(for answers: AnswerSet, knowledgeBase: KnowledgeBase, report: ScanReport) -> String {
        let header = [
            marker + " Every answer below was detected in \(comment(report.root)); confirm or correct each one.",
            "# Then run: stackwise review --answers FILE",
        ]
        return header.joined(separator: "\n") + "\n"
            + AnswersFileWriter(knowledgeBase: knowledgeBase).yaml(for: answers)
    }

    /// Writes atomically; refuses (exit 2) to replace a file the scan did not write, exits 3 when writing fails.
    static func write(_ answers: AnswerSet, knowledgeBase: KnowledgeBase, report: ScanReport, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                Output.error("error: --answers-out '\(path)' is a folder; give a file name")
                throw ExitCode(ExitStatus.badInput)
            }
            let existing = (try? Data(contentsOf: url)).map { String(decoding: $0.prefix(200), as: UTF8.self) } ?? ""
            guard existing.hasPrefix(marker) else {
                Output.error(
                    "error: '\(path)' exists and was not written by 'stackwise scan'; it was left unchanged "
                        + "(choose another file, or move it away)")
                throw ExitCode(ExitStatus.badInput)
            }
        }
        let text = yaml(for: answers, knowledgeBase: knowledgeBase, report: report)
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            Output.error("error: cannot write '\(path)': \(error.localizedDescription)")
            throw ExitCode(ExitStatus.ioFailure)
        }
    }

    private static func comment(_ text: String) -> String {
        Output.sanitized(text).replacingOccurrences(of: "\n", with: " ")
    }
}
