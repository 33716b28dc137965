/// A rule: when its condition holds for the answers, its effects apply, each explained by `because`.
public struct Rule: Sendable, Codable, Hashable, Identifiable {
    public var id: String
    public var when: Condition
    /// The reason a user reads.
    public var because: String
    public var sources: [String]
    /// Reference items this rule covers (`owasp-api-2023:API3`).
    public var refs: [String]
    /// Weighted votes for (positive) or against (negative) options.
    public var scores: [ScoreEffect]
    /// Options this rule rules out entirely.
    public var excludes: [OptionRef]
    /// Checklist items this rule adds.
    public var includes: [String]
    public var finding: Finding?
    public var tension: Tension?
    public var location: SourceLocation?

    public init(
        id: String, when: Condition, because: String, sources: [String] = [], refs: [String] = [],
        scores: [ScoreEffect] = [], excludes: [OptionRef] = [], includes: [String] = [], finding: Finding? = nil,
        tension: Tension? = nil, location: SourceLocation? = nil
    ) {
        self.id = id
        self.when = when
        self.because = because
        self.sources = sources
        self.refs = refs
        self.scores = scores
        self.excludes = excludes
        self.includes = includes
        self.finding = finding
        self.tension = tension
        self.location = location
    }
}

/// A weighted vote for an option.
public struct ScoreEffect: Sendable, Codable, Hashable {
    public var target: OptionRef
    public var weight: Int
    public var location: SourceLocation?

    public init(target: OptionRef, weight: Int, location: SourceLocation? = nil) {
        self.target = target
        self.weight = weight
        self.location = location
    }
}

/// How serious a finding is.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case low, medium, high

    private var rank: Int {
        switch self {
        case .low: return 0
        case .medium: return 1
        case .high: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A risk in what the user runs today, raised by a rule over the current-stack answers.
public struct Finding: Sendable, Codable, Hashable, Identifiable {
    public var id: String
    public var title: String
    public var severity: Severity
    public var remediation: String

    public init(id: String, title: String, severity: Severity, remediation: String) {
        self.id = id
        self.title = title
        self.severity = severity
        self.remediation = remediation
    }
}

/// Requirements in the answers that pull against each other.
public struct Tension: Sendable, Codable, Hashable, Identifiable {
    public var id: String
    public var title: String
    /// What to do about it.
    public var advice: String
    /// The questions whose answers are in tension (defaults to the questions the rule's condition reads).
    public var between: [String]

    public init(id: String, title: String, advice: String, between: [String] = []) {
        self.id = id
        self.title = title
        self.advice = advice
        self.between = between
    }
}
