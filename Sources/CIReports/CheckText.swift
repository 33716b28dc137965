import DriftCheck
import Foundation
import KnowledgeModel

/// `stackwise check --format text`: compiler-style lines (`file:line: error: [drift] ...`) that editors and CI logs
/// link, each followed by what it contradicts, then a one-line summary.
public enum CheckText {
    public static func render(_ outcome: CheckOutcome, report: CIReport, change: DependencyChange?) -> String {
        var lines: [String] = []
        if let change {
            let files =
                change.files.isEmpty ? "no package.json or lockfile changed" : change.files.joined(separator: ", ")
            lines.append(
                "Change: \(change.added.count) added, \(change.changed.count) changed, \(change.removed.count) removed "
                    + "dependencies (\(files)).")
        }
        for (result, finding) in zip(outcome.results, report.findings) {
            let state = finding.acceptedReason.map { " (accepted: \($0))" } ?? (finding.known ? " (baseline)" : "")
            lines.append("\(result.position): \(finding.level): [\(result.kind.rawValue)] \(result.message)\(state)")
            if let declared = result.contradicts, result.kind == .drift {
                lines.append("  \(declared.position): note: declared here")
            }
            for related in result.related.prefix(3) { lines.append("  \(related): note: also seen here") }
        }
        for notice in report.notices { lines.append("warning: " + notice) }
        let open = report.findings.filter(\.isOpen)
        let counts = CheckResultKind.allCases.map { kind in
            "\(outcome.results.filter { $0.kind == kind }.count) \(kind.rawValue)"
        }
        var summary = counts.joined(separator: ", ")
        let accepted = report.findings.filter { $0.acceptedReason != nil }.count
        let known = report.findings.filter(\.known).count
        if accepted > 0 { summary += "; \(accepted) accepted" }
        if known > 0 { summary += "; \(known) in the baseline" }
        summary += "; \(open.count) open"
        if outcome.declared.isEmpty {
            summary += ". Nothing is declared: pass --answers FILE or accept records in docs/decisions"
        } else {
            summary +=
                " (checked against \(counted(outcome.declared.count, "declared choice")))"
        }
        lines.append(summary + ".")
        return lines.joined(separator: "\n")
    }
}

/// `stackwise check --format json` (`schemaVersion` 1): results with kind, severity, position, the declaration they
/// contradict, fingerprint and state, plus the declared choices and the change.
public enum CheckJSON {
    public static func render(_ outcome: CheckOutcome, report: CIReport, change: DependencyChange?) -> String {
        func position(_ value: FilePosition) -> [String: Any] {
            var object: [String: Any] = ["file": value.file]
            if let line = value.line { object["line"] = line }
            if let column = value.column { object["column"] = column }
            return object
        }
        func declared(_ value: DeclaredChoice) -> [String: Any] {
            var object: [String: Any] = [
                "source": value.source.rawValue, "subject": value.subject, "options": value.options,
                "label": value.label, "position": position(value.position),
            ]
            if let title = value.title { object["title"] = title }
            return object
        }
        let results: [[String: Any]] = zip(outcome.results, report.findings).map { result, finding in
            var object: [String: Any] = [
                "kind": result.kind.rawValue, "severity": result.severity.rawValue, "ruleId": finding.ruleID,
                "technology": result.technology, "message": result.message, "position": position(result.position),
                "fingerprint": result.fingerprint,
                "state": finding.acceptedReason != nil ? "accepted" : finding.known ? "baseline" : "open",
                "related": result.related.map(position),
            ]
            if let decision = result.decision { object["decision"] = decision }
            if let package = result.package { object["package"] = package }
            if let contradicts = result.contradicts { object["contradicts"] = declared(contradicts) }
            if let accepted = result.accepted {
                var acceptance: [String: Any] = ["reason": accepted.reason]
                if let owner = accepted.owner { acceptance["owner"] = owner }
                if let expires = accepted.expires { acceptance["expires"] = expires }
                if let scope = accepted.scope { acceptance["scope"] = scope }
                object["accepted"] = acceptance
            }
            return object
        }
        var object: [String: Any] = [
            "schemaVersion": 1,
            "results": results,
            "declared": outcome.declared.map(declared),
            "notices": report.notices,
            "summary": Dictionary(
                uniqueKeysWithValues: CheckResultKind.allCases.map { kind in
                    (kind.rawValue, outcome.results.filter { $0.kind == kind }.count)
                }),
        ]
        if let change {
            object["change"] = [
                "added": change.added.sorted(), "changed": change.changed.sorted(),
                "removed": change.removed.sorted(), "files": change.files,
            ]
        }
        let data =
            (try? JSONSerialization.data(
                withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
