import AnswersFile
import KnowledgeModel
import RecommendationEngine
import ReviewRendering

/// Who is involved in the decisions, and the status of the records (MADR front matter). A field left nil was
/// not given: new records get the default (`proposed`, no names) and a record updated in place keeps its value.
public struct RecordPeople: Sendable, Equatable {
    public static let defaultStatus = "proposed"

    public var status: String?
    public var decisionMakers: [String]?
    public var consulted: [String]?
    public var informed: [String]?

    public init(
        status: String? = nil, decisionMakers: [String]? = nil, consulted: [String]? = nil, informed: [String]? = nil
    ) {
        self.status = status
        self.decisionMakers = decisionMakers
        self.consulted = consulted
        self.informed = informed
    }
}

/// A link to another record: `[ADR-0003](0003-primary-database-postgresql.md)`.
public struct RecordLink: Sendable, Equatable {
    public var number: Int
    public var fileName: String
    public var title: String

    public init(number: Int, fileName: String, title: String) {
        self.number = number
        self.fileName = fileName
        self.title = title
    }

    /// `ADR-0003`
    public var label: String { "ADR-" + RecordNaming.paddedNumber(number) }

    /// A Markdown link (the file name is generated, so it is safe as a link target).
    public var markdown: String { "[\(label): \(MarkdownText.inline(title))](\(fileName))" }
}

/// Renders one decision as a MADR 4.0 record.
struct RecordRenderer {
    let report: ReviewReport
    let people: RecordPeople
    /// What-if over the same answers, for "Revisit when".
    var whatIf: WhatIfReport?

    /// The record's title: "Primary database: PostgreSQL".
    static func title(_ outcome: DecisionOutcome, _ report: ReviewReport) -> String {
        "\(outcome.title): \(report.outcomeText(outcome))"
    }

