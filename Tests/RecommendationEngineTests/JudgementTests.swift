import KnowledgeModel
import StackwiseTestSupport
import Testing

@testable import RecommendationEngine

/// Trade-offs, counter-evidence, complements, proposals and assumptions, on a small fixture knowledge base.
@Suite struct JudgementTests {
    static let kb = KnowledgeBaseFixture.load(
        yaml: """
            sections: [{ id: s, title: S, order: 1 }]
            sources: [{ id: s1, title: S, publisher: P, url: "https://e.com", verified: 2026-12-04 }]
            questions:
              - { id: team.size, section: s, prompt: Team?, help: H, type: single, default: small,
                  options: [{ id: small, label: Small, description: D }, { id: large, label: Large, description: D }] }
              - { id: jobs.long, section: s, prompt: Long jobs?, help: H, type: yesno }
              - { id: api.public, section: s, prompt: Public?, help: H, type: yesno }
              - { id: current.host, section: s, prompt: Host today?, help: H, type: single,
                  options: [{ id: k8s, label: K8s, description: D }, { id: fn, label: Functions, description: D }] }
            decisions:
              - id: host
                title: Hosting
                problem: Where it runs
                order: 1
                switchingCost: A re-platforming project.
                current: { question: current.host, options: { k8s: kubernetes, fn: functions } }
                options:
                  - id: functions
                    name: Functions
                    summary: S
                    cons: [Cold starts]
                    whenNot:
                      - { when: jobs.long, title: long jobs in functions, because: Jobs outlive the time limit,
                          advice: Run jobs in containers, severity: high }
                  - id: kubernetes
                    name: Kubernetes
                    summary: S
                    cons: [Operating cost]
                    whenNot:
                      - { when: 'team.size == "small"', because: A small team must run the cluster, advice: Use a PaaS }
              - id: limits
                title: Rate limiting
                problem: Where limits are counted
                order: 2
                complements:
                  - { option: app, with: [edge], when: api.public, because: Per-account limits need the app }
                options:
                  - { id: edge, name: Edge, summary: S }
                  - { id: app, name: In the app, summary: S }
            rules:
              - { id: r1, when: 'team.size == "small"', because: Small teams want no servers, score: { host.functions: 3 } }
              - { id: r2, when: jobs.long, because: Long jobs need long-lived processes, score: { host.kubernetes: 2 } }
              - { id: r3, when: api.public, because: Public traffic meets the edge first, score: { limits.edge: 2 } }
              - { id: r4, when: 'not api.public', because: Private services count in the app, score: { limits.app: 1 } }
              - { id: r5, when: 'team.size == "large"', because: Large teams like managed runtimes,
                  score: { host.functions: 1 } }
            """)

    static let engine = RecommendationEngine(knowledgeBase: kb)

    static func answers(_ values: [String: AnswerValue], proposed: [String: [String]] = [:]) -> AnswerSet {
        var answers = AnswerSet(proposed: proposed)
        for (id, value) in values { answers.set(id, to: value) }
        return answers
    }

    @Test func aChosenOptionWhoseWhenNotHoldsRaisesATensionAndListsTheCostFirst() {
        let review = Self.engine.review(Self.answers(["jobs.long": .bool(true)]))
        let host = review.decision("host")!
        #expect(host.chosen == "functions")  // 3 (small team, assumed) > 2
        #expect(host.tradeoffs.first?.holds == true)
        #expect(host.tradeoffs.first?.text == "Jobs outlive the time limit")
        #expect(host.tradeoffs.contains { $0.kind == .con && $0.text == "Cold starts" && !$0.holds })
        let tension = review.tensions.first { $0.tension.id == "chosen-although.host.functions.1" }
        #expect(tension?.tension.title == "Functions chosen although jobs outlive the time limit")
        #expect(tension?.tension.advice == "Run jobs in containers")
        // As severe as the entry (high here; an entry without a severity gives a medium tension).
        #expect(tension?.tension.severity == .high)
        #expect(tension?.answers.map(\.questionID) == ["jobs.long"])
    }

    @Test func noTensionWhenTheCounterEvidenceDoesNotHold() {
        let review = Self.engine.review(Self.answers(["jobs.long": .bool(false)]))
        #expect(review.decision("host")?.tradeoffs.allSatisfy { !$0.holds } == true)
        #expect(!review.tensions.contains { $0.tension.id.hasPrefix("chosen-although.") })
    }

    @Test func aReasonRestingOnlyOnDefaultsIsAnAssumption() {
        let review = Self.engine.review(Self.answers([:]))
        let reason = review.decision("host")?.chosenAssessment?.contributions.first { $0.ruleID == "r1" }
        #expect(reason?.assumed == true)
        let answered = Self.engine.review(Self.answers(["team.size": .choice("small")]))
        #expect(answered.decision("host")?.chosenAssessment?.contributions.first?.assumed == false)
    }

    @Test func complementsAreRecommendedAlongsideWhenTheirConditionHolds() {
        let open = Self.engine.review(Self.answers(["api.public": .bool(true)]))
        #expect(open.decision("limits")?.chosen == "edge")
        #expect(open.decision("limits")?.complements.map(\.optionID) == ["app"])
        let closed = Self.engine.review(Self.answers(["api.public": .bool(false)]))
        #expect(closed.decision("limits")?.chosen == "app")
        #expect(closed.decision("limits")?.complements.isEmpty == true)
    }

