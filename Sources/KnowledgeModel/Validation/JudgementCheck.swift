/// Judgement the review shows must hold together: a reason is displayed under every option its rule scores, so
/// it must argue for each option it scores positively; baseline hygiene is never "high"; an irreversible checklist
/// item or finding is never "low".
struct JudgementCheck: KnowledgeBaseCheck {
    func check(_ kb: KnowledgeBase, sink: DiagnosticSink) {
        for rule in kb.rules {
            // Positive weights per decision: a reason shown under a weaker favourite argues for the stronger one.
            var positive: [String: [ScoreEffect]] = [:]
            for effect in rule.scores where effect.weight > 0 {
                positive[effect.target.decision, default: []].append(effect)
            }
            for (decision, effects) in positive.sorted(by: { $0.key < $1.key }) {
                let weights = Set(effects.map(\.weight))
                guard weights.count > 1, let strongest = effects.max(by: { $0.weight < $1.weight }) else { continue }
                let weaker = effects.filter { $0.weight < strongest.weight }.map(\.target.option).sorted()
                sink.warning(
                    "rule '\(rule.id)' favours several '\(decision)' options with different weights; its reason is "
                        + "shown under \(weaker.joined(separator: ", ")) although it argues most for "
                        + "'\(strongest.target.option)': give them one weight or split the rule",
                    at: strongest.location ?? rule.location)
            }
        }
        for item in kb.checklist where item.baseline && item.priority == .high {
            sink.error(
                "checklist item '\(item.id)' is baseline (advice for every service) and high; high means "
                    + "'before launch, for these answers': make it medium or drop 'baseline'",
                at: item.location)
        }
        for item in kb.checklist where item.irreversible && item.priority == .low {
            sink.error(
                "checklist item '\(item.id)' is irreversible (missing it does harm that cannot be undone) but low; "
                    + "make it medium or high, or drop 'irreversible'",
                at: item.location)
        }
        for rule in kb.rules {
            guard let finding = rule.finding, finding.irreversible, finding.severity == .low else { continue }
            sink.error(
                "finding '\(finding.id)' is irreversible (left alone it does harm that cannot be undone) but low; "
                    + "make it medium or high, or drop 'irreversible'",
                at: rule.location)
        }
    }
}
