import KnowledgeModel
import RecommendationEngine

extension ReviewMarkdown {
    /// "Your plan": the verdict on each proposal and on what a running service uses today, as in the text review,
    /// with why not, the advice, the reason for the recommendation, what would make the plan win and the switching
    /// cost (design-review.md had no such section: a team's plan was judged only in the terminal).
    func planSection(_ report: ReviewReport, _ out: inout [String]) {
        let verdicts = report.review.proposals
        guard !verdicts.isEmpty else { return }
        let esc = MarkdownText.inline
        out += ["", "## Your plan", ""]
        for verdict in verdicts {
            let name = { (id: String) in esc(report.optionName(verdict.decisionID, id)) }
            let subject = verdict.subject(naming: verdict.proposed.map(name).joined(separator: " + "))
            let recommended = verdict.recommended.map(name) ?? "no option"
            var line = "- **\(esc(verdict.title))**: \(subject) — "
            switch verdict.verdict {
            case .agrees:
                line += "agrees"
                if verdict.tiesWithRecommendation {
                    line += " (tied with \(recommended))"
                }
                if !verdict.alongside.isEmpty {
                    line += "; add " + verdict.alongside.map(name).joined(separator: " and ") + " alongside"
                }
                if !verdict.unneededComplements.isEmpty {
                    line += "; not needed here: " + verdict.unneededComplements.map(name).joined(separator: ", ")
                }
            case .differs:
                line += "recommended instead: \(recommended)"
                if verdict.replacesWhatRuns { line += ", which runs today" }
                if let margin = verdict.margin { line += " (by \(margin))" }
            case .ruledOut:
                line += "ruled out; the review recommends \(recommended)"
            case .notApplicable:
                line += "the decision does not apply to these answers"
            }
            out.append(line)
            guard verdict.verdict == .differs || verdict.verdict == .ruledOut, detail != .brief else { continue }
            if let against = verdict.objection { out.append("  - Why not: \(esc(against))") }
            if let advice = verdict.counterindications.first?.advice { out.append("  - Advice: \(esc(advice))") }
            let shown = Set(verdict.reasonsAgainst.prefix(1).map(\.ruleID))
            if let reason = verdict.reasonsFor.first(where: { !shown.contains($0.ruleID) }) {
                out.append("  - For the recommendation: \(esc(reason.because))")
            }
            if let flip = verdict.wouldWinIf.first {
                out.append("  - Yours would win if: \(MarkdownText.code("\(flip.questionID) = \(flip.value)"))")
            }
            if let cost = verdict.switchingCost { out.append("  - Switching cost: \(esc(cost))") }
        }
    }

    /// "Answer these to firm up the review": the unanswered questions whose answers could change the most, as in the
    /// text review; the first three, the rest folded (all of them with `--detail full`).
    func firmUpSection(_ report: ReviewReport, _ out: inout [String]) {
        let questions = report.review.firmUp
        guard !questions.isEmpty else { return }
        let esc = MarkdownText.inline
        let resting = report.review.decisions.filter(\.lowConfidence).count
        out += ["", "## Answer these to firm up the review", ""]
        out.append("\(resting) decision\(resting == 1 ? " rests" : "s rest") on default answers.")
        out.append("")
        let lines = questions.map { question in
            var line = "- \(MarkdownText.code(question.questionID))"
            if let assumed = question.assumed { line += " (assumed \(MarkdownText.code(assumed.description)))" }
            line += ": \(esc(question.prompt))"
            var effect: [String] = []
            let count = question.decisions.count
            if count > 0 {
                effect.append(
                    "could change \(count) decision" + (count == 1 ? "" : "s") + " ("
                        + question.decisions.map(MarkdownText.code).joined(separator: ", ") + ")")
            }
            if question.risks > 0 {
                effect.append("\(question.risks) risk check" + (question.risks == 1 ? "" : "s") + " read it")
            }
            return effect.isEmpty ? line : line + " — " + effect.joined(separator: "; ")
        }
        let shown = detail == .full ? lines.count : min(lines.count, 3)
        out += lines.prefix(shown)
        if shown < lines.count {
            if detail == .standard {
                folded("\(lines.count - shown) more questions", [""] + lines.dropFirst(shown), &out)
            } else {
                out.append("- \(lines.count - shown) more: `--detail full`, or `firmUp` in `--format json`")
            }
        }
    }
}
