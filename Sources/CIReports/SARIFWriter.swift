import DriftCheck
import Foundation
import KnowledgeModel

/// SARIF 2.1.0 as GitHub code scanning reads it: one run, the rules with descriptions and help, results with a
/// physical location (start line and column), `partialFingerprints.primaryLocationLineHash` (line-independent),
/// accepted risks as external suppressions and baseline state from `--baseline`.
public enum SARIFWriter {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    public static let informationURI = "https://github.com/stackwise/stackwise"

    public static func render(_ report: CIReport) -> String {
        let usedRules = report.rules.filter { rule in report.findings.contains { $0.ruleID == rule.id } }
        let ruleIndex = Dictionary(
            usedRules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rules: [[String: Any]] = usedRules.map { rule in
            var properties: [String: Any] = [
                "tags": Array(rule.tags.prefix(20)),
                "precision": "high",
                "problem.severity": rule.severity == .high
                    ? "error" : rule.severity == .medium ? "warning" : "recommendation",
            ]
            if let security = rule.securitySeverity { properties["security-severity"] = security }
            return [
                "id": rule.id,
                "name": limited(rule.name.isEmpty ? rule.id : rule.name, 255),
                "shortDescription": ["text": limited(nonEmpty(rule.shortDescription, rule.id), 1024)],
                "fullDescription": ["text": limited(nonEmpty(rule.fullDescription, rule.shortDescription), 1024)],
                "help": [
                    "text": nonEmpty(rule.helpText, rule.shortDescription),
                    "markdown": nonEmpty(rule.helpMarkdown, rule.helpText),
                ],
                "defaultConfiguration": ["level": level(rule.severity)],
                "properties": properties,
            ]
        }
        let results: [[String: Any]] = report.findings.map { finding in
            var result: [String: Any] = [
                "ruleId": finding.ruleID,
                "level": finding.level,
                "message": ["text": nonEmpty(finding.message, finding.ruleID)],
                "locations": [location(finding.position)],
                "partialFingerprints": ["primaryLocationLineHash": finding.fingerprint],
                "baselineState": finding.known ? "unchanged" : "new",
            ]
            if let index = ruleIndex[finding.ruleID] { result["ruleIndex"] = index }
            if !finding.related.isEmpty {
                result["relatedLocations"] = finding.related.prefix(10).enumerated().map { index, position in
                    var related = location(position)
                    related["id"] = index + 1
                    return related
                }
            }
            if let reason = finding.acceptedReason {
                result["suppressions"] = [
                    ["kind": "external", "status": "accepted", "justification": nonEmpty(reason, "accepted risk")]
                ]
            }
            return result
        }
        var invocation: [String: Any] = [
            "executionSuccessful": true
        ]
        if !report.notices.isEmpty {
            invocation["toolExecutionNotifications"] = report.notices.map { notice in
                ["level": "warning", "message": ["text": notice]] as [String: Any]
            }
        }
        let run: [String: Any] = [
            "tool": [
                "driver": [
                    "name": "Stackwise",
                    "semanticVersion": report.toolVersion,
                    "version": report.toolVersion,
                    "informationUri": informationURI,
                    "rules": rules,
                ] as [String: Any]
            ],
            "automationDetails": ["id": report.automationID],
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "results": results,
        ]
        let log: [String: Any] = ["$schema": schemaURI, "version": "2.1.0", "runs": [run]]
        let data =
            (try? JSONSerialization.data(
                withJSONObject: log, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func location(_ position: FilePosition) -> [String: Any] {
        let line = max(position.line ?? 1, 1)
        let column = max(position.column ?? 1, 1)
        return [
            "physicalLocation": [
                "artifactLocation": ["uri": uri(position.file)],
                "region": ["startLine": line, "startColumn": column, "endLine": line, "endColumn": column + 1],
            ] as [String: Any]
        ]
    }

    /// A relative URI reference: `./` dropped, path segments percent-encoded.
    static func uri(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":?#[]@")
        allowed.insert("/")
        return String(trimmed).addingPercentEncoding(withAllowedCharacters: allowed) ?? String(trimmed)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .high: return "error"
        case .medium: return "warning"
        case .low: return "note"
        }
    }

    static func limited(_ text: String, _ count: Int) -> String {
        text.count <= count ? text : String(text.prefix(count - 1)) + "…"
    }

    static func nonEmpty(_ text: String, _ fallback: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? fallback : text
    }
}
