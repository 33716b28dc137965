import DecisionRecords
import Foundation
import KnowledgeModel
import RecommendationEngine
import ReviewRendering
import StackwiseTestSupport
import Testing

let recordsKnowledgeBase: KnowledgeBase = {
    let yaml = """
        sections:
          - { id: main, title: Main, order: 1 }
        sources:
          - { id: docs, title: Docs, publisher: Us, url: "https://example.org", verified: 2025-01-01 }
        questions:
          - { id: q.size, section: main, prompt: How big?, help: Size., type: number, range: [0, 1000], default: 50 }
        decisions:
          - id: store
            title: Store
            problem: Where do records live?
            order: 1
            options:
              - { id: big, name: Big DB, summary: Big., pros: [Scales], cons: [Costly], sources: [docs] }
              - { id: small, name: Small DB, summary: Small., pros: [Cheap], cons: [Limited], sources: [docs] }
        rules:
          - { id: r.big, when: q.size >= 10, because: Large data., sources: [docs], score: { store.big: 2 } }
          - { id: r.small, when: q.size < 10, because: Tiny data., sources: [docs], score: { store.small: 2 } }
        """
    let (layer, loadDiagnostics) = KnowledgeBaseLoader().loadLayer(name: "kb", files: [("kb/all.yaml", yaml)])
    let (knowledgeBase, diagnostics) = KnowledgeBaseBuilder.build(layers: [layer], loadDiagnostics: loadDiagnostics)
    precondition(!diagnostics.hasErrors, "\(diagnostics)")
    return knowledgeBase
}()

func exporter(size: Double, service: String = "svc", note: String? = nil) -> DecisionRecordExporter {
    var answers = AnswerSet(serviceName: service)
    answers.set("q.size", to: .number(size))
    answers.answers["q.size"]?.note = note
    let report = ReviewReport(engine: RecommendationEngine(knowledgeBase: recordsKnowledgeBase), answers: answers)
    return DecisionRecordExporter(report: report, people: RecordPeople(), date: "2025-01-01")
}

func export(_ exporter: DecisionRecordExporter, into folder: URL) throws -> [ExportAction] {
    let actions = try exporter.plan(folder: folder)
    try exporter.write(actions, to: folder)
    return actions
}

func scratchFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("records-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite struct DecisionRecordsTests {
    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(String(repeating: "a", count: 1000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func slugsNeverLeaveTheFolder() {
        for title in ["../../etc/passwd", "/abs/path", "a\\b", "..", "Ünïcödé only ✓", ""] {
            let name = RecordNaming.fileName(number: 3, title: title)
            #expect(!name.contains("/") && !name.contains("..") && !name.contains("\\"), "\(name)")
            #expect(name.hasPrefix("0003-") && name.hasSuffix(".md"))
        }
        #expect(
            RecordNaming.fileName(number: 12, title: "Primary database: PostgreSQL")
                == "0012-primary-database-postgresql.md")
    }

    @Test func userTextIsEscaped() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try export(
            exporter(
                size: 50, service: "<script>alert(1)</script>", note: "<img src=x onerror=alert(1)> [x](javascript:y)"),
            into: folder)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(!text.contains("<script"), "\(name)")
            #expect(!text.contains("<img"), "\(name)")
            #expect(!text.contains("[x](javascript:"), "\(name)")
        }
    }

    @Test func unchangedAnswersWriteNothingAndContextChangesUpdateUneditedRecords() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try export(exporter(size: 50), into: folder)
        #expect(first.map(\.kind) == [.created, .created, .created])
        #expect(try exporter(size: 50).plan(folder: folder).allSatisfy { $0.kind == .unchanged })
        let renamed = try export(exporter(size: 50, service: "renamed"), into: folder)
        #expect(renamed.first?.kind == .updated, "same option, new context, unedited: updated in place")
        #expect(renamed.first?.fileName == "0001-store-big-db.md")
    }

    @Test func editedRecordIsNeverRewritten() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try export(exporter(size: 50), into: folder)
        let url = folder.appendingPathComponent("0001-store-big-db.md")
        let edited = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(
            of: "status: proposed", with: "status: accepted")
        try edited.write(to: url, atomically: true, encoding: .utf8)
        let actions = try export(exporter(size: 60, service: "renamed"), into: folder)
        #expect(
            actions.first
                == ExportAction(
                    kind: .kept, fileName: "0001-store-big-db.md", detail: "edited by hand; left as it is",
                    contents: nil))
        #expect(try String(contentsOf: url, encoding: .utf8) == edited)
        let changed = try export(exporter(size: 5), into: folder)
        #expect(changed.map(\.kind).prefix(2) == [.created, .superseded])
        let old = try String(contentsOf: url, encoding: .utf8)
        #expect(old.contains("status: \"superseded by ADR-0002\""))
        #expect(
            old.replacingOccurrences(of: "status: \"superseded by ADR-0002\"", with: "status: accepted")
                .replacingOccurrences(
                    of: "\nSuperseded by [ADR-0002: Store: Small DB](0002-store-small-db.md).\n", with: "") == edited)
    }

    @Test func signatureDetectsAnyEdit() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try export(exporter(size: 50), into: folder)
        let text = try String(contentsOf: folder.appendingPathComponent("0001-store-big-db.md"), encoding: .utf8)
        #expect(Signature.state(of: text) == .unedited)
        #expect(Signature.state(of: text.replacingOccurrences(of: "scales", with: "scales well")) == .edited)
        #expect(Signature.state(of: text.replacingOccurrences(of: "# Store", with: "# Store!")) == .edited)
        // Line endings and trailing whitespace are not content (an editor or git may change them).
        #expect(Signature.state(of: text + " ") == .unedited)
        #expect(Signature.state(of: text.replacingOccurrences(of: "\n", with: "\r\n")) == .unedited)
        #expect(Signature.state(of: "# someone else's record\n") == .foreign)
    }
}

