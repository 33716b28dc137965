import Foundation
import KnowledgeModel

/// A technology found in a file other than package.json (a Dockerfile, a CI workflow, a Prisma schema).
struct Signal {
    /// A technology id of the detection catalog.
    var technology: String
    var confidence: Confidence
    var evidence: Evidence
    /// The version it states, when it names one (the Node.js major of a Dockerfile).
    var major: Int? = nil
}

/// A Node.js major version stated somewhere; the lowest rank wins (what runs in production first).
struct NodeVersionHint {
    var major: Int
    var text: String
    var evidence: Evidence
    var rank: Int
}

/// Line-oriented helpers for config files that are scanned as text rather than parsed.
enum TextLines {
    /// (1-based line number, trimmed line) for every non-empty line.
    static func numbered(_ text: String) -> [(Int, String)] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { offset, line in
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : (offset + 1, trimmed)
        }
    }

    /// The value after `key:` or `key =` on a line (quotes removed), if the line starts with the key.
    static func value(of key: String, in line: String) -> String? {
        var rest = Substring(line)
        if rest.hasPrefix("- ") { rest = rest.dropFirst(2) }
        guard rest.hasPrefix(key) else { return nil }
        rest = rest.dropFirst(key.count).drop { $0 == " " || $0 == "\"" || $0 == "'" }
        guard let separator = rest.first, separator == ":" || separator == "=" else { return nil }
        let value = rest.dropFirst().trimmingCharacters(in: .whitespaces)
        let unquoted = value.split(separator: "#").first.map(String.init) ?? value
        return unquoted.trimmingCharacters(in: CharacterSet(charactersIn: " \"',`;")).nilIfEmpty
    }

    /// The first whole number in `text` after `prefix` (`nodejs20.x` -> 20 with prefix `nodejs`).
    static func number(after prefix: String, in text: String) -> Int? {
        guard let range = text.range(of: prefix) else { return nil }
        let digits = text[range.upperBound...].drop { $0 == "v" || $0 == " " || $0 == "\"" || $0 == "'" }
            .prefix { $0.isNumber }
        return Int(digits)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
