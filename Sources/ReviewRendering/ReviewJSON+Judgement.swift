import KnowledgeModel
import RecommendationEngine

/// The JSON of the judgement parts: trade-offs, complements, proposal verdicts and questions to firm up.
extension ReviewJSON {
    struct TradeoffJSON: Encodable {
        var kind: String
        var text: String
        var advice: String?
        var holds: Bool
        var answers: [FactJSON]

        init(_ tradeoff: Tradeoff) {
            kind = tradeoff.kind.rawValue
            text = tradeoff.text
            advice = tradeoff.advice
            holds = tradeoff.holds
            answers = tradeoff.answers.map(FactJSON.init)
        }
    }

    struct ComplementJSON: Encodable {
        var id: String
        var name: String
        var because: String
        var answers: [FactJSON]

        init(_ complement: ChosenComplement) {
            id = complement.optionID
            name = complement.name
            because = complement.because
            answers = complement.answers.map(FactJSON.init)
        }
    }

    struct ProposalJSON: Encodable {
        var decision: String
        var title: String
        var origin: String
        var proposed: [OptionRefJSON]
        var verdict: String
        var recommended: OptionRefJSON?
        var margin: Int?
        var reasonsFor: [ReasonJSON]
        var reasonsAgainst: [ReasonJSON]
        var incompatibility: String?
        var counterindications: [TradeoffJSON]
        var unneededComplements: [String]
        var alongside: [String]
        var replacesWhatRuns: Bool
        var runsAs: String?
        var switchingCost: String?
        var wouldWinIf: [FactJSON]

        init(_ verdict: ProposalVerdict, _ report: ReviewReport) {
            decision = verdict.decisionID
            title = verdict.title
            origin = verdict.origin.rawValue
            proposed = verdict.proposed.map {
                OptionRefJSON(id: $0, name: report.optionName(verdict.decisionID, $0))
            }
            self.verdict = verdict.verdict.rawValue
            recommended = verdict.recommended.map {
                OptionRefJSON(id: $0, name: report.optionName(verdict.decisionID, $0))
            }
            margin = verdict.margin
            reasonsFor = verdict.reasonsFor.map(ReasonJSON.init)
            reasonsAgainst = verdict.reasonsAgainst.map(ReasonJSON.init)
            incompatibility = verdict.incompatibility
            counterindications = verdict.counterindications.map(TradeoffJSON.init)
            unneededComplements = verdict.unneededComplements
            alongside = verdict.alongside
            replacesWhatRuns = verdict.replacesWhatRuns
            runsAs = verdict.runsAs
            switchingCost = verdict.switchingCost
            wouldWinIf = verdict.wouldWinIf.map(FactJSON.init)
        }
    }

    struct OptionRefJSON: Encodable {
        var id: String
        var name: String
    }

    struct FirmUpJSON: Encodable {
        var question: String
        var prompt: String
        var assumed: JSONAnswer?
        var decisions: [String]
        var risks: Int

        init(_ question: FirmUpQuestion) {
            self.question = question.questionID
            prompt = question.prompt
            assumed = question.assumed.map(JSONAnswer.init)
            decisions = question.decisions
            risks = question.risks
        }
    }
}