/// A record names the "when not to use" entries of its chosen option that hold for these answers, with the answers
/// and the advice: a planned platform the review keeps despite a serious counter-indication must say so.
@Suite struct RecordCounterindicationTests {
    static let knowledgeBase = KnowledgeBaseFixture.load(
        yaml: """
            sections:
              - { id: main, title: Main, order: 1 }
            sources:
              - { id: docs, title: Docs, publisher: Us, url: "https://example.org", verified: 2025-01-01 }
            questions:
              - { id: q.platform, section: main, prompt: Where?, help: Where., type: single, default: functions,
                  options: [{ id: functions, label: Functions }, { id: boxes, label: Boxes }] }
              - { id: q.minutes, section: main, prompt: How long?, help: Minutes., type: number, unit: minutes,
                  range: [0, 1000] }
            decisions:
              - id: runtime
                title: Runtime
                problem: Where does the code run?
                order: 1
                options:
                  - id: functions
                    name: Functions
                    summary: Functions.
                    pros: [No servers]
                    cons: [Cold starts]
                    sources: [docs]
                    whenNot:
                      - when: q.minutes > 15
                        because: An invocation ends at 15 minutes, so a longer job is killed partway.
                        advice: Split the work into chunks.
                        severity: high
                        sources: [docs]
                  - { id: boxes, name: Boxes, summary: Boxes., pros: [Long jobs], cons: [Servers], sources: [docs] }
            rules:
              - { id: r.functions, when: q.platform == "functions", because: Planned on functions., sources: [docs],
                  score: { runtime.functions: 5 } }
            """)

    func record(minutes: Double, proposed: [String: [String]] = [:]) throws -> String {
        var answers = AnswerSet(serviceName: "etl")
        answers.proposed = proposed
        answers.set("q.platform", to: .choice("functions"))
        answers.set("q.minutes", to: .number(minutes))
        let report = ReviewReport(engine: RecommendationEngine(knowledgeBase: Self.knowledgeBase), answers: answers)
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try export(DecisionRecordExporter(report: report, people: RecordPeople(), date: "2025-01-01"), into: folder)
        let name = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("0001-") })
        return try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func aCounterindicationThatHoldsIsAConsequence() throws {
        let text = try record(minutes: 90)
        #expect(
            text.contains(
                "* Bad, because an invocation ends at 15 minutes, so a longer job is killed partway (here: "
                    + "`q.minutes = 90`). Split the work into chunks."),
            "\(text)")
    }

    /// The team's plan for the decision is in the record, with the review's verdict and what speaks against it.
    @Test func theTeamsPlanIsNamedWithTheVerdict() throws {
        let differs = try record(minutes: 5, proposed: ["runtime": ["boxes"]])
        #expect(
            differs.contains(
                "Your plan: you plan Boxes; the review recommends Functions instead (by 5). Planned on functions. "
                    + "Keeping the plan is a decision to record here, with its reason."), "\(differs)")
        let agrees = try record(minutes: 5, proposed: ["runtime": ["functions"]])
        #expect(agrees.contains("Your plan: you plan Functions, which this record confirms."))
        #expect(!(try record(minutes: 5)).contains("Your plan:"))
    }

    @Test func oneThatDoesNotHoldIsNot() throws {
        #expect(!(try record(minutes: 5)).contains("killed partway"))
    }
}
