import KnowledgeModel
import RuleLanguage

extension RecommendationEngine {
    /// Adds what the what-if report of the same answers tells: the unanswered questions worth answering first
    /// (``Review/firmUp``) and, for each proposal the review does not agree with, an answer that would make it
    /// the recommendation (``ProposalVerdict/wouldWinIf``).
    ///
    /// Questions are ranked by their impact: two points per decision some answer to them would change, plus, per
    /// finding rule reading them, its severity (high 3, medium 2, low 1), plus 2 per tension rule reading them; ties
    /// in interview order.
    public func addInsights(to review: inout Review, answers: AnswerSet, whatIf: WhatIfReport) {
        var decisionsByQuestion: [String: [String]] = [:]
        for row in whatIf.rows where row.isOpen {
            var changed = decisionsByQuestion[row.questionID] ?? []
            for change in row.changes where !changed.contains(change.decisionID) { changed.append(change.decisionID) }
            decisionsByQuestion[row.questionID] = changed
        }
        let state = AnswerState(answers, compiled: compiled)
        let order = Dictionary(review.decisions.enumerated().map { ($1.decisionID, $0) }) { first, _ in first }
        var ranked: [(key: (Int, Int, Int), question: FirmUpQuestion)] = []
        for slot in compiled.questions.indices where state.applicable[slot] && !state.answered[slot] {
            let question = compiled.questions[slot]
            let decisions = decisionsByQuestion[question.id] ?? []
            var risks = 0
            var riskWeight = 0
            for rule in compiled.rulesReading[slot] {
                if let finding = knowledgeBase.rules[rule].finding {
                    risks += 1
                    riskWeight += finding.severity == .high ? 3 : finding.severity == .medium ? 2 : 1
                } else if knowledgeBase.rules[rule].tension != nil {
                    risks += 1
                    riskWeight += 2
                }
            }
            guard !decisions.isEmpty || risks > 0 else { continue }
            let sorted = decisions.sorted { (order[$0] ?? .max) < (order[$1] ?? .max) }
            ranked.append(
                (
                    (-(2 * decisions.count + riskWeight), -decisions.count, slot),
                    FirmUpQuestion(
                        questionID: question.id, prompt: question.prompt, assumed: question.defaultValue,
                        decisions: sorted, risks: risks)
                ))
        }
        review.firmUp = ranked.sorted { $0.key < $1.key }.map(\.question)

        for index in review.proposals.indices {
            let proposal = review.proposals[index]
            guard proposal.verdict == .differs || proposal.verdict == .ruledOut else { continue }
            let flips = whatIf.rows.filter { row in
                row.changes.contains { $0.decisionID == proposal.decisionID && $0.to == proposal.proposed[0] }
            }
            // An open question first: answering it costs nothing; changing a given answer is a requirement change.
            if let row = flips.first(where: \.isOpen) ?? flips.first {
                review.proposals[index].wouldWinIf = [
                    AnswerFact(questionID: row.questionID, value: row.alternative, assumed: false)
                ]
            }
        }
    }
}