    /// The full, signed record text. `keeping`: the raw front-matter values of the version being updated;
    /// `status` and the people fields not given in ``people`` keep these values.
    func render(
        _ outcome: DecisionOutcome, date: String, supersedes: RecordLink?, keeping: [String: String] = [:]
    ) -> String {
        let kb = report.knowledgeBase
        let esc = MarkdownText.inline
        let wording = RecordWording(kb)
        let decision = kb.decision(outcome.decisionID)
        let chosen = outcome.chosenAssessment
        let chosenOption = outcome.chosen.flatMap { decision?.option($0) }
        var out: [String] = [
            "---",
            "status: \(people.status.map(YAMLText.scalar) ?? keeping["status"] ?? RecordPeople.defaultStatus)",
            "date: \(date)",
            "decision-makers: \(people.decisionMakers.map(list) ?? keeping["decision-makers"] ?? "[]")",
            "consulted: \(people.consulted.map(list) ?? keeping["consulted"] ?? "[]")",
            "informed: \(people.informed.map(list) ?? keeping["informed"] ?? "[]")",
            "stackwise-decision: \(YAMLText.scalar(outcome.decisionID))",
            "stackwise-option: \(YAMLText.scalar(outcome.chosen ?? ""))",
            Signature.frontMatterPrefix + Signature.placeholder,
            "---",
            "",
            "# \(esc(Self.title(outcome, report)))",
            "",
        ]
        if let supersedes { out += ["Supersedes \(supersedes.markdown).", ""] }

        out += ["## Context and Problem Statement", ""]
        out.append(
            "\(esc(decision?.problem ?? outcome.title)) This record is part of the design review of "
                + "\(esc(report.serviceTitle)) ([design-review.md](design-review.md)).")

        let reasons = chosen?.contributions ?? []
        let facts = uniqueFacts(reasons.flatMap(\.triggeredBy))
        out += ["", "## Decision Drivers", ""]
        if facts.isEmpty && reasons.isEmpty {
            out.append("* No answer moved this decision; it rests on general defaults.")
        }
        for fact in facts { out.append("* \(factLine(fact))") }
        for reason in reasons {
            let sign = reason.weight >= 0 ? "+\(reason.weight)" : "\(reason.weight)"
            out.append("* Rule \(MarkdownText.code(reason.ruleID)) (\(sign)): \(esc(reason.because))")
        }

        out += ["", "## Considered Options", ""]
        for option in outcome.options { out.append("* \(esc(option.name))") }

        out += ["", "## Decision Outcome", ""]
        let positive = reasons.filter { $0.weight > 0 }.map(\.because)
        let because =
            positive.isEmpty
            ? "it scores best for these answers" : wording.continuing(positive.map(esc).joined(separator: " "))
        out.append("Chosen option: \"\(esc(chosenOption?.name ?? report.outcomeText(outcome)))\", because \(because)")
        if let plan = planParagraph(outcome) { out += ["", plan] }
        if outcome.isCloseCall {
            out += [
                "",
                "This is a close call (margin \(outcome.margin ?? 0)): a slightly different answer could change it.",
            ]
        }
        if outcome.lowConfidence {
            out += ["", "The choice rests partly on default answers; confirm the assumptions below."]
        }
        if let note = report.optimalityNote { out += ["", "The combination is \(note)."] }
        out += ["", "### Consequences", ""]
        let pros = chosenOption?.pros ?? []
        let cons = chosenOption?.cons ?? []
        if pros.isEmpty && cons.isEmpty { out.append("* Neutral, because the knowledge base lists no trade-offs.") }
        for pro in pros { out.append("* Good, because \(wording.continuing(esc(pro), after: "Good"))") }
        for con in cons { out.append("* Bad, because \(wording.continuing(esc(con), after: "Bad"))") }
        out += counterindications(outcome, wording).map { "* Bad, because \($0)" }

        out += ["", "### Confirmation", ""]
        let confirmation = confirmationItems(outcome.decisionID)
        if confirmation.isEmpty {
            out.append("Confirm in code review that the implementation uses \(esc(report.outcomeText(outcome))).")
        }
        for entry in confirmation {
            out.append("* [\(entry.done ? "x" : " ")] \(esc(entry.item.text)) (\(MarkdownText.code(entry.item.id)))")
        }

        out += ["", "### Revisit when", ""]
        out += revisitWhen(outcome)

        out += ["", "## Pros and Cons of the Options"]
        for assessment in outcome.options {
            let option = decision?.option(assessment.optionID)
            out += ["", "### \(esc(assessment.name))", ""]
            if let summary = option?.summary { out += [esc(summary), ""] }
            for pro in option?.pros ?? [] {
                out.append("* Good, because \(wording.continuing(esc(pro), after: "Good"))")
            }
            for con in option?.cons ?? [] { out.append("* Bad, because \(wording.continuing(esc(con), after: "Bad"))") }
            let verdict =
                assessment.verdict == .chosen
                ? "chosen (score \(assessment.score))" : report.verdictText(assessment, chosenScore: outcome.score)
            out.append("* Verdict: \(esc(verdict))")
        }

        out += ["", "## More Information", ""]
        let sourceIDs = unique((chosenOption?.sources ?? []) + reasons.flatMap(\.sources))
        for id in sourceIDs {
            guard let source = kb.source(id) else { continue }
            out.append(
                "* Source: \(MarkdownText.link(source.title, url: source.url)) (\(esc(source.publisher)), "
                    + "checked \(esc(source.verified)))")
        }
        let assumptions = report.review.assumptions.filter { $0.affectedDecisions.contains(outcome.decisionID) }
        for assumption in assumptions {
            let why = assumption.reason == .notSure ? "answered \"not sure\"" : "unanswered"
            out.append(
                "* Assumption: \(MarkdownText.code("\(assumption.questionID) = \(assumption.value)")) "
                    + "(the default; the question was \(why))")
        }
        out.append(
            "* Generated by Stackwise from the answers file. Edit freely: Stackwise never overwrites a record that "
                + "was edited by hand; when this decision changes it writes a new record that supersedes this one.")
        return Signature.sign(out.joined(separator: "\n") + "\n")
    }

