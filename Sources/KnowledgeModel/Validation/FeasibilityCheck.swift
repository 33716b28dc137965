/// Compatibility constraints leave every decision at least one possible option (arc consistency over the
/// `requires`/`conflicts` graph); options that no combination can ever allow are reported.
struct FeasibilityCheck: KnowledgeBaseCheck {
    func check(_ kb: KnowledgeBase, sink: DiagnosticSink) {
        let constraints = CompatibilityConstraint.all(in: kb)
        var domains: [String: Set<String>] = [:]
        for decision in kb.decisions { domains[decision.id] = Set(decision.options.map(\.id)) }
        var pruned: [OptionRef: CompatibilityConstraint] = [:]
        var changed = true
        while changed {
            changed = false
            for constraint in constraints {
                guard domains[constraint.source.decision]?.contains(constraint.source.option) == true,
                    let targetDomain = domains[constraint.targetDecision]
                else { continue }
                if targetDomain.isDisjoint(with: constraint.allowed) {
                    domains[constraint.source.decision]?.remove(constraint.source.option)
                    pruned[constraint.source] = constraint
                    changed = true
                }
            }
        }
        for decision in kb.decisions {
            if domains[decision.id]?.isEmpty == true {
                sink.error(
                    "compatibility constraints make decision '\(decision.id)' impossible: every option requires something no other option allows",
                    at: decision.location)
                continue
            }
            for option in decision.options {
                let ref = OptionRef(decision: decision.id, option: option.id)
                guard let constraint = pruned[ref] else { continue }
                sink.warning(
                    "option '\(ref)' can never be chosen: it needs '\(constraint.targetDecision)' to be one of "
                        + "\(constraint.allowed.sorted().joined(separator: ", ")), which no combination allows",
                    at: option.location)
            }
        }
    }
}

/// A compatibility constraint in normal form: "if `source` is chosen, `targetDecision` must be in `allowed`".
/// `requires` gives one such constraint; a `conflicts` entry gives two (one from each side).
public struct CompatibilityConstraint: Sendable, Hashable {
    public var source: OptionRef
    public var targetDecision: String
    public var allowed: Set<String>
    /// The reason a user reads.
    public var reason: String
    /// Where the author wrote it.
    public var location: SourceLocation?

    /// All constraints of a knowledge base, in a stable order. Constraints naming unknown ids are skipped
    /// (the reference check reports them).
    public static func all(in kb: KnowledgeBase) -> [CompatibilityConstraint] {
        var result: [CompatibilityConstraint] = []
        for decision in kb.decisions {
            for option in decision.options {
                let source = OptionRef(decision: decision.id, option: option.id)
                for requirement in option.requires {
                    guard let target = kb.decision(requirement.decision), target.id != decision.id else { continue }
                    result.append(
                        CompatibilityConstraint(
                            source: source, targetDecision: target.id,
                            allowed: Set(requirement.anyOf.filter { target.option($0) != nil }),
                            reason: requirement.reason, location: requirement.location))
                }
                for conflict in option.conflicts {
                    guard let target = kb.decision(conflict.option.decision), target.id != decision.id,
                        target.option(conflict.option.option) != nil
                    else { continue }
                    let others = Set(target.options.map(\.id)).subtracting([conflict.option.option])
                    result.append(
                        CompatibilityConstraint(
                            source: source, targetDecision: target.id, allowed: others, reason: conflict.reason,
                            location: conflict.location))
                    let back = Set(decision.options.map(\.id)).subtracting([option.id])
                    result.append(
                        CompatibilityConstraint(
                            source: conflict.option, targetDecision: decision.id, allowed: back,
                            reason: conflict.reason, location: conflict.location))
                }
            }
        }
        return result
    }
}
