import EmbeddedKnowledgeBase
import KnowledgeModel
import StackwiseTestSupport
import Testing

@testable import RecommendationEngine

/// A session patched answer by answer must always equal a review (and a what-if sweep) computed from scratch.
@Suite struct ReviewSessionTests {
    /// The first part of two reviews that differs (empty when equal), to keep failure messages readable.
    static func difference(_ actual: Review, _ expected: Review) -> String {
        if actual == expected { return "" }
        for (a, e) in zip(actual.decisions, expected.decisions) where a != e {
            return "decision \(e.decisionID): \(a) != \(e)"
        }
        if actual.assumptions != expected.assumptions {
            return "assumptions: \(actual.assumptions) != \(expected.assumptions)"
        }
        if actual.tensions != expected.tensions {
            return "tensions: \(actual.tensions.map(\.ruleID)) != \(expected.tensions.map(\.ruleID))"
        }
        if actual.findings != expected.findings {
            return "findings: \(actual.findings.map(\.ruleID)) != \(expected.findings.map(\.ruleID))"
        }
        if actual.checklist != expected.checklist {
            return "checklist: \(actual.checklist.map(\.item.id)) != \(expected.checklist.map(\.item.id))"
        }
        if actual.firedRules != expected.firedRules { return "fired: \(actual.firedRules) != \(expected.firedRules)" }
        if actual.proposals != expected.proposals { return "proposals: \(actual.proposals) != \(expected.proposals)" }
        return
            "totals: \(actual.totalScore)/\(actual.solverNodes) != \(expected.totalScore)/\(expected.solverNodes); conflicts \(actual.conflicts == expected.conflicts)"
    }

    /// One random edit of the kind an interview makes: answer, change, clear, "not sure", tick a checklist item,
    /// accept a risk.
    static func edit(_ answers: inout AnswerSet, in kb: KnowledgeBase, _ rng: inout SeededGenerator) {
        let question = kb.questions.randomElement(using: &rng)!
        switch Int.random(in: 0..<10, using: &rng) {
        case 0:
            answers.answers[question.id] = nil
        case 1:
            answers.markNotSure(question.id)
        case 2:
            if let item = kb.checklist.randomElement(using: &rng) {
                if answers.checklistDone.contains(item.id) {
                    answers.checklistDone.remove(item.id)
                } else {
                    answers.checklistDone.insert(item.id)
                }
            }
        case 4 where !kb.decisions.isEmpty:
            // Propose an option (or withdraw a proposal) for a random decision.
            let decision = kb.decisions.randomElement(using: &rng)!
            if answers.proposed[decision.id] != nil {
                answers.proposed[decision.id] = nil
            } else {
                answers.proposed[decision.id] = [decision.options.randomElement(using: &rng)!.id]
            }
        case 3:
            if let finding = kb.rules.compactMap(\.finding).randomElement(using: &rng) {
                if answers.acceptedRisk(for: finding.id) != nil {
                    answers.acceptedRisks.removeAll { $0.findingID == finding.id }
                } else {
                    answers.acceptedRisks.append(AcceptedRisk(findingID: finding.id, reason: "known"))
                }
            }
        default:
            if let value = randomValue(for: question, &rng) { answers.set(question.id, to: value) }
        }
    }

    static func randomValue(for question: Question, _ rng: inout SeededGenerator) -> AnswerValue? {
        switch question.type {
        case .yesno: return .bool(Bool.random(using: &rng))
        case .single: return question.options.randomElement(using: &rng).map { .choice($0.id) }
        case .multi: return .choices(question.options.filter { _ in Bool.random(using: &rng) }.map(\.id))
        case .number:
            let low = question.minimum ?? 0
            let high = question.maximum ?? 1_000_000
            let picks = [low, high, (low + high) / 2, min(high, low + 10), min(high, low + 1000)]
            return .number(picks.randomElement(using: &rng)!.rounded())
        case .text: return .text(["payments", "billing"].randomElement(using: &rng)!)
        }
    }

