import KnowledgeModel
import RecommendationEngine
import RuleLanguage

/// Reads scenario files, checking every id against the knowledge base (unknown question, option, decision,
/// checklist item, finding or tension ids are positioned errors with "did you mean").
public struct ScenarioDecoder {
    private let kb: KnowledgeBase
    private let sink = DiagnosticSink()

    public init(knowledgeBase: KnowledgeBase) {
        kb = knowledgeBase
    }

    /// Decodes the scenarios of several files (display path, text); returns them with every diagnostic.
    public func decode(files: [(path: String, text: String)]) -> ([Scenario], [Diagnostic]) {
        var scenarios: [Scenario] = []
        var seen: [String: SourceLocation] = [:]
        for file in files.sorted(by: { $0.path < $1.path }) {
            let root: YAMLNode?
            do {
                root = try YAMLReader().read(text: file.text, displayPath: file.path)
            } catch {
                sink.append(contentsOf: error.diagnostics)
                continue
            }
            guard let root, let fields = Fields(root, kind: "a scenario file", allowed: ["scenarios"], sink: sink)
            else {
                if root == nil {
                    sink.error("the file is empty", at: SourceLocation(file: file.path, line: 1, column: 1))
                }
                continue
            }
            for node in fields.list("scenarios", required: true) {
                guard let scenario = decodeScenario(node) else { continue }
                if let first = seen[scenario.id] {
                    sink.error("duplicate scenario id '\(scenario.id)' (first defined at \(first))", at: node.location)
                    continue
                }
                seen[scenario.id] = scenario.location
                scenarios.append(scenario)
            }
        }
        return (scenarios, sink.diagnostics.sortedForDisplay)
    }

    private func decodeScenario(_ node: YAMLNode) -> Scenario? {
        guard
            let f = Fields(
                node, kind: "a scenario", allowed: ["id", "title", "answers", "proposed", "expect"], sink: sink),
            let id = f.identifier("id", allowDots: true), let title = f.string("title", required: true)
        else { return nil }
        var answers = AnswerSet()
        if let answerNode = f.value("answers") {
            guard case .mapping(let pairs) = answerNode.content else {
                sink.error("'answers' must map question ids to values", at: answerNode.location)
                return nil
            }
            for (key, value) in pairs {
                guard let questionID = key.scalar, let question = kb.question(questionID) else {
                    let name = key.scalar ?? key.kindName
                    sink.error(
                        "unknown question '\(name)'\(Suggestions.hint(for: name, in: kb.allQuestionIDs))",
                        at: key.location)
                    continue
                }
                if let parsed = AnswerParsing.value(value, for: question, sink: sink, role: "answer") {
                    answers.set(questionID, to: parsed)
                }
            }
        }
        if let proposed = f.value("proposed") {
            answers.proposed = Proposals.decode(proposed, knowledgeBase: kb, sink: sink)
        }
        var scenario = Scenario(
            id: id, title: title, answers: answers, decisions: [], checklist: .init(), findings: .init(),
            tensions: .init(), location: node.location)
        if let expect = f.value("expect"),
            let e = Fields(
                expect, kind: "'expect'",
                allowed: [
                    "decisions", "proposals", "checklist", "findings", "tensions", "contradictions", "mentions",
                    "priorities",
                ],
                sink: sink)
        {
            if let decisions = e.value("decisions") { scenario.decisions = decodeDecisions(decisions) }
            scenario.checklist = membership(e.value("checklist"), known: kb.checklist.map(\.id), what: "checklist item")
            scenario.findings = membership(
                e.value("findings"), known: kb.findings.map(\.id), what: "finding", generated: ["proposal."])
            scenario.tensions = membership(
                e.value("tensions"), known: kb.tensions.map(\.id), what: "tension", generated: ["chosen-although."])
            if let proposals = e.value("proposals") { scenario.proposals = decodeProposalExpectations(proposals) }
            let exclusive = kb.questions.filter { $0.options.contains(where: \.exclusive) }.map { "\($0.id).exclusive" }
            scenario.contradictions = membership(
                e.value("contradictions"), known: kb.contradictions.map(\.id) + exclusive, what: "contradiction")
            scenario.mentions = e.stringList("mentions")
            scenario.priorities = membership(
                e.value("priorities"),
                known: kb.checklist.map(\.id) + kb.findings.map(\.id) + kb.tensions.map(\.id) + kb.questions.map(\.id)
                    + kb.allDecisionIDs, what: "priority", generated: ["proposal.", "chosen-although."], ordered: true)
        }
        return scenario
    }

