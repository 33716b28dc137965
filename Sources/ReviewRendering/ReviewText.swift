import KnowledgeModel
import RecommendationEngine

/// The plain-text rendering of a review (`stackwise review`, the default format): fits `width` columns, with
/// ANSI colour only when asked for (the CLI asks on a terminal without NO_COLOR, or with `--color always`).
///
/// Layout (README.md, "Reading a review"): title and summary; PRIORITIES; DECISIONS; CONFLICTS; FINDINGS grouped by
/// cause in fix order; TENSIONS; ASSUMPTIONS; CHECKLIST by category. `detail` decides how much of each is shown.
///
/// Every piece of user and overlay text is reduced to printable characters here, so the only control sequences
/// in the result are the colour codes this type adds.
public struct ReviewText: Sendable {
    public var width: Int
    public var colour: Bool
    public var detail: ReviewDetail

    public init(width: Int = TextLayout.defaultWidth, colour: Bool = false, detail: ReviewDetail = .standard) {
        self.width = width
        self.colour = colour
        self.detail = detail
    }

    /// The standard view's length limit. When the review would be longer, it is shortened step by step until it
    /// fits: fewer CHECKLIST items (the note under it counts the rest), then no firm-up questions, one line (not
    /// two) for each decision's reason and trade-off, one line per priority's action, no reasons under YOUR PLAN,
    /// no fix lines under FINDINGS, and last no reason lines under DECISIONS; lines left under the limit then give
    /// the first decisions their two lines back. `--detail full` always has everything.
    public static let standardLineBudget = 150

    /// What the standard view leaves out to stay within ``standardLineBudget``.
    struct Compaction {
        var checklistLimit = Int.max
        var firmUpQuestions = 3
        var actionLines = 2
        /// How many decisions, from the first, get two lines for their decisive reason and main trade-off
        /// (wrapped); the others get one (each cut to share the line).
        var twoLineDecisions = Int.max
        var planReasons = true
        var findingFixes = true
        var decisionReasons = true

        /// The steps after the checklist, in order.
        static let steps: [@Sendable (inout Compaction) -> Void] = [
            { $0.firmUpQuestions = 0 }, { $0.twoLineDecisions = 0 }, { $0.actionLines = 1 }, { $0.planReasons = false },
            { $0.findingFixes = false }, { $0.decisionReasons = false },
        ]
    }

    public func render(_ report: ReviewReport) -> String {
        let outline = ReviewOutline(report)
        var compaction = Compaction()
        let sections = SectionCache()
        var lines = render(report, outline, compaction, sections)
        guard detail == .standard, lines.count > Self.standardLineBudget else { return lines.joined(separator: "\n") }
        var steps = Compaction.steps[...]
        while true {
            // Fewer checklist items first: the largest number that fits, or none.
            let shown = lines.count { $0.hasPrefix("    [ ] ") || $0.hasPrefix("    [x] ") }
            var limit = max(0, shown - (lines.count - Self.standardLineBudget))
            while true {
                compaction.checklistLimit = limit
                lines = render(report, outline, compaction, sections)
                if lines.count <= Self.standardLineBudget || limit == 0 { break }
                limit -= 1
            }
            guard lines.count > Self.standardLineBudget, let step = steps.popFirst() else { break }
            step(&compaction)
            compaction.checklistLimit = .max
            lines = render(report, outline, compaction, sections)
            if lines.count <= Self.standardLineBudget { break }
        }
        regrowDecisions(report, outline, &compaction, sections, &lines)
        return lines.joined(separator: "\n")
    }

