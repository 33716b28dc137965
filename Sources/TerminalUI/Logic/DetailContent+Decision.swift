import KnowledgeModel
import RecommendationEngine

extension DetailContent {
    /// A decision: the choice and why (the compact summary), its trade-offs, the verdict on your plan, why it does
    /// not apply (when it does not), HOW every option scored, and the questions behind it.
    func decisionLines(_ decisionID: String, _ state: TUIState) -> [DetailLine] {
        guard let review = state.advice.review, let outcome = review.decision(decisionID),
            let decision = knowledgeBase.decision(decisionID)
        else { return [] }
        var lines = [DetailLine(decision.problem, .dim)]
        switch outcome.status {
        case .notApplicable:
            lines += notApplicableLines(decision, state)
        case .infeasible:
            lines.append(DetailLine("No option satisfies the hard constraints:", .error))
            for conflict in review.conflicts where conflict.decisions.contains(decisionID) {
                for constraint in conflict.constraints {
                    lines.append(DetailLine("  " + constraint, .error, indent: 4))
                }
                for exclusion in conflict.exclusions {
                    lines.append(DetailLine("  excluded: " + exclusion.because, .warning, indent: 4))
                }
            }
        case .chosen:
            lines += chosenLines(outcome, decision)
        }
        lines += planLines(review, outcome)
        if outcome.status != .notApplicable { lines += howLines(outcome) }
        let questions = DecisionExplanation.questionsBehind(decisionID, state, knowledgeBase)
        if !questions.isEmpty {
            lines.append(DetailLine("Questions behind it (Enter changes the answer):", .title))
            for id in questions {
                lines.append(DetailLine("  " + (knowledgeBase.question(id)?.prompt ?? id), question: id, indent: 4))
            }
        }
        return lines
    }

    /// Why a decision does not apply: its condition, and the answers that condition reads.
    private func notApplicableLines(_ decision: Decision, _ state: TUIState) -> [DetailLine] {
        guard let condition = decision.appliesIf else {
            return [DetailLine("Does not apply to these answers.", .warning)]
        }
        var lines = [DetailLine("Does not apply: it is needed only when " + condition.source, .warning, indent: 2)]
        var facts: [AnswerFact] = []
        for id in condition.expression.questionIDs where knowledgeBase.question(id) != nil {
            if let value = state.answers.value(of: id) {
                facts.append(AnswerFact(questionID: id, value: value, assumed: state.answers.answers[id] == nil))
            } else if let fallback = knowledgeBase.question(id)?.defaultValue {
                facts.append(AnswerFact(questionID: id, value: fallback, assumed: true))
            } else {
                lines.append(DetailLine("  \(id) is unanswered", question: id, indent: 4))
            }
        }
        lines += answerLines(facts, heading: "Your answers it reads (Enter changes one):")
        return lines
    }

    private func chosenLines(_ outcome: DecisionOutcome, _ decision: Decision) -> [DetailLine] {
        var lines: [DetailLine] = []
        let chosen = outcome.chosen.flatMap(decision.option)
        let summary = outcome.summary(in: knowledgeBase)
        let name = outcome.chosenAssessment?.name ?? outcome.chosen ?? "?"
        if outcome.hasNoPreference {
            // A 0-0 tie: the first-listed option is not a recommendation.
            lines.append(
                DetailLine("No preference: " + DecisionExplanation.noPreferenceReason + ".", .warning, indent: 2))
            lines.append(
                DetailLine(
                    "Every option scores 0 for these answers: \(name) is only listed first (HOW below lists them all).",
                    .dim, indent: 2))
            return lines
        }
        var headline = "Chosen: \(name) (score \(outcome.score))"
        if let runnerUp = summary.runnerUp { headline += " over \(runnerUp.name) (\(runnerUp.score))" }
        lines.append(DetailLine(headline, .title, indent: 2))
        if let chosen { lines.append(DetailLine(chosen.summary, indent: 2)) }
        if let reason = summary.decisiveReason {
            lines.append(DetailLine("Decisive: " + reason.because, indent: 10))
        }
        var marks: [String] = []
        if outcome.isTie {
            marks.append("= tied with \(summary.runnerUp?.name ?? "the runner-up"): pick by team familiarity")
        } else if outcome.isCloseCall {
            marks.append("≈ a close call (margin \(outcome.margin ?? 0))")
        }
        if outcome.lowConfidence { marks.append("? rests on assumed (default) answers") }
        if !marks.isEmpty { lines.append(DetailLine(marks.joined(separator: " · "), .warning, indent: 2)) }
        for pro in chosen?.pros ?? [] { lines.append(DetailLine("  + " + pro, .success, indent: 4)) }
        if !outcome.tradeoffs.isEmpty { lines.append(DetailLine("Trade-offs:", .title)) }
        for tradeoff in outcome.tradeoffs {
            let text =
                (tradeoff.holds ? "  ! holds here: " : "  − ") + tradeoff.text
                + (tradeoff.advice.map { ". " + $0 } ?? "")
            lines.append(DetailLine(text, tradeoff.holds ? .warning : .normal, indent: 4))
        }
        for complement in outcome.complements {
            lines.append(DetailLine("& Alongside: \(complement.name): \(complement.because)", indent: 2))
        }
        return lines
    }

