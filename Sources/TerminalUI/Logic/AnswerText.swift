import KnowledgeModel

/// An answer as a person reads it: option labels instead of ids, numbers with their unit.
func displayText(of value: AnswerValue, for question: Question) -> String {
    switch value {
    case .choice(let id): return question.option(id)?.label ?? id
    case .choices(let ids) where ids.isEmpty: return "none of these"
    case .choices(let ids): return ids.map { question.option($0)?.label ?? $0 }.joined(separator: ", ")
    case .number(let number): return formatNumber(number) + (question.unit.map { " " + $0 } ?? "")
    default: return value.description
    }
}
