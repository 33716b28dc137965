/// How much of each reference catalogue (OWASP API Top 10, Twelve-Factor, ...) the knowledge base covers: an item is
/// covered when a rule or checklist item cites it in `refs` (`stackwise kb coverage`).
public struct ReferenceCoverage: Sendable, Codable, Equatable {
    public struct SetCoverage: Sendable, Codable, Equatable {
        public var id: String
        public var title: String
        public var total: Int
        public var covered: Int
        /// Item ids no rule or checklist item cites, in catalogue order.
        public var missing: [String]
    }

    public var sets: [SetCoverage]

    public init(_ kb: KnowledgeBase) {
        var cited: Set<String> = []
        for rule in kb.rules { cited.formUnion(rule.refs) }
        for item in kb.checklist { cited.formUnion(item.refs) }
        sets = kb.references.map { set in
            let missing = set.items.map(\.id).filter { !cited.contains("\(set.id):\($0)") }
            return SetCoverage(
                id: set.id, title: set.title, total: set.items.count, covered: set.items.count - missing.count,
                missing: missing)
        }
    }

    /// Covered items over all sets.
    public var covered: Int { sets.reduce(0) { $0 + $1.covered } }
    /// Items over all sets.
    public var total: Int { sets.reduce(0) { $0 + $1.total } }
}
