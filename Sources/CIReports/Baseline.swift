import Foundation

/// Findings known at some point (`--write-baseline`), so that a later run (`--baseline`) fails only on new ones.
/// Identity is the rule id plus the line-independent fingerprint. A baseline records the Stackwise version and
/// the command that wrote it; another version's or another command's baseline is refused rather than guessed at.
public struct Baseline: Sendable, Equatable {
    public static let formatVersion = 1

    public struct Entry: Sendable, Equatable, Hashable {
        public var ruleID: String
        public var fingerprint: String
        public var message: String
    }

    public var command: String
    public var toolVersion: String
    public var entries: [Entry]

    public init(report: CIReport) {
        command = report.command
        toolVersion = report.toolVersion
        entries = report.findings.map { Entry(ruleID: $0.ruleID, fingerprint: $0.fingerprint, message: $0.message) }
    }

    /// The baseline as JSON, entries in a stable order.
    public func rendered() -> String {
        let sorted = entries.sorted { ($0.ruleID, $0.fingerprint) < ($1.ruleID, $1.fingerprint) }
        let object: [String: Any] = [
            "stackwiseBaseline": Self.formatVersion,
            "stackwiseVersion": toolVersion,
            "command": command,
            "results": sorted.map { ["ruleId": $0.ruleID, "fingerprint": $0.fingerprint, "message": $0.message] },
        ]
        let data =
            (try? JSONSerialization.data(
                withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Reads a baseline written by `--write-baseline`; the error says what is wrong and what to do.
    public init(data: Data, path: String, command: String, toolVersion: String) throws(BaselineError) {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw BaselineError("\(path): error: not a Stackwise baseline (expected a JSON object)")
        }
        guard let format = object["stackwiseBaseline"] as? Int else {
            throw BaselineError("\(path): error: not a Stackwise baseline (no 'stackwiseBaseline' field)")
        }
        guard format == Self.formatVersion else {
            throw BaselineError(
                "\(path): error: baseline format \(format) is not supported by this Stackwise (format "
                    + "\(Self.formatVersion)); write it again with --write-baseline")
        }
        let version = object["stackwiseVersion"] as? String ?? "?"
        guard version == toolVersion else {
            throw BaselineError(
                "\(path): error: the baseline was written by Stackwise \(version) and this is \(toolVersion); "
                    + "fingerprints may differ between versions, so write it again with --write-baseline")
        }
        let writtenBy = object["command"] as? String ?? "?"
        guard writtenBy == command else {
            throw BaselineError(
                "\(path): error: the baseline was written by 'stackwise \(writtenBy)', not 'stackwise \(command)'")
        }
        guard let results = object["results"] as? [[String: Any]] else {
            throw BaselineError("\(path): error: the baseline has no 'results' list")
        }
        var entries: [Entry] = []
        for (index, item) in results.enumerated() {
            guard let rule = item["ruleId"] as? String, let fingerprint = item["fingerprint"] as? String else {
                throw BaselineError("\(path): error: results[\(index)] needs 'ruleId' and 'fingerprint'")
            }
            entries.append(Entry(ruleID: rule, fingerprint: fingerprint, message: item["message"] as? String ?? ""))
        }
        self.command = writtenBy
        self.toolVersion = version
        self.entries = entries
    }

    /// Marks the report's findings that are in the baseline as known.
    public func apply(to report: inout CIReport) {
        let known = Set(entries.map { $0.ruleID + "\u{1F}" + $0.fingerprint })
        for index in report.findings.indices
        where known.contains(report.findings[index].ruleID + "\u{1F}" + report.findings[index].fingerprint) {
            report.findings[index].known = true
        }
    }
}

/// A baseline that cannot be used (exit 2).
public struct BaselineError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
