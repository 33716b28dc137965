/// Knowledge that can never matter: options no rule favours, questions nothing reads, checklist items that no
/// condition or rule can bring in.
struct UsageCheck: KnowledgeBaseCheck {
    func check(_ kb: KnowledgeBase, sink: DiagnosticSink) {
        var favoured: Set<OptionRef> = []
        var read: Set<String> = []
        for rule in kb.rules {
            for effect in rule.scores where effect.weight > 0 { favoured.insert(effect.target) }
            read.formUnion(rule.when.expression.questionIDs)
            for (_, text) in rule.interpolatedTexts { read.formUnion(text.questionIDs) }
            read.formUnion(rule.tension?.between ?? [])
        }
        for question in kb.questions { read.formUnion(question.askIf?.expression.questionIDs ?? []) }
        for decision in kb.decisions {
            read.formUnion(decision.appliesIf?.expression.questionIDs ?? [])
            for option in decision.options {
                for entry in option.whenNot { read.formUnion(entry.when.expression.questionIDs) }
            }
            for complement in decision.complements { read.formUnion(complement.when?.expression.questionIDs ?? []) }
            if let link = decision.current { read.insert(link.question) }
        }
        for item in kb.checklist { read.formUnion(item.appliesIf?.expression.questionIDs ?? []) }
        for contradiction in kb.contradictions { read.formUnion(contradiction.when.expression.questionIDs) }

        for decision in kb.decisions {
            for option in decision.options
            where !favoured.contains(OptionRef(decision: decision.id, option: option.id)) {
                sink.warning(
                    "no rule ever favours option '\(decision.id).\(option.id)'; it can only win by default",
                    at: option.location)
            }
        }
        for question in kb.questions where !read.contains(question.id) {
            sink.warning(
                "no rule or condition reads question '\(question.id)'; its answer changes nothing",
                at: question.location)
        }
    }
}
