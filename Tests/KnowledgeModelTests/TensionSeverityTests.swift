import KnowledgeModel
import StackwiseTestSupport
import Testing

/// A tension's `severity`: medium unless the knowledge base rates it, checked like a finding's.
@Suite struct TensionSeverityTests {
    private func tension(_ severityLine: String) -> (Tension?, [Diagnostic]) {
        let yaml = """
            rules:
              - id: org.tension
                when: data.typescript
                because: Typed.
                sources: [prisma-docs]
                tension:
                  id: org-pull
                  title: Two answers pull apart
                  advice: Pick one.
            \(severityLine)
            """
        let (layer, loadDiagnostics) = KnowledgeBaseLoader().loadLayer(
            name: "overlay", files: [("overlay/test.yaml", yaml)])
        let (kb, diagnostics) = KnowledgeBaseBuilder.build(
            layers: [fixtureBase, layer], loadDiagnostics: loadDiagnostics)
        return (kb.rules.first { $0.id == "org.tension" }?.tension, diagnostics)
    }

    @Test func defaultsToMedium() {
        let (tension, diagnostics) = tension("")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        #expect(tension?.severity == .medium)
    }

    @Test func highIsRead() {
        let (tension, diagnostics) = tension("      severity: high")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        #expect(tension?.severity == .high)
    }

    @Test func unknownSeverityIsAnErrorWithASuggestion() {
        let (_, diagnostics) = tension("      severity: hihg")
        expectDiagnostic(
            diagnostics, "'severity' must be one of low, medium, high, found 'hihg'",
            at: "overlay/test.yaml:10:17")
    }
}

/// Sources cited only by an option's "when not to use" entry count as cited.
@Suite struct WhenNotCitationTests {
    @Test func aSourceCitedOnlyByAWhenNotEntryIsCited() {
        let diagnostics = lintOverlay(
            """
            sources:
              - { id: org-only-here, title: T, publisher: P, url: "https://example.org/t", verified: 2026-12-04 }
            decisions:
              - id: database
                extend: true
                options:
                  - id: org-db
                    name: Org DB
                    summary: S
                    sources: [prisma-docs]
                    whenNot:
                      - when: data.typescript
                        because: Typed.
                        advice: Do this.
                        sources: [org-only-here]
            """)
        #expect(!diagnostics.contains { $0.description.contains("'org-only-here' is never cited") })
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics.map(\.description))")
    }
}
