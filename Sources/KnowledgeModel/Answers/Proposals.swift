import RuleLanguage

/// What the user plans to use, per decision (`proposed:` in an answers file, `--propose DECISION=OPTION`): checked
/// against the knowledge base with "did you mean" for unknown decisions and options. A decision takes one proposed
/// option; a decision with complements also takes its complement options alongside.
public enum Proposals {
    /// The problem with proposing `options` for `decisionID`, if any (the message a user reads).
    public static func problem(decision decisionID: String, options: [String], in kb: KnowledgeBase) -> String? {
        guard let decision = kb.decision(decisionID) else {
            return "unknown decision '\(decisionID)'\(Suggestions.hint(for: decisionID, in: kb.allDecisionIDs))"
        }
        let optionIDs = decision.options.map(\.id)
        if options.isEmpty { return "no option proposed for decision '\(decisionID)'" }
        for option in options where decision.option(option) == nil {
            return "decision '\(decisionID)' has no option '\(option)'\(Suggestions.hint(for: option, in: optionIDs))"
        }
        if let duplicate = options.enumerated().first(where: { options[..<$0.offset].contains($0.element) }) {
            return "option '\(duplicate.element)' is proposed twice for decision '\(decisionID)'"
        }
        guard options.count > 1 else { return nil }
        let complements = Set(decision.complements.map(\.option))
        let primaries = options.filter { !complements.contains($0) }
        if decision.complements.isEmpty || primaries.count > 1 {
            let names = (primaries.count > 1 ? primaries : options).prefix(2).map { "'\($0)'" }.joined(
                separator: " and ")
            return "decision '\(decisionID)' takes one proposed option, found \(names)"
                + (decision.complements.isEmpty
                    ? "" : " (options that can go alongside: \(complements.sorted().joined(separator: ", ")))")
        }
        return nil
    }

    /// Applies `--propose DECISION=OPTION[,OPTION]` arguments over the file's proposals (a decision named on the
    /// command line replaces the file's proposal for it). Returns the problems; on errors `answerSet` is unchanged.
    public static func apply(
        _ arguments: [String], to answerSet: inout AnswerSet, knowledgeBase: KnowledgeBase
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var parsed: [String: [String]] = [:]
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "=") else {
                diagnostics.append(
                    .error(
                        "--propose '\(argument)': expected DECISION=OPTION (e.g. database=postgresql)", at: nil))
                continue
            }
            let decision = argument[..<equals].trimmingCharacters(in: .whitespaces)
            let options = argument[argument.index(after: equals)...].split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty }
            var combined = parsed[decision] ?? []
            combined.append(contentsOf: options)
            if let problem = problem(decision: decision, options: combined, in: knowledgeBase) {
                diagnostics.append(.error("--propose '\(argument)': \(problem)", at: nil))
                continue
            }
            parsed[decision] = combined
        }
        guard !diagnostics.hasErrors else { return diagnostics }
        for (decision, options) in parsed { answerSet.proposed[decision] = options }
        return diagnostics
    }

    /// Decodes the `proposed:` mapping of an answers file (decision id -> option id or list of option ids).
    public static func decode(
        _ node: YAMLNode, knowledgeBase: KnowledgeBase, sink: DiagnosticSink
    ) -> [String: [String]] {
        guard case .mapping(let pairs) = node.content else {
            sink.error(
                "'proposed' must map decision ids to the option you plan to use, found \(node.kindName)",
                at: node.location)
            return [:]
        }
        var result: [String: [String]] = [:]
        for (key, value) in pairs {
            guard let decision = key.scalar else {
                sink.error("keys in 'proposed' must be decision ids", at: key.location)
                continue
            }
            var options: [String] = []
            switch value.content {
            case .scalar(let text, _): options = [text]
            case .sequence(let items):
                for item in items {
                    guard let text = item.scalar else {
                        sink.error("proposed options must be option ids, found \(item.kindName)", at: item.location)
                        continue
                    }
                    options.append(text)
                }
            default:
                sink.error(
                    "the proposal for '\(decision)' must be an option id or a list of them, found \(value.kindName)",
                    at: value.location)
                continue
            }
            if result[decision] != nil {
                sink.error("decision '\(decision)' is proposed twice", at: key.location)
                continue
            }
            if let problem = problem(decision: decision, options: options, in: knowledgeBase) {
                sink.error(problem, at: knowledgeBase.decision(decision) == nil ? key.location : value.location)
                continue
            }
            result[decision] = options
        }
        return result
    }
}
