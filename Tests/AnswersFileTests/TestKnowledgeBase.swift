import KnowledgeModel
import StackwiseTestSupport
import Testing

/// A small knowledge base covering every question type, a follow-up (`askIf`), a checklist item and a finding.
let testKnowledgeBase: KnowledgeBase = {
    let files: [(path: String, text: String)] = [
        (
            "kb/sections.yaml",
            """
            sections:
              - { id: service, title: The service, order: 10 }
              - { id: traffic, title: Traffic, order: 20 }
            """
        ),
        (
            "kb/questions.yaml",
            """
            questions:
              - id: service.kind
                section: service
                prompt: What kind of service is this?
                help: The workload.
                type: single
                options:
                  - { id: crud_api, label: CRUD API, description: Stores records. }
                  - { id: realtime, label: Realtime, description: Pushes updates. }
                default: crud_api
                required: true
              - id: service.realtime_clients
                section: service
                prompt: How many clients stay connected at peak?
                help: Connections.
                type: number
                unit: connections
                range: [0, 10000000]
                notSure: true
                askIf: service.kind == "realtime"
              - id: traffic.peak_rps
                section: traffic
                prompt: What peak request rate do you expect?
                help: Peak load.
                type: number
                unit: req/s
                range: [0, 1000000]
                default: 50
                notSure: true
                formerly: [traffic.rps]
              - id: traffic.public
                section: traffic
                prompt: Is the API public?
                help: Exposure.
                type: yesno
                default: false
              - id: traffic.clients
                section: traffic
                prompt: Who calls the API?
                help: Clients.
                type: multi
                options:
                  - { id: browsers, label: Browsers, description: Web apps. }
                  - { id: mobile, label: Mobile apps, description: Phones. }
                  - { id: services, label: Services, description: Other backends. }
              - id: service.owner
                section: service
                prompt: Which team owns it?
                help: Ownership.
                type: text
            """
        ),
        (
            "kb/decisions.yaml",
            """
            decisions:
              - id: database
                title: Primary database
                problem: Where does the service keep its records?
                order: 10
                options:
                  - { id: postgresql, name: PostgreSQL, summary: Relational., sources: [docs] }
                  - { id: sqlite, name: SQLite, summary: One file., sources: [docs] }
            """
        ),
        (
            "kb/rules.yaml",
            """
            rules:
              - id: db.default
                when: true
                because: Relational by default.
                sources: [docs]
                score: { database.postgresql: 1 }
              - id: db.small
                when: traffic.peak_rps < 10
                because: Small.
                sources: [docs]
                score: { database.sqlite: 2 }
              - id: risk.public
                when: traffic.public
                because: Public APIs get scanned.
                sources: [docs]
                finding: { id: no-rate-limit, title: No rate limit, severity: high, remediation: Add one. }
            """
        ),
        (
            "kb/checklist.yaml",
            """
            checklist:
              - { id: data.backups, text: Back up the database., category: data, priority: high, sources: [docs] }
            """
        ),
        (
            "kb/sources.yaml",
            """
            sources:
              - { id: docs, title: Docs, publisher: Us, url: "https://example.org", verified: 2025-01-01 }
            """
        ),
    ]
    return KnowledgeBaseFixture.load(files.map { ($0.path, $0.text) })
}()
