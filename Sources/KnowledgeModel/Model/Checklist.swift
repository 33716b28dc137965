/// The area a checklist item belongs to.
public enum ChecklistCategory: String, Sendable, Codable, CaseIterable {
    case security, reliability, testing, observability, performance, data, delivery
}

/// How soon a checklist item matters.
public enum Priority: String, Sendable, Codable, CaseIterable, Comparable {
    case low, medium, high

    private var rank: Int {
        switch self {
        case .low: return 0
        case .medium: return 1
        case .high: return 2
        }
    }

    public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rank < rhs.rank }
}

/// One thing to check before (or while) running the service in production.
///
/// An item is included when its `appliesIf` holds (a condition over answers and `chosen(...)` options), or when a
/// rule that fired includes it. An item with neither an `appliesIf` nor any rule including it always applies.
public struct ChecklistItem: Sendable, Codable, Hashable, Identifiable {
    public var id: String
    public var text: String
    public var category: ChecklistCategory
    public var priority: Priority
    /// Always-on hygiene that every service should have, whatever the answers (`baseline: true`). A baseline item
    /// is never `high`: high means "do before launch or the next release, for these answers".
    public var baseline: Bool
    /// Missing it does harm that cannot be undone later (`irreversible: true`): data lost for good, money recorded
    /// wrong or moved twice, personal data or secrets disclosed. Such items come first among equally severe
    /// priorities, and a baseline item that is irreversible can be a priority.
    public var irreversible: Bool
    public var appliesIf: Condition?
    public var sources: [String]
    public var refs: [String]
    public var location: SourceLocation?

    public init(
        id: String, text: String, category: ChecklistCategory, priority: Priority, baseline: Bool = false,
        irreversible: Bool = false, appliesIf: Condition? = nil, sources: [String] = [], refs: [String] = [],
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.text = text
        self.category = category
        self.priority = priority
        self.baseline = baseline
        self.irreversible = irreversible
        self.appliesIf = appliesIf
        self.sources = sources
        self.refs = refs
        self.location = location
    }
}