    /// The verdict on what you plan (or run today) for this decision.
    private func planLines(_ review: Review, _ outcome: DecisionOutcome) -> [DetailLine] {
        guard let verdict = review.proposals.first(where: { $0.decisionID == outcome.decisionID }) else { return [] }
        let decision = knowledgeBase.decision(outcome.decisionID)
        let name = { (id: String) in decision?.option(id)?.name ?? id }
        let names = verdict.proposed.map(name).joined(separator: " + ")
        // "You run Fastify 4 (counted as Fastify 5)" in the review's words; a plan reads "Your plan: ...".
        let subject =
            verdict.origin == .runsToday ? "Y" + verdict.subject(naming: names).dropFirst() : "Your plan: " + names
        var text = subject + " — "
        switch verdict.verdict {
        case .agrees where outcome.hasNoPreference:
            text +=
                DecisionExplanation.noPreference + ": nothing in your answers favours another option, so it is "
                + "as good a pick as any"
        case .agrees where verdict.tiesWithRecommendation:
            text += "agrees with the review: tied with \(verdict.recommended.map(name) ?? "another option")"
        case .agrees: text += "agrees with the review"
        case .differs:
            text += "differs: the review recommends \(verdict.recommended.map(name) ?? "another option")"
            if let margin = verdict.margin { text += " by \(margin)" }
        case .ruledOut: text += "ruled out" + (verdict.incompatibility.map { ": " + $0 } ?? "")
        case .notApplicable: text += "the decision does not apply"
        }
        let fine = verdict.verdict == .agrees
        var lines = [DetailLine(text, fine ? .success : .warning, indent: 2)]
        for reason in verdict.reasonsFor.prefix(3) {
            lines.append(DetailLine("  for the recommendation: " + reason.because, indent: 4))
        }
        for reason in verdict.reasonsAgainst.prefix(3) {
            lines.append(DetailLine("  against your plan: " + reason.because, .warning, indent: 4))
        }
        for counter in verdict.counterindications {
            lines.append(DetailLine("  ! " + counter.text, .warning, indent: 4))
        }
        for fact in verdict.wouldWinIf {
            lines.append(DetailLine("  it would win if " + self.fact(fact), question: fact.questionID, indent: 4))
        }
        if let cost = verdict.switchingCost { lines.append(DetailLine("  Switching cost: " + cost, .dim, indent: 4)) }
        return lines
    }

    /// HOW: every option's score and the reasons for and against it.
    private func howLines(_ outcome: DecisionOutcome) -> [DetailLine] {
        var lines = [DetailLine("How each option scored:", .title)]
        for option in outcome.options {
            let verdict: String
            switch option.verdict {
            case .chosen: verdict = "chosen"
            case .lowerScore:
                verdict =
                    option.score == outcome.score ? "same score; the option order put the choice first" : "lower score"
            case .excluded: verdict = "ruled out"
            case .incompatible(let other, let otherOption, let reason):
                verdict = "incompatible with \(other).\(otherOption): \(reason)"
            case .notConsidered: verdict = "not considered"
            }
            lines.append(
                DetailLine(
                    "\(option.name): \(option.score) — \(verdict)", option.verdict == .chosen ? .selected : .normal,
                    indent: 2))
            for contribution in option.contributions + option.exclusions {
                let weight =
                    contribution.weight == 0
                    ? "excl" : (contribution.weight > 0 ? "+\(contribution.weight)" : "\(contribution.weight)")
                let facts = contribution.triggeredBy.map(fact).joined(separator: ", ")
                let lead = contribution.assumed ? "assumes" : weight
                lines.append(
                    DetailLine(
                        "   \(lead) \(contribution.because)" + (facts.isEmpty ? "" : " [\(facts)]"), .dim, indent: 8))
            }
        }
        return lines
    }
}
