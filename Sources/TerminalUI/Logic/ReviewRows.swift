import KnowledgeModel
import RecommendationEngine

/// What a row of the review stands for: the detail pane and the detail window show it in full.
public enum DetailSubject: Sendable, Hashable {
    case decision(String)
    case finding(String)
    case tension(String)
    case checklist(String)
    /// An unanswered question worth answering (firm-up); Enter opens it.
    case question(String)
    /// One of the review's priorities (its rank).
    case priority(Int)
    /// A what-if row (its index in the what-if report).
    case whatIf(Int)
}

/// A row of the Overview tab: priorities first, then the verdicts on your plan, the trade-offs that hold, and the
/// questions that would firm up the review.
enum OverviewRow: Equatable {
    case heading(String)
    case priority(ReviewPriority)
    case proposal(ProposalVerdict)
    case tradeoff(decisionID: String, title: String, Tradeoff)
    case firmUp(FirmUpQuestion)
    case note(String)
}

/// A row of the Tensions & Findings tab: tensions, then the open findings grouped by shared cause (a heading names
/// the cause of a group of several), then the accepted ones.
enum IssueRow: Equatable {
    case tension(RaisedTension)
    case heading(String)
    case finding(RaisedFinding)
}

/// The rows of each review tab, shared by the reducer (what the cursor moves over, what Enter opens) and the view.
enum ReviewRows {
    /// At most this many firm-up questions on the Overview tab.
    static let firmUpShown = 8
    /// Shown while the priorities and firm-up questions are being recomputed.
    static let updatingNote = "Updating for your latest answers…"

    /// The Overview tab's rows (computed once per review).
    static func overview(_ state: TUIState, _ knowledgeBase: KnowledgeBase) -> [OverviewRow] {
        state.advice.derived.overview { computeOverview(state, knowledgeBase) }
    }

    private static func computeOverview(_ state: TUIState, _ knowledgeBase: KnowledgeBase) -> [OverviewRow] {
        guard let review = state.advice.review else { return [] }
        // Priorities and firm-up questions of older answers are not shown: they are recomputed when no key waits.
        let current = state.advice.insightsCurrent
        var rows: [OverviewRow] = [.heading("Priorities")]
        if !current {
            rows.append(.note(updatingNote))
        } else {
            rows += state.advice.priorities.map(OverviewRow.priority)
            if state.advice.priorities.isEmpty { rows.append(.note("Nothing stands out for these answers.")) }
        }
        if !review.proposals.isEmpty {
            rows.append(.heading("Your plan"))
            rows += review.proposals.map(OverviewRow.proposal)
        }
        var tradeoffs: [OverviewRow] = []
        for outcome in review.decisions where outcome.status == .chosen {
            for tradeoff in outcome.tradeoffs where tradeoff.holds {
                tradeoffs.append(.tradeoff(decisionID: outcome.decisionID, title: outcome.title, tradeoff))
            }
        }
        if !tradeoffs.isEmpty {
            rows.append(.heading("Trade-offs that hold for these answers"))
            rows += tradeoffs
        }
        rows.append(.heading("Answer these to firm up the review"))
        if !current {
            rows.append(.note(updatingNote))
        } else if state.advice.firmUp.isEmpty {
            rows.append(.note("Nothing important is left open."))
        } else {
            rows += state.advice.firmUp.prefix(firmUpShown).map(OverviewRow.firmUp)
            if state.advice.firmUp.count > firmUpShown {
                rows.append(.note("… and \(state.advice.firmUp.count - firmUpShown) more (see the What-if tab)"))
            }
        }
        return rows
    }

    /// The Tensions & Findings tab's rows (computed once per review).
    static func issues(_ state: TUIState, _ knowledgeBase: KnowledgeBase) -> [IssueRow] {
        state.advice.derived.issues { computeIssues(state, knowledgeBase) }
    }

    private static func computeIssues(_ state: TUIState, _ knowledgeBase: KnowledgeBase) -> [IssueRow] {
        guard let review = state.advice.review else { return [] }
        var rows = review.tensions.map(IssueRow.tension)
        for group in review.findingGroups(in: knowledgeBase) {
            if let cause = group.cause, group.findings.count > 1 {
                let prompt = knowledgeBase.question(cause.questionID)
                let value = prompt.map { displayText(of: cause.value, for: $0) } ?? cause.value.description
                let text =
                    group.causeOption == nil
                    ? "\(cause.questionID) = \(value)"
                    : group.describeCause { prompt?.option($0)?.label ?? $0 } ?? ""
                rows.append(.heading("\(group.findings.count) findings from one cause: \(text)"))
            }
            rows += group.findings.map(IssueRow.finding)
        }
        rows += review.findings.filter { $0.accepted != nil }.map(IssueRow.finding)
        return rows
    }

