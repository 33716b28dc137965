import KnowledgeModel
import RecommendationEngine

/// What the interface needs from the recommender. ``RecommendationEngine`` is the real one; the protocol keeps the
/// state machine independent of how advice is computed.
public protocol Advisor: Sendable {
    var knowledgeBase: KnowledgeBase { get }
    /// What a question's answer can move (WHY).
    func influence(of questionID: String) -> QuestionInfluence
    /// A review of these answers that is then kept up to date answer by answer (what the interface refreshes after
    /// every key press: it recomputes only what a changed answer can reach).
    func startSession(_ answers: AnswerSet) -> ReviewSession
    /// The unanswered questions worth answering first (``Review/firmUp``), from the what-if report.
    func firmUp(_ review: Review, answers: AnswerSet, whatIf: WhatIfReport) -> [FirmUpQuestion]
    /// The review's ranked priorities, given its firm-up questions.
    func priorities(_ review: Review, firmUp: [FirmUpQuestion]) -> [ReviewPriority]
}

extension RecommendationEngine: Advisor {
    public func startSession(_ answers: AnswerSet) -> ReviewSession { ReviewSession(engine: self, answers: answers) }

    public func firmUp(_ review: Review, answers: AnswerSet, whatIf: WhatIfReport) -> [FirmUpQuestion] {
        // A short-lived copy (its arrays are shared, not copied) that is gone before the session patches its review.
        var insights = review
        addInsights(to: &insights, answers: answers, whatIf: whatIf)
        return insights.firmUp
    }

    public func priorities(_ review: Review, firmUp: [FirmUpQuestion]) -> [ReviewPriority] {
        var insights = review
        insights.firmUp = firmUp
        return insights.priorities(in: knowledgeBase)
    }
}
