import EmbeddedKnowledgeBase
import KnowledgeModel
import StackwiseTestSupport
import Testing

/// A small, fixed base knowledge base, so lint tests do not depend on the shipped content.
let fixtureBase: KnowledgeBaseLayer = {
    let yaml = """
        sections:
          - { id: data, title: Data, order: 1 }
        sources:
          - { id: prisma-docs, title: Prisma, publisher: Prisma, url: "https://www.prisma.io/docs", verified: 2026-11-20 }
          - { id: postgresql-docs-transactions, title: PG, publisher: PGDG, url: "https://www.postgresql.org", verified: 2026-11-20 }
        questions:
          - { id: data.typescript, section: data, prompt: TS?, help: H, type: yesno, default: true }
          - id: data.shape
            section: data
            prompt: Shape?
            help: H
            type: single
            options:
              - { id: relational, label: R, description: D }
              - { id: documents, label: D, description: D }
        decisions:
          - id: database
            title: Database
            problem: P
            options:
              - { id: postgresql, name: PostgreSQL, summary: S, sources: [postgresql-docs-transactions] }
              - { id: mongodb, name: MongoDB, summary: S, sources: [postgresql-docs-transactions] }
          - id: data_access
            title: Data access
            problem: P
            options:
              - { id: prisma, name: Prisma, summary: S, sources: [prisma-docs] }
              - { id: drizzle, name: Drizzle, summary: S, sources: [prisma-docs] }
        rules:
          - id: database.relational-data
            when: data.shape == "relational"
            because: Relational.
            sources: [postgresql-docs-transactions]
            score: { database.postgresql: 3, data_access.prisma: 1 }
          - id: database.documents
            when: data.shape == "documents" and data.typescript
            because: Documents.
            sources: [prisma-docs]
            score: { database.mongodb: 3, data_access.drizzle: 1 }
            include: [data.backups-restore-tested]
        checklist:
          - { id: data.backups-restore-tested, text: Restore backups., category: data, priority: high, sources: [prisma-docs] }
        """
    let (layer, diagnostics) = KnowledgeBaseLoader().loadLayer(name: "base", files: [("base/kb.yaml", yaml)])
    precondition(diagnostics.isEmpty, "\(diagnostics)")
    return layer
}()

/// Lints `yaml` as an overlay file `overlay/test.yaml` on top of ``fixtureBase``.
func lintOverlay(_ yaml: String, file: String = "overlay/test.yaml") -> [Diagnostic] {
    let (layer, loadDiagnostics) = KnowledgeBaseLoader().loadLayer(name: "overlay", files: [(file, yaml)])
    return KnowledgeBaseBuilder.build(layers: [fixtureBase, layer], loadDiagnostics: loadDiagnostics).1
}
