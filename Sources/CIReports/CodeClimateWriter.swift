import DriftCheck
import Foundation
import KnowledgeModel

/// GitLab code quality (a CodeClimate subset): a JSON array of `{description, check_name, fingerprint, severity,
/// location: {path, lines: {begin}}}`. Accepted and baseline findings are left out: the widget shows what is open.
public enum CodeClimateWriter {
    public static func render(_ report: CIReport) -> String {
        let issues: [[String: Any]] = report.findings.filter(\.isOpen).map { finding in
            [
                "type": "issue",
                "description": finding.message,
                "check_name": finding.ruleID,
                "fingerprint": finding.fingerprint,
                "severity": severity(finding.severity),
                "categories": ["Bug Risk"],
                "location": [
                    "path": SARIFWriter.uri(finding.position.file).removingPercentEncoding ?? finding.position.file,
                    "lines": ["begin": max(finding.position.line ?? 1, 1)],
                ] as [String: Any],
            ]
        }
        let data =
            (try? JSONSerialization.data(
                withJSONObject: issues, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .high: return "critical"
        case .medium: return "major"
        case .low: return "minor"
        }
    }
}
