import KnowledgeModel
import RuleLanguage

extension RecommendationEngine {
    /// Adds what the what-if report of the same answers tells: the unanswered questions worth answering first
    /// (``Review/firmUp``) and, for each proposal the review does not agree with, an answer that would make it
    /// the recommendation (``ProposalVerdict/wouldWinIf``).
    ///
    /// Questions are ranked by how many decisions some answer to them would change, then by how many finding and
    /// tension rules read them, then in interview order.
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
            let risks = compiled.rulesReading[slot].filter {
                knowledgeBase.rules[$0].finding != nil || knowledgeBase.rules[$0].tension != nil
            }.count
            guard !decisions.isEmpty || risks > 0 else { continue }
            let sorted = decisions.sorted { (order[$0] ?? .max) < (order[$1] ?? .max) }
            ranked.append(
                (
                    (-decisions.count, -risks, slot),
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
