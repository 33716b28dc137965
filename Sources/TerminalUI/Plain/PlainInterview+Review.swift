import KnowledgeModel
import RecommendationEngine

/// What the plain mode says about the review while answering: how much still rests on defaults, `why`, and the
/// recommendations at the end.
extension PlainInterview {
    /// One line after an answer: how many decisions still rest on defaults (their choice or runner-up was moved
    /// by an assumed answer) and how many open questions could change the review; once nothing important is left
    /// open, that `review` shows the recommendations (said once until something opens again).
    func progressText(_ run: inout Run) -> String {
        var review = run.session.review
        run.session.engine.addInsights(to: &review, answers: run.answers, whatIf: run.session.whatIf())
        let resting = review.decisions.filter { $0.status == .chosen && $0.lowConfidence }.count
        guard !review.firmUp.isEmpty else {
            if run.saidSettled { return "" }
            run.saidSettled = true
            return
                "  Nothing important is left open: type review (or done) for the recommendations, or keep answering.\n"
        }
        run.saidSettled = false
        let open = "\(counted(review.firmUp.count, "open question")) could change the review"
        guard resting > 0 else { return "  \(open).\n" }
        let rest = resting == 1 ? "still rests" : "still rest"
        return "  \(counted(resting, "decision")) \(rest) on defaults; \(open).\n"
    }

    /// `why`: the question's help, what makes it asked, and what it can move, in words (question prompts and
    /// decision titles, never ids), wrapped at ``width``.
    func whyText(_ question: Question, _ answers: AnswerSet) -> String {
        let influence = advisor.influence(of: question.id)
        var text = wrapped("Why: \(question.help)")
        if let askIf = question.askIf {
            let because = askIf.expression.questionIDs.compactMap(knowledgeBase.question).map { asked in
                let answer = answers.answers[asked.id].map { " (\(answerText($0, asked)))" } ?? ""
                return "\"\(asked.prompt)\"\(answer)"
            }
            if !because.isEmpty {
                text += wrapped("Asked because of your answer to: \(because.joined(separator: "; "))")
            }
        }
        let decisions = influence.decisions.map { knowledgeBase.decision($0)?.title ?? $0 }
        text += wrapped(
            "It can move: \(decisions.isEmpty ? "no decision directly" : decisions.joined(separator: ", "))")
        if !influence.followUps.isEmpty {
            text += "Follow-ups it opens:\n"
            for id in influence.followUps {
                text += wrapped("- \(knowledgeBase.question(id)?.prompt ?? id)", indent: "  ")
            }
        }
        return text
    }

    /// `text` wrapped at ``width`` (at least 20 columns) after `indent`, continuation lines indented two more.
    func wrapped(_ text: String, indent: String = "") -> String {
        let width = max(20, self.width) - indent.count
        var lines = TextWidth.wrap(text, width: width)
        if lines.count > 1 {
            lines =
                [lines[0]]
                + TextWidth.wrap(lines.dropFirst().joined(separator: " "), width: width - 2).map {
                    "  " + $0
                }
        }
        return lines.map { indent + $0 }.joined(separator: "\n") + "\n"
    }

    /// The recommendations, when every question is answered (`complete`) or the user asked for them earlier.
    func summary(_ review: Review, complete: Bool) -> String {
        var text = complete ? "\nAll questions answered. Recommendations:\n" : "\nRecommendations so far:\n"
        for outcome in review.decisions where outcome.status == .chosen {
            text += "  \(outcome.title): \(outcome.chosenAssessment?.name ?? outcome.chosen ?? "")\n"
        }
        if !review.findings.isEmpty || !review.tensions.isEmpty {
            text += "  \(counted(review.findings.count, "finding")), \(counted(review.tensions.count, "tension")).\n"
        }
        return text
    }
}