    /// When the decisions went to one line each and the review ended under the budget, the first decisions (the
    /// knowledge base lists the weightiest first) get their two lines back while the rest still fits: a one-line
    /// reason cut to thirty characters ("+ A medium team can split work...") says little.
    private func regrowDecisions(
        _ report: ReviewReport, _ outline: ReviewOutline, _ compaction: inout Compaction, _ cache: SectionCache,
        _ lines: inout [String]
    ) {
        guard compaction.twoLineDecisions == 0, compaction.decisionReasons, lines.count < Self.standardLineBudget
        else { return }
        // Each decision's two lines add at most one line: a binary search over how many fit.
        var low = 0
        var high = min(report.review.decisions.count, Self.standardLineBudget - lines.count)
        var best = lines
        while low < high {
            let middle = (low + high + 1) / 2
            var trial = compaction
            trial.twoLineDecisions = middle
            let rendered = render(report, outline, trial, cache)
            if rendered.count <= Self.standardLineBudget {
                low = middle
                best = rendered
            } else {
                high = middle - 1
            }
        }
        compaction.twoLineDecisions = low
        lines = best
    }

    private func render(
        _ report: ReviewReport, _ outline: ReviewOutline, _ compaction: Compaction, _ cache: SectionCache
    ) -> [String] {
        func section(_ key: String, _ body: (inout [String]) -> Void) -> [String] {
            cache.lines(key) {
                var lines: [String] = []
                body(&lines)
                return lines
            }
        }
        var lines: [String] = []
        lines += section("head") { lines in
            lines.append(style("Stackwise review: \(report.serviceTitle)", .bold))
            lines += wrap(report.summaryLine, first: "", rest: "  ")
            if !report.unansweredRequired.isEmpty {
                lines += wrap(
                    "Required questions without an answer (defaults used): "
                        + report.unansweredRequired.joined(separator: ", "), first: "", rest: "  ", .yellow)
            }
            contradictionsSection(report, &lines)
        }
        lines += section("priorities \(compaction.actionLines)") { priorities(outline, compaction, &$0) }
        lines += section("plan \(compaction.planReasons)") { plan(report, compaction, &$0) }
        lines += section("firmUp \(compaction.firmUpQuestions)") { firmUp(report, compaction, &$0) }
        lines += section("decisions \(compaction.twoLineDecisions) \(compaction.decisionReasons)") {
            decisions(report, outline, compaction, cache, &$0)
        }
        lines += section("conflicts") { conflicts(report, &$0) }
        lines += section("findings \(compaction.findingFixes)") { findings(report, outline, compaction, cache, &$0) }
        lines += section("tensions and assumptions") { lines in
            tensions(report, &lines)
            assumptions(report, &lines)
        }
        lines += section("checklist \(compaction.checklistLimit)") {
            checklist(report, outline, limit: compaction.checklistLimit, &$0)
        }
        if detail != .full {
            lines.append("")
            lines += wrap(
                "More: --detail full (every reason, alternative and item), --format markdown|json", first: "",
                rest: "  ", .dim)
        }
        return lines
    }

    // MARK: - Sections

    private func priorities(_ outline: ReviewOutline, _ compaction: Compaction, _ lines: inout [String]) {
        guard !outline.priorities.isEmpty else { return }
        section("PRIORITIES (do these first)", &lines)
        let full = detail == .full
        for priority in outline.priorities {
            // A checklist item's text is its action: shown once, as the heading, rather than cut there and repeated.
            let actionIsHeading = priority.kind == .checklist && detail != .brief
            let heading =
                "\(priority.rank). [\(priority.severity.rawValue.uppercased())] "
                + "\(actionIsHeading ? priority.action : priority.title) (\(priority.kind.rawValue) \(priority.id))"
            let headingLines = full ? Int.max : actionIsHeading ? 1 + compaction.actionLines : 2
            lines += wrap(heading, first: "  ", rest: "     ", colourFor(priority.severity), maxLines: headingLines)
            if detail == .brief { continue }
            lines += wrap(
                priority.why, first: "     why: ", rest: "          ", maxLines: full ? .max : compaction.actionLines)
            if actionIsHeading { continue }
            lines += wrap(
                priority.action, first: "     do:  ", rest: "          ", maxLines: full ? .max : compaction.actionLines
            )
        }
    }

