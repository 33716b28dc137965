import KnowledgeModel

/// Findings that share one cause in the answers: fixing the cause addresses all of them.
///
/// The cause is an answer several findings were raised from (`current.instances = 4` behind a Socket.IO server
/// without an adapter, in-memory rate limits and per-instance caches). Grouping rule, deterministic and in the
/// knowledge base's terms: among the open (unaccepted) findings, take the answer the most still-ungrouped findings
/// were raised from (ties: the answer whose question comes first in the knowledge base); its findings form a group;
/// repeat. Answers shared by only one finding make single-finding groups. Only answers the user gave count as
/// causes (a default is not something the user runs).
public struct FindingGroup: Sendable, Equatable {
    /// The shared answer; nil for a finding that shares no answer with another.
    public var cause: AnswerFact?
    /// The findings, most severe first (ties in review order).
    public var findings: [RaisedFinding]

    public init(cause: AnswerFact?, findings: [RaisedFinding]) {
        self.cause = cause
        self.findings = findings
    }

    /// The most severe finding: the group's headline and first fix.
    public var lead: RaisedFinding { findings[0] }

    /// The highest severity in the group.
    public var severity: Severity { lead.finding.severity }
}

extension Review {
    /// The open findings grouped by shared cause, as an ordered fix plan: most severe group first, then the group
    /// that resolves more findings, then review order of the lead finding. See ``FindingGroup`` for the rule.
    public func findingGroups(in knowledgeBase: KnowledgeBase) -> [FindingGroup] {
        let questionOrder = { (id: String) in knowledgeBase.questionPosition(id) ?? Int.max }
        let open = findings.enumerated().filter { $0.element.accepted == nil }
        var remaining = Set(open.map(\.offset))
        var groups: [(group: FindingGroup, firstIndex: Int)] = []
        while !remaining.isEmpty {
            // Count, per user-given answer, the still-ungrouped findings raised from it.
            var counts: [String: (fact: AnswerFact, members: [Int])] = [:]
            for index in remaining.sorted() {
                var seen = Set<String>()
                for fact in findings[index].answers where !fact.assumed && seen.insert(fact.questionID).inserted {
                    counts[fact.questionID, default: (fact, [])].members.append(index)
                }
            }
            let best = counts.values.filter { $0.members.count > 1 }.min { lhs, rhs in
                if lhs.members.count != rhs.members.count { return lhs.members.count > rhs.members.count }
                return questionOrder(lhs.fact.questionID) < questionOrder(rhs.fact.questionID)
            }
            let members: [Int]
            if let best {
                members = best.members
            } else {
                members = remaining.sorted()
            }
            for index in members { remaining.remove(index) }
            if let best {
                groups.append((FindingGroup(cause: best.fact, findings: ordered(members)), members.min() ?? 0))
            } else {
                for index in members {
                    groups.append((FindingGroup(cause: nil, findings: [findings[index]]), index))
                }
            }
        }
        return groups.sorted { lhs, rhs in
            if lhs.group.severity != rhs.group.severity { return lhs.group.severity > rhs.group.severity }
            if lhs.group.findings.count != rhs.group.findings.count {
                return lhs.group.findings.count > rhs.group.findings.count
            }
            return lhs.firstIndex < rhs.firstIndex
        }.map(\.group)
    }

    private func ordered(_ indices: [Int]) -> [RaisedFinding] {
        indices.sorted { lhs, rhs in
            let left = findings[lhs].finding.severity
            let right = findings[rhs].finding.severity
            return left != right ? left > right : lhs < rhs
        }.map { findings[$0] }
    }
}
