import KnowledgeModel
import RecommendationEngine

/// The plain-text rendering of a review (`stackwise review`, the default format): fits `width` columns, with
/// ANSI colour only when asked for (the CLI asks on a terminal without NO_COLOR).
///
/// Every piece of user and overlay text is reduced to printable characters here, so the only control sequences
/// in the result are the colour codes this type adds.
public struct ReviewText: Sendable {
    public var width: Int
    public var colour: Bool

    public init(width: Int = TextLayout.defaultWidth, colour: Bool = false) {
        self.width = width
        self.colour = colour
    }

    public func render(_ report: ReviewReport) -> String {
        let review = report.review
        var lines: [String] = []
        lines.append(style("Stackwise review: \(report.serviceTitle)", .bold))
        if !report.unansweredRequired.isEmpty {
            lines += wrap(
                "Required questions without an answer (defaults used): "
                    + report.unansweredRequired.joined(separator: ", "), first: "", rest: "  ", .yellow)
        }
        contradictionsSection(report, &lines)
        planSection(report, &lines)
        firmUpSection(report, &lines)
        section("DECISIONS", &lines)
        for outcome in review.decisions where outcome.status != .notApplicable {
            decision(outcome, report, &lines)
        }
        let notApplicable = review.decisions.filter { $0.status == .notApplicable }.map(\.title)
        if !notApplicable.isEmpty {
            lines += wrap("Not applicable: " + notApplicable.joined(separator: ", "), first: "  ", rest: "    ")
        }
        if !review.conflicts.isEmpty {
            section("CONFLICTS", &lines)
            for conflict in review.conflicts {
                lines += wrap(
                    "Cannot all hold: " + conflict.decisions.joined(separator: ", "), first: "  ", rest: "    ", .red)
                for constraint in conflict.constraints { lines += wrap(constraint, first: "    - ", rest: "      ") }
                for exclusion in conflict.exclusions { lines += reason(exclusion, marker: "x") }
            }
        }
        if !review.assumptions.isEmpty {
            section("ASSUMPTIONS (defaults used)", &lines)
            for assumption in review.assumptions {
                let why = assumption.reason == .notSure ? "not sure" : "unanswered"
                var text = "\(assumption.questionID) = \(assumption.value) (\(why))"
                if !assumption.affectedDecisions.isEmpty {
                    text += "; affects " + assumption.affectedDecisions.joined(separator: ", ")
                }
                lines += wrap(text, first: "  - ", rest: "    ")
            }
        }
        if !review.tensions.isEmpty {
            section("TENSIONS", &lines)
            for raised in review.tensions {
                lines += wrap(raised.tension.title, first: "  ! ", rest: "    ", .yellow)
                lines += wrap(ReviewReport.factsText(raised.answers), first: "    between: ", rest: "      ")
                lines += wrap(raised.tension.advice, first: "    advice: ", rest: "      ")
            }
        }
        if !review.findings.isEmpty {
            section("FINDINGS", &lines)
            for raised in review.findings {
                let severity = raised.finding.severity
                let label = "[\(severity.rawValue.uppercased())]"
                let colourFor: Colour =
                    raised.accepted != nil ? .dim : severity == .high ? .red : severity == .medium ? .yellow : .plain
                lines += wrap(
                    "\(label) \(raised.finding.title) (\(raised.finding.id))", first: "  ", rest: "    ", colourFor)
                lines += wrap(raised.because, first: "    why: ", rest: "      ")
                lines += wrap(raised.finding.remediation, first: "    fix: ", rest: "      ")
                if let accepted = raised.accepted {
                    var text = accepted.reason
                    let who = [accepted.by, accepted.date].compactMap { $0 }
                    if !who.isEmpty { text += " (" + who.joined(separator: ", ") + ")" }
                    lines += wrap(text, first: "    accepted risk: ", rest: "      ")
                }
            }
        }
        if !review.checklist.isEmpty {
            section("CHECKLIST", &lines)
            for entry in review.checklist {
                let box = entry.done ? "[x]" : "[ ]"
                let text = "\(entry.item.text) (\(entry.item.priority.rawValue), \(entry.item.id))"
                lines += wrap(text, first: "  \(box) ", rest: "      ", entry.done ? .dim : .plain)
            }
        }
        lines.append("")
        lines += wrap(report.summaryLine, first: "Summary: ", rest: "  ", .bold)
        return lines.joined(separator: "\n")
    }

    private func decision(_ outcome: DecisionOutcome, _ report: ReviewReport, _ lines: inout [String]) {
        var heading = "\(outcome.title): \(report.outcomeText(outcome))"
        let flags = report.flags(outcome)
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
                "\(assessment.name): \(report.verdictText(assessment))", first: "    instead of ", rest: "      ", .dim)
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
        lines.append(style(title, .bold))
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

    func style(_ text: String, _ colour: Colour) -> String {
        let text = Self.singleLine(text)
        guard self.colour, colour != .plain else { return text }
        return colour.rawValue + text + "\u{1B}[0m"
    }

    func wrap(_ text: String, first: String, rest: String, _ colour: Colour = .plain) -> [String] {
        TextLayout.wrap(Self.singleLine(text), width: width, first: first, rest: rest).map { style($0, colour) }
    }

    /// User text may hold line breaks and control characters: one line of printable text.
    static func singleLine(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) ? " " : scalar
                }))
    }
}