    @Test func aRiskyProposalGetsAVerdictAndAFindingNamingIt() {
        let review = Self.engine.review(
            Self.answers(["team.size": .choice("small")], proposed: ["host": ["kubernetes"]]))
        let verdict = review.proposals.first { $0.decisionID == "host" }
        #expect(verdict?.verdict == .differs)
        #expect(verdict?.recommended == "functions")
        #expect(verdict?.margin == 3)
        #expect(verdict?.reasonsFor.map(\.ruleID) == ["r1"])
        #expect(verdict?.counterindications.map(\.text) == ["A small team must run the cluster"])
        let finding = review.findings.first { $0.finding.id == "proposal.host.kubernetes.when-not-1" }
        #expect(finding?.finding.severity == .medium)
        #expect(finding?.finding.title == "Planned Kubernetes: A small team must run the cluster")
        #expect(finding?.finding.remediation == "Use a PaaS")
        // The chosen option is not the proposal: no counter-evidence tension for Kubernetes.
        #expect(!review.tensions.contains { $0.tension.id.hasPrefix("chosen-although.host.kubernetes") })
    }

    @Test func aProposalThatAgreesAndAComplementProposal() {
        let review = Self.engine.review(
            Self.answers(["api.public": .bool(true)], proposed: ["limits": ["app"], "host": ["functions"]]))
        let limits = review.proposals.first { $0.decisionID == "limits" }
        #expect(limits?.verdict == .agrees)
        #expect(limits?.alongside == ["edge"])
        #expect(review.proposals.first { $0.decisionID == "host" }?.verdict == .agrees)
        #expect(!review.findings.contains { $0.finding.id.hasPrefix("proposal.") })
    }

    /// A proposal that scores the same as the choice lost only the tie rule: it agrees, with margin 0 (it was
    /// "recommended instead: ... (by 0)", a migration for nothing when it is what runs today).
    @Test func aProposalTiedWithTheChoiceAgrees() {
        // api.public unanswered: neither limits rule fires, both options score 0 and the list order picks Edge.
        let review = Self.engine.review(Self.answers([:], proposed: ["limits": ["app"]]))
        #expect(review.decision("limits")?.chosen == "edge")
        let verdict = review.proposals.first { $0.decisionID == "limits" }
        #expect(verdict?.verdict == .agrees)
        #expect(verdict?.margin == 0)
        #expect(verdict?.recommended == "edge")
        #expect(verdict?.reasonsAgainst.isEmpty == true)
        #expect(!review.findings.contains { $0.finding.id.hasPrefix("proposal.limits") })
        // One point behind is no tie.
        let behind = Self.engine.review(
            Self.answers(["team.size": .choice("large")], proposed: ["host": ["kubernetes"]]))
        #expect(behind.proposals.first { $0.decisionID == "host" }?.verdict == .differs)
    }

    /// A plan to replace what runs today, which the review would keep, is a migration for nothing: flagged, with
    /// the switching cost, and a high priority.
    @Test func aPlanThatReplacesWhatTheReviewWouldKeepIsHigh() {
        let review = Self.engine.review(
            Self.answers(
                ["team.size": .choice("large"), "jobs.long": .bool(true), "current.host": .choice("k8s")],
                proposed: ["host": ["functions"]]))
        #expect(review.decision("host")?.chosen == "kubernetes")
        let verdict = review.proposals.first { $0.decisionID == "host" }
        #expect(verdict?.verdict == .differs)
        #expect(verdict?.replacesWhatRuns == true)
        #expect(verdict?.switchingCost == "A re-platforming project.")
        let priority = review.priorities(in: Self.kb).first { $0.kind == .proposal }
        #expect(priority?.severity == .high)
        #expect(
            priority?.title.contains("recommends Kubernetes, which runs today") == true,
            "\(String(describing: priority))")
        // The same plan for a new service (nothing runs) is an ordinary difference.
        let fresh = Self.engine.review(
            Self.answers(["team.size": .choice("large"), "jobs.long": .bool(true)], proposed: ["host": ["functions"]]))
        #expect(fresh.proposals.first { $0.decisionID == "host" }?.replacesWhatRuns == false)
        let freshTitle = fresh.priorities(in: Self.kb).first { $0.kind == .proposal }?.title ?? ""
        #expect(!freshTitle.contains("runs today"), "\(freshTitle)")
    }

    @Test func whatRunsTodayIsJudgedLikeAProposalWithItsSwitchingCost() {
        let review = Self.engine.review(Self.answers(["current.host": .choice("k8s"), "team.size": .choice("small")]))
        let verdict = review.proposals.first { $0.decisionID == "host" }
        #expect(verdict?.origin == .runsToday)
        #expect(verdict?.verdict == .differs)
        #expect(verdict?.switchingCost == "A re-platforming project.")
        #expect(review.findings.contains { $0.finding.id == "proposal.host.kubernetes.when-not-1" })
    }

    @Test func insightsRankOpenQuestionsAndFindWhatWouldMakeAProposalWin() {
        let answers = Self.answers(["team.size": .choice("large")], proposed: ["host": ["kubernetes"]])
        var review = Self.engine.review(answers)
        Self.engine.addInsights(to: &review, answers: answers, whatIf: Self.engine.whatIf(answers))
        // jobs.long can change the hosting choice; api.public the rate limiting: both rank above nothing, and the
        // answered team.size is never listed.
        #expect(Set(review.firmUp.map(\.questionID)) == ["jobs.long", "api.public"])
        #expect(review.firmUp.first { $0.questionID == "jobs.long" }?.decisions == ["host"])
        let flip = review.proposals.first { $0.decisionID == "host" }?.wouldWinIf.first
        #expect(flip == AnswerFact(questionID: "jobs.long", value: .bool(true), assumed: false))
    }
}
