import KnowledgeModel

/// Test support: small knowledge bases built from YAML text, so tests do not depend on the shipped content.
public enum KnowledgeBaseFixture {
    /// Loads and validates YAML files (display path, text) as one layer; stops the test run on a KB error, which is
    /// a defect of the fixture, not of the code under test.
    public static func load(_ files: [(String, String)]) -> KnowledgeBase {
        let (layer, loadDiagnostics) = KnowledgeBaseLoader().loadLayer(
            name: "fixture", files: files.map { (path: $0.0, text: $0.1) })
        let (knowledgeBase, diagnostics) = KnowledgeBaseBuilder.build(layers: [layer], loadDiagnostics: loadDiagnostics)
        precondition(!diagnostics.hasErrors, diagnostics.map(\.description).joined(separator: "\n"))
        return knowledgeBase
    }

    /// Loads one YAML file.
    public static func load(yaml: String, path: String = "kb.yaml") -> KnowledgeBase {
        load([(path, yaml)])
    }
}
