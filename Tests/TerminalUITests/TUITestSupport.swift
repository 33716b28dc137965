import KnowledgeModel
import RecommendationEngine
import StackwiseTestSupport
import TerminalUI

/// Small knowledge bases for interface tests (independent of the shipped knowledge base's content).
enum TUIFixtures {
    static func load(_ yaml: String) -> KnowledgeBase { KnowledgeBaseFixture.load(yaml: yaml) }

    /// Two sections; a single choice, a yes/no with a follow-up, a number with unit and range, a text question,
    /// a long option list; two decisions, a finding, a tension, checklist items.
    static let kb = load(yaml)

    /// The YAML of ``kb`` (tests that need one more element append to it).
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
          - { id: current.notes, section: current, prompt: Anything else?, help: Free text., type: text }
        decisions:
          - id: database
            title: Database
            problem: Where the data lives.
            order: 1
            options:
              - { id: postgresql, name: PostgreSQL, summary: Relational., pros: [Joins], cons: [Schema changes], sources: [s1] }
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
          - id: r.tension
            when: data.tx and data.shape == "documents"
            because: Documents with transactions.
            sources: [s1]
            tension: { id: t.docs-tx, title: Documents with transactions, advice: Think., between: [data.shape, data.tx] }
        checklist:
          - { id: c.backups, text: Back up the database., category: data, priority: high, sources: [s1] }
          - { id: c.tx, text: Test transactions., category: testing, priority: medium, appliesIf: data.tx, sources: [s1] }
        """
}

/// Drives the state machine with keys, like the curses loop does.
struct Harness {
    let reducer: TUIReducer
    let view: TUIView
    var state: TUIState
    var effects: [TUIEffect] = []

    init(
        kb: KnowledgeBase = TUIFixtures.kb, answers: AnswerSet = AnswerSet(), width: Int = 120, height: Int = 32,
        reviewer: Reviewer = Reviewer()
    ) {
        reducer = TUIReducer(advisor: RecommendationEngine(knowledgeBase: kb), reviewer: reviewer)
        view = TUIView(knowledgeBase: kb)
        state = reducer.initialState(
            TUIState(mode: .interview, answers: answers, sessionPath: "/tmp/session.yaml", width: width, height: height)
        )
    }

    mutating func send(_ keys: Key...) { send(keys) }

    /// Each key, then (as the event loop does when no key waits) the work it deferred.
    mutating func send(_ keys: [Key]) {
        for key in keys {
            effects += reducer.reduce(&state, .key(key))
            if reducer.hasDeferredWork(state) { effects += reducer.reduce(&state, .idle) }
        }
    }

    /// Each key without the deferred work (keys typed faster than the loop's idle tick).
    mutating func sendWithoutIdle(_ keys: Key...) {
        for key in keys { effects += reducer.reduce(&state, .key(key)) }
    }

    mutating func type(_ text: String) {
        for character in text { send(.character(character)) }
    }

    mutating func send(_ event: TUIEvent) { effects += reducer.reduce(&state, event) }

    var screen: Screen { view.render(state) }
    var question: String? { state.interview.questionID }
    var lastSaved: AnswerSet? {
        for effect in effects.reversed() { if case .save(let answers) = effect { return answers } }
        return nil
    }
}