    /// Indices into the review's checklist that match the filter (on text, category and priority).
    static func checklist(_ state: TUIState) -> [Int] {
        guard let checklist = state.advice.review?.checklist else { return [] }
        let needle = state.review.filter.text.lowercased().trimmingCharacters(in: .whitespaces)
        guard !needle.isEmpty else { return Array(checklist.indices) }
        return state.advice.derived.checklist(filter: needle) {
            checklist.indices.filter { index in
                let item = checklist[index].item
                return item.text.lowercased().contains(needle) || item.category.rawValue.contains(needle)
                    || item.priority.rawValue.contains(needle) || item.id.lowercased().contains(needle)
            }
        }
    }

    /// Rows the cursor moves over on a tab.
    static func count(_ tab: ReviewTab, _ state: TUIState, _ knowledgeBase: KnowledgeBase) -> Int {
        switch tab {
        case .overview: return overview(state, knowledgeBase).count
        case .decisions: return state.advice.review?.decisions.count ?? 0
        case .findings: return issues(state, knowledgeBase).count
        case .checklist: return checklist(state).count
        case .whatIf: return state.advice.whatIf?.rows.count ?? 0
        case .export: return ExportRow.rows(state.review.export).count
        }
    }

    /// Whether the cursor can rest on a row (headings and notes are skipped).
    static func isSelectable(
        _ tab: ReviewTab, _ index: Int, _ state: TUIState, _ knowledgeBase: KnowledgeBase
    )
        -> Bool
    {
        switch tab {
        case .overview:
            switch overview(state, knowledgeBase).element(at: index) {
            case .heading?, .note?, nil: return false
            default: return true
            }
        case .findings:
            if case .heading? = issues(state, knowledgeBase).element(at: index) { return false }
            return true
        default: return true
        }
    }

    /// What the row under the cursor stands for.
    static func subject(
        _ tab: ReviewTab, _ index: Int, _ state: TUIState, _ knowledgeBase: KnowledgeBase
    )
        -> DetailSubject?
    {
        guard let review = state.advice.review else { return nil }
        switch tab {
        case .overview:
            switch overview(state, knowledgeBase).element(at: index) {
            case .priority(let priority)?: return .priority(priority.rank)
            case .proposal(let verdict)?: return .decision(verdict.decisionID)
            case .tradeoff(let decisionID, _, _)?: return .decision(decisionID)
            case .firmUp(let question)?: return .question(question.questionID)
            case .heading?, .note?, nil: return nil
            }
        case .decisions: return review.decisions.element(at: index).map { .decision($0.decisionID) }
        case .findings:
            switch issues(state, knowledgeBase).element(at: index) {
            case .tension(let raised)?: return .tension(raised.tension.id)
            case .finding(let raised)?: return .finding(raised.finding.id)
            case .heading?, nil: return nil
            }
        case .checklist:
            return checklist(state).element(at: index).map { .checklist(review.checklist[$0].item.id) }
        case .whatIf: return state.advice.whatIf?.rows.indices.contains(index) == true ? .whatIf(index) : nil
        case .export: return nil
        }
    }

    /// The subject a priority points at (its finding, tension, checklist item, decision or question).
    static func target(of priority: ReviewPriority) -> DetailSubject {
        switch priority.kind {
        case .finding: return .finding(priority.id)
        case .tension: return .tension(priority.id)
        case .checklist: return .checklist(priority.id)
        case .proposal, .conflict: return .decision(priority.id)
        case .question: return .question(priority.id)
        }
    }
}

/// The rows of the Export tab: the form's fields, Preview and Write, then the previewed (or written) files.
enum ExportRow: Equatable {
    case field(ExportForm.Field)
    case preview, write
    /// A line of the preview or of the write's result.
    case outcome(Int)

    static let formRows: [ExportRow] = ExportForm.Field.allCases.map(ExportRow.field) + [.preview, .write]

    static func rows(_ form: ExportForm) -> [ExportRow] {
        let outcomes = form.preview ?? form.result ?? []
        return formRows + outcomes.indices.map(ExportRow.outcome)
    }
}

extension Array {
    func element(at index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
