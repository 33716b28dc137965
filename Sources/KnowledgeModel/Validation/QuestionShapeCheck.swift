import RuleLanguage

/// Questions are well formed: choice questions have options, other types do not; numbers have a sane range and
/// defaults fit the question; sections exist; a former id (`formerly`) is no current question's id and belongs to one
/// question only.
struct QuestionShapeCheck: KnowledgeBaseCheck {
    func check(_ kb: KnowledgeBase, sink: DiagnosticSink) {
        let sectionIDs = kb.sections.map(\.id)
        var formerOwner: [String: String] = [:]
        for question in kb.questions {
            let at = question.location
            for former in question.formerly {
                if kb.question(former) != nil {
                    sink.error(
                        "question '\(question.id)' lists '\(former)' under 'formerly', but a question still has that id",
                        at: at)
                } else if let owner = formerOwner[former], owner != question.id {
                    sink.error(
                        "'\(former)' is the former id of both '\(owner)' and '\(question.id)'; answers using it would be ambiguous",
                        at: at)
                }
                formerOwner[former] = formerOwner[former] ?? question.id
            }
            if !sectionIDs.contains(question.section) {
                sink.error(
                    "question '\(question.id)' is in unknown section '\(question.section)'"
                        + hint(question.section, sectionIDs), at: at)
            }
            switch question.type {
            case .single, .multi:
                if question.options.count < 2 {
                    sink.error(
                        "\(question.type.displayName) question '\(question.id)' needs at least two options", at: at)
                }
                var seen: Set<String> = []
                for option in question.options where !seen.insert(option.id).inserted {
                    sink.error("question '\(question.id)' lists option '\(option.id)' twice", at: at)
                }
            default:
                if !question.options.isEmpty {
                    sink.error("\(question.type.displayName) question '\(question.id)' cannot have options", at: at)
                }
            }
            if question.type != .number, question.unit != nil || question.minimum != nil || question.maximum != nil {
                sink.error(
                    "only number questions take 'unit' and 'range' ('\(question.id)' is \(question.type.displayName))",
                    at: at)
            }
            if question.type == .number, let low = question.minimum, let high = question.maximum, low > high {
                sink.error("question '\(question.id)' has a range whose minimum is above its maximum", at: at)
            }
        }
    }

    private func hint(_ word: String, _ ids: [String]) -> String {
        Suggestions.hint(for: word, in: ids)
    }
}
