import ArgumentParser
import Foundation
import KnowledgeModel
import StackScanner

/// Writes the answers detected by a scan as an answers file (format version 1, read by `stackwise review
/// --answers`). A file is replaced only when an earlier scan wrote it; anything else is the user's and is kept.
enum DetectedAnswersOutput {
    /// The first line of every file this writes: how a later run knows it may replace the file.
    static let marker = "# Written by stackwise scan."

    /// The file's text. This is the one place to switch to the shared answers-file writer once it is available.
    static func yaml(for answers: AnswerSet, knowledgeBase: KnowledgeBase, report: ScanReport) -> String {
        var lines = [
            marker + " Every answer below was detected in \(comment(report.root)); confirm or correct each one,",
            "# then run: stackwise review --answers FILE",
            "version: 1",
        ]
        if let name = answers.serviceName { lines.append("service: \(quoted(name))") }
        lines.append("answers:")
        let order = Dictionary(
            uniqueKeysWithValues: knowledgeBase.questionsInInterviewOrder.enumerated().map { ($1.id, $0) })
        let ids = answers.answers.keys.sorted { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) }
        for id in ids {
            guard let answer = answers.answers[id], let value = answer.value else { continue }
            if let question = knowledgeBase.question(id) { lines.append("  # \(comment(question.prompt))") }
            lines.append("  \(id):")
            lines.append("    value: \(yamlValue(value))")
            if let origin = answer.origin { lines.append("    origin: \(quoted(origin))") }
        }
        if ids.isEmpty { lines[lines.count - 1] = "answers: {}" }
        return lines.joined(separator: "\n") + "\n"
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

    private static func yamlValue(_ value: AnswerValue) -> String {
        switch value {
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return formatNumber(number)
        case .text(let text): return quoted(text)
        case .choice(let id): return quoted(id)
        case .choices(let ids): return "[" + ids.map(quoted).joined(separator: ", ") + "]"
        }
    }

    /// A double-quoted YAML scalar with escapes.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    result += String(format: "\\x%02X", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    private static func comment(_ text: String) -> String {
        Output.sanitized(text).replacingOccurrences(of: "\n", with: " ")
    }
}
