import KnowledgeModel
import RecommendationEngine

/// The detail window (Enter on a review row): ↑/↓ move line by line to its last line, Enter on a question line opens
/// that question, `a` accepts a finding, Space ticks a checklist item, `p` proposes for a decision.
extension TUIReducer {
    func detailKey(_ key: Key, subject: DetailSubject, cursor: Int, _ state: inout TUIState) -> [TUIEffect] {
        let lines = DetailContent(knowledgeBase: knowledgeBase).lines(subject, state)
        var cursor = min(cursor, max(0, lines.count - 1))
        switch keyMap.action(for: key, in: .review) {
        case .up?: move(&cursor, by: -1, count: lines.count)
        case .down?: move(&cursor, by: 1, count: lines.count)
        case .pageUp?: move(&cursor, by: -10, count: lines.count)
        case .pageDown?: move(&cursor, by: 10, count: lines.count)
        case .top?: cursor = 0
        case .bottom?: cursor = max(0, lines.count - 1)
        case .select?:
            if let questionID = lines.element(at: cursor)?.questionID {
                var preset: AnswerValue?
                if case .whatIf(let index) = subject, let row = state.advice.whatIf?.rows.element(at: index),
                    row.questionID == questionID
                {
                    preset = row.alternative
                    state.review.whatIfQuestion = questionID
                }
                jump(to: questionID, preset: preset, &state)
            } else {
                state.overlay = nil
            }
            return []
        case .acceptRisk?:
            state.overlay = nil
            acceptRisk(subject, &state)
            return []
        case .toggle?:
            if case .checklist(let id) = subject {
                let effects = toggleChecklistItem(id, &state)
                state.overlay = .detail(subject, cursor: cursor)
                return effects
            }
            state.overlay = nil
            return []
        case .propose?:
            state.overlay = nil
            if case .decision(let id) = subject { openPropose(id, &state) }
            return []
        case .help?:
            state.overlay = .help(.review)
            return []
        default:
            state.overlay = nil
            return []
        }
        state.overlay = .detail(subject, cursor: cursor)
        return []
    }
}
