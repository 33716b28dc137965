import DriftCheck
import KnowledgeModel

/// JUnit XML (`<testsuites>`): one testcase per finding, failed when it is open and at or above `--fail-on`
/// (every open finding when no threshold is set), skipped when accepted or in the baseline. A run with no
/// findings has one passing testcase, so the report is never empty. CI servers show it; the exit code decides.
public enum JUnitWriter {
    public static func render(_ report: CIReport, passingChecks: [String] = []) -> String {
        var cases: [String] = []
        var failures = 0
        var skipped = 0
        for finding in report.findings {
            let name = escape("\(finding.ruleID): \(finding.title)")
            let classname = escape("stackwise.\(report.command).\(finding.position.file)")
            var body = ""
            if let reason = finding.acceptedReason {
                skipped += 1
                body = "<skipped message=\"\(escape("accepted risk: " + reason))\"/>"
            } else if finding.known {
                skipped += 1
                body = "<skipped message=\"in the baseline\"/>"
            } else if report.failOn.map({ finding.severity >= $0 }) ?? true {
                failures += 1
                body =
                    "<failure message=\"\(escape(finding.title))\" type=\"\(escape(finding.severity.rawValue))\">"
                    + escape("\(finding.position): \(finding.message)") + "</failure>"
            }
            cases.append("    <testcase classname=\"\(classname)\" name=\"\(name)\" time=\"0\">\(body)</testcase>")
        }
        for check in passingChecks {
            cases.append(
                "    <testcase classname=\"stackwise.\(report.command)\" name=\"\(escape(check))\" time=\"0\"></testcase>"
            )
        }
        if cases.isEmpty {
            cases.append(
                "    <testcase classname=\"stackwise.\(report.command)\" name=\"no findings\" time=\"0\"></testcase>")
        }
        let suite = escape("stackwise \(report.command)")
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="\(suite)" tests="\(cases.count)" failures="\(failures)" errors="0" skipped="\(skipped)" time="0">
              <testsuite name="\(suite)" tests="\(cases.count)" failures="\(failures)" errors="0" skipped="\(skipped)" time="0">
            \(cases.joined(separator: "\n"))
              </testsuite>
            </testsuites>

            """
    }

    /// XML text and attribute escaping; characters XML 1.0 cannot hold are dropped.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n": result += "&#10;"
            case "\t": result += "&#9;"
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
