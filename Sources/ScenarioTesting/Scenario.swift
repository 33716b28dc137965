import KnowledgeModel
import RecommendationEngine

/// A scenario test: a set of answers and the properties a senior reviewer expects of the review
/// (`KnowledgeBase/tests/*.yaml`, run by `stackwise kb test`).
public struct Scenario: Sendable {
    public var id: String
    public var title: String
    public var answers: AnswerSet
    public var decisions: [DecisionExpectation]
    public var checklist: MembershipExpectation
    public var findings: MembershipExpectation
    public var tensions: MembershipExpectation
    /// Contradiction ids expected (or not) in the review (`<question>.exclusive` for an exclusive option).
    public var contradictions = MembershipExpectation()
    /// Ids expected (or not) among the review's ranked priorities (``Review/priorities(in:)``): checklist items,
    /// findings, tensions, questions or decisions (a proposal or conflict).
    public var priorities = MembershipExpectation()
    /// Phrases some text of the review must contain (a finding, tension, reason or contradiction), e.g. a
    /// computed number: `"Pools can open 120 connections"`.
    public var mentions: [String] = []
    /// The verdict expected on the proposal of each decision named.
    public var proposals: [String: ProposalVerdict.Verdict] = [:]
    public var location: SourceLocation
}

/// What a scenario expects of one decision.
public struct DecisionExpectation: Sendable {
    public enum Kind: Sendable, Equatable {
        /// The chosen option is exactly this one.
        case `is`(String)
        /// The chosen option is one of these.
        case oneOf([String])
        /// The chosen option is none of these.
        case not([String])
        /// The decision does not apply.
        case notApplicable
        /// These options are recommended alongside the choice (its complements), whatever the choice is.
        case alongside([String])
    }

    public var decisionID: String
    public var kind: Kind
    public var location: SourceLocation
}

/// Ids that must be present (`contains`) or absent (`excludes`).
public struct MembershipExpectation: Sendable {
    public var contains: [String] = []
    public var excludes: [String] = []
    /// For an ordered list (the ranked priorities): the ids that must come first, in this order.
    public var first: [String] = []

    public init(contains: [String] = [], excludes: [String] = [], first: [String] = []) {
        self.contains = contains
        self.excludes = excludes
        self.first = first
    }

    /// Whether nothing is expected.
    public var isEmpty: Bool { contains.isEmpty && excludes.isEmpty && first.isEmpty }
}

/// The outcome of one scenario.
public struct ScenarioResult: Sendable {
    public var scenario: Scenario
    /// One line per unmet expectation; empty when the scenario passes.
    public var failures: [String]

    public var passed: Bool { failures.isEmpty }
}
