/// A decision area (`database`, `orm`, `realtime_transport`...) and the options it chooses between.
public struct Decision: Sendable, Codable, Hashable, Identifiable {
    public var id: String
    public var title: String
    /// The problem this decision answers.
    public var problem: String
    /// Decisions are shown in ascending order.
    public var order: Int
    /// The decision is made only when this holds (e.g. realtime transport only when realtime is needed).
    public var appliesIf: Condition?
    public var options: [DecisionOption]
    /// Options recommended alongside the primary choice (layered concerns).
    public var complements: [Complement]
    /// The current-stack question whose answer says what a running service uses here.
    public var current: CurrentStackLink?
    /// What moving a running service from one option to another costs, in a sentence.
    public var switchingCost: String?
    public var location: SourceLocation?

    public init(
        id: String, title: String, problem: String, order: Int, appliesIf: Condition? = nil,
        options: [DecisionOption], complements: [Complement] = [], current: CurrentStackLink? = nil,
        switchingCost: String? = nil, location: SourceLocation? = nil
    ) {
        self.id = id
        self.title = title
        self.problem = problem
        self.order = order
        self.appliesIf = appliesIf
        self.options = options
        self.complements = complements
        self.current = current
        self.switchingCost = switchingCost
        self.location = location
    }

    public func option(_ id: String) -> DecisionOption? { options.first { $0.id == id } }
}

/// One option of a decision, with the trade-offs a reviewer would explain.
public struct DecisionOption: Sendable, Codable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var summary: String
    public var pros: [String]
    public var cons: [String]
    public var pickWhen: [String]
    public var avoidWhen: [String]
    public var sources: [String]
    /// Choosing this option requires another decision to be one of some options.
    public var requires: [Requirement]
    /// Choosing this option rules out an option of another decision.
    public var conflicts: [Conflict]
    /// "When not to use", as conditions over the answers (counter-evidence).
    public var whenNot: [Counterindication]
    public var location: SourceLocation?

    public init(
        id: String, name: String, summary: String, pros: [String] = [], cons: [String] = [],
        pickWhen: [String] = [], avoidWhen: [String] = [], sources: [String] = [], requires: [Requirement] = [],
        conflicts: [Conflict] = [], whenNot: [Counterindication] = [], location: SourceLocation? = nil
    ) {
        self.whenNot = whenNot
        self.id = id
        self.name = name
        self.summary = summary
        self.pros = pros
        self.cons = cons
        self.pickWhen = pickWhen
        self.avoidWhen = avoidWhen
        self.sources = sources
        self.requires = requires
        self.conflicts = conflicts
        self.location = location
    }
}

/// "If this option is chosen, decision `decision` must be one of `anyOf`", with the reason a user reads.
public struct Requirement: Sendable, Codable, Hashable {
    public var decision: String
    public var anyOf: [String]
    public var reason: String
    public var location: SourceLocation?

    public init(decision: String, anyOf: [String], reason: String, location: SourceLocation? = nil) {
        self.decision = decision
        self.anyOf = anyOf
        self.reason = reason
        self.location = location
    }
}

/// "This option cannot be combined with `option`", with the reason a user reads.
public struct Conflict: Sendable, Codable, Hashable {
    public var option: OptionRef
    public var reason: String
    public var location: SourceLocation?

    public init(option: OptionRef, reason: String, location: SourceLocation? = nil) {
        self.option = option
        self.reason = reason
        self.location = location
    }
}

/// A reference to an option of a decision, written `decision.option` (`database.postgresql`).
public struct OptionRef: Sendable, Codable, Hashable, Comparable, CustomStringConvertible {
    public var decision: String
    public var option: String

    public init(decision: String, option: String) {
        self.decision = decision
        self.option = option
    }

    /// Parses `decision.option`; nil when the text has no dot.
    public init?(_ text: String) {
        guard let dot = text.firstIndex(of: "."), dot != text.startIndex, text.index(after: dot) != text.endIndex
        else { return nil }
        decision = String(text[..<dot])
        option = String(text[text.index(after: dot)...])
    }

    public var description: String { "\(decision).\(option)" }

    public static func < (lhs: OptionRef, rhs: OptionRef) -> Bool {
        (lhs.decision, lhs.option) < (rhs.decision, rhs.option)
    }
}
