import KnowledgeModel
import RuleLanguage

/// Findings that share one cause in the answers: fixing the cause addresses all of them.
///
/// The cause is an answer several findings were raised from (`current.instances = 4` behind a Socket.IO server
/// without an adapter, in-memory rate limits and per-instance caches), in a section whose answers describe what the
/// service runs today (``Section/holdsCauses``; how critical or public a service is is context, not a cause). For a
/// multiple-choice answer the cause is one
/// option of it that the findings' rules all test: what a service runs (`current.stack`) or does (`current.practices`)
/// is an inventory, and findings about different items of it (Socket.IO without an adapter, node-cron on several
/// instances) have different causes. Grouping rule, deterministic and in the knowledge base's terms: among the open
/// (unaccepted) findings, take the cause the most still-ungrouped findings were raised from (ties: the question that
/// comes first in the knowledge base, then the option's id); its findings form a group; repeat. Causes shared by only
/// one finding make single-finding groups. Only answers the user gave count as causes (a default is not something
/// the user runs).
public struct FindingGroup: Sendable, Equatable {
    /// The shared answer; nil for a finding that shares no answer with another.
    public var cause: AnswerFact?
    /// For a multiple-choice cause, the option of it the findings' rules all test (`socketio` of `current.stack`).
    public var causeOption: String?
    /// The findings, most severe first (ties in review order).
    public var findings: [RaisedFinding]
    /// One of its findings was raised from harm the user sees today (an answer to a question marked
    /// ``Question/observed``, such as a reported symptom), not only from a latent risk.
    public var observed: Bool

    public init(cause: AnswerFact?, causeOption: String? = nil, findings: [RaisedFinding], observed: Bool = false) {
        self.cause = cause
        self.causeOption = causeOption
        self.findings = findings
        self.observed = observed
    }

    /// The most severe finding: the group's headline and first fix.
    public var lead: RaisedFinding { findings[0] }

    /// The highest severity in the group.
    public var severity: Severity { lead.finding.severity }

    /// Left alone, one of its findings does harm that cannot be undone (``Finding/irreversible``).
    public var irreversible: Bool { findings.contains { $0.finding.irreversible } }

    /// The cause as text: `current.instances = 4`, or `current.stack includes socketio` for one option of a
    /// multiple-choice answer (`lacks` when the answer does not include it).
    public var causeDescription: String? { describeCause() }

    /// ``causeDescription`` with the option named by `label` (the TUI shows the option's label, not its id).
    public func describeCause(label: (String) -> String = { $0 }) -> String? {
        guard let cause else { return nil }
        guard let option = causeOption else { return cause.description }
        return "\(cause.questionID) \(causeOptionIncluded ? "includes" : "lacks") \(label(option))"
    }

    /// Whether the multiple-choice answer includes ``causeOption`` (findings can be raised by an option's absence).
    public var causeOptionIncluded: Bool {
        guard let option = causeOption, case .choices(let chosen)? = cause?.value else { return false }
        return chosen.contains(option)
    }
}

extension Review {
    /// The open findings grouped by shared cause, as an ordered fix plan: most severe group first, then harm seen
    /// today (``FindingGroup/observed``) before latent risks, then a group whose harm cannot be undone (as
    /// priorities rank), then the group that resolves more findings, then review order of the lead finding. See
    /// ``FindingGroup`` for the rule.
    public func findingGroups(in knowledgeBase: KnowledgeBase) -> [FindingGroup] {
        let open = findings.enumerated().filter { $0.element.accepted == nil }
        var remaining = Set(open.map(\.offset))
        // Each finding's causes, worked out once (reading its rule's condition) rather than on every round, as
        // numbers into `causes` (counting by number, not by hashing answers, on every round).
        var causes: [CauseKey] = []
        var causeNumber: [CauseKey: Int] = [:]
        var keysOf: [Int: [Int]] = [:]
        for index in remaining.sorted() {
            var seen = Set<Int>()
            keysOf[index] = causeKeys(findings[index], knowledgeBase).map { key in
                if let number = causeNumber[key] { return number }
                causeNumber[key] = causes.count
                causes.append(key)
                return causes.count - 1
            }.filter { seen.insert($0).inserted }
        }
        let questionOrder = causes.map { knowledgeBase.questionPosition($0.fact.questionID) ?? Int.max }
        var groups: [(group: FindingGroup, firstIndex: Int)] = []
        while !remaining.isEmpty {
            // Count, per cause (a user-given answer, or one option of a multiple-choice one), the still-ungrouped
            // findings raised from it.
            var raisedFrom = [[Int]](repeating: [], count: causes.count)
            for index in remaining.sorted() {
                for key in keysOf[index] ?? [] { raisedFrom[key].append(index) }
            }
            let best = causes.indices.filter { raisedFrom[$0].count > 1 }.min { lhs, rhs in
                if raisedFrom[lhs].count != raisedFrom[rhs].count {
                    return raisedFrom[lhs].count > raisedFrom[rhs].count
                }
                if questionOrder[lhs] != questionOrder[rhs] { return questionOrder[lhs] < questionOrder[rhs] }
                return (causes[lhs].option ?? "") < (causes[rhs].option ?? "")
            }.map { (key: causes[$0], value: raisedFrom[$0]) }
            let members: [Int]
            if let best {
                members = best.value
            } else {
                members = remaining.sorted()
            }
            for index in members { remaining.remove(index) }
            if let best {
                let group = FindingGroup(
                    cause: best.key.fact, causeOption: best.key.option, findings: ordered(members),
                    observed: members.contains { reportsObservedHarm(findings[$0], knowledgeBase) })
                groups.append((group, members.min() ?? 0))
            } else {
                for index in members {
                    let group = FindingGroup(
                        cause: nil, findings: [findings[index]],
                        observed: reportsObservedHarm(findings[index], knowledgeBase))
                    groups.append((group, index))
                }
            }
        }
        return groups.sorted { lhs, rhs in
            if lhs.group.severity != rhs.group.severity { return lhs.group.severity > rhs.group.severity }
            if lhs.group.observed != rhs.group.observed { return lhs.group.observed }
            if lhs.group.irreversible != rhs.group.irreversible { return lhs.group.irreversible }
            if lhs.group.findings.count != rhs.group.findings.count {
                return lhs.group.findings.count > rhs.group.findings.count
            }
            return lhs.firstIndex < rhs.firstIndex
        }.map(\.group)
    }

