import RuleLanguage

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
    /// Where each text that may interpolate (`because`, `finding.title`, `finding.remediation`, `tension.title`,
    /// `tension.advice`; only those with a brace) starts, so `kb lint` positions errors inside it.
    public var textPositions: [String: TextPosition]

    public init(
        id: String, when: Condition, because: String, sources: [String] = [], refs: [String] = [],
        scores: [ScoreEffect] = [], excludes: [OptionRef] = [], includes: [String] = [], finding: Finding? = nil,
        tension: Tension? = nil, location: SourceLocation? = nil, textPositions: [String: TextPosition] = [:]
    ) {
        self.textPositions = textPositions
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

extension Rule {
    /// The texts a user reads, by field name (`because`, `finding.title`, ...), in a fixed order.
    public var texts: [(field: String, text: String)] {
        var result: [(field: String, text: String)] = []
        forEachText { result.append(($0, $1)) }
        return result
    }

    /// Calls `body` with each text a user reads and its field name, in the order of ``texts`` (without making an
    /// array: engines go through every rule's texts when they are made).
    private func forEachText(_ body: (String, String) -> Void) {
        body("because", because)
        if let finding {
            body("finding.title", finding.title)
            body("finding.remediation", finding.remediation)
        }
        if let tension {
            body("tension.title", tension.title)
            body("tension.advice", tension.advice)
        }
    }

    /// Every text with interpolations, parsed (texts whose interpolation does not parse are left out: `kb lint`
    /// reports them).
    public var interpolatedTexts: [(field: String, text: InterpolatedText)] {
        var result: [(field: String, text: InterpolatedText)] = []
        forEachText { field, text in
            guard InterpolatedText.mayInterpolate(text), let parsed = try? InterpolatedText.parse(text) else { return }
            result.append((field, parsed))
        }
        return result
    }
}

/// Where a text starts in its YAML file, and whether offsets inside it map to columns (one-line texts only).
public struct TextPosition: Sendable, Codable, Hashable {
    public var location: SourceLocation
    /// True when the text is written over several lines (a block scalar or a folded line): offsets inside it are
    /// then reported at its start.
    public var spansLines: Bool

    public init(location: SourceLocation, spansLines: Bool) {
        self.location = location
        self.spansLines = spansLines
    }

    /// The position of a character offset inside the text.
    public func location(ofOffset offset: Int) -> SourceLocation {
        spansLines ? location : location.advanced(by: offset)
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
    /// Left alone, it does harm that cannot be undone later (`irreversible: true`): data lost for good, money recorded
    /// wrong or moved twice, data or secrets disclosed. Such findings come first among priorities of their severity
    /// (as irreversible checklist items do); `kb lint` refuses one rated low.
    public var irreversible: Bool

    public init(id: String, title: String, severity: Severity, remediation: String, irreversible: Bool = false) {
        self.id = id
        self.title = title
        self.severity = severity
        self.remediation = remediation
        self.irreversible = irreversible
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
    /// How serious it is: `medium` unless the knowledge base says `high` (the design cannot meet both answers, so
    /// one must give way before building: 99.99% with nobody on call) or `low`.
    public var severity: Severity

    public init(id: String, title: String, advice: String, between: [String] = [], severity: Severity = .medium) {
        self.id = id
        self.title = title
        self.advice = advice
        self.between = between
        self.severity = severity
    }

    private enum CodingKeys: String, CodingKey { case id, title, advice, between, severity }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            title: try container.decode(String.self, forKey: .title),
            advice: try container.decode(String.self, forKey: .advice),
            between: try container.decodeIfPresent([String].self, forKey: .between) ?? [],
            severity: try container.decodeIfPresent(Severity.self, forKey: .severity) ?? .medium)
    }
}