    /// The answers that would flip this decision (from what-if), so a team knows when to reopen it.
    private func revisitWhen(_ outcome: DecisionOutcome) -> [String] {
        guard let whatIf else { return ["* Re-run the review when the answers change; it reports what moves."] }
        var lines: [String] = []
        for row in whatIf.rows {
            guard let change = row.changes.first(where: { $0.decisionID == outcome.decisionID }) else { continue }
            let to =
                change.to.map { "\"\(MarkdownText.inline(report.optionName(outcome.decisionID, $0)))\"" }
                ?? "not applicable"
            var line = "* \(MarkdownText.code("\(row.questionID) = \(row.alternative)"))"
            if let current = row.current {
                line += " (now \(MarkdownText.code(current.description))\(row.isOpen ? ", assumed" : ""))"
            }
            lines.append(line + ": the choice becomes \(to).")
        }
        if lines.isEmpty {
            return [
                "* No single different answer changes this decision; revisit it when the requirements go beyond "
                    + "what the questions cover."
            ]
        }
        let limit = 12
        if lines.count > limit {
            let more = lines.count - limit
            return Array(lines.prefix(limit)) + [
                "* ...and \(more) more answers (see the What-if tab of `stackwise interview`)."
            ]
        }
        return lines
    }

    /// The chosen option's "when not to use" entries that hold for these answers (the review's "chosen although"
    /// tensions), with the answers that make them hold and the knowledge base's advice: a 90-minute job on
    /// functions that stop at 15 minutes is a consequence a record must name, not only a general con.
    private func counterindications(_ outcome: DecisionOutcome, _ wording: RecordWording) -> [String] {
        guard let chosen = outcome.chosen else { return [] }
        let prefix = "chosen-although.\(outcome.decisionID).\(chosen)."
        return report.review.tensions.filter { $0.tension.id.hasPrefix(prefix) }.map { raised in
            let answers = raised.answers.map { MarkdownText.code("\($0.questionID) = \($0.value)") }
            let here = answers.isEmpty ? "" : " (here: " + answers.joined(separator: ", ") + ")"
            var because = raised.because
            while because.hasSuffix(".") { because.removeLast() }
            return wording.continuing(MarkdownText.inline(because), after: "Bad") + here + ". "
                + MarkdownText.inline(raised.tension.advice)
        }
    }

    /// Checklist items that verify this decision: included by a rule that scores or excludes one of its options,
    /// or applying through a condition that reads `chosen(decision)`.
    private func confirmationItems(_ decisionID: String) -> [ChecklistEntry] {
        let kb = report.knowledgeBase
        let relatedRules = Set(
            kb.rules.filter { rule in
                rule.scores.contains { $0.target.decision == decisionID }
                    || rule.excludes.contains { $0.decision == decisionID }
            }.map(\.id))
        return report.review.checklist.filter { entry in
            entry.includedBy.contains(where: relatedRules.contains)
                || (entry.item.appliesIf?.expression.decisionIDs.contains(decisionID) ?? false)
        }
    }

    private func factLine(_ fact: AnswerFact) -> String {
        let prompt = report.knowledgeBase.question(fact.questionID)?.prompt
        var line = MarkdownText.code("\(fact.questionID) = \(fact.value)")
        if fact.assumed { line += " (default)" }
        if let prompt { line += " — \(MarkdownText.inline(prompt))" }
        if let note = report.answers.answers[fact.questionID]?.note {
            line += " Note: \(MarkdownText.inline(note))"
        }
        return line
    }

    private func uniqueFacts(_ facts: [AnswerFact]) -> [AnswerFact] {
        var seen = Set<String>()
        return facts.filter { seen.insert($0.questionID).inserted }
    }

    private func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }

    private func list(_ names: [String]) -> String {
        "[" + names.map(YAMLText.quoted).joined(separator: ", ") + "]"
    }
}