    private func decisions(
        _ report: ReviewReport, _ outline: ReviewOutline, _ compaction: Compaction, _ cache: SectionCache,
        _ lines: inout [String]
    ) {
        let review = report.review
        section("DECISIONS", &lines)
        if detail == .full {
            for outcome in review.decisions where outcome.status != .notApplicable {
                fullDecision(outcome, report, &lines)
            }
        } else {
            // The headings and reasons are the same in every compaction step: made once, laid out per step.
            let rows = cache.decisionRows ?? compactDecisionRows(report, outline)
            cache.decisionRows = rows
            for (position, row) in rows.enumerated() {
                lines += row.heading
                guard detail == .standard, compaction.decisionReasons, let reasons = row.reasons else { continue }
                switch reasons {
                case .noPreference:
                    lines += wrap(ReviewReport.noPreferenceText, first: "    ", rest: "      ", maxLines: 2)
                case .parts(let parts) where position < compaction.twoLineDecisions:
                    // "+ decisive reason; cost: main trade-off", wrapped to two lines.
                    let text = parts.map { $0.label + $0.text }.joined(separator: "; ")
                    lines += wrap(text, first: "    ", rest: "      ", maxLines: 2)
                case .parts(let parts):
                    // "+ decisive reason  cost: main trade-off" on one line, each cut to share it.
                    lines.append(Self.fitLine(parts, indent: "    ", width: width))
                }
            }
        }
        let notApplicable = review.decisions.filter { $0.status == .notApplicable }.map(\.title)
        if !notApplicable.isEmpty {
            lines += wrap(
                "Not applicable: " + notApplicable.joined(separator: ", "), first: "  ", rest: "    ",
                maxLines: detail == .full ? Int.max : 1)
        }
    }

    /// YOUR PLAN: a verdict per proposal (and per current-stack choice); compact unless `--detail full`.
    private func plan(_ report: ReviewReport, _ compaction: Compaction, _ lines: inout [String]) {
        if detail == .full {
            planSection(report, &lines)
            return
        }
        let verdicts = report.review.proposals
        guard !verdicts.isEmpty else { return }
        section("YOUR PLAN", &lines)
        for verdict in verdicts {
            let name = { (id: String) in Self.shortName(report.optionName(verdict.decisionID, id)) }
            let proposed = verdict.proposed.map(name).joined(separator: " + ")
            let recommended = verdict.recommended.map(name) ?? "no option"
            let subject = "\(verdict.title): " + verdict.subject(naming: proposed)
            switch verdict.verdict {
            case .agrees:
                let tied = verdict.tiesWithRecommendation
                lines += wrap(
                    "\(subject) - agrees" + (tied ? " (tied with \(recommended))" : ""), first: "  = ", rest: "    ",
                    .green, maxLines: 1)
            case .differs:
                let margin = verdict.margin.map { " (by \($0))" } ?? ""
                lines += wrap(
                    "\(subject) - recommended instead: \(recommended)\(verdict.replacesWhatRuns ? ", which runs today" : "")\(margin)",
                    first: "  ≠ ", rest: "    ", .yellow,
                    maxLines: 2)
            case .ruledOut:
                lines += wrap(
                    "\(subject) - ruled out; the review recommends \(recommended)", first: "  ✗ ", rest: "    ", .red,
                    maxLines: 2)
            case .notApplicable:
                lines += wrap("\(subject) - does not apply here", first: "  - ", rest: "    ", maxLines: 1)
            }
            guard detail == .standard, compaction.planReasons,
                verdict.verdict == .differs || verdict.verdict == .ruledOut
            else { continue }
            let against =
                verdict.objection ?? verdict.reasonsFor.first?.because
            if let against { lines += wrap(against, first: "    why: ", rest: "      ", maxLines: 1) }
        }
    }

