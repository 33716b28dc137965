import KnowledgeModel
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
