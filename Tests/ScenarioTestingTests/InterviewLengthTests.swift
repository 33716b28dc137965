import EmbeddedKnowledgeBase
import KnowledgeModel
import RecommendationEngine
import Testing

/// The interview stays short for a simple service and goes deep only where the stakes are: `askIf` keeps the
/// money, regulated-data and scale follow-ups away from a tiny internal CRUD tool.
@Suite struct InterviewLengthTests {
    let engine = RecommendationEngine(knowledgeBase: StackwiseKnowledge.embedded)

    func asked(_ answers: [String: AnswerValue]) -> [String] {
        var set = AnswerSet()
        for (id, value) in answers { set.set(id, to: value) }
        return engine.applicableQuestions(set).map(\.id)
    }

    var tinyCrudTool: [String] {
        asked([
            "service.kind": .choice("crud_api"), "service.stage": .choice("new"),
            "service.criticality": .choice("internal_tool"), "service.domain": .choice("general"),
            "service.public_api": .bool(false), "traffic.peak_rps": .number(5), "data.shape": .choice("relational"),
            "data.files": .choice("none"), "data.multi_tenant": .bool(false),
            "security.user_auth": .choice("staff_sso"),
            "team.size": .choice("solo"), "operations.platform": .choice("paas"),
            "operations.background_work": .bool(false), "operations.event_driven": .bool(false),
            "realtime.needed": .bool(false),
        ])
    }

    var regulatedLedger: [String] {
        asked([
            "service.kind": .choice("crud_api"), "service.stage": .choice("new"),
            "service.criticality": .choice("mission_critical"), "service.domain": .choice("fintech"),
            "service.public_api": .bool(true), "traffic.peak_rps": .number(400), "data.shape": .choice("relational"),
            "data.multi_record_transactions": .bool(true), "data.files": .choice("small"),
            "data.multi_tenant": .bool(false), "security.user_auth": .choice("end_users"),
            "security.compliance": .choices(["pci_dss", "soc2", "gdpr"]), "data.money_movement": .bool(true),
            "security.staff_money_actions": .bool(true), "team.size": .choice("medium"),
            "operations.platform": .choice("ecs"), "operations.background_work": .bool(true),
            "operations.event_driven": .bool(false), "realtime.needed": .bool(false),
        ])
    }

    @Test func aTinyCrudToolSeesNoneOfTheHighStakesFollowUps() {
        let questions = tinyCrudTool
        for id in [
            "data.money_movement", "data.amount_storage", "data.reconciliation", "security.staff_money_actions",
            "security.financial_regulation", "security.phi_vendors_baa", "security.customer_sso",
            "traffic.messages_per_second", "data.bulk_imports", "data.upload_size_mb", "operations.delivery_guarantee",
            "realtime.use_case", "data.tenant_count",
        ] {
            #expect(!questions.contains(id), "a tiny CRUD tool is asked \(id)")
        }
        #expect(questions.count <= 48, "a tiny CRUD tool is asked \(questions.count) questions")
    }

    @Test func aRegulatedLedgerIsAskedAboutMoneyAndGoesDeeper() {
        let ledger = regulatedLedger
        for id in [
            "data.amount_storage", "data.payment_provider", "data.reconciliation", "security.staff_money_actions",
            "security.financial_regulation", "operations.delivery_guarantee", "data.upload_size_mb",
        ] {
            #expect(ledger.contains(id), "a regulated ledger is not asked \(id)")
        }
        #expect(ledger.count >= tinyCrudTool.count + 8, "ledger \(ledger.count) vs tiny tool \(tinyCrudTool.count)")
    }
}
