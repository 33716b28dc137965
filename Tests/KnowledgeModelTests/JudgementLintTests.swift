import KnowledgeModel
import StackwiseTestSupport
import Testing

/// `kb lint` keeps the judgement shown to users coherent: reasons argue for what they are shown under, and
/// baseline hygiene is never "high".
@Suite struct JudgementLintTests {
    @Test func aReasonFavouringSeveralOptionsWithDifferentWeightsIsFlagged() {
        let diagnostics = lintOverlay(
            """
            rules:
              - id: org.relational
                when: data.typescript
                because: PostgreSQL is the best fit.
                sources: [prisma-docs]
                score: { database.postgresql: 3, database.mongodb: 1 }
            """)
        expectDiagnostic(
            diagnostics,
            "rule 'org.relational' favours several 'database' options with different weights; its reason is shown under mongodb although it argues most for 'postgresql'",
            severity: .warning)
    }

    @Test func equalWeightsAndMixedSignsAreFine() {
        let diagnostics = lintOverlay(
            """
            rules:
              - id: org.equal
                when: data.typescript
                because: Both fit.
                sources: [prisma-docs]
                score: { data_access.prisma: 2, data_access.drizzle: 2, database.postgresql: 3, database.mongodb: -2 }
            """)
        #expect(!diagnostics.contains { $0.description.contains("favours several") })
    }

    @Test func aBaselineItemCannotBeHigh() {
        let diagnostics = lintOverlay(
            """
            checklist:
              - { id: org.hygiene, text: Do it., category: data, priority: high, baseline: true, sources: [prisma-docs] }
              - { id: org.fine, text: Do it., category: data, priority: medium, baseline: true, sources: [prisma-docs] }
            """)
        expectDiagnostic(
            diagnostics, "checklist item 'org.hygiene' is baseline (advice for every service) and high",
            at: "overlay/test.yaml:2:5")
        #expect(!diagnostics.contains { $0.description.contains("'org.fine'") })
    }

    @Test func baselineSurvivesTheBinaryForm() throws {
        let (layer, _) = KnowledgeBaseLoader().loadLayer(
            name: "t",
            files: [
                (
                    "t.yaml",
                    """
                    sources: [{ id: s1, title: S, publisher: P, url: "https://e.com", verified: 2026-12-04 }]
                    checklist:
                      - { id: c1, text: T, category: data, priority: medium, baseline: true, sources: [s1] }
                      - { id: c2, text: T, category: data, priority: high, irreversible: true, sources: [s1] }
                    """
                )
            ])
        let kb = KnowledgeBaseBuilder.build(layers: [layer]).0
        let decoded = try KnowledgeBaseBinary.decode(KnowledgeBaseBinary.encode(kb))
        #expect(decoded.checklist.map(\.baseline) == [true, false])
        #expect(decoded.checklist.map(\.irreversible) == [false, true])
    }

    @Test func anIrreversibleItemCannotBeLow() {
        let diagnostics = lintOverlay(
            """
            checklist:
              - { id: org.lost, text: Do it., category: data, priority: low, irreversible: true, sources: [prisma-docs] }
              - { id: org.kept, text: Do it., category: data, priority: medium, irreversible: true, sources: [prisma-docs] }
            """)
        expectDiagnostic(
            diagnostics,
            "checklist item 'org.lost' is irreversible (missing it does harm that cannot be undone) but low",
            at: "overlay/test.yaml:2:5")
        #expect(!diagnostics.contains { $0.description.contains("'org.kept'") })
    }

    @Test func anIrreversibleFindingCannotBeLow() {
        let overlay = """
            rules:
              - id: org.leaky
                when: data.typescript
                because: It leaks.
                sources: [prisma-docs]
                finding: { id: org-leak, title: Leak, severity: low, remediation: Fix it., irreversible: true }
              - id: org.kept
                when: data.typescript
                because: It leaks less.
                sources: [prisma-docs]
                finding: { id: org-kept, title: Kept, severity: high, remediation: Fix it., irreversible: true }
            """
        let diagnostics = lintOverlay(overlay)
        expectDiagnostic(
            diagnostics, "finding 'org-leak' is irreversible (left alone it does harm that cannot be undone) but low",
            at: "overlay/test.yaml:2:5")
        #expect(!diagnostics.contains { $0.description.contains("'org-kept'") })
    }
}
