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

        // For each proposal that differs or is ruled out, the first what-if row (open first) that flips its decision
        // to the proposed option: one pass over the rows for all proposals (a pass per proposal read millions of rows
        // at a large knowledge base's scale: thousands of rows times hundreds of proposals).
        var proposalsOfDecision: [String: [Int]] = [:]
        for index in review.proposals.indices
        where review.proposals[index].verdict == .differs || review.proposals[index].verdict == .ruledOut {
            proposalsOfDecision[review.proposals[index].decisionID, default: []].append(index)
        }
        guard !proposalsOfDecision.isEmpty else { return }
        var firstRow: [Int: Int] = [:]
        var firstOpenRow: [Int: Int] = [:]
        let rows = whatIf.rows
        for (position, row) in rows.enumerated() {
            for change in row.changes {
                for index in proposalsOfDecision[change.decisionID] ?? []
                where change.to == review.proposals[index].proposed[0] {
                    if firstRow[index] == nil { firstRow[index] = position }
                    if row.isOpen, firstOpenRow[index] == nil { firstOpenRow[index] = position }
                }
            }
        }
        for (index, first) in firstRow {
            // An open question first: answering it costs nothing; changing a given answer is a requirement change.
            let row = rows[firstOpenRow[index] ?? first]
            review.proposals[index].wouldWinIf = [
                AnswerFact(questionID: row.questionID, value: row.alternative, assumed: false)
            ]
        }
    }
}
