import Foundation

/// A small knowledge base for interface end-to-end tests (`--base DIR`), so they do not depend on the shipped
/// knowledge base's content.
enum TUITestKnowledgeBase {
    static let yaml = """
        sections:
          - { id: data, title: Data, order: 1 }
          - { id: current, title: What runs today, order: 2 }
        sources:
          - { id: s1, title: S, publisher: P, url: "https://example.com", verified: 2026-11-20 }
        questions:
          - id: data.shape
            section: data
            prompt: What does the data look like?
            help: Related records favour a relational database.
            type: single
            options:
              - { id: relational, label: Related records, description: Joins between entities. }
              - { id: documents, label: Documents, description: Self-contained records. }
            default: relational
            notSure: true
          - { id: data.tx, section: data, prompt: Do several records change together?, help: Transactions., type: yesno, default: false }
          - { id: data.rps, section: data, prompt: Peak requests per second?, help: Load., type: number, unit: req/s, range: [0, 100000], default: 10, notSure: true }
          - { id: current.exists, section: current, prompt: Is the service running today?, help: Findings need it., type: yesno }
          - id: current.stack
            section: current
            prompt: What does it use?
            help: Pick every part.
            type: multi
            askIf: current.exists
            options:
              - { id: socketio, label: Socket.IO, description: Realtime. }
              - { id: redis, label: Redis, description: Cache. }
              - { id: bullmq, label: BullMQ, description: Queues. }
              - { id: kafka, label: Kafka, description: Streams. }
              - { id: nats, label: NATS, description: Messaging. }
              - { id: express, label: Express, description: HTTP framework. }
              - { id: fastify, label: Fastify, description: HTTP framework. }
              - { id: prisma, label: Prisma, description: ORM. }
        decisions:
          - id: database
            title: Database
            problem: Where the data lives.
            order: 1
            options:
              - { id: postgresql, name: PostgreSQL, summary: Relational., sources: [s1] }
              - { id: mongodb, name: MongoDB, summary: Documents., sources: [s1] }
        rules:
          - id: r.relational
            when: data.shape == "relational"
            because: Relational data.
            sources: [s1]
            score: { database.postgresql: 3 }
          - id: r.documents
            when: data.shape == "documents"
            because: Documents.
            sources: [s1]
            score: { database.mongodb: 5 }
          - id: r.tx
            when: data.tx
            because: Transactions.
            sources: [s1]
            score: { database.postgresql: 1 }
          - id: r.rps
            when: data.rps > 50000
            because: Scale.
            sources: [s1]
            score: { database.postgresql: 1 }
          - id: r.no-adapter
            when: current.stack contains "socketio" and not current.stack contains "redis"
            because: Socket.IO without an adapter.
            sources: [s1]
            finding: { id: f.no-adapter, title: Socket.IO has no Redis adapter, severity: high, remediation: Add one. }
        checklist:
          - { id: c.backups, text: Back up the database., category: data, priority: high, sources: [s1] }
        """

    /// The same knowledge base plus a question without a condition, and the detection data that answers it and
    /// `data.shape` from a scanned project (for "review an existing project").
    static var scanYAML: String {
        let extraQuestion = """
              - id: current.libs
                section: current
                prompt: Which libraries does it use?
                help: Pick every one.
                type: multi
                options:
                  - { id: express, label: Express, description: HTTP framework. }
                  - { id: redis, label: Redis, description: Cache. }
                  - { id: kafka, label: Kafka, description: Streams. }

            """
        let detection = """

            detection:
              technologies:
                - { id: express, title: Express, category: framework, answers: { current.libs: express } }
                - { id: redis, title: Redis, category: cache, answers: { current.libs: redis } }
                - { id: mongodb, title: MongoDB, category: databases, answers: { data.shape: documents } }
              packages:
                - { package: express, detects: [express] }
                - { package: ioredis, detects: [redis] }
                - { package: mongoose, detects: [mongodb] }

            """
        return yaml.replacingOccurrences(of: "decisions:\n", with: extraQuestion + "decisions:\n") + detection
    }

    /// A project folder with an Express + ioredis + Mongoose service.
    static func project(in folder: URL) throws -> URL {
        let project = folder.appendingPathComponent("orders-api")
        try FileManager.default.createDirectory(
            at: project.appendingPathComponent("src"), withIntermediateDirectories: true)
        try """
        { "name": "orders-api", "dependencies": { "express": "^4.19.2", "ioredis": "^5.4.0", "mongoose": "^8.5.0" } }
        """.write(to: project.appendingPathComponent("package.json"), atomically: true, encoding: .utf8)
        try """
        import express from "express";
        import Redis from "ioredis";
        import mongoose from "mongoose";
        """.write(to: project.appendingPathComponent("src/app.ts"), atomically: true, encoding: .utf8)
        return project
    }

    /// A fresh folder with the knowledge base in `kb/` and room for sessions in `state/`.
    static func workspace() throws -> URL {
        let folder = try BinaryRunner.temporaryFolder()
        let kb = folder.appendingPathComponent("kb")
        try FileManager.default.createDirectory(at: kb, withIntermediateDirectories: true)
        try yaml.write(to: kb.appendingPathComponent("kb.yaml"), atomically: true, encoding: .utf8)
        return folder
    }
}
