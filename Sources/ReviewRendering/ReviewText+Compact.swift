import KnowledgeModel
import RecommendationEngine

/// The standard view's pieces that every compaction step of one rendering shares: sections already laid out, each
/// decision's heading and reasons, each finding group's lines.
extension ReviewText {
    /// The lines of each section, by the compaction settings it depends on: shortening a review re-renders only
    /// the section a step changed (a standard review is assembled up to a dozen times).
    final class SectionCache {
        private var lines: [String: [String]] = [:]
        /// What several renderings of one section share (the decisions' headings and reasons; each finding group's
        /// lines, and its fix line).
        var decisionRows: [DecisionRow]?
        var findingRows: [(lines: [String], fix: [String])]?

        func lines(_ key: String, _ render: () -> [String]) -> [String] {
            if let cached = lines[key] { return cached }
            let rendered = render()
            lines[key] = rendered
            return rendered
        }
    }

    /// One decision of the compact DECISIONS section: its heading line, and (with a summary) what the lines under
    /// it say.
    struct DecisionRow {
        enum Reasons {
            /// The no-preference flag.
            case noPreference
            /// The decisive reason and the main trade-off (either may be missing).
            case parts([(label: String, text: String)])
        }

        var heading: [String]
        var reasons: Reasons?
    }

    /// The compact view's decisions: each heading (one line) and, for a decision with a summary, its decisive
    /// reason and main trade-off, or its no-preference flag.
    func compactDecisionRows(_ report: ReviewReport, _ outline: ReviewOutline) -> [DecisionRow] {
        report.review.decisions.filter { $0.status != .notApplicable }.map { outcome in
            let summary = outline.summaries[outcome.decisionID]
            let heading = wrap(
                compactHeading(outcome, summary, report), first: "  ", rest: "    ",
                outcome.status == .chosen ? .green : .red, maxLines: 1)
            guard let summary else { return DecisionRow(heading: heading, reasons: nil) }
            if outcome.hasNoPreference { return DecisionRow(heading: heading, reasons: .noPreference) }
            var why: (label: String, text: String)?
            if let reason = summary.decisiveReason {
                switch reason {
                case .forChoice: why = ("+ ", Self.firstClause(reason.because))
                case .againstRunnerUp:
                    let name = Self.shortName(summary.runnerUp?.name ?? "the runner-up")
                    why = ("+ not \(name): ", Self.firstClause(reason.because))
                }
            }
            // A tie has no decisive reason: whatever favours the choice favours the runner-up as much.
            if outcome.isTie { why = ("", ReviewReport.tieText) }
            let cost = summary.mainTradeoff.map {
                (label: summary.mainTradeoffHolds ? "cost here: " : "cost: ", text: Self.firstClause($0))
            }
            return DecisionRow(heading: heading, reasons: .parts([why, cost].compactMap { $0 }))
        }
    }

    /// "Primary database: PostgreSQL (over MySQL by 6; close call, rests on assumptions)", option names without
    /// their parenthesised details.
    func compactHeading(_ outcome: DecisionOutcome, _ summary: DecisionSummary?, _ report: ReviewReport) -> String {
        var heading = "\(outcome.title): \(Self.shortName(report.outcomeText(outcome)))"
        // Options recommended alongside the choice (edge and in-app limits; sessions after an SSO login).
        for complement in outcome.complements { heading += " + \(Self.shortName(complement.name))" }
        var notes: [String] = []
        if outcome.hasNoPreference {
            notes.append("no preference")
        } else if let runnerUp = summary?.runnerUp {
            var over = "over \(Self.shortName(runnerUp.name))"
            if case .incompatible = runnerUp.verdict {
                over += ", which does not fit another choice"
            } else if outcome.isTie {
                over = "tied with \(Self.shortName(runnerUp.name))"
            } else if let margin = outcome.margin, margin >= 0 {
                over += " by \(margin)"
            }
            notes.append(over)
        } else if outcome.status == .chosen, outcome.options.count > 1 {
            notes.append("others ruled out")
        }
        if outcome.isCloseCall, !outcome.hasNoPreference, !outcome.isTie { notes.append("close call") }
        if outcome.lowConfidence { notes.append("rests on assumptions") }
        if !notes.isEmpty { heading += " (" + notes.joined(separator: "; ") + ")" }
        return heading
    }
    /// A finding group in the standard view: heading, cause, assumed answers; and apart, its fix line (none when
    /// the group is among the priorities, which show the fix).
    func standardFindingRow(
        _ index: Int, _ group: FindingGroup, _ rank: Int?
    ) -> (
        lines: [String], fix: [String]
    ) {
        let lead = group.lead
        var lines = wrap(
            findingHeading(index, group, rank), first: "  ", rest: "     ", colourFor(group.severity), maxLines: 1)
        if let cause = group.causeDescription {
            let others = group.findings.dropFirst().map(\.finding.id).joined(separator: ", ")
            lines += wrap("\(cause); also \(others)", first: "     cause: ", rest: "       ", maxLines: 1)
        }
        // A finding that read a default rests on an answer the user has not given: say which.
        let assumed = lead.answers.filter(\.assumed)
        if !assumed.isEmpty {
            lines += wrap(ReviewReport.assumedText(assumed), first: "     assumes: ", rest: "       ", maxLines: 1)
        }
        let fix =
            rank == nil ? wrap(lead.finding.remediation, first: "     fix: ", rest: "       ", maxLines: 1) : []
        return (lines, fix)
    }

    /// "3. [HIGH] Title (finding.id) +2 - priority 1": the group's place, lead finding, others and priority rank.
    func findingHeading(_ index: Int, _ group: FindingGroup, _ rank: Int?) -> String {
        let lead = group.lead
        var heading =
            "\(index + 1). [\(group.severity.rawValue.uppercased())] \(lead.finding.title) (\(lead.finding.id))"
        if group.findings.count > 1 { heading += " +\(group.findings.count - 1)" }
        if let rank { heading += " - priority \(rank)" }
        return heading
    }
}
