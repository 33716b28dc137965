import KnowledgeModel
import RecommendationEngine

/// A line of a detail: text (wrapped by the view), its role, and the question Enter opens from it.
struct DetailLine: Equatable {
    var text: String
    var role: StyleRole
    /// Enter on this line opens this question (answering it returns to the review).
    var questionID: String?
    /// Columns of indent for the wrapped continuation lines.
    var indent = 0

    init(_ text: String, _ role: StyleRole = .normal, question: String? = nil, indent: Int = 0) {
        self.text = text
        self.role = role
        self.questionID = question
        self.indent = indent
    }
}

/// Everything about one item of the review, as lines: what the detail pane beside a list and the detail window
/// (Enter) show. Shared by the reducer (which line is a question) and the view.
struct DetailContent {
    let knowledgeBase: KnowledgeBase

    /// Every line about `subject` (computed once per review and subject: the detail pane and the window redraw
    /// with every key).
    func lines(_ subject: DetailSubject, _ state: TUIState) -> [DetailLine] {
        state.advice.derived.detail(subject) { computeLines(subject, state) }
    }

    private func computeLines(_ subject: DetailSubject, _ state: TUIState) -> [DetailLine] {
        guard let review = state.advice.review else { return [] }
        switch subject {
        case .decision(let id): return decisionLines(id, state)
        case .finding(let id):
            guard let raised = review.findings.first(where: { $0.finding.id == id }) else { return [] }
            return findingLines(raised, expired: raised.accepted == nil ? state.answers.acceptedRisk(for: id) : nil)
        case .tension(let id):
            guard let raised = review.tensions.first(where: { $0.tension.id == id }) else { return [] }
            return tensionLines(raised)
        case .checklist(let id):
            guard let entry = review.checklist.first(where: { $0.item.id == id }) else { return [] }
            return checklistLines(entry)
        case .question(let id): return questionLines(id, state)
        case .priority(let rank):
            guard let priority = state.advice.priorities.first(where: { $0.rank == rank }) else { return [] }
            var lines = [
                DetailLine("Priority \(priority.rank) · \(priority.severity.rawValue)", .title),
                DetailLine(priority.title, .title),
                DetailLine("Why: " + priority.why, indent: 5),
                DetailLine("Do: " + priority.action, .success, indent: 4),
                DetailLine(""),
            ]
            // The finding, tension or item behind it, without the lines that only repeat the priority's own
            // (its title, why and action stood twice, one under the other).
            let repeated: Set<String> = [
                priority.title, "Why: " + priority.why, "Fix: " + priority.action, "Advice: " + priority.action,
                priority.action,
            ]
            lines += self.lines(ReviewRows.target(of: priority), state).filter { !repeated.contains($0.text) }
            return lines
        case .whatIf(let index):
            guard let row = state.advice.whatIf?.rows.element(at: index) else { return [] }
            return whatIfLines(row)
        }
    }

    /// Title of a detail window.
    func title(_ subject: DetailSubject, _ state: TUIState) -> String {
        switch subject {
        case .decision(let id): return knowledgeBase.decision(id)?.title ?? id
        case .finding: return "Finding"
        case .tension: return "Tension"
        case .checklist: return "Checklist item"
        case .question: return "Answer this to firm up the review"
        case .priority(let rank): return "Priority \(rank)"
        case .whatIf: return "What if"
        }
    }

    /// "data.shape = Documents" (the option's label), marked when it is a default.
    func fact(_ fact: AnswerFact) -> String {
        let value = knowledgeBase.question(fact.questionID).map { displayText(of: fact.value, for: $0) }
        return "\(fact.questionID) = \(value ?? fact.value.description)" + (fact.assumed ? " (assumed default)" : "")
    }

    /// One line per answer behind something, each opening its question.
    func answerLines(_ facts: [AnswerFact], heading: String) -> [DetailLine] {
        guard !facts.isEmpty else { return [] }
        var seen = Set<String>()
        return [DetailLine(heading, .title)]
            + facts.filter { seen.insert($0.questionID).inserted }.map { fact in
                DetailLine("  " + self.fact(fact), question: fact.questionID, indent: 4)
            }
    }

    /// The knowledge base's sources, with the date each was checked.
    func sourceLines(_ ids: [String]) -> [DetailLine] {
        guard !ids.isEmpty else { return [] }
        return [DetailLine("Sources:", .title)]
            + ids.map { id in
                guard let source = knowledgeBase.source(id) else { return DetailLine("  " + id, .dim) }
                return DetailLine(
                    "  \(source.title) (\(source.publisher)) \(source.url) — checked \(source.verified)", .dim,
                    indent: 4)
            }
    }

