import KnowledgeModel
import Testing

@testable import RecommendationEngine

@Suite struct ReviewTests {
    let engine = RecommendationEngine(knowledgeBase: TestKnowledgeBase.sample)

    @Test func defaultsAreUsedAndListedAsAssumptions() {
        let review = engine.review(AnswerSet())
        #expect(review.decision("database")?.chosen == "postgresql")
        #expect(review.decision("orm")?.chosen == "prisma")
        let assumed = review.assumptions.map(\.questionID)
        #expect(assumed == ["data.shape", "data.tx", "data.rps"])
        #expect(review.assumptions.first?.affectedDecisions == ["database", "orm"])
        #expect(review.decision("database")?.lowConfidence == true)
    }

    @Test func answersDriveTheJointChoice() {
        var answers = AnswerSet()
        answers.set("data.shape", to: .choice("documents"))
        let review = engine.review(answers)
        #expect(review.decision("database")?.chosen == "mongodb")
        #expect(review.decision("orm")?.chosen == "mongoose")
        #expect(review.decision("database")?.lowConfidence == true)  // data.rps is still a default
    }

    @Test func explainsWhyAlternativesLost() throws {
        var answers = AnswerSet()
        answers.set("data.shape", to: .choice("relational"))
        answers.set("data.rps", to: .number(1000))
        answers.set("data.tx", to: .bool(true))
        let database = try #require(engine.review(answers).decision("database"))
        #expect(database.chosen == "postgresql")
        #expect(database.score == 5)
        let sqlite = try #require(database.options.first { $0.optionID == "sqlite" })
        #expect(sqlite.verdict == .excluded)
        #expect(sqlite.exclusions.first?.ruleID == "r.scale")
        #expect(
            sqlite.exclusions.first?.triggeredBy == [
                AnswerFact(questionID: "data.rps", value: .number(1000), assumed: false)
            ])
        let orm = try #require(engine.review(answers).decision("orm"))
        let mongoose = try #require(orm.options.first { $0.optionID == "mongoose" })
        #expect(
            mongoose.verdict
                == .incompatible(decision: "database", option: "postgresql", reason: "Mongoose is for MongoDB only."))
        let chosen = try #require(database.chosenAssessment)
        #expect(chosen.contributions.map(\.ruleID) == ["r.relational", "r.tx"])
        #expect(database.options.first?.optionID == "postgresql")
        #expect(database.margin == 6)  // runner-up MongoDB at -1; SQLite is excluded
        #expect(!database.isCloseCall)
        #expect(!database.lowConfidence)
    }

    @Test func findingsTensionsAndAcceptedRisks() {
        var answers = AnswerSet()
        answers.set("current.exists", to: .bool(true))
        answers.set("current.stack", to: .choices(["socketio"]))
        answers.set("data.shape", to: .choice("documents"))
        answers.set("data.tx", to: .bool(true))
        answers.acceptedRisks = [AcceptedRisk(findingID: "f.no-adapter", reason: "One instance only.")]
        let review = engine.review(answers)
        #expect(review.findings.map(\.finding.id) == ["f.no-adapter"])
        #expect(review.findings.first?.accepted?.reason == "One instance only.")
        #expect(review.tensions.map(\.tension.id) == ["t.docs-tx"])
        #expect(review.tensions.first?.answers.map(\.questionID) == ["data.shape", "data.tx"])
    }

    @Test func followUpsAreNotApplicableUntilAsked() {
        var answers = AnswerSet()
        answers.set("current.stack", to: .choices(["socketio"]))  // current.exists not answered: not applicable
        #expect(engine.review(answers).findings.isEmpty)
        #expect(!engine.isApplicable("current.stack", answers))
        answers.set("current.exists", to: .bool(true))
        #expect(engine.isApplicable("current.stack", answers))
        #expect(engine.applicableQuestions(answers).map(\.id).contains("current.stack"))
    }

    @Test func checklistFollowsAnswersAndChoices() {
        var answers = AnswerSet()
        answers.set("data.rps", to: .number(5))
        answers.checklistDone = ["c.always"]
        answers.set("data.shape", to: .choice("documents"))
        answers.set("data.rps", to: .number(5))
        let small = engine.review(answers)
        #expect(small.decision("database")?.chosen == "mongodb")
        #expect(small.checklist.map(\.item.id) == ["c.always", "c.backups"])
        #expect(small.checklist.first?.done == true)
        answers.set("data.shape", to: .choice("relational"))
        answers.set("data.tx", to: .bool(true))
        let big = engine.review(answers)
        // Grouped by category: security, then testing, then data.
        #expect(big.checklist.map(\.item.id) == ["c.always", "c.tx", "c.backups"])
        #expect(big.checklist[1].includedBy == ["r.tx"])
    }

    @Test func infeasibleConstraintsAreExplained() {
        let kb = TestKnowledgeBase.load([
            (
                "kb.yaml",
                """
                sections: [{ id: s, title: S, order: 1 }]
                sources: [{ id: s1, title: S, publisher: P, url: "https://e.com", verified: 2026-11-20 }]
                questions: [{ id: s.q, section: s, prompt: Q, help: H, type: yesno }]
                decisions:
                  - id: a
                    title: A
                    problem: P
                    options:
                      - { id: x, name: X, summary: S, sources: [s1], requires: [{ decision: b, anyOf: [u], reason: X needs U. }] }
                      - { id: y, name: Y, summary: S, sources: [s1] }
                  - id: b
                    title: B
                    problem: P
                    options:
                      - { id: u, name: U, summary: S, sources: [s1] }
                      - { id: v, name: V, summary: S, sources: [s1] }
                rules:
                  - { id: r1, when: s.q, because: No Y., sources: [s1], exclude: [a.y], score: { a.x: 1, b.u: 1 } }
                  - { id: r2, when: s.q, because: No U., sources: [s1], exclude: [b.u], score: { a.y: 1, b.v: 1 } }
                """
            )
        ])
        var answers = AnswerSet()
        answers.set("s.q", to: .bool(true))
        let review = RecommendationEngine(knowledgeBase: kb).review(answers)
        #expect(review.decision("a")?.status == .infeasible)
        #expect(review.conflicts.count == 1)
        #expect(review.conflicts.first?.decisions == ["a", "b"])
        #expect(review.conflicts.first?.constraints.first?.contains("X needs U.") == true)
        #expect(review.conflicts.first?.exclusions.map(\.ruleID) == ["r1", "r2"])
        #expect(review.conflicts.first?.exclusions.first?.triggeredBy.first?.questionID == "s.q")
    }

    @Test func whyListsWhatAQuestionMoves() {
        let influence = engine.influence(of: "data.tx")
        #expect(influence.decisions == ["database"])
        #expect(influence.rules == ["r.tension", "r.tx"])
        #expect(influence.tensions == ["t.docs-tx"])
        #expect(engine.influence(of: "current.exists").followUps == ["current.stack"])
    }

    @Test func whatIfFindsTheAnswersThatFlipDecisions() {
        var answers = AnswerSet()
        answers.set("data.shape", to: .choice("relational"))
        answers.set("data.rps", to: .number(100))
        let report = engine.whatIf(answers)
        let shapeRow = report.rows.first { $0.questionID == "data.shape" }
        #expect(shapeRow?.alternative == .choice("documents"))
        #expect(
            shapeRow?.changes == [
                DecisionChange(decisionID: "database", from: "postgresql", to: "mongodb"),
                DecisionChange(decisionID: "orm", from: "prisma", to: "mongoose"),
            ])
        // PostgreSQL + Prisma (5) beat SQLite + Prisma (4) at every request rate: no data.rps row.
        #expect(!report.rows.contains { $0.questionID == "data.rps" })
        #expect(report.settled == ["database", "orm"])  // only answered questions could move them; data.tx cannot
    }

    @Test func modelDumpMatchesTheReview() {
        let model = engine.optimizationModel(AnswerSet())
        #expect(model.decisions.map(\.id) == ["database", "orm"])
        #expect(model.decisions.first?.chosen == "postgresql")
        #expect(model.decisions.first?.options.first?.scoredBy == ["r.relational": 3])
        #expect(model.constraints.count == 2)
        #expect(model.totalScore == engine.review(AnswerSet()).totalScore)
    }
}
