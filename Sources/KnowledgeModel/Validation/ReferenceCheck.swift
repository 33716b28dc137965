import RuleLanguage

/// Every id a rule, option or checklist item names exists: decisions, options, checklist items, sources,
/// reference items and questions.
struct ReferenceCheck: KnowledgeBaseCheck {
    func check(_ kb: KnowledgeBase, sink: DiagnosticSink) {
        let checklistIDs = kb.checklist.map(\.id)
        let sourceIDs = kb.sources.map(\.id)
        let referenceIDs = kb.references.flatMap { set in set.items.map { "\(set.id):\($0.id)" } }
        let referenceIDSet = Set(referenceIDs)

        func checkSources(_ ids: [String], owner: String, at location: SourceLocation?) {
            for id in ids where kb.source(id) == nil {
                sink.error(
                    "\(owner) cites unknown source '\(id)'\(Suggestions.hint(for: id, in: sourceIDs))", at: location)
            }
        }
        func checkRefs(_ ids: [String], owner: String, at location: SourceLocation?) {
            for id in ids where !referenceIDSet.contains(id) {
                sink.error(
                    "\(owner) cites unknown reference item '\(id)'\(Suggestions.hint(for: id, in: referenceIDs))",
                    at: location)
            }
        }

        for decision in kb.decisions {
            var seen: Set<String> = []
            for option in decision.options {
                if !seen.insert(option.id).inserted {
                    sink.error("decision '\(decision.id)' has option '\(option.id)' twice", at: option.location)
                }
                checkSources(option.sources, owner: "option '\(decision.id).\(option.id)'", at: option.location)
                for requirement in option.requires {
                    guard let other = kb.decision(requirement.decision) else {
                        sink.error(unknownDecision(requirement.decision, kb), at: requirement.location)
                        continue
                    }
                    if other.id == decision.id {
                        sink.error(
                            "option '\(decision.id).\(option.id)' cannot require its own decision",
                            at: requirement.location)
                    }
                    for id in requirement.anyOf where other.option(id) == nil {
                        sink.error(
                            unknownOption(OptionRef(decision: other.id, option: id), kb), at: requirement.location)
                    }
                }
                for conflict in option.conflicts {
                    guard kb.option(conflict.option) != nil else {
                        sink.error(unknownOptionOrDecision(conflict.option, kb), at: conflict.location)
                        continue
                    }
                    checkOwnDecision(conflict, of: OptionRef(decision: decision.id, option: option.id), sink: sink)
                }
            }
            if decision.options.count > 64 {
                sink.error(
                    "decision '\(decision.id)' has \(decision.options.count) options; at most 64 are supported",
                    at: decision.location)
            }
            if decision.options.count < 2 {
                sink.error(
                    "decision '\(decision.id)' needs at least two options to choose between", at: decision.location)
            }
        }
        for rule in kb.rules {
            for effect in rule.scores where kb.option(effect.target) == nil {
                sink.error(unknownOptionOrDecision(effect.target, kb), at: effect.location ?? rule.location)
            }
            for ref in rule.excludes where kb.option(ref) == nil {
                sink.error(unknownOptionOrDecision(ref, kb), at: rule.location)
            }
            for id in rule.includes where kb.checklistItem(id) == nil {
                sink.error(
                    "rule '\(rule.id)' includes unknown checklist item '\(id)'\(Suggestions.hint(for: id, in: checklistIDs))",
                    at: rule.location)
            }
            for id in rule.tension?.between ?? [] where kb.question(id) == nil {
                sink.error(
                    "tension of rule '\(rule.id)' names unknown question '\(id)'\(Suggestions.hint(for: id, in: kb.allQuestionIDs))",
                    at: rule.location)
            }
            checkSources(rule.sources, owner: "rule '\(rule.id)'", at: rule.location)
            checkRefs(rule.refs, owner: "rule '\(rule.id)'", at: rule.location)
        }
        for item in kb.checklist {
            checkSources(item.sources, owner: "checklist item '\(item.id)'", at: item.location)
            checkRefs(item.refs, owner: "checklist item '\(item.id)'", at: item.location)
        }
        for set in kb.references {
            if let source = set.source { checkSources([source], owner: "reference set '\(set.id)'", at: set.location) }
            var seen: Set<String> = []
            for item in set.items where !seen.insert(item.id).inserted {
                sink.error("reference set '\(set.id)' lists item '\(item.id)' twice", at: set.location)
            }
        }
    }

    /// A conflict within the option's own decision is never enforced (a decision chooses one option, and the
    /// solver only links different decisions): naming the option itself is an error, a sibling a warning.
    private func checkOwnDecision(_ conflict: Conflict, of owner: OptionRef, sink: DiagnosticSink) {
        guard conflict.option.decision == owner.decision else { return }
        if conflict.option == owner {
            sink.error(
                "option '\(owner)' lists itself under conflicts; an option cannot conflict with itself "
                    + "(name an option of another decision)", at: conflict.location)
        } else {
            sink.warning(
                "option '\(owner)' conflicts with '\(conflict.option)' of the same decision, which has no effect: "
                    + "a decision chooses one option anyway", at: conflict.location)
        }
    }

    private func unknownDecision(_ id: String, _ kb: KnowledgeBase) -> String {
        "unknown decision '\(id)'\(Suggestions.hint(for: id, in: kb.allDecisionIDs))"
    }

    private func unknownOption(_ ref: OptionRef, _ kb: KnowledgeBase) -> String {
        let ids = kb.optionIDs(ofDecision: ref.decision) ?? []
        return "decision '\(ref.decision)' has no option '\(ref.option)'\(Suggestions.hint(for: ref.option, in: ids))"
    }

    private func unknownOptionOrDecision(_ ref: OptionRef, _ kb: KnowledgeBase) -> String {
        kb.decision(ref.decision) == nil ? unknownDecision(ref.decision, kb) : unknownOption(ref, kb)
    }
}