    /// ANSWER THESE TO FIRM UP THE REVIEW: the unanswered questions that could change the most.
    private func firmUp(_ report: ReviewReport, _ compaction: Compaction, _ lines: inout [String]) {
        if detail == .full {
            firmUpSection(report, &lines)
            return
        }
        guard detail == .standard, compaction.firmUpQuestions > 0 else { return }
        let questions = report.review.firmUp.filter { !$0.decisions.isEmpty }
        guard !questions.isEmpty else { return }
        let resting = report.review.decisions.filter(\.lowConfidence).count
        section("ANSWER THESE TO FIRM UP THE REVIEW (\(resting) decisions rest on defaults)", &lines)
        let shown = compaction.firmUpQuestions
        for question in questions.prefix(shown) {
            let assumed = question.assumed.map { " (assumed \($0))" } ?? ""
            let count = question.decisions.count
            lines += wrap(
                "\(question.questionID)\(assumed) could change \(counted(count, "decision")): "
                    + question.decisions.joined(separator: ", "), first: "  ? ", rest: "    ", maxLines: 1)
        }
        if questions.count > shown {
            lines += wrap(
                "\(questions.count - shown) more: --detail full, or firmUp in --format json", first: "    ",
                rest: "    ", .dim)
        }
    }

    private func conflicts(_ report: ReviewReport, _ lines: inout [String]) {
        guard !report.review.conflicts.isEmpty else { return }
        section("CONFLICTS", &lines)
        for conflict in report.review.conflicts {
            lines += wrap(
                "Cannot all hold: " + conflict.decisions.joined(separator: ", "), first: "  ", rest: "    ", .red)
            for constraint in conflict.constraints { lines += wrap(constraint, first: "    - ", rest: "      ") }
            for exclusion in conflict.exclusions { lines += reason(exclusion, marker: "x") }
        }
    }

    private func findings(
        _ report: ReviewReport, _ outline: ReviewOutline, _ compaction: Compaction, _ cache: SectionCache,
        _ lines: inout [String]
    ) {
        let review = report.review
        guard !review.findings.isEmpty else { return }
        let open = review.findings.filter { $0.accepted == nil }.count
        let groups = outline.findingGroups
        section(
            "FINDINGS: \(open) open in \(counted(groups.count, "group")) by cause, "
                + "in fix order", &lines)
        let prioritised = Dictionary(
            outline.priorities.filter { $0.kind == .finding }.map { ($0.id, $0.rank) }, uniquingKeysWith: min)
        let full = detail == .full
        if detail == .standard {
            // The groups' lines are the same in every compaction step but for the fix lines: made once.
            let rows =
                cache.findingRows
                ?? groups.enumerated().map { index, group in
                    standardFindingRow(index, group, prioritised[group.lead.finding.id])
                }
            cache.findingRows = rows
            for row in rows { lines += row.lines + (compaction.findingFixes ? row.fix : []) }
        }
        for (index, group) in groups.enumerated() where detail != .standard {
            let heading = findingHeading(index, group, prioritised[group.lead.finding.id])
            lines += wrap(heading, first: "  ", rest: "     ", colourFor(group.severity), maxLines: full ? .max : 1)
            guard full else { continue }
            if let cause = group.causeDescription { lines += wrap(cause, first: "     cause: ", rest: "       ") }
            for raised in group.findings { fullFinding(raised, &lines) }
        }
        let accepted = review.findings.filter { $0.accepted != nil }
        if !accepted.isEmpty {
            lines += wrap("Accepted risks:", first: "  ", rest: "  ")
            for raised in accepted {
                if full {
                    fullFinding(raised, &lines)
                } else {
                    lines += wrap(
                        "\(raised.finding.title) (\(raised.finding.id)): \(raised.accepted?.reason ?? "")",
                        first: "     - ", rest: "       ", .dim, maxLines: 1)
                }
            }
        }
    }

