import KnowledgeModel
import RuleLanguage

/// Builds the explained ``Review`` of an evaluation from all of its parts (see ``ReviewParts``).
struct ReviewBuilder {
    let engine: RecommendationEngine
    let answers: AnswerSet
    let evaluation: RecommendationEngine.Evaluation

    func build() -> Review {
        let parts = ReviewParts(engine: engine, answers: answers, evaluation: evaluation)
        let compiled = engine.compiled
        let index = engine.index
        let fired = evaluation.firing.fired
        let decisions = compiled.decisions.indices.map(parts.outcome)
        let proposals = parts.proposalVerdicts(decisions)
        var review = Review(
            decisions: decisions,
            assumptions: compiled.questions.indices.compactMap(parts.assumption),
            tensions: index.tensionRules.compactMap(parts.tension) + parts.counterEvidenceTensions(),
            findings: assembleFindings(
                rules: index.findingRules.compactMap(parts.finding), proposals: parts.proposalFindings(proposals)),
            checklist: index.checklistOrder.compactMap(parts.checklistEntry),
            conflicts: evaluation.solution.infeasible.map(parts.conflict(for:)),
            firedRules: fired.indices.filter { fired[$0] }.map { engine.knowledgeBase.rules[$0].id },
            totalScore: evaluation.solution.total,
            solverNodes: evaluation.solution.nodes, proposals: proposals)
        review.contradictions = ContradictionFinder(
            compiled: compiled, knowledgeBase: engine.knowledgeBase, answers: answers, state: evaluation.state
        ).find()
        return review
    }
}
