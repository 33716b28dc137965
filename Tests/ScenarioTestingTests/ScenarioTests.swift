import EmbeddedKnowledgeBase
import KnowledgeModel
import RecommendationEngine
import ScenarioTesting
import Testing

@Suite struct ShippedScenarioTests {
    @Test func everyShippedScenarioPasses() {
        let kb = StackwiseKnowledge.embedded
        let (scenarios, diagnostics) = ScenarioDecoder(knowledgeBase: kb).decode(
            files: StackwiseKnowledge.embeddedScenarioFiles)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        #expect(scenarios.count >= 25)
        let results = ScenarioRunner(engine: RecommendationEngine(knowledgeBase: kb)).run(scenarios)
        for result in results where !result.passed {
            Issue.record("\(result.scenario.id): \(result.failures.joined(separator: "; "))")
        }
    }
}

@Suite struct ScenarioRunnerTests {
    let kb: KnowledgeBase = {
        let yaml = """
            sections: [{ id: s, title: S, order: 1 }]
            sources: [{ id: s1, title: S, publisher: P, url: "https://e.com", verified: 2026-11-20 }]
            questions:
              - id: s.shape
                section: s
                prompt: Shape?
                help: H
                type: single
                default: rel
                options: [{ id: rel, label: R, description: D }, { id: doc, label: D, description: D }]
            decisions:
              - id: db
                title: DB
                problem: P
                options:
                  - { id: pg, name: PG, summary: S, sources: [s1] }
                  - { id: mongo, name: Mongo, summary: S, sources: [s1] }
            rules:
              - { id: r1, when: 's.shape == "rel"', because: B, sources: [s1], score: { db.pg: 2 } }
              - id: r2
                when: 's.shape == "doc"'
                because: B
                sources: [s1]
                score: { db.mongo: 2 }
                finding: { id: f1, title: T, severity: low, remediation: R }
            checklist:
              - { id: c1, text: T, category: data, priority: high, appliesIf: 'chosen(db) == "pg"', sources: [s1] }
            """
        let (layer, _) = KnowledgeBaseLoader().loadLayer(name: "t", files: [("t.yaml", yaml)])
        return KnowledgeBaseBuilder.build(layers: [layer]).0
    }()

    func run(_ yaml: String) -> ([ScenarioResult], [Diagnostic]) {
        let (scenarios, diagnostics) = ScenarioDecoder(knowledgeBase: kb).decode(files: [("tests/s.yaml", yaml)])
        return (ScenarioRunner(engine: RecommendationEngine(knowledgeBase: kb)).run(scenarios), diagnostics)
    }

    @Test func passingAndFailingExpectations() {
        let (results, diagnostics) = run(
            """
            scenarios:
              - id: documents
                title: Documents
                answers: { s.shape: doc }
                expect:
                  decisions: { db: { is: mongo } }
                  findings: { contains: [f1] }
                  checklist: { excludes: [c1] }
              - id: wrong
                title: Wrong on purpose
                answers: { s.shape: rel }
                expect:
                  decisions: { db: { not: [pg] } }
                  findings: { contains: [f1] }
                  checklist: { excludes: [c1] }
            """)
        #expect(diagnostics.isEmpty)
        #expect(results.map(\.passed) == [true, false])
        #expect(results[1].failures.count == 3)
        #expect(results[1].failures.contains("db: expected none of pg, got pg"))
        #expect(results[1].failures.contains("expected finding 'f1' to be raised"))
        #expect(results[1].failures.contains("expected no checklist item 'c1'"))
    }

    @Test func unknownIdsArePositionedWithSuggestions() {
        let (_, diagnostics) = run(
            """
            scenarios:
              - id: typo
                title: Typos
                answers: { s.shap: doc }
                expect:
                  decisions: { db: { is: mongodb } }
                  findings: { contains: [f2] }
            """)
        let text = diagnostics.map(\.description)
        #expect(
            text.contains {
                $0.hasPrefix("tests/s.yaml:4:16: error: unknown question 's.shap'; did you mean 's.shape'?")
            })
        #expect(text.contains { $0.contains("decision 'db' has no option 'mongodb'; did you mean 'mongo'?") })
        #expect(text.contains { $0.contains("unknown finding 'f2'; did you mean 'f1'?") })
    }
}