    private func fullFinding(_ raised: RaisedFinding, _ lines: inout [String]) {
        let severity = raised.finding.severity
        let label = "[\(severity.rawValue.uppercased())]"
        let colour: Colour = raised.accepted != nil ? .dim : colourFor(severity)
        lines += wrap(
            "\(label) \(raised.finding.title) (\(raised.finding.id))", first: "     - ", rest: "       ", colour)
        lines += wrap(raised.because, first: "       why: ", rest: "         ")
        lines += wrap(raised.finding.remediation, first: "       fix: ", rest: "         ")
        if !raised.answers.isEmpty {
            lines += wrap(ReviewReport.factsText(raised.answers), first: "       from: ", rest: "         ")
        }
        if let accepted = raised.accepted {
            var text = accepted.reason
            let who = [accepted.by, accepted.date].compactMap { $0 }
            if !who.isEmpty { text += " (" + who.joined(separator: ", ") + ")" }
            lines += wrap(text, first: "       accepted risk: ", rest: "         ")
        }
    }

    private func tensions(_ report: ReviewReport, _ lines: inout [String]) {
        guard !report.review.tensions.isEmpty, detail != .brief else { return }
        section("TENSIONS", &lines)
        for raised in report.review.tensions {
            lines += wrap(raised.tension.title + " (\(raised.tension.id))", first: "  ! ", rest: "    ", .yellow)
            // A side that is only a default makes the tension a question to settle, not yet the user's conflict.
            let assumed = raised.answers.filter(\.assumed)
            if !assumed.isEmpty, detail != .full {
                lines += wrap(ReviewReport.assumedText(assumed), first: "    assumes: ", rest: "      ", maxLines: 1)
            }
            if detail == .full {
                lines += wrap(ReviewReport.factsText(raised.answers), first: "    between: ", rest: "      ")
            }
            lines += wrap(
                raised.tension.advice, first: "    advice: ", rest: "      ", maxLines: detail == .full ? Int.max : 1)
        }
    }

    private func assumptions(_ report: ReviewReport, _ lines: inout [String]) {
        let assumptions = report.review.assumptions
        guard !assumptions.isEmpty else { return }
        if detail != .full {
            section("ASSUMPTIONS: \(counted(assumptions.count, "default")) used", &lines)
            let moving = assumptions.filter { !$0.affectedDecisions.isEmpty }.map(\.questionID)
            if !moving.isEmpty, report.review.firmUp.isEmpty {
                lines += wrap(
                    "Moving decisions: " + moving.joined(separator: ", "), first: "  ", rest: "    ", maxLines: 1)
            }
            return
        }
        section("ASSUMPTIONS (defaults used)", &lines)
        for assumption in assumptions {
            let why = assumption.reason == .notSure ? "not sure" : "unanswered"
            var text = "\(assumption.questionID) = \(assumption.value) (\(why))"
            if !assumption.affectedDecisions.isEmpty {
                text += "; affects " + assumption.affectedDecisions.joined(separator: ", ")
            }
            lines += wrap(text, first: "  - ", rest: "    ")
        }
    }