    /// A finding; `expired` is its acceptance when that has run out (the finding is open again).
    private func findingLines(_ raised: RaisedFinding, expired: AcceptedRisk?) -> [DetailLine] {
        let finding = raised.finding
        var lines = [
            DetailLine(finding.title, .title),
            DetailLine(
                "Severity: \(finding.severity.rawValue)", finding.severity == .high ? .error : .warning),
            DetailLine("Why: " + raised.because, indent: 5),
            DetailLine("Fix: " + finding.remediation, .success, indent: 5),
        ]
        if let accepted = raised.accepted {
            let by = [accepted.by, accepted.date].compactMap { $0 }.joined(separator: ", ")
            lines.append(
                DetailLine(
                    "Accepted as a risk: \(accepted.reason)" + (by.isEmpty ? "" : " (\(by))")
                        + " — a: change or un-accept",
                    .success, indent: 2))
            lines += acceptanceTerms(accepted)
        } else if let expired {
            lines.append(
                DetailLine(
                    "The acceptance expired on \(expired.expires ?? "?"): it no longer hides this finding ("
                        + "\(expired.reason)). a: renew it with a new date, or un-accept it.", .warning, indent: 2))
            lines += acceptanceTerms(expired)
        } else {
            lines.append(DetailLine("Not accepted. a: accept it as a risk, with a reason.", .dim))
        }
        lines += answerLines(raised.answers, heading: "Raised by these answers (Enter changes one):")
        lines += sourceLines(raised.sources)
        return lines
    }

    /// An acceptance's scope, owner and expiry, when given.
    private func acceptanceTerms(_ risk: AcceptedRisk) -> [DetailLine] {
        let terms = [
            risk.scope.map { "scope: " + $0 }, risk.owner.map { "owner: " + $0 }, risk.expires.map { "until " + $0 },
        ].compactMap { $0 }
        return terms.isEmpty ? [] : [DetailLine("  " + terms.joined(separator: " · "), .dim, indent: 4)]
    }

    private func tensionLines(_ raised: RaisedTension) -> [DetailLine] {
        let tension = raised.tension
        var lines = [
            DetailLine(tension.title, .title),
            DetailLine("Why: " + raised.because, indent: 5),
            DetailLine("Advice: " + tension.advice, .success, indent: 8),
            DetailLine(
                "A tension is between requirements, not a risk to accept: change one of the answers below, or follow "
                    + "the advice.", .dim),
        ]
        var facts = raised.answers
        for id in tension.between where !facts.contains(where: { $0.questionID == id }) {
            if let question = knowledgeBase.question(id) {
                facts.append(AnswerFact(questionID: id, value: question.defaultValue ?? .text("?"), assumed: true))
            }
        }
        lines += answerLines(facts, heading: "Between these answers (Enter changes one):")
        if let rule = knowledgeBase.rule(raised.ruleID) { lines += sourceLines(rule.sources) }
        return lines
    }

    private func checklistLines(_ entry: ChecklistEntry) -> [DetailLine] {
        let item = entry.item
        var lines = [
            DetailLine(item.text, .title),
            DetailLine(
                "Priority: \(item.priority.rawValue) · Category: \(item.category.rawValue) · "
                    + (entry.done ? "done" : "not done (Space ticks it)"), entry.done ? .success : .normal),
        ]
        if !entry.includedBy.isEmpty {
            lines.append(DetailLine("Applies because:", .title))
            for because in entry.includedBecause {
                lines.append(DetailLine("  " + because, indent: 4))
            }
        } else if let condition = item.appliesIf {
            lines.append(DetailLine("Applies because: " + condition.source, indent: 2))
        } else if item.baseline {
            lines.append(DetailLine("Baseline: every service should have it.", .dim))
        }
        lines += sourceLines(item.sources)
        return lines
    }

    private func questionLines(_ id: String, _ state: TUIState) -> [DetailLine] {
        guard let question = knowledgeBase.question(id) else { return [] }
        var lines = [DetailLine(question.prompt, .title, question: id), DetailLine(question.help, .dim)]
        if let value = question.defaultValue {
            lines.append(DetailLine("Unanswered: the default (\(displayText(of: value, for: question))) is assumed."))
        } else {
            lines.append(DetailLine("Unanswered."))
        }
        if let firm = state.advice.firmUp.first(where: { $0.questionID == id }) {
            let titles = firm.decisions.map { state.advice.review?.decision($0)?.title ?? $0 }
            if !titles.isEmpty { lines.append(DetailLine("An answer could change: " + titles.joined(separator: ", "))) }
            if firm.risks > 0 {
                lines.append(DetailLine("\(firm.risks) risk rule\(firm.risks == 1 ? "" : "s") read it."))
            }
        }
        lines.append(DetailLine("Enter: answer it now.", .dim, question: id))
        return lines
    }

    private func whatIfLines(_ row: WhatIfRow) -> [DetailLine] {
        let question = knowledgeBase.question(row.questionID)
        let alternative = question.map { displayText(of: row.alternative, for: $0) } ?? row.alternative.description
        let current =
            row.current.map { value in question.map { displayText(of: value, for: $0) } ?? value.description }
            ?? "unanswered"
        var lines = [
            DetailLine(question?.prompt ?? row.questionID, .title, question: row.questionID),
            DetailLine("If the answer were \(alternative) (now \(current)):", indent: 2),
        ]
        for change in row.changes {
            let decision = knowledgeBase.decision(change.decisionID)
            let from = change.from.map { decision?.option($0)?.name ?? $0 } ?? "—"
            let to = change.to.map { decision?.option($0)?.name ?? $0 } ?? "—"
            lines.append(DetailLine("  \(decision?.title ?? change.decisionID): \(from) → \(to)", .changed, indent: 4))
        }
        lines.append(DetailLine("Enter: answer it (the question opens on \(alternative)).", .dim))
        return lines
    }
}
