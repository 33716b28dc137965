import KnowledgeModel
import RecommendationEngine

/// The text of the judgement parts: the verdict on the user's plan, the questions that would firm up the review,
/// and each choice's trade-offs and complements.
extension ReviewText {
    /// How many unanswered questions "answer these first" lists.
    static let firmUpShown = 5

    /// "YOUR PLAN": one verdict per proposal (and per current-stack choice of a running service).
    func planSection(_ report: ReviewReport, _ lines: inout [String]) {
        let verdicts = report.review.proposals
        guard !verdicts.isEmpty else { return }
        section("YOUR PLAN", &lines)
        for verdict in verdicts {
            let proposed = verdict.proposed.map { report.optionName(verdict.decisionID, $0) }.joined(separator: " + ")
            let recommended = verdict.recommended.map { report.optionName(verdict.decisionID, $0) } ?? "no option"
            let subject = "\(verdict.title): " + verdict.subject(naming: proposed)
            switch verdict.verdict {
            case .agrees:
                var text = "\(subject) - agrees"
                if verdict.tiesWithRecommendation {
                    text += " (tied with \(recommended))"
                }
                if !verdict.alongside.isEmpty {
                    text +=
                        "; add "
                        + verdict.alongside.map { report.optionName(verdict.decisionID, $0) }
                        .joined(separator: " and ") + " alongside"
                }
                if !verdict.unneededComplements.isEmpty {
                    text +=
                        "; not needed here: "
                        + verdict.unneededComplements.map {
                            report.optionName(verdict.decisionID, $0)
                        }.joined(separator: ", ")
                }
                lines += wrap(text, first: "  = ", rest: "    ", .green)
            case .differs:
                let margin = verdict.margin.map { " by \($0)" } ?? ""
                lines += wrap(
                    "\(subject) - recommended instead: \(recommended)\(verdict.replacesWhatRuns ? ", which runs today" : "") (score \(margin.isEmpty ? "" : "ahead\(margin)"))",
                    first: "  ≠ ", rest: "    ", .yellow)
            case .ruledOut:
                lines += wrap(
                    "\(subject) - ruled out; the review recommends \(recommended)", first: "  ✗ ", rest: "    ", .red)
            case .notApplicable:
                lines += wrap("\(subject) - the decision does not apply to these answers", first: "  - ", rest: "    ")
            }
            // One decisive line each: why not the proposal, what to do, why the recommendation.
            if let against = verdict.objection { lines += wrap(against, first: "    why not: ", rest: "      ") }
            if let advice = verdict.counterindications.first?.advice {
                lines += wrap(advice, first: "    advice: ", rest: "      ")
            }
            let shown = Set(verdict.reasonsAgainst.prefix(1).map(\.ruleID))
            if verdict.verdict != .agrees,
                let reason = verdict.reasonsFor.first(where: { !shown.contains($0.ruleID) })
            {
                lines += wrap(reason.because, first: "    for the recommendation: ", rest: "      ")
            }
            if let flip = verdict.wouldWinIf.first {
                lines += wrap("\(flip.questionID) = \(flip.value)", first: "    yours would win if: ", rest: "      ")
            }
            if let cost = verdict.switchingCost {
                lines += wrap(cost, first: "    switching cost: ", rest: "      ")
            }
        }
    }

    /// "ANSWER THESE TO FIRM UP THE REVIEW": the unanswered questions that could change the most.
    func firmUpSection(_ report: ReviewReport, _ lines: inout [String]) {
        let questions = report.review.firmUp
        guard !questions.isEmpty else { return }
        let resting = report.review.decisions.filter(\.lowConfidence).count
        section("ANSWER THESE TO FIRM UP THE REVIEW (\(resting) decisions rest on defaults)", &lines)
        for question in questions.prefix(Self.firmUpShown) {
            let assumed = question.assumed.map { " (assumed: \($0))" } ?? ""
            let count = question.decisions.count
            var effect: [String] = []
            if count > 0 {
                effect.append(
                    "could change \(count) decision" + (count == 1 ? "" : "s") + " ("
                        + question.decisions.joined(separator: ", ") + ")")
            }
            if question.risks > 0 {
                effect.append("\(question.risks) risk check" + (question.risks == 1 ? "" : "s") + " read it")
            }
            lines += wrap(
                "\(question.questionID)\(assumed): \(question.prompt) " + effect.joined(separator: "; "),
                first: "  ? ", rest: "    ")
        }
        if questions.count > Self.firmUpShown {
            lines += wrap(
                "\(questions.count - Self.firmUpShown) more in --format json (firmUp)", first: "    ", rest: "    ",
                .dim)
        }
    }

    /// Under a decision: the options recommended alongside, and the choice's costs (those that hold first).
    func judgementLines(_ outcome: DecisionOutcome, _ lines: inout [String]) {
        for complement in outcome.complements {
            lines += wrap("\(complement.name): \(complement.because)", first: "    & alongside: ", rest: "      ")
        }
        let holding = outcome.tradeoffs.filter(\.holds)
        for tradeoff in holding {
            var text = tradeoff.text
            if let advice = tradeoff.advice { text += ". " + advice }
            lines += wrap(text, first: "    ! cost here: ", rest: "      ", .yellow)
        }
        if holding.isEmpty, let main = outcome.tradeoffs.first(where: { $0.kind == .con }) ?? outcome.tradeoffs.first {
            lines += wrap(main.text, first: "    cost: ", rest: "      ")
        }
    }
}
