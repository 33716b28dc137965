import KnowledgeModel
import RecommendationEngine

/// The Markdown rendering of a review: `stackwise review --format markdown`, and `design-review.md` in an export.
///
/// A decision table, conflicts, assumptions, tensions, findings, accepted risks, and the checklist as GitHub task
/// lists. Every piece of text is escaped with ``MarkdownText``; nothing renders as raw HTML.
public struct ReviewMarkdown: Sendable {
    /// Decision id -> file name of its decision record, linked from the decision table.
    public var recordLinks: [String: String]

    public init(recordLinks: [String: String] = [:]) {
        self.recordLinks = recordLinks
    }

    public func render(_ report: ReviewReport) -> String {
        let review = report.review
        let esc = MarkdownText.inline
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

        out += ["", "## Decisions", ""]
        let withRecords = !recordLinks.isEmpty
        out.append(withRecords ? "| Decision | Choice | Why | Record |" : "| Decision | Choice | Why |")
        out.append(withRecords ? "|---|---|---|---|" : "|---|---|---|")
        for outcome in review.decisions {
            let reasons = (outcome.chosenAssessment?.contributions ?? []).filter { $0.weight > 0 }.map(\.because)
            var choice = esc(report.outcomeText(outcome))
            let flags = report.flags(outcome)
            if !flags.isEmpty { choice += " (" + flags.joined(separator: ", ") + ")" }
            var row =
                "| \(esc(outcome.title)) | \(choice) | \(reasons.isEmpty ? "—" : reasons.map(esc).joined(separator: " "))"
            if withRecords {
                row += " | " + (recordLinks[outcome.decisionID].map { "[\(esc($0))](\($0))" } ?? "—")
            }
            out.append(row + " |")
        }

        if !review.conflicts.isEmpty {
            out += ["", "## Conflicts", ""]
            for conflict in review.conflicts {
                out.append(
                    "- These decisions cannot all be satisfied: \(conflict.decisions.map(MarkdownText.code).joined(separator: ", "))"
                )
                for constraint in conflict.constraints { out.append("  - \(esc(constraint))") }
                for exclusion in conflict.exclusions {
                    out.append("  - \(esc(exclusion.because)) (\(facts(exclusion.triggeredBy)))")
                }
            }
        }

        if !review.assumptions.isEmpty {
            out += ["", "## Assumptions", ""]
            for assumption in review.assumptions {
                let why = assumption.reason == .notSure ? "not sure" : "unanswered"
                var line =
                    "- \(MarkdownText.code(assumption.questionID)) = \(esc(assumption.value.description)) (\(why))"
                if !assumption.affectedDecisions.isEmpty {
                    line += "; affects " + assumption.affectedDecisions.map(MarkdownText.code).joined(separator: ", ")
                }
                out.append(line)
            }
        }

        if !review.tensions.isEmpty {
            out += ["", "## Tensions", ""]
            for raised in review.tensions {
                out.append("- **\(esc(raised.tension.title))** — \(esc(raised.tension.advice))")
                if !raised.answers.isEmpty { out.append("  - Between: \(facts(raised.answers))") }
            }
        }

        out += ["", "## Findings", ""]
        let open = review.findings.filter { $0.accepted == nil }
        if open.isEmpty { out.append("No open findings.") }
        for raised in open {
            out.append(
                "- **\(raised.finding.severity.rawValue.uppercased())** \(esc(raised.finding.title)) "
                    + "(\(MarkdownText.code(raised.finding.id))): \(esc(raised.because))")
            out.append("  - Fix: \(esc(raised.finding.remediation))")
            if !raised.answers.isEmpty { out.append("  - Because of: \(facts(raised.answers))") }
        }

        let accepted = review.findings.filter { $0.accepted != nil }
        if !accepted.isEmpty || !report.answers.acceptedRisks.isEmpty {
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

        out += ["", "## Checklist", ""]
        if review.checklist.isEmpty { out.append("No checklist items apply.") }
        var category: ChecklistCategory?
        for entry in review.checklist {
            if entry.item.category != category {
                category = entry.item.category
                if out.last != "" { out.append("") }
                out += ["### \(entry.item.category.rawValue.capitalized)", ""]
            }
            out.append(
                "- [\(entry.done ? "x" : " ")] \(esc(entry.item.text)) "
                    + "(\(MarkdownText.code(entry.item.id)), \(entry.item.priority.rawValue))")
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func facts(_ facts: [AnswerFact]) -> String {
        facts.map { MarkdownText.code($0.description) }.joined(separator: ", ")
    }

    private func acceptedBy(_ risk: AcceptedRisk) -> String {
        let who = [risk.by, risk.date].compactMap { $0 }.map(MarkdownText.inline)
        return who.isEmpty ? "" : " — accepted by " + who.joined(separator: ", ")
    }
}
