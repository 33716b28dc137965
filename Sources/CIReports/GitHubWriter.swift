import DriftCheck
import KnowledgeModel
import ReviewRendering

/// GitHub Actions: workflow-command annotations (`::error file=,line=,title=::message`) for open findings, and a
/// Markdown summary for `$GITHUB_STEP_SUMMARY`.
public enum GitHubWriter {
    /// One annotation per open finding (accepted and baseline ones are left out), plus a warning per notice.
    public static func annotations(_ report: CIReport) -> String {
        var lines: [String] = []
        for finding in report.findings where finding.isOpen {
            var properties = ["file=\(property(finding.position.file))"]
            if let line = finding.position.line { properties.append("line=\(line)") }
            if let column = finding.position.column { properties.append("col=\(column)") }
            properties.append("title=\(property("Stackwise \(finding.ruleID): \(finding.title)"))")
            lines.append(
                "::\(finding.level == "note" ? "notice" : finding.level) \(properties.joined(separator: ","))::\(data(finding.message))"
            )
        }
        for notice in report.notices { lines.append("::warning title=Stackwise::\(data(notice))") }
        return lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
    }

    /// A Markdown summary: counts, then a table of findings. User text is escaped (no raw HTML, no links).
    public static func summary(_ report: CIReport) -> String {
        let open = report.findings.filter(\.isOpen)
        let failing = report.failOn.map { report.failing(atOrAbove: $0) } ?? []
        var lines = ["## Stackwise \(report.command)", ""]
        let counts = Severity.allCases.reversed().map { severity in
            "\(open.filter { $0.severity == severity }.count) \(severity.rawValue)"
        }
        lines.append(
            "\(counted(report.findings.count, "finding")): "
                + counts.joined(separator: ", ")
                + " open; \(report.findings.filter { $0.acceptedReason != nil }.count) accepted, "
                + "\(report.findings.filter(\.known).count) in the baseline.")
        if let failOn = report.failOn {
            lines.append("")
            lines.append(
                failing.isEmpty
                    ? "**Passed**: nothing open at or above \(failOn.rawValue)."
                    : "**Failed**: \(failing.count) open at or above \(failOn.rawValue).")
        }
        if !report.findings.isEmpty {
            lines += ["", "| severity | rule | where | finding | state |", "|---|---|---|---|---|"]
            for finding in report.findings {
                let state =
                    finding.acceptedReason.map { "accepted: " + MarkdownText.inline($0) }
                    ?? (finding.known ? "baseline" : "open")
                lines.append(
                    "| \(finding.severity.rawValue) | \(codeCell(finding.ruleID)) | "
                        + "\(codeCell(finding.position.description)) | \(cell(finding.message)) | \(state) |")
            }
        }
        for notice in report.notices { lines += ["", "> " + MarkdownText.inline(notice)] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Escapes a workflow-command message.
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escapes a workflow-command property value.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    /// Escaped text for a table cell (`MarkdownText.inline` escapes `|` too).
    static func cell(_ text: String) -> String {
        MarkdownText.inline(text)
    }

    /// A code span in a table cell: `|` would still end the cell, so it is escaped as GitHub tables allow.
    static func codeCell(_ text: String) -> String {
        MarkdownText.code(text).replacingOccurrences(of: "|", with: "\\|")
    }
}
