import DriftCheck
import KnowledgeModel

/// A rule as CI tools list it (SARIF `reportingDescriptor`): a knowledge-base finding, or a `check` result kind.
public struct CIRule: Sendable, Equatable {
    public var id: String
    public var name: String
    public var shortDescription: String
    public var fullDescription: String
    public var helpText: String
    public var helpMarkdown: String
    public var tags: [String]
    /// "0.1"-"10.0" for security rules (GitHub code scanning), nil otherwise.
    public var securitySeverity: String?
    public var severity: Severity

    public init(
        id: String, name: String, shortDescription: String, fullDescription: String, helpText: String,
        helpMarkdown: String, tags: [String] = [], securitySeverity: String? = nil, severity: Severity
    ) {
        self.id = id
        self.name = name
        self.shortDescription = shortDescription
        self.fullDescription = fullDescription
        self.helpText = helpText
        self.helpMarkdown = helpMarkdown
        self.tags = tags
        self.securitySeverity = securitySeverity
        self.severity = severity
    }
}

/// One result for CI: where it is, how bad, and whether it is accepted or already known (baseline).
public struct CIFinding: Sendable, Equatable {
    public var ruleID: String
    public var severity: Severity
    /// One line; the first sentence is the title.
    public var message: String
    public var position: FilePosition
    public var related: [FilePosition]
    /// Line-independent, stable across runs.
    public var fingerprint: String
    /// The acceptance's reason when an accepted risk covers it.
    public var acceptedReason: String?
    /// In the baseline: known before, does not fail the run.
    public var known: Bool = false

    public init(
        ruleID: String, severity: Severity, message: String, position: FilePosition, related: [FilePosition] = [],
        fingerprint: String, acceptedReason: String? = nil
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.position = position
        self.related = related
        self.fingerprint = fingerprint
        self.acceptedReason = acceptedReason
    }

    /// The first sentence of the message.
    public var title: String {
        if let end = message.range(of: ". ") { return String(message[..<end.lowerBound]) }
        return message.hasSuffix(".") ? String(message.dropLast()) : message
    }

    /// Neither accepted nor known.
    public var isOpen: Bool { acceptedReason == nil && !known }

    /// SARIF and GitHub level.
    public var level: String {
        switch severity {
        case .high: return "error"
        case .medium: return "warning"
        case .low: return "note"
        }
    }
}

/// A report in the shape every CI format is written from.
public struct CIReport: Sendable {
    /// `review` or `check`.
    public var command: String
    public var toolVersion: String
    /// The service, for titles and SARIF's automation id.
    public var service: String?
    public var rules: [CIRule]
    public var findings: [CIFinding]
    /// Things to say that are not results (expired acceptances), as one line each.
    public var notices: [String]
    /// The `--fail-on` threshold, for the summary.
    public var failOn: Severity?

    public init(
        command: String, toolVersion: String, service: String?, rules: [CIRule], findings: [CIFinding],
        notices: [String] = [], failOn: Severity? = nil
    ) {
        self.command = command
        self.toolVersion = toolVersion
        self.service = service
        self.rules = rules
        self.findings = findings
        self.notices = notices
        self.failOn = failOn
    }

    /// Open findings at or above the threshold: what makes the run exit 1.
    public func failing(atOrAbove severity: Severity) -> [CIFinding] {
        findings.filter { $0.isOpen && $0.severity >= severity }
    }

    /// SARIF `runAutomationDetails.id`: `stackwise/<command>/<service>/`.
    public var automationID: String {
        let service = (self.service ?? "service").map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" }
        return "stackwise/\(command)/\(String(service))/"
    }
}
