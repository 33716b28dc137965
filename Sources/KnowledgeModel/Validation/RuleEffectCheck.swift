/// Rules do something, do it once, and raise findings and tensions with unique ids.
struct RuleEffectCheck: KnowledgeBaseCheck {
    func check(_ kb: KnowledgeBase, sink: DiagnosticSink) {
        var findingOwners: [String: String] = [:]
        var tensionOwners: [String: String] = [:]
        for rule in kb.rules {
            if rule.scores.isEmpty, rule.excludes.isEmpty, rule.includes.isEmpty, rule.finding == nil,
                rule.tension == nil
            {
                sink.error(
                    "rule '\(rule.id)' has no effect: give it score, exclude, include, finding or tension",
                    at: rule.location)
            }
            var scored: Set<OptionRef> = []
            for effect in rule.scores where !scored.insert(effect.target).inserted {
                sink.error("rule '\(rule.id)' scores '\(effect.target)' twice", at: effect.location ?? rule.location)
            }
            for ref in rule.excludes where scored.contains(ref) {
                sink.warning(
                    "rule '\(rule.id)' both scores and excludes '\(ref)'; the exclusion wins", at: rule.location)
            }
            if let finding = rule.finding {
                if let owner = findingOwners[finding.id] {
                    sink.error("finding id '\(finding.id)' is already raised by rule '\(owner)'", at: rule.location)
                } else {
                    findingOwners[finding.id] = rule.id
                }
            }
            if let tension = rule.tension {
                if let owner = tensionOwners[tension.id] {
                    sink.error("tension id '\(tension.id)' is already raised by rule '\(owner)'", at: rule.location)
                } else {
                    tensionOwners[tension.id] = rule.id
                }
            }
        }
    }
}
