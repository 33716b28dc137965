import RuleLanguage

/// The judgement parts of decisions are consistent: `whenNot` conditions type-check and cite known sources;
/// `complements` name options of their own decision (never the primary they complement); a `current` link names a
/// choice question of the current stack whose options, and the decision options they map to, exist.
struct DecisionJudgementCheck: KnowledgeBaseCheck {
    func check(_ kb: KnowledgeBase, sink: DiagnosticSink) {
        let checker = TypeChecker(schema: kb, allowsChosen: false)
        let sourceIDs = kb.sources.map(\.id)
        func typeCheck(_ condition: Condition?, fallback: SourceLocation?) {
            checker.report(condition, fallback: fallback, to: sink)
        }
        for decision in kb.decisions {
            let optionIDs = decision.options.map(\.id)
            func checkOption(_ id: String, role: String, at location: SourceLocation?) {
                if decision.option(id) == nil {
                    sink.error(
                        "\(role) of decision '\(decision.id)' names unknown option '\(id)'"
                            + Suggestions.hint(for: id, in: optionIDs), at: location)
                }
            }
            for option in decision.options {
                for entry in option.whenNot {
                    typeCheck(entry.when, fallback: entry.location)
                    for id in entry.sources where kb.source(id) == nil {
                        sink.error(
                            "whenNot of option '\(decision.id).\(option.id)' cites unknown source '\(id)'"
                                + Suggestions.hint(for: id, in: sourceIDs), at: entry.location)
                    }
                }
            }
            var complemented: Set<String> = []
            for complement in decision.complements {
                checkOption(complement.option, role: "a complement", at: complement.location)
                for id in complement.with {
                    checkOption(id, role: "'with' of a complement", at: complement.location)
                    if id == complement.option {
                        sink.error(
                            "option '\(id)' cannot complement itself in decision '\(decision.id)'",
                            at: complement.location)
                    }
                }
                typeCheck(complement.when, fallback: complement.location)
                if !complemented.insert(complement.option).inserted {
                    sink.warning(
                        "decision '\(decision.id)' lists option '\(complement.option)' as a complement more than once;"
                            + " the first that holds is shown", at: complement.location)
                }
            }
            if let link = decision.current { checkLink(link, decision, kb, sink: sink) }
        }
    }

    private func checkLink(_ link: CurrentStackLink, _ decision: Decision, _ kb: KnowledgeBase, sink: DiagnosticSink) {
        guard let question = kb.question(link.question) else {
            sink.error(
                "current-stack link of decision '\(decision.id)' names unknown question '\(link.question)'"
                    + Suggestions.hint(for: link.question, in: kb.allQuestionIDs), at: link.location)
            return
        }
        guard question.type == .single || question.type == .multi else {
            sink.error(
                "current-stack link of decision '\(decision.id)' needs a choice question, but '\(question.id)' is"
                    + " \(question.type.displayName)", at: link.location)
            return
        }
        let answerIDs = question.options.map(\.id)
        let optionIDs = decision.options.map(\.id)
        for (answer, option) in link.options.sorted(by: { $0.key < $1.key }) {
            if !answerIDs.contains(answer) {
                sink.error(
                    "question '\(question.id)' has no option '\(answer)'"
                        + Suggestions.hint(for: answer, in: answerIDs),
                    at: link.location)
            }
            if decision.option(option) == nil {
                sink.error(
                    "decision '\(decision.id)' has no option '\(option)'"
                        + Suggestions.hint(for: option, in: optionIDs),
                    at: link.location)
            }
        }
    }
}
