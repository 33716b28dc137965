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
}

extension RecommendationEngine: Advisor {
    public func startSession(_ answers: AnswerSet) -> ReviewSession { ReviewSession(engine: self, answers: answers) }
}
