import RuleLanguage

/// Stacks layers into one knowledge base: the first layer is the base, each later layer (an overlay) adds
/// entities, replaces those it marks `override: true`, extends decisions marked `extend: true`, and removes the
/// rules and checklist items it lists under `remove:`. A later layer wins.
public struct LayerMerger {
    private let sink: DiagnosticSink

    public init(sink: DiagnosticSink) {
        self.sink = sink
    }

    /// Merges `layers` in order.
    public func merge(_ layers: [KnowledgeBaseLayer]) -> KnowledgeBase {
        var sections = OrderedEntities<Section>(kind: "section", sink: sink)
        var questions = OrderedEntities<Question>(kind: "question", sink: sink)
        var decisions = OrderedEntities<Decision>(kind: "decision", sink: sink)
        var rules = OrderedEntities<Rule>(kind: "rule", sink: sink)
        var checklist = OrderedEntities<ChecklistItem>(kind: "checklist", sink: sink)
        var contradictions = OrderedEntities<Contradiction>(kind: "contradiction", sink: sink)
        var sources = OrderedEntities<Source>(kind: "source", sink: sink)
        var references = OrderedEntities<ReferenceSet>(kind: "reference set", sink: sink)
        var technologies = OrderedEntities<Technology>(kind: "technology", sink: sink)
        var packages = OrderedEntities<PackageMapping>(kind: "package mapping", sink: sink)

        for layer in layers {
            let overrides = layer.overrides
            sections.add(layer.sections, overrides: [], location: \.location)
            questions.add(layer.questions, overrides: overrides, prefix: "question", location: \.location)
            decisions.add(layer.decisions, overrides: overrides, prefix: "decision", location: \.location)
            rules.add(layer.rules, overrides: overrides, prefix: "rule", location: \.location)
            checklist.add(layer.checklist, overrides: overrides, prefix: "checklist", location: \.location)
            contradictions.add(
                layer.contradictions, overrides: overrides, prefix: "contradiction", location: \.location)
            sources.add(layer.sources, overrides: overrides, prefix: "source", location: \.location)
            references.add(layer.references, overrides: [], location: \.location)
            technologies.add(
                layer.detectionTechnologies, overrides: overrides, prefix: "technology", location: \.location)
            packages.add(layer.detectionPackages, overrides: overrides, prefix: "package", location: \.location)
            for extensionDecision in layer.extensions {
                guard var base = decisions[extensionDecision.id] else {
                    sink.error(
                        "'extend: true' needs an existing decision, but there is no decision '\(extensionDecision.id)'"
                            + Suggestions.hint(for: extensionDecision.id, in: decisions.ids),
                        at: extensionDecision.location)
                    continue
                }
                for option in extensionDecision.options {
                    if let existing = base.option(option.id) {
                        sink.error(
                            "decision '\(base.id)' already has an option '\(option.id)'"
                                + (existing.location.map { " (defined at \($0))" } ?? ""), at: option.location)
                    } else {
                        base.options.append(option)
                    }
                }
                base.complements.append(contentsOf: extensionDecision.complements)
                decisions[extensionDecision.id] = base
            }
            for removal in layer.removals {
                let removed: Bool
                switch removal.kind {
                case .rules: removed = rules.remove(removal.id)
                case .checklist: removed = checklist.remove(removal.id)
                }
                if !removed {
                    let ids = removal.kind == .rules ? rules.ids : checklist.ids
                    sink.error(
                        "cannot remove '\(removal.id)': no such \(removal.kind == .rules ? "rule" : "checklist item")"
                            + Suggestions.hint(for: removal.id, in: ids), at: removal.location)
                }
            }
        }
        return KnowledgeBase(
            sections: sections.values, questions: questions.values, decisions: decisions.values, rules: rules.values,
            checklist: checklist.values, sources: sources.values, references: references.values,
            detection: DetectionCatalog(technologies: technologies.values, packages: packages.values),
            contradictions: contradictions.values)
    }
}

/// Entities keyed by id, keeping first-definition order.
struct OrderedEntities<T: Identifiable> where T.ID == String {
    private(set) var values: [T] = []
    private var positions: [String: Int] = [:]
    let kind: String
    let sink: DiagnosticSink

    init(kind: String, sink: DiagnosticSink) {
        self.kind = kind
        self.sink = sink
    }

    var ids: [String] { values.map(\.id) }

    subscript(id: String) -> T? {
        get { positions[id].map { values[$0] } }
        set {
            guard let position = positions[id], let newValue else { return }
            values[position] = newValue
        }
    }

    mutating func add(
        _ items: [T], overrides: Set<String>, prefix: String = "", location: KeyPath<T, SourceLocation?>
    ) {
        var seenInLayer: Set<String> = []
        for item in items {
            let firstInLayer = seenInLayer.insert(item.id).inserted
            if let position = positions[item.id] {
                let original = values[position][keyPath: location]
                if firstInLayer, overrides.contains("\(prefix):\(item.id)") {
                    values[position] = item
                } else {
                    let hint = firstInLayer ? "; add 'override: true' to replace it on purpose" : ""
                    sink.error(
                        "duplicate \(kind) id '\(item.id)'" + (original.map { " (first defined at \($0))" } ?? "")
                            + hint, at: item[keyPath: location])
                }
            } else {
                positions[item.id] = values.count
                values.append(item)
            }
        }
    }

    mutating func remove(_ id: String) -> Bool {
        guard let position = positions[id] else { return false }
        values.remove(at: position)
        positions = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1.id, $0) })
        return true
    }
}