    private func checklist(_ report: ReviewReport, _ outline: ReviewOutline, limit: Int, _ lines: inout [String]) {
        let all = report.review.checklist
        guard !all.isEmpty else { return }
        let done = all.filter(\.done).count
        let specific = all.filter(\.isAnswerSpecific).count
        let high = all.filter { $0.item.priority == .high }.count
        section(
            "CHECKLIST: \(counted(all.count, "item")) (\(specific) specific to these answers, \(high) high, \(done) done)",
            &lines)
        if detail == .brief {
            lines += wrap(
                "\(counted(outline.standardChecklist.count, "high answer-specific item")) to do; see them with --detail "
                    + "standard, all with --detail full.", first: "  ", rest: "  ")
            return
        }
        let inPriorities = Set(outline.priorities.filter { $0.kind == .checklist }.map(\.id))
        var room = limit
        var listed = 0
        for (category, entries) in outline.checklist where room > 0 {
            var shown =
                detail == .full
                ? entries
                : entries.filter {
                    outline.standardChecklist.contains($0.item.id) && !inPriorities.contains($0.item.id)
                }
            shown = Array(shown.prefix(max(0, room)))
            room -= shown.count
            listed += shown.count
            guard !shown.isEmpty else { continue }
            lines.append("  " + style(category.title, .bold))
            for entry in shown {
                let box = entry.done ? "[x]" : "[ ]"
                var text = entry.item.text + " (\(entry.item.id)"
                if detail == .full {
                    text += ", \(entry.item.priority.rawValue)" + (entry.isAnswerSpecific ? "" : ", baseline")
                    lines += wrap(text + ")", first: "    \(box) ", rest: "        ", entry.done ? .dim : .plain)
                } else {
                    lines += wrap(
                        "\(entry.item.id): \(entry.item.text)", first: "    \(box) ", rest: "        ", maxLines: 1)
                }
            }
        }
        if detail != .full {
            let shown = listed + inPriorities.count
            let hidden = report.review.checklist.count - shown
            var note = "\(shown) item\(shown == 1 ? "" : "s") shown"
            if !inPriorities.isEmpty { note += " (\(inPriorities.count) of them under PRIORITIES)" }
            if hidden > 0 { note += "; \(hidden) more (medium, low, baseline, done): --detail full" }
            lines += wrap(note, first: "  ", rest: "    ", .dim)
        }
    }

    // MARK: - Full detail

    private func fullDecision(_ outcome: DecisionOutcome, _ report: ReviewReport, _ lines: inout [String]) {
        var heading = "\(outcome.title): \(report.outcomeText(outcome))"
        var flags = report.flags(outcome)
        if let margin = outcome.margin, !outcome.hasNoPreference { flags.insert("margin \(margin)", at: 0) }
        if !flags.isEmpty { heading += " (" + flags.joined(separator: ", ") + ")" }
        lines.append("")
        lines += wrap(heading, first: "  ", rest: "    ", outcome.status == .chosen ? .green : .red)
        if let chosen = outcome.chosenAssessment {
            for contribution in chosen.contributions {
                lines += reason(contribution, marker: contribution.weight >= 0 ? "+" : "-")
            }
        }
        judgementLines(outcome, &lines)
        for assessment in outcome.options where assessment.verdict != .chosen {
            lines += wrap(
                "\(assessment.name): \(report.verdictText(assessment, chosenScore: outcome.score))",
                first: "    instead of ", rest: "      ", .dim)
        }
    }

    /// A reason with the answers behind it; one resting only on defaults is an assumption (`~ assumes ...`),
    /// never a `+` reason.
    func reason(_ contribution: Contribution, marker: String) -> [String] {
        if contribution.assumed {
            let text = "assumes " + ReviewReport.assumedText(contribution.triggeredBy) + ": " + contribution.because
            return wrap(text, first: "    ~ ", rest: "      ", .dim)
        }
        var text = contribution.because
        if !contribution.triggeredBy.isEmpty { text += " [" + ReviewReport.factsText(contribution.triggeredBy) + "]" }
        return wrap(text, first: "    \(marker) ", rest: "      ")
    }

    func section(_ title: String, _ lines: inout [String]) {
        lines.append("")
        lines += wrap(title, first: "", rest: "  ", .bold)
    }

    // MARK: - Styling

    enum Colour: String {
        case plain = ""
        case bold = "\u{1B}[1m"
        case dim = "\u{1B}[2m"
        case red = "\u{1B}[31m"
        case green = "\u{1B}[32m"
        case yellow = "\u{1B}[33m"
    }

    func colourFor(_ severity: Severity) -> Colour {
        severity == .high ? .red : severity == .medium ? .yellow : .plain
    }

    func style(_ text: String, _ colour: Colour) -> String {
        let text = Self.singleLine(text)
        guard self.colour, colour != .plain else { return text }
        return colour.rawValue + text + "\u{1B}[0m"
    }
}
