import Foundation
import KnowledgeModel
import RuleLanguage

/// A decision record in the records folder that names a Stackwise decision in its front matter.
public struct RecordedDecision: Sendable, Hashable {
    /// The record's path as displayed (the records folder joined with the file name).
    public var path: String
    public var decision: String
    public var option: String
    /// `accepted`, `proposed`, `superseded by ...` (lower case).
    public var status: String
    public var title: String?
    /// The line of `stackwise-option:` (or of `stackwise-decision:` when the option is on no line of its own).
    public var line: Int

    public var isAccepted: Bool { status == "accepted" }
}

/// Reads the front matter of the MADR records in a folder strictly: a record whose front matter a person broke is
/// an error with its position, never guessed around. (The exporter's own reader is lenient on purpose: it only
/// needs to recognise its files; here a record decides whether CI fails.)
public enum RecordedDecisions {
    static let maximumBytes = 1 << 20

    /// Every record naming a decision, by file name; `displayPath` is how the folder is shown. A missing folder has
    /// no records unless `required` (it was named with `--records`).
    public static func read(
        folder: URL, displayPath: String, knowledgeBase: KnowledgeBase, required: Bool
    ) throws(CheckInputError) -> [RecordedDecision] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            if required { throw CheckInputError("error: records folder '\(displayPath)' does not exist") }
            return []
        }
        guard isDirectory.boolValue else {
            throw CheckInputError("error: '\(displayPath)' is a file; --records takes the folder of decision records")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw CheckInputError("error: cannot read records folder '\(displayPath)'", isIO: true)
        }
        var result: [RecordedDecision] = []
        var errors: [String] = []
        for name in names.sorted() where isRecordName(name) {
            let path = displayPath == "." ? name : (displayPath.hasSuffix("/") ? displayPath : displayPath + "/") + name
            guard let text = readText(folder.appendingPathComponent(name)) else { continue }
            switch parse(text, path: path, knowledgeBase: knowledgeBase) {
            case .success(let record?): result.append(record)
            case .success(nil): continue
            case .failure(let error): errors.append(error.message)
            }
        }
        if !errors.isEmpty { throw CheckInputError(errors.joined(separator: "\n")) }
        return result
    }

    /// `NNNN-*.md`.
    static func isRecordName(_ name: String) -> Bool {
        guard name.hasSuffix(".md"), name.count > 8 else { return false }
        let prefix = name.prefix(5)
        return prefix.prefix(4).allSatisfy(\.isASCII) && prefix.prefix(4).allSatisfy(\.isNumber) && prefix.last == "-"
    }

    /// A regular text file of reasonable size; nil for symlinks, folders and binary files.
    static func readText(_ url: URL) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
            attributes[.type] as? FileAttributeType == .typeRegular,
            (attributes[.size] as? Int ?? 0) <= maximumBytes,
            let data = try? Data(contentsOf: url), !data.contains(0)
        else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// The record's decision, nil when it names none (someone else's record), or the first problem found.
    static func parse(
        _ text: String, path: String, knowledgeBase: KnowledgeBase
    ) -> Result<RecordedDecision?, CheckInputError> {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else { return .success(nil) }
        var fields: [String: (value: String, line: Int)] = [:]
        var closed = false
        for (offset, line) in lines.enumerated().dropFirst() {
            let number = offset + 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "---" {
                closed = true
                break
            }
            if trimmed.isEmpty || trimmed.hasPrefix("#") || line.hasPrefix(" ") || line.hasPrefix("\t")
                || trimmed.hasPrefix("- ")
            {
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                return .failure(
                    CheckInputError(
                        "\(path):\(number):1: error: front matter line is not 'key: value': '\(String(trimmed.prefix(60)))'"
                    ))
            }
            let key = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                return .failure(CheckInputError("\(path):\(number):1: error: front matter key '\(key)' is malformed"))
            }
            var value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            if let quote = value.first, quote == "\"" || quote == "'" {
                guard value.count >= 2, value.last == quote else {
                    return .failure(
                        CheckInputError(
                            "\(path):\(number):\(line.distance(from: line.startIndex, to: colon) + 3): error: "
                                + "unterminated quoted value for '\(key)'"))
                }
                value = String(value.dropFirst().dropLast())
            }
            if fields[key] != nil {
                return .failure(CheckInputError("\(path):\(number):1: error: front matter key '\(key)' appears twice"))
            }
            fields[key] = (value, number)
        }
        guard closed else {
            return .failure(
                CheckInputError(
                    "\(path):1:1: error: front matter opened with '---' is never closed (add a '---' line after it)"))
        }
        guard let decision = fields["stackwise-decision"] else { return .success(nil) }
        guard knowledgeBase.decision(decision.value) != nil else {
            let known = knowledgeBase.decisions.map(\.id)
            return .failure(
                CheckInputError(
                    "\(path):\(decision.line):1: error: unknown decision '\(decision.value)'"
                        + Suggestions.hint(for: decision.value, in: known)))
        }
        guard let option = fields["stackwise-option"], !option.value.isEmpty else {
            return .success(nil)
        }
        let options = knowledgeBase.decision(decision.value)?.options.map(\.id) ?? []
        guard options.contains(option.value) else {
            return .failure(
                CheckInputError(
                    "\(path):\(option.line):1: error: decision '\(decision.value)' has no option '\(option.value)'"
                        + Suggestions.hint(for: option.value, in: options)))
        }
        let title = lines.first { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)) }
        return .success(
            RecordedDecision(
                path: path, decision: decision.value, option: option.value,
                status: (fields["status"]?.value ?? "").lowercased(), title: title, line: option.line))
    }
}
