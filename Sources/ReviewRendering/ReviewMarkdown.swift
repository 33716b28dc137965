import KnowledgeModel
import RecommendationEngine

/// The Markdown rendering of a review: `stackwise review --format markdown`, and `design-review.md` in an export.
///
/// The same structure as the text review (summary, priorities, your plan, questions to firm up the review,
/// decisions, conflicts, findings by cause, accepted risks, tensions, assumptions, checklist by category); in the standard detail the full lists are folded into
/// `<details>` blocks. Every piece of text is escaped with ``MarkdownText``; the only HTML is the `<details>` and
/// `<summary>` tags this type writes.
public struct ReviewMarkdown: Sendable {
    /// Decision id -> file name of its decision record, linked from the decision table.
    public var recordLinks: [String: String]
    public var detail: ReviewDetail

    public init(recordLinks: [String: String] = [:], detail: ReviewDetail = .standard) {
        self.recordLinks = recordLinks
        self.detail = detail
    }

    private let esc = MarkdownText.inline

    public func render(_ report: ReviewReport) -> String {
        let outline = ReviewOutline(report)
        var out: [String] = ["# Design review: \(esc(report.serviceTitle))", ""]
        out.append("Summary: \(esc(report.summaryLine)).")
        if !report.unansweredRequired.isEmpty {
            out += [
                "",
                "Required questions without an answer (defaults used): "
                    + report.unansweredRequired.map(MarkdownText.code).joined(separator: ", ") + ".",
            ]
        }
        contradictionsSection(report, &out)
        priorities(outline, &out)
        planSection(report, &out)
        firmUpSection(report, &out)
        decisions(report, outline, &out)
        conflicts(report, &out)
        findings(report, outline, &out)
        acceptedRisks(report, &out)
        tensions(report, &out)
        assumptions(report, &out)
        checklist(report, outline, &out)
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: - Sections

    private func priorities(_ outline: ReviewOutline, _ out: inout [String]) {
        guard !outline.priorities.isEmpty else { return }
        out += ["", "## Priorities", ""]
        for priority in outline.priorities {
            var line =
                "\(priority.rank). **\(priority.severity.rawValue.uppercased())** \(priority.kind.rawValue): "
                + "\(esc(priority.title)) (\(MarkdownText.code(priority.id)))"
            if detail != .brief { line += " — \(esc(priority.why)) **Do:** \(esc(priority.action))" }
            out.append(line)
        }
    }

    private func decisions(_ report: ReviewReport, _ outline: ReviewOutline, _ out: inout [String]) {
        let review = report.review
        out += ["", "## Decisions", ""]
        let withRecords = !recordLinks.isEmpty
        var header = detail == .brief ? "| Decision | Choice |" : "| Decision | Choice | Over | Why | Main trade-off |"
        if withRecords { header += " Record |" }
        out.append(header)
        out.append("|" + String(repeating: "---|", count: header.filter { $0 == "|" }.count - 1))
        for outcome in review.decisions {
            var choice = esc(report.outcomeText(outcome))
            for complement in outcome.complements { choice += " + " + esc(complement.name) }
            let flags = report.flags(outcome)
            if !flags.isEmpty { choice += " (" + flags.joined(separator: ", ") + ")" }
            var row = "| \(esc(outcome.title)) | \(choice) |"
            if detail != .brief {
                let summary = outline.summaries[outcome.decisionID]
                let margin = { (margin: Int) in outcome.isTie ? " (tied)" : " (by \(margin))" }
                let over = summary?.runnerUp.map { esc($0.name) + (outcome.margin.map(margin) ?? "") }
                var why = "—"
                if let reason = summary?.decisiveReason {
                    switch reason {
                    case .forChoice(let contribution): why = esc(contribution.because)
                    case .againstRunnerUp(let contribution):
                        why = "Against \(esc(summary?.runnerUp?.name ?? "the runner-up")): \(esc(contribution.because))"
                    }
                }
                if outcome.isTie { why = esc(ReviewReport.tieText) }
                row += " \(over ?? "—") | \(why) | \(summary?.mainTradeoff.map(esc) ?? "—") |"
            }
            if withRecords {
                row += " " + (recordLinks[outcome.decisionID].map { "[\(esc($0))](\($0))" } ?? "—") + " |"
            }
            out.append(row)
        }
        guard detail != .brief else { return }
        var how: [String] = []
        for outcome in review.decisions where outcome.status != .notApplicable {
            how += ["", "### \(esc(outcome.title)): \(esc(report.outcomeText(outcome)))", ""]
            for contribution in outcome.chosenAssessment?.contributions ?? [] {
                let sign = contribution.weight >= 0 ? "+\(contribution.weight)" : "\(contribution.weight)"
                var line = "- \(sign) \(esc(contribution.because))"
                if !contribution.triggeredBy.isEmpty { line += " (\(facts(contribution.triggeredBy)))" }
                how.append(line)
            }
            let option = outcome.chosen.flatMap { report.knowledgeBase.decision(outcome.decisionID)?.option($0) }
            for con in option?.cons ?? [] { how.append("- Cost: \(esc(con))") }
            for assessment in outcome.options where assessment.verdict != .chosen {
                let verdict = report.verdictText(assessment, chosenScore: outcome.score)
                how.append("- Instead of \(esc(assessment.name)): \(esc(verdict))")
            }
        }
        if detail == .full {
            out += ["", "## How each decision was made"] + how
        } else {
            folded("How each decision was made (every reason and alternative)", how, &out)
        }
    }

    private func conflicts(_ report: ReviewReport, _ out: inout [String]) {
        guard !report.review.conflicts.isEmpty else { return }
        out += ["", "## Conflicts", ""]
        for conflict in report.review.conflicts {
            out.append(
                "- These decisions cannot all be satisfied: "
                    + conflict.decisions.map(MarkdownText.code).joined(separator: ", "))
            for constraint in conflict.constraints { out.append("  - \(esc(constraint))") }
            for exclusion in conflict.exclusions {
                out.append("  - \(esc(exclusion.because)) (\(facts(exclusion.triggeredBy)))")
            }
        }
    }

    private func findings(_ report: ReviewReport, _ outline: ReviewOutline, _ out: inout [String]) {
        out += ["", "## Findings", ""]
        let groups = outline.findingGroups
        if groups.isEmpty {
            out.append("No open findings.")
            return
        }
        out += ["Grouped by cause, in the order to fix them.", ""]
        for (index, group) in groups.enumerated() {
            let lead = group.lead
            var line =
                "\(index + 1). **\(group.severity.rawValue.uppercased())** \(esc(lead.finding.title)) "
                + "(\(MarkdownText.code(lead.finding.id)))"
            if let cause = group.causeDescription { line += " — cause: \(MarkdownText.code(cause))" }
            out.append(line)
            if detail == .brief { continue }
            for raised in group.findings {
                if detail == .full || raised == lead {
                    out.append(
                        "   - **\(raised.finding.severity.rawValue.uppercased())** \(esc(raised.finding.title)) "
                            + "(\(MarkdownText.code(raised.finding.id))): \(esc(raised.because))")
                    out.append("     - Fix: \(esc(raised.finding.remediation))")
                    if !raised.answers.isEmpty { out.append("     - Because of: \(facts(raised.answers))") }
                } else {
                    out.append(
                        "   - Also: **\(raised.finding.severity.rawValue.uppercased())** \(esc(raised.finding.title)) "
                            + "(\(MarkdownText.code(raised.finding.id)))")
                }
            }
        }
        guard detail == .standard else { return }
        var all: [String] = [""]
        for raised in report.review.findings where raised.accepted == nil {
            all.append(
                "- **\(raised.finding.severity.rawValue.uppercased())** \(esc(raised.finding.title)) "
                    + "(\(MarkdownText.code(raised.finding.id))): \(esc(raised.because)) Fix: "
                    + esc(raised.finding.remediation))
        }
        folded("Every finding with its fix", all, &out)
    }

    private func acceptedRisks(_ report: ReviewReport, _ out: inout [String]) {
        let review = report.review
        let accepted = review.findings.filter { $0.accepted != nil }
        guard !accepted.isEmpty || !report.answers.acceptedRisks.isEmpty else { return }
        out += ["", "## Accepted risks", ""]
        for raised in accepted {
            guard let risk = raised.accepted else { continue }
            out.append(
                "- **\(raised.finding.severity.rawValue.uppercased())** \(esc(raised.finding.title)) "
                    + "(\(MarkdownText.code(raised.finding.id))): \(esc(risk.reason))\(acceptedBy(risk))")
        }
        let raisedIDs = Set(review.findings.map(\.finding.id))
        for risk in report.answers.acceptedRisks where !raisedIDs.contains(risk.findingID) {
            out.append(
                "- \(MarkdownText.code(risk.findingID)) (not raised by these answers): \(esc(risk.reason))"
                    + acceptedBy(risk))
        }
    }

    private func tensions(_ report: ReviewReport, _ out: inout [String]) {
        guard !report.review.tensions.isEmpty, detail != .brief else { return }
        out += ["", "## Tensions", ""]
        for raised in report.review.tensions {
            out.append("- **\(esc(raised.tension.title))** — \(esc(raised.tension.advice))")
            if !raised.answers.isEmpty { out.append("  - Between: \(facts(raised.answers))") }
            let assumed = raised.answers.filter(\.assumed)
            if !assumed.isEmpty {
                let text = assumed.map { MarkdownText.code("\($0.questionID) = \($0.value)") + " (unanswered)" }
                out.append("  - Assumes: " + text.joined(separator: ", "))
            }
        }
    }

    private func assumptions(_ report: ReviewReport, _ out: inout [String]) {
        let assumptions = report.review.assumptions
        guard !assumptions.isEmpty, detail != .brief else { return }
        out += ["", "## Assumptions", ""]
        var lines: [String] = []
        for assumption in assumptions {
            let why = assumption.reason == .notSure ? "not sure" : "unanswered"
            var line = "- \(MarkdownText.code(assumption.questionID)) = \(esc(assumption.value.description)) (\(why))"
            if !assumption.affectedDecisions.isEmpty {
                line += "; affects " + assumption.affectedDecisions.map(MarkdownText.code).joined(separator: ", ")
            }
            lines.append(line)
        }
        if detail == .full {
            out += lines
        } else {
            out.append("\(counted(assumptions.count, "default")) used in place of answers.")
            folded("Every assumption", [""] + lines, &out)
        }
    }

    private func checklist(_ report: ReviewReport, _ outline: ReviewOutline, _ out: inout [String]) {
        let all = report.review.checklist
        out += ["", "## Checklist", ""]
        if all.isEmpty {
            out.append("No checklist items apply.")
            return
        }
        let specific = all.filter(\.isAnswerSpecific).count
        out.append(
            "\(counted(all.count, "item")): \(specific) specific to these answers, \(all.count - specific) baseline hygiene; "
                + "\(all.filter(\.done).count) done.")
        if detail == .brief { return }
        if detail == .standard {
            out += ["", "High-priority items specific to these answers:"]
            out += checklistLines(outline) { outline.standardChecklist.contains($0.item.id) }
            folded("All \(counted(all.count, "checklist item"))", checklistLines(outline) { _ in true }, &out)
        } else {
            out += checklistLines(outline) { _ in true }
        }
    }

    private func checklistLines(_ outline: ReviewOutline, _ include: (ChecklistEntry) -> Bool) -> [String] {
        var lines: [String] = []
        for (category, entries) in outline.checklist {
            let shown = entries.filter(include)
            guard !shown.isEmpty else { continue }
            lines += ["", "### \(category.title)", ""]
            for entry in shown {
                lines.append(
                    "- [\(entry.done ? "x" : " ")] \(esc(entry.item.text)) "
                        + "(\(MarkdownText.code(entry.item.id)), \(entry.item.priority.rawValue)"
                        + (entry.isAnswerSpecific ? "" : ", baseline") + ")")
            }
        }
        return lines
    }

    /// A `<details>` block (standard detail) or nothing: the full lists a reader opens on demand.
    func folded(_ summary: String, _ lines: [String], _ out: inout [String]) {
        guard detail == .standard, !lines.isEmpty else { return }
        out += ["", "<details><summary>\(esc(summary))</summary>"] + lines + ["", "</details>"]
    }

    private func facts(_ facts: [AnswerFact]) -> String {
        facts.map { MarkdownText.code($0.description) }.joined(separator: ", ")
    }

    private func acceptedBy(_ risk: AcceptedRisk) -> String {
        let who = [risk.by, risk.date].compactMap { $0 }.map(MarkdownText.inline)
        return who.isEmpty ? "" : " — accepted by " + who.joined(separator: ", ")
    }
}
