import KnowledgeModel

/// A commented answers file with every question left blank: what `stackwise answers template` prints.
///
/// Each question shows its prompt, type, allowed values (with labels), range and unit, default, whether it is
/// required and when it is asked. A blank answer means "unanswered": the default is used and listed as an
/// assumption. The template reads back as a valid, empty answers file.
public struct AnswersTemplate: Sendable {
    public let knowledgeBase: KnowledgeBase

    public init(knowledgeBase: KnowledgeBase) {
        self.knowledgeBase = knowledgeBase
    }

    /// The template text.
    public func yaml() -> String {
        var lines: [String] = [
            "# Stackwise answers file (format version \(AnswersFileReader.formatVersion)).",
            "# Fill in the answers you know after the colon; leave the rest blank. A blank answer uses the",
            "# question's default, and the review lists it as an assumption. To say \"not sure\" (where offered)",
            "# write { notSure: true }; to keep a note with an answer write { value: ..., note: \"...\" }.",
            "# Check and use it with: stackwise review --answers FILE",
            "version: \(AnswersFileReader.formatVersion)",
            "# The service's name, used in titles and decision records.",
            "service:",
            "answers:",
        ]
        var currentSection: String?
        for question in knowledgeBase.questionsInInterviewOrder {
            if question.section != currentSection {
                currentSection = question.section
                let title = knowledgeBase.section(question.section)?.title ?? question.section
                lines.append("")
                lines.append("  # ===== \(YAMLText.comment(title)) =====")
            }
            lines.append("")
            lines += describe(question).map { "  # \($0)" }
            lines.append("  \(YAMLText.scalar(question.id)):")
        }
        lines += [
            "",
            "# Checklist items already done, by id (the review shows the ids).",
            "checklistDone: []",
            "# Findings you accept as known risks, e.g.:",
            "#   - { finding: FINDING-ID, reason: \"why it is acceptable\", by: \"who\", date: YYYY-MM-DD }",
            "acceptedRisks: []",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The comment lines describing one question.
    private func describe(_ question: Question) -> [String] {
        var lines = [YAMLText.comment(question.prompt) + (question.required ? " (required)" : "")]
        switch question.type {
        case .single, .multi:
            lines.append(question.type == .single ? "one of:" : "a list of any of, e.g. [a, b]:")
            let width = question.options.map(\.id.count).max() ?? 0
            for option in question.options {
                let padding = String(repeating: " ", count: width - option.id.count)
                lines.append("  \(option.id)\(padding)  \(YAMLText.comment(option.label))")
            }
        case .yesno:
            lines.append("true or false")
        case .number:
            var text = "a number"
            if let unit = question.unit { text += " in \(unit)" }
            if question.minimum != nil || question.maximum != nil {
                let low = question.minimum.map(formatNumber) ?? "any"
                let high = question.maximum.map(formatNumber) ?? "any"
                text += ", \(low) to \(high)"
            }
            lines.append(text)
        case .text:
            lines.append("short text, in quotes")
        }
        var extras: [String] = []
        if let value = question.defaultValue { extras.append("default: \(YAMLText.value(value))") }
        if question.allowsNotSure { extras.append("not sure: { notSure: true }") }
        if !extras.isEmpty { lines.append(extras.joined(separator: "; ")) }
        if let askIf = question.askIf { lines.append("asked only when: \(YAMLText.comment(askIf.source))") }
        return lines
    }
}
