import KnowledgeModel

/// One decision in a line: what was chosen over what, by how much, the reason that settled it and what it costs.
/// Shared by the compact text and Markdown views, the JSON and the TUI.
public struct DecisionSummary: Sendable, Equatable {
    /// The reason that separates the choice from the runner-up.
    public enum DecisiveReason: Sendable, Equatable {
        /// A rule scored the chosen option and not the runner-up (the heaviest such rule).
        case forChoice(Contribution)
        /// A rule scored the runner-up down and not the choice (the heaviest such rule).
        case againstRunnerUp(Contribution)

        /// The rule's reason.
        public var because: String {
            switch self {
            case .forChoice(let contribution), .againstRunnerUp(let contribution): return contribution.because
            }
        }

        public var contribution: Contribution {
            switch self {
            case .forChoice(let contribution), .againstRunnerUp(let contribution): return contribution
            }
        }
    }

    public var decisionID: String
    /// The best option that was not chosen and not ruled out (nil when every other option was ruled out).
    public var runnerUp: OptionAssessment?
    public var decisiveReason: DecisiveReason?
    /// The chosen option's main downside: its first trade-off (a "when not to use" that holds for these answers
    /// comes first), else its first con in the knowledge base.
    public var mainTradeoff: String?
    /// The main trade-off is a "when not to use" whose condition holds for these answers.
    public var mainTradeoffHolds: Bool

    public init(
        decisionID: String, runnerUp: OptionAssessment?, decisiveReason: DecisiveReason?, mainTradeoff: String?,
        mainTradeoffHolds: Bool = false
    ) {
        self.decisionID = decisionID
        self.runnerUp = runnerUp
        self.decisiveReason = decisiveReason
        self.mainTradeoff = mainTradeoff
        self.mainTradeoffHolds = mainTradeoffHolds
    }
}

extension DecisionOutcome {
    /// The compact summary of this decision (see ``DecisionSummary``).
    ///
    /// Decisive reason: the heaviest positive rule on the chosen option that does not also score the runner-up;
    /// else the most negative rule on the runner-up that does not also score the choice; else the heaviest positive
    /// rule on the choice. Ties keep knowledge-base order. Rules that rest only on defaults (``Contribution/assumed``)
    /// are used only when no other rule qualifies.
    public func summary(in knowledgeBase: KnowledgeBase) -> DecisionSummary {
        // An option recommended alongside the choice (a complement) is not what the choice beat.
        let alongside = Set(complements.map(\.optionID))
        let runnerUp = options.first {
            $0.verdict != .chosen && $0.verdict != .excluded && $0.verdict != .notConsidered
                && !alongside.contains($0.optionID)
        }
        let allChosen = chosenAssessment?.contributions ?? []
        let allRunnerUp = runnerUp?.contributions ?? []
        let firm = { (rules: [Contribution]) in rules.filter { !$0.assumed } }
        let useFirm = !firm(allChosen).filter { $0.weight > 0 }.isEmpty || !firm(allRunnerUp).isEmpty
        let chosenRules = useFirm ? firm(allChosen) : allChosen
        let runnerUpRules = useFirm ? firm(allRunnerUp) : allRunnerUp
        let runnerUpIDs = Set(runnerUpRules.map(\.ruleID))
        let chosenIDs = Set(chosenRules.map(\.ruleID))
        var decisive: DecisionSummary.DecisiveReason?
        if let best = heaviest(chosenRules.filter { $0.weight > 0 && !runnerUpIDs.contains($0.ruleID) }, by: 1) {
            decisive = .forChoice(best)
        } else if let worst = heaviest(runnerUpRules.filter { $0.weight < 0 && !chosenIDs.contains($0.ruleID) }, by: -1)
        {
            decisive = .againstRunnerUp(worst)
        } else if let best = heaviest(chosenRules.filter { $0.weight > 0 }, by: 1) {
            decisive = .forChoice(best)
        }
        let main = tradeoffs.first
        // The option's first con, looked up only when there is no trade-off.
        let firstCon = { chosen.flatMap { knowledgeBase.decision(decisionID)?.option($0) }?.cons.first }
        return DecisionSummary(
            decisionID: decisionID, runnerUp: status == .chosen ? runnerUp : nil,
            decisiveReason: status == .chosen ? decisive : nil, mainTradeoff: main?.text ?? firstCon(),
            mainTradeoffHolds: main?.holds ?? false)
    }

    /// The contribution with the largest `weight * sign`; the first one on ties.
    private func heaviest(_ contributions: [Contribution], by sign: Int) -> Contribution? {
        var best: Contribution?
        for contribution in contributions where best.map({ contribution.weight * sign > $0.weight * sign }) ?? true {
            best = contribution
        }
        return best
    }
}