    private func decodeDecisions(_ node: YAMLNode) -> [DecisionExpectation] {
        guard case .mapping(let pairs) = node.content else {
            sink.error("'decisions' must map decision ids to expectations", at: node.location)
            return []
        }
        return pairs.compactMap { key, value in
            guard let id = key.scalar, let decision = kb.decision(id) else {
                let name = key.scalar ?? key.kindName
                sink.error(
                    "unknown decision '\(name)'\(Suggestions.hint(for: name, in: kb.allDecisionIDs))", at: key.location)
                return nil
            }
            guard
                let f = Fields(
                    value, kind: "a decision expectation",
                    allowed: ["is", "oneOf", "not", "notApplicable", "alongside"], sink: sink)
            else { return nil }
            let options = decision.options.map(\.id)
            func check(_ ids: [String], _ at: SourceLocation?) -> [String] {
                for option in ids where !options.contains(option) {
                    sink.error(
                        "decision '\(id)' has no option '\(option)'\(Suggestions.hint(for: option, in: options))",
                        at: at)
                }
                return ids
            }
            let kind: DecisionExpectation.Kind
            if let single = f.string("is") {
                kind = .is(check([single], f.value("is")?.location)[0])
            } else if f.value("oneOf") != nil {
                kind = .oneOf(check(f.stringList("oneOf"), f.value("oneOf")?.location))
            } else if f.value("not") != nil {
                kind = .not(check(f.stringList("not"), f.value("not")?.location))
            } else if f.bool("notApplicable") == true {
                kind = .notApplicable
            } else if f.value("alongside") != nil {
                kind = .alongside(check(f.stringList("alongside"), f.value("alongside")?.location))
            } else {
                sink.error(
                    "a decision expectation needs one of: is, oneOf, not, notApplicable, alongside", at: value.location)
                return nil
            }
            return DecisionExpectation(decisionID: id, kind: kind, location: key.location)
        }
    }

    /// `proposals: {decision: agrees|differs|ruledOut|notApplicable}`.
    private func decodeProposalExpectations(_ node: YAMLNode) -> [String: ProposalVerdict.Verdict] {
        guard case .mapping(let pairs) = node.content else {
            sink.error("'proposals' must map decision ids to verdicts", at: node.location)
            return [:]
        }
        var result: [String: ProposalVerdict.Verdict] = [:]
        let verdicts = ["agrees", "differs", "ruledOut", "notApplicable"]
        for (key, value) in pairs {
            guard let id = key.scalar, kb.decision(id) != nil else {
                let name = key.scalar ?? key.kindName
                sink.error(
                    "unknown decision '\(name)'\(Suggestions.hint(for: name, in: kb.allDecisionIDs))", at: key.location)
                continue
            }
            guard let text = value.scalar, let verdict = ProposalVerdict.Verdict(rawValue: text) else {
                let text = value.scalar ?? value.kindName
                sink.error(
                    "a proposal verdict is one of \(verdicts.joined(separator: ", ")), found '\(text)'"
                        + Suggestions.hint(for: text, in: verdicts), at: value.location)
                continue
            }
            result[id] = verdict
        }
        return result
    }

    /// Ids raised by the review itself rather than by a rule (proposal findings, counter-evidence tensions) start
    /// with one of the `generated` prefixes and are accepted as written.
    private func membership(
        _ node: YAMLNode?, known: [String], what: String, generated: [String] = [], ordered: Bool = false
    )
        -> MembershipExpectation
    {
        let keys = ordered ? ["contains", "excludes", "first"] : ["contains", "excludes"]
        guard let node, let f = Fields(node, kind: "a \(what) expectation", allowed: keys, sink: sink) else {
            return .init()
        }
        let knownSet = Set(known)
        func check(_ key: String) -> [String] {
            let ids = f.stringList(key)
            for id in ids where !knownSet.contains(id) && !generated.contains(where: id.hasPrefix) {
                sink.error("unknown \(what) '\(id)'\(Suggestions.hint(for: id, in: known))", at: f.value(key)?.location)
            }
            return ids
        }
        return MembershipExpectation(
            contains: check("contains"), excludes: check("excludes"), first: ordered ? check("first") : [])
    }
}