    /// Whether the finding's rule read a user-given answer that reports harm seen today (``Question/observed``): for
    /// a multiple-choice answer, an option the rule tests for that the answer includes (a rule that only tests that
    /// an option is absent does not count; one that names no option does).
    private func reportsObservedHarm(_ raised: RaisedFinding, _ knowledgeBase: KnowledgeBase) -> Bool {
        raised.answers.contains { fact in
            guard !fact.assumed, let question = knowledgeBase.questionPosition(fact.questionID),
                knowledgeBase.questions[question].observed
            else {
                return false
            }
            guard case .choices(let chosen) = fact.value,
                let expression = knowledgeBase.condition(ofRule: raised.ruleID)
            else { return true }
            let tested = Self.optionsTested(of: fact.questionID, in: expression)
            return tested.isEmpty || tested.contains { chosen.contains($0) }
        }
    }

    /// A cause findings can share: an answer, or one option of a multiple-choice answer.
    private struct CauseKey: Hashable {
        var fact: AnswerFact
        var option: String?
    }

    /// The causes a finding was raised from: each user-given answer its rule read in a section that holds causes;
    /// for a multiple-choice answer, each option the rule's condition tests it for (the whole answer when the
    /// condition names no option).
    private func causeKeys(_ raised: RaisedFinding, _ knowledgeBase: KnowledgeBase) -> [CauseKey] {
        var keys: [CauseKey] = []
        let expression = knowledgeBase.condition(ofRule: raised.ruleID)
        for fact in raised.answers where !fact.assumed {
            guard let question = knowledgeBase.questionPosition(fact.questionID),
                knowledgeBase.holdsCauses(section: knowledgeBase.questions[question].section)
            else { continue }
            guard knowledgeBase.questions[question].type == .multi, let expression else {
                keys.append(CauseKey(fact: fact, option: nil))
                continue
            }
            let options = Self.optionsTested(of: fact.questionID, in: expression)
            if options.isEmpty {
                keys.append(CauseKey(fact: fact, option: nil))
            } else {
                keys += options.map { CauseKey(fact: fact, option: $0) }
            }
        }
        return keys
    }

    /// The string literals `expression` compares the answer to `questionID` with (`contains`, `in`, `==`), sorted.
    public static func optionsTested(of questionID: String, in expression: Expression) -> [String] {
        var options = Set<String>()
        func strings(_ literal: Literal) -> [String] {
            switch literal {
            case .string(let text): return [text]
            case .list(let items): return items.flatMap(strings)
            case .number, .bool: return []
            }
        }
        expression.visit { node in
            guard case .compare(_, let left, let right, _) = node else { return }
            switch (left, right) {
            case (.answer(let id, _), .literal(let literal, _)) where id == questionID,
                (.literal(let literal, _), .answer(let id, _)) where id == questionID:
                options.formUnion(strings(literal))
            default: break
            }
        }
        return options.sorted()
    }

    private func ordered(_ indices: [Int]) -> [RaisedFinding] {
        indices.sorted { lhs, rhs in
            let left = findings[lhs].finding.severity
            let right = findings[rhs].finding.severity
            return left != right ? left > right : lhs < rhs
        }.map { findings[$0] }
    }
}

extension KnowledgeBase {
    /// The condition of rule `id`, read without copying the whole rule (this runs for every finding and checklist
    /// candidate of a rendering).
    func condition(ofRule id: String) -> Expression? { rulePosition(id).map { rules[$0].when.expression } }

    /// Whether section `id` exists and holds causes (``Section/holdsCauses``).
    func holdsCauses(section id: String) -> Bool {
        sections.firstIndex { $0.id == id }.map { sections[$0].holdsCauses } ?? false
    }
}
