import KnowledgeModel
import StackwiseTestSupport

/// Builds small knowledge bases from YAML for engine tests.
enum TestKnowledgeBase {
    static func load(_ files: [(String, String)]) -> KnowledgeBase { KnowledgeBaseFixture.load(files) }

    /// A small but complete KB: two decisions with a compatibility constraint, scores, an exclusion, a finding,
    /// a tension, checklist items with and without chosen(...).
    static let sample = load([
        (
            "kb.yaml",
            """
            sections:
              - { id: data, title: Data, order: 1 }
              - { id: current, title: Current, order: 2 }
            sources:
              - { id: s1, title: S, publisher: P, url: "https://example.com", verified: 2026-11-20 }
            questions:
              - id: data.shape
                section: data
                prompt: Shape?
                help: H
                type: single
                options:
                  - { id: relational, label: R, description: D }
                  - { id: documents, label: Doc, description: D }
                default: relational
                notSure: true
              - { id: data.tx, section: data, prompt: Tx?, help: H, type: yesno, default: false }
              - { id: data.rps, section: data, prompt: Rps?, help: H, type: number, range: [0, 100000], default: 10 }
              - { id: current.exists, section: current, prompt: Exists?, help: H, type: yesno }
              - id: current.stack
                section: current
                prompt: Stack?
                help: H
                type: multi
                askIf: current.exists
                options:
                  - { id: socketio, label: S, description: D }
                  - { id: redis, label: R, description: D }
            decisions:
              - id: database
                title: Database
                problem: P
                order: 1
                options:
                  - { id: postgresql, name: PostgreSQL, summary: S, sources: [s1] }
                  - { id: mongodb, name: MongoDB, summary: S, sources: [s1] }
                  - { id: sqlite, name: SQLite, summary: S, sources: [s1] }
              - id: orm
                title: ORM
                problem: P
                order: 2
                options:
                  - id: prisma
                    name: Prisma
                    summary: S
                    sources: [s1]
                    requires: [{ decision: database, anyOf: [postgresql, sqlite], reason: SQL only here. }]
                  - id: mongoose
                    name: Mongoose
                    summary: S
                    sources: [s1]
                    requires: [{ decision: database, anyOf: [mongodb], reason: Mongoose is for MongoDB only. }]
            rules:
              - id: r.relational
                when: data.shape == "relational"
                because: Relational data.
                sources: [s1]
                score: { database.postgresql: 3, database.mongodb: -1, orm.prisma: 2 }
              - id: r.documents
                when: data.shape == "documents"
                because: Documents.
                sources: [s1]
                score: { database.mongodb: 3, orm.mongoose: 3 }
              - id: r.tx
                when: data.tx
                because: Transactions.
                sources: [s1]
                score: { database.postgresql: 2 }
                include: [c.tx]
              - id: r.scale
                when: data.rps >= 500
                because: SQLite is single-writer.
                sources: [s1]
                exclude: [database.sqlite]
              - id: r.mongoose-fans
                when: data.rps >= 500
                because: The team loves Mongoose at scale.
                sources: [s1]
                score: { orm.mongoose: 4 }
              - id: r.small
                when: data.rps < 20
                because: Small.
                sources: [s1]
                score: { database.sqlite: 2 }
              - id: r.no-adapter
                when: current.stack contains "socketio" and not current.stack contains "redis"
                because: Socket.IO without an adapter.
                sources: [s1]
                finding: { id: f.no-adapter, title: No adapter, severity: high, remediation: Add one. }
              - id: r.tension
                when: data.tx and data.shape == "documents"
                because: Documents with transactions.
                sources: [s1]
                tension: { id: t.docs-tx, title: Docs vs tx, advice: Think., between: [data.shape, data.tx] }
            checklist:
              - { id: c.backups, text: Back up., category: data, priority: high, appliesIf: 'chosen(database) != "sqlite"', sources: [s1] }
              - { id: c.tx, text: Test transactions., category: testing, priority: medium, sources: [s1] }
              - { id: c.always, text: Always., category: security, priority: low, sources: [s1] }
            """
        )
    ])
}
