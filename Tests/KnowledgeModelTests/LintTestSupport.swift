import EmbeddedKnowledgeBase
import KnowledgeModel
import Testing

/// Lints `yaml` as an overlay file `overlay/test.yaml` on top of the embedded knowledge base.
func lintOverlay(_ yaml: String, file: String = "overlay/test.yaml") -> [Diagnostic] {
    let (layer, loadDiagnostics) = KnowledgeBaseLoader().loadLayer(name: "overlay", files: [(file, yaml)])
    let base = KnowledgeBaseLayer(wholeOf: StackwiseKnowledge.embedded, name: "KnowledgeBase")
    return KnowledgeBaseBuilder.build(layers: [base, layer], loadDiagnostics: loadDiagnostics).1
}

/// Expects a diagnostic whose rendering contains `fragment` (and, when given, starts with `position`).
func expectDiagnostic(
    _ diagnostics: [Diagnostic], _ fragment: String, at position: String? = nil, severity: Diagnostic.Severity = .error,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let match = diagnostics.first { diagnostic in
        diagnostic.severity == severity && diagnostic.description.contains(fragment)
            && (position.map { diagnostic.description.hasPrefix($0 + ":") } ?? true)
    }
    #expect(
        match != nil,
        "expected \(severity) '\(fragment)' at \(position ?? "?"), got:\n\(diagnostics.map(\.description).joined(separator: "\n"))",
        sourceLocation: sourceLocation)
}
