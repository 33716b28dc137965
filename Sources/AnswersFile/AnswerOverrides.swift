import KnowledgeModel
import RuleLanguage

/// `--set id=value` assignments: parsed, checked against the knowledge base, and applied over an answers file.
public enum AnswerOverrides {
    /// Applies `assignments` (each `question.id=value`) to `answerSet`, replacing values from the file while
    /// keeping their notes. Returns the problems found; when there are errors, `answerSet` is left unchanged.
    ///
    /// `not-sure` (or `not sure`) as the value marks the question "not sure". Values holding control or
    /// bidirectional characters are refused. The same question set twice to different values is
    /// an error (which one was meant?); set twice to the same value is accepted.
    public static func apply(
        _ assignments: [String], to answerSet: inout AnswerSet, knowledgeBase: KnowledgeBase
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var parsed: [(id: String, raw: String, value: AnswerValue?)] = []
        let ids = knowledgeBase.questions.map(\.id)
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                diagnostics.append(
                    .error("--set '\(assignment)': expected question-id=value (e.g. traffic.peak_rps=500)", at: nil))
                continue
            }
            var id = String(assignment[..<equals]).trimmingCharacters(in: .whitespaces)
            let raw = String(assignment[assignment.index(after: equals)...])
            if knowledgeBase.question(id) == nil, let renamed = knowledgeBase.questionRenamed(from: id) {
                diagnostics.append(
                    .warning("--set '\(assignment)': '\(id)' is now '\(renamed.id)'; set as \(renamed.id)", at: nil))
                id = renamed.id
            }
            guard let question = knowledgeBase.question(id) else {
                diagnostics.append(
                    .error(
                        "--set '\(assignment)': unknown question '\(id)'\(Suggestions.hint(for: id, in: ids))", at: nil)
                )
                continue
            }
            if let earlier = parsed.first(where: { $0.id == id }) {
                if earlier.raw.trimmingCharacters(in: .whitespaces) != raw.trimmingCharacters(in: .whitespaces) {
                    diagnostics.append(
                        .error(
                            "--set gives '\(id)' two different values ('\(earlier.raw)' and '\(raw)'); keep one",
                            at: nil))
                }
                continue
            }
            if ["not-sure", "not sure", "not_sure", "notsure"].contains(
                raw.trimmingCharacters(in: .whitespaces).lowercased())
            {
                guard question.allowsNotSure else {
                    diagnostics.append(.error("--set '\(assignment)': '\(id)' does not accept 'not sure'", at: nil))
                    continue
                }
                parsed.append((id, raw, nil))
                continue
            }
            if let unsafe = UntrustedText.firstUnsafe(in: raw, allowingLineBreaks: false) {
                diagnostics.append(
                    .error("--set '\(id)': the value contains \(UntrustedText.name(unsafe.scalar)); remove it", at: nil)
                )
                continue
            }
            switch AnswerParsing.parse(text: raw, for: question, at: nil) {
            case .success(let value):
                if let concern = AnswerParsing.unusualNumber(value, for: question) {
                    diagnostics.append(.warning("--set '\(assignment)': \(concern); kept as written", at: nil))
                }
                parsed.append((id, raw, value))
            case .failure(let problem): diagnostics.append(.error("--set '\(assignment)': \(problem.message)", at: nil))
            }
        }
        guard !diagnostics.hasErrors else { return diagnostics }
        for (id, _, value) in parsed {
            if let value { answerSet.set(id, to: value) } else { answerSet.markNotSure(id) }
        }
        return diagnostics
    }
}
