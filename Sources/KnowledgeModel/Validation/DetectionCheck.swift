import RuleLanguage

/// The detection catalog is consistent: packages name existing technologies, and the answers a technology implies
/// name real questions and options of the right type.
struct DetectionCheck: KnowledgeBaseCheck {
    func check(_ kb: KnowledgeBase, sink: DiagnosticSink) {
        let catalog = kb.detection
        let technologyIDs = catalog.technologies.map(\.id)
        let known = Set(technologyIDs)

        for mapping in catalog.packages {
            for id in mapping.detects + mapping.talksTo where !known.contains(id) {
                sink.error(
                    "package '\(mapping.id)' names unknown technology '\(id)'"
                        + Suggestions.hint(for: id, in: technologyIDs), at: mapping.location)
            }
            if let adapted = mapping.adapts, !known.contains(adapted) {
                sink.error(
                    "package '\(mapping.id)' adapts unknown technology '\(adapted)'"
                        + Suggestions.hint(for: adapted, in: technologyIDs), at: mapping.location)
            }
            for id in mapping.detects where mapping.talksTo.contains(id) {
                sink.error(
                    "package '\(mapping.id)' lists '\(id)' under both 'detects' and 'talksTo'", at: mapping.location)
            }
        }

        let questionIDs = kb.questions.map(\.id)
        let decisionIDs = kb.decisions.map(\.id)
        for technology in catalog.technologies {
            for choice in technology.decides {
                guard let decision = kb.decision(choice.decision) else {
                    sink.error(
                        "technology '\(technology.id)' decides unknown decision '\(choice.decision)'"
                            + Suggestions.hint(for: choice.decision, in: decisionIDs), at: technology.location)
                    continue
                }
                if let option = choice.option, decision.option(option) == nil {
                    let options = decision.options.map(\.id)
                    sink.error(
                        "decision '\(decision.id)' has no option '\(option)'"
                            + Suggestions.hint(for: option, in: options)
                            + " (options: \(options.joined(separator: ", ")); write just '\(decision.id)' for a choice "
                            + "that is none of them)", at: technology.location)
                }
            }
            for answer in technology.answers {
                let location = answer.location ?? technology.location
                guard let question = kb.question(answer.question) else {
                    sink.error(
                        "technology '\(technology.id)' answers unknown question '\(answer.question)'"
                            + Suggestions.hint(for: answer.question, in: questionIDs), at: location)
                    continue
                }
                guard question.type == .single || question.type == .multi else {
                    sink.error(
                        "technology '\(technology.id)' answers question '\(question.id)', a \(question.type.displayName)"
                            + " question; detections can only answer single or multiple choice questions",
                        at: location)
                    continue
                }
                if question.option(answer.option) == nil {
                    let options = question.options.map(\.id)
                    sink.error(
                        "question '\(question.id)' has no option '\(answer.option)'"
                            + Suggestions.hint(for: answer.option, in: options)
                            + " (options: \(options.joined(separator: ", ")))", at: location)
                }
            }
        }
    }
}
