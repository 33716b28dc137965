/// Facts cite sources: every decision option and checklist item cites at least one, and every source is cited.
struct CitationCheck: KnowledgeBaseCheck {
    func check(_ kb: KnowledgeBase, sink: DiagnosticSink) {
        var cited: Set<String> = []
        for decision in kb.decisions {
            for option in decision.options {
                cited.formUnion(option.sources)
                // A "when not to use" entry cites the sources of its own reason.
                for entry in option.whenNot { cited.formUnion(entry.sources) }
                if option.sources.isEmpty {
                    sink.warning("option '\(decision.id).\(option.id)' cites no source", at: option.location)
                }
            }
        }
        for item in kb.checklist {
            cited.formUnion(item.sources)
            if item.sources.isEmpty {
                sink.warning("checklist item '\(item.id)' cites no source", at: item.location)
            }
        }
        for rule in kb.rules { cited.formUnion(rule.sources) }
        for set in kb.references { if let source = set.source { cited.insert(source) } }
        for source in kb.sources where !cited.contains(source.id) {
            sink.warning("source '\(source.id)' is never cited", at: source.location)
        }
    }
}
