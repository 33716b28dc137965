import AnswersFile
import DriftCheck
import KnowledgeModel
import RecommendationEngine
import ReviewRendering

extension CIReport {
    /// A review's findings for CI. Each result points at the answers-file line of the first answer (of the user's
    /// own) that triggered it, else at the top of the answers file; its fingerprint is the finding id plus the
    /// triggering questions, so it survives edits that move lines.
    public init(
        review report: ReviewReport, answersPath: String?, locations: AnswerLocations, toolVersion: String,
        expired: [(risk: AcceptedRisk, position: FilePosition?)] = [], failOn: Severity? = nil
    ) {
        let knowledgeBase = report.knowledgeBase
        var rules: [CIRule] = []
        var seen: Set<String> = []
        var findings: [CIFinding] = []
        let file = answersPath ?? "answers.yaml"
        for raised in report.review.findings {
            let finding = raised.finding
            let rule = knowledgeBase.rule(raised.ruleID)
            if seen.insert(finding.id).inserted {
                rules.append(Self.rule(for: raised, rule: rule, knowledgeBase: knowledgeBase))
            }
            let trigger = raised.answers.first { !$0.assumed && locations.answers[$0.questionID] != nil }
            let place = trigger.flatMap { locations.answers[$0.questionID] }
            let facts = ReviewReport.factsText(raised.answers)
            let message =
                "\(finding.title). \(raised.because)" + (facts.isEmpty ? "" : " (\(facts))")
                + " Fix: \(finding.remediation)"
            let fingerprint = StableHash.hex(
                (["review", finding.id] + raised.answers.map(\.questionID).sorted()).joined(separator: "\u{1F}"))
            findings.append(
                CIFinding(
                    ruleID: finding.id, severity: finding.severity, message: message,
                    position: FilePosition(file: file, line: place?.line ?? 1, column: place?.column ?? 1),
                    fingerprint: fingerprint, acceptedReason: raised.accepted?.reason))
        }
        self.init(
            command: "review", toolVersion: toolVersion, service: report.answers.serviceName, rules: rules,
            findings: findings, notices: expired.map(Self.expiredNotice), failOn: failOn)
    }

    static func rule(for raised: RaisedFinding, rule: Rule?, knowledgeBase: KnowledgeBase) -> CIRule {
        let finding = raised.finding
        let sources = (rule?.sources ?? raised.sources).compactMap(knowledgeBase.source)
        let refs = rule?.refs ?? []
        var markdown = "**\(MarkdownText.inline(finding.title))** (\(finding.severity.rawValue))\n\n"
        markdown += MarkdownText.inline(finding.remediation)
        if let because = rule?.because { markdown += "\n\nWhy: " + MarkdownText.inline(because) }
        if !sources.isEmpty {
            markdown +=
                "\n\nSources:\n"
                + sources.map { "- " + MarkdownText.link($0.title, url: $0.url) }.joined(
                    separator: "\n")
        }
        if !refs.isEmpty { markdown += "\n\nReferences: " + refs.map(MarkdownText.code).joined(separator: ", ") }
        let security = refs.contains { $0.hasPrefix("owasp") }
        return CIRule(
            id: finding.id, name: finding.id, shortDescription: finding.title,
            fullDescription: rule?.because ?? finding.title,
            helpText: finding.remediation
                + (sources.isEmpty ? "" : " Sources: " + sources.map(\.url).joined(separator: ", ")),
            helpMarkdown: markdown,
            tags: ["stackwise", "design-review"] + (security ? ["security"] : []) + refs,
            securitySeverity: security ? securitySeverity(finding.severity) : nil, severity: finding.severity)
    }

    /// GitHub's bands: high 7.0-8.9, medium 4.0-6.9, low 0.1-3.9.
    static func securitySeverity(_ severity: Severity) -> String {
        switch severity {
        case .high: return "8.0"
        case .medium: return "5.5"
        case .low: return "3.0"
        }
    }

    public static func expiredNotice(_ expired: (risk: AcceptedRisk, position: FilePosition?)) -> String {
        let risk = expired.risk
        let place = expired.position.map { "\($0): " } ?? ""
        let owner = risk.owner.map { ", owner \($0)" } ?? ""
        let scope = risk.scope.map { " (scope \($0))" } ?? ""
        return "\(place)the acceptance of '\(risk.findingID)'\(scope) expired on \(risk.expires ?? "?")\(owner); "
            + "it no longer hides the finding"
    }
}