    @Test func randomKnowledgeBasesPatchedAnswerByAnswerEqualFullReviews() {
        var rng = SeededGenerator(state: 77_001)
        for instance in 0..<200 {
            let kb = randomKnowledgeBase(&rng, judgement: true)
            let engine = RecommendationEngine(knowledgeBase: kb)
            var answers = AnswerSet()
            var session = ReviewSession(engine: engine, answers: answers)
            #expect(Self.difference(session.review, engine.review(answers)) == "", "instance \(instance), start")
            for step in 0..<8 {
                Self.edit(&answers, in: kb, &rng)
                session.update(to: answers)
                #expect(
                    Self.difference(session.review, engine.review(answers)) == "", "instance \(instance), step \(step)")
                if step % 2 == 1 {
                    #expect(session.whatIf() == engine.whatIf(answers), "instance \(instance), step \(step) what-if")
                }
            }
        }
    }

    @Test func theRealKnowledgeBasePatchedAnswerByAnswerEqualsFullReviews() {
        let kb = StackwiseKnowledge.embedded
        let engine = RecommendationEngine(knowledgeBase: kb)
        var rng = SeededGenerator(state: 2_026_1126)
        for sequence in 0..<12 {
            var answers = AnswerSet()
            var session = ReviewSession(engine: engine, answers: answers)
            _ = session.whatIf()
            for step in 0..<25 {
                Self.edit(&answers, in: kb, &rng)
                session.update(to: answers)
                let expected = engine.review(answers)
                #expect(Self.difference(session.review, expected) == "", "sequence \(sequence), step \(step)")
                if session.review != expected { return }
                if step % 3 == 0 {
                    #expect(session.whatIf() == engine.whatIf(answers), "sequence \(sequence), step \(step) what-if")
                }
                #expect(session.applicableQuestionIDs == engine.applicableQuestions(answers).map(\.id))
                let fresh = ReviewSession(engine: engine, answers: answers)
                #expect(session.progressBySection == fresh.progressBySection)
                #expect(session.answeredButNotAskedIDs == fresh.answeredButNotAskedIDs)
            }
        }
    }

    /// Proposal findings are patched with their verdicts, and read again when an accepted risk comes or goes.
    @Test func proposalFindingsPatchedWithTheirVerdictsEqualFullReviews() {
        let kb = StackwiseKnowledge.embedded
        let engine = RecommendationEngine(knowledgeBase: kb)
        var rng = SeededGenerator(state: 4_711)
        var raisedAny = false
        for sequence in 0..<6 {
            var answers = AnswerSet()
            for (index, decision) in kb.decisions.enumerated() where index % 3 == sequence % 3 {
                answers.proposed[decision.id] = [decision.options.randomElement(using: &rng)!.id]
            }
            var session = ReviewSession(engine: engine, answers: answers)
            for step in 0..<30 {
                let raised = session.review.findings.map(\.finding.id).filter { $0.hasPrefix("proposal.") }
                raisedAny = raisedAny || !raised.isEmpty
                if step % 3 == 2, let id = raised.randomElement(using: &rng) {
                    if answers.acceptedRisk(for: id) != nil {
                        answers.acceptedRisks.removeAll { $0.findingID == id }
                    } else {
                        answers.acceptedRisks.append(AcceptedRisk(findingID: id, reason: "known"))
                    }
                } else {
                    Self.edit(&answers, in: kb, &rng)
                }
                session.update(to: answers)
                #expect(
                    Self.difference(session.review, engine.review(answers)) == "", "sequence \(sequence), step \(step)")
            }
        }
        #expect(raisedAny)
    }

    @Test func whatIfSharedAmongProcessorsEqualsOneThread() {
        let kb = StackwiseKnowledge.embedded
        let engine = RecommendationEngine(knowledgeBase: kb)
        var rng = SeededGenerator(state: 99)
        var answers = AnswerSet()
        for _ in 0..<6 {
            for _ in 0..<8 { Self.edit(&answers, in: kb, &rng) }
            let parallel = engine.whatIf(answers, parallelThreshold: 1)
            #expect(parallel == engine.whatIf(answers, parallelThreshold: .max))
            #expect(!parallel.rows.isEmpty)
        }
    }

    @Test func oneEvaluationForReviewAndWhatIfEqualsTwo() {
        let kb = StackwiseKnowledge.embedded
        let engine = RecommendationEngine(knowledgeBase: kb)
        var rng = SeededGenerator(state: 7)
        var answers = AnswerSet()
        for _ in 0..<6 {
            for _ in 0..<8 { Self.edit(&answers, in: kb, &rng) }
            let both = engine.reviewAndWhatIf(answers)
            #expect(Self.difference(both.review, engine.review(answers)) == "")
            #expect(both.whatIf == engine.whatIf(answers))
        }
    }

    @Test func aSessionStartedFromAnswersEqualsTheFullReview() {
        let engine = RecommendationEngine(knowledgeBase: StackwiseKnowledge.embedded)
        var answers = AnswerSet()
        answers.set("data.shape", to: .choice("documents"))
        var session = ReviewSession(engine: engine, answers: answers)
        #expect(session.review == engine.review(answers))
        #expect(session.whatIf() == engine.whatIf(answers))
    }
}
