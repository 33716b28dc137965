import AnswersFile
import Foundation
import KnowledgeModel

/// Every question of a knowledge base, in interview order, as text or JSON (`stackwise questions`).
public struct QuestionCatalog: Sendable {
    public let knowledgeBase: KnowledgeBase

    public init(knowledgeBase: KnowledgeBase) {
        self.knowledgeBase = knowledgeBase
    }

    /// A JSON array of objects: `id`, `section`, `type`, `prompt`, `options` (`[{id, label}]`), `default`
    /// (null when none), `askIf` (null when always asked), plus `help`, `unit`, `min`, `max`, `required`, `notSure`.
    public func json() -> String {
        JSONText.pretty(knowledgeBase.questionsInInterviewOrder.map(object))
    }

    private func object(_ question: Question) -> [String: Any] {
        let null = NSNull()
        return [
            "id": question.id,
            "section": question.section,
            "type": question.type.rawValue,
            "prompt": question.prompt,
            "help": question.help,
            "options": question.options.map { ["id": $0.id, "label": $0.label] },
            "default": question.defaultValue.map(JSONText.object) ?? null as Any,
            "askIf": question.askIf?.source as Any? ?? null,
            "unit": question.unit as Any? ?? null,
            "min": question.minimum as Any? ?? null,
            "max": question.maximum as Any? ?? null,
            "required": question.required,
            "notSure": question.allowsNotSure,
        ]
    }

    /// Text for an 80-column terminal: one block per question, grouped by section.
    public func text(width: Int = TextLayout.defaultWidth) -> String {
        var lines: [String] = []
        var currentSection: String?
        for question in knowledgeBase.questionsInInterviewOrder {
            if question.section != currentSection {
                currentSection = question.section
                if !lines.isEmpty { lines.append("") }
                lines.append(knowledgeBase.section(question.section)?.title ?? question.section)
            }
            var header = "  \(question.id)  [\(question.type.displayName)"
            if let unit = question.unit { header += ", \(unit)" }
            if question.required { header += ", required" }
            lines.append(header + "]")
            lines += TextLayout.wrap(question.prompt, width: width, first: "    ", rest: "    ")
            if !question.options.isEmpty {
                let options = question.options.map { "\($0.id) (\($0.label))" }.joined(separator: ", ")
                lines += TextLayout.wrap(options, width: width, first: "    options: ", rest: "      ")
            }
            if question.minimum != nil || question.maximum != nil {
                let low = question.minimum.map(formatNumber) ?? "any"
                let high = question.maximum.map(formatNumber) ?? "any"
                lines.append("    range: \(low) to \(high)")
            }
            if let value = question.defaultValue { lines.append("    default: \(value)") }
            if let askIf = question.askIf {
                lines += TextLayout.wrap(askIf.source, width: width, first: "    asked when: ", rest: "      ")
            }
        }
        return lines.joined(separator: "\n")
    }
}
