import KnowledgeModel

/// Writes an ``AnswerSet`` as an answers file (the format ``AnswersFileReader`` reads; the TUI saves sessions in
/// it). Deterministic: the same answers give the same bytes. Answers follow the interview order, each under a
/// comment with its question, so the file reads like the interview.
public struct AnswersFileWriter: Sendable {
    public let knowledgeBase: KnowledgeBase

    public init(knowledgeBase: KnowledgeBase) {
        self.knowledgeBase = knowledgeBase
    }

    /// The file's text.
    public func yaml(for answerSet: AnswerSet) -> String {
        var lines: [String] = [
            "# Stackwise answers file. Check or use it with: stackwise review --answers FILE",
            "version: \(AnswersFileReader.formatVersion)",
        ]
        if let name = answerSet.serviceName { lines.append("service: \(YAMLText.quoted(name))") }
        lines += answerLines(answerSet.answers)
        lines += proposalLines(answerSet.proposed)
        let done = orderedChecklist(answerSet.checklistDone)
        if !done.isEmpty {
            lines.append("checklistDone:")
            lines += done.map { "  - \(YAMLText.scalar($0))" }
        }
        if !answerSet.acceptedRisks.isEmpty {
            lines.append("acceptedRisks:")
            for risk in answerSet.acceptedRisks { lines += riskLines(risk, indent: "  ") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One accepted risk as a block-sequence item (`- finding: ...` then its fields), indented by `indent`.
    public func riskLines(_ risk: AcceptedRisk, indent: String) -> [String] {
        var lines = ["\(indent)- finding: \(YAMLText.scalar(risk.findingID))"]
        lines.append("\(indent)  reason: \(YAMLText.quoted(risk.reason))")
        if let by = risk.by { lines.append("\(indent)  by: \(YAMLText.quoted(by))") }
        if let date = risk.date { lines.append("\(indent)  date: \(YAMLText.quoted(date))") }
        if let scope = risk.scope { lines.append("\(indent)  scope: \(YAMLText.quoted(scope))") }
        if let owner = risk.owner { lines.append("\(indent)  owner: \(YAMLText.quoted(owner))") }
        if let expires = risk.expires { lines.append("\(indent)  expires: \(YAMLText.quoted(expires))") }
        return lines
    }

    /// One answer as a mapping entry (`id: value`, or `id:` with its fields below), indented by `indent`.
    public func entryLines(_ id: String, _ answer: Answer, indent: String) -> [String] {
        let key = YAMLText.scalar(id)
        let extras = answer.note != nil || answer.origin != nil || answer.notSure
        if !extras, let value = answer.value { return ["\(indent)\(key): \(YAMLText.value(value))"] }
        var lines = ["\(indent)\(key):"]
        if answer.notSure { lines.append("\(indent)  notSure: true") }
        if let value = answer.value, !answer.notSure { lines.append("\(indent)  value: \(YAMLText.value(value))") }
        if let note = answer.note { lines.append("\(indent)  note: \(YAMLText.quoted(note))") }
        if let origin = answer.origin { lines.append("\(indent)  origin: \(YAMLText.quoted(origin))") }
        return lines
    }

    /// `proposed:` in the knowledge base's decision order.
    func proposalLines(_ proposed: [String: [String]]) -> [String] {
        guard !proposed.isEmpty else { return [] }
        let order = Dictionary(knowledgeBase.decisions.enumerated().map { ($1.id, $0) }) { first, _ in first }
        let ids = proposed.keys.sorted { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) }
        var lines = ["proposed:"]
        for id in ids {
            guard let options = proposed[id] else { continue }
            let value =
                options.count == 1
                ? YAMLText.scalar(options[0]) : "[" + options.map(YAMLText.scalar).joined(separator: ", ") + "]"
            lines.append("  \(YAMLText.scalar(id)): \(value)")
        }
        return lines
    }

    private func answerLines(_ answers: [String: Answer]) -> [String] {
        let ordered = orderedQuestionIDs(answers.keys)
        guard !ordered.isEmpty else { return ["answers: {}"] }
        var lines = ["answers:"]
        var currentSection: String?
        for id in ordered {
            guard let answer = answers[id] else { continue }
            if let question = knowledgeBase.question(id) {
                if question.section != currentSection {
                    currentSection = question.section
                    let title = knowledgeBase.section(question.section)?.title ?? question.section
                    lines.append("  # --- \(YAMLText.comment(title)) ---")
                }
                lines.append("  # \(YAMLText.comment(question.prompt))")
            }
            lines += entryLines(id, answer, indent: "  ")
        }
        return lines
    }

    /// Question ids in interview order; ids the knowledge base does not know come last, sorted.
    func orderedQuestionIDs(_ ids: some Collection<String>) -> [String] {
        let wanted = Set(ids)
        let known = knowledgeBase.inInterviewOrder(wanted)
        return known + wanted.subtracting(known).sorted()
    }

    private func orderedChecklist(_ ids: Set<String>) -> [String] {
        let known = knowledgeBase.checklist.map(\.id).filter(ids.contains)
        return known + ids.subtracting(known).sorted()
    }
}
