import AnswersFile
import Foundation
import KnowledgeModel
import StackwiseTestSupport
import Testing

@Suite struct AnswersFileReaderTests {
    let reader = AnswersFileReader(knowledgeBase: testKnowledgeBase)

    func read(_ text: String) -> AnswersFileResult { reader.read(text: text, displayPath: "answers.yaml") }

    @Test func readsEveryKindOfAnswer() {
        let result = read(
            """
            version: 1
            service: payments-api
            answers:
              service.kind: realtime
              service.realtime_clients: 20_000 connections
              traffic.peak_rps: { value: 500 req/s, note: "Black Friday peak", origin: load test }
              traffic.public: yes
              traffic.clients: [browsers, mobile]
              service.owner: "Team <Payments>"
            checklistDone: [data.backups]
            acceptedRisks:
              - { finding: no-rate-limit, reason: Behind the gateway, by: Ana, date: 2025-03-01 }
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let set = result.answerSet
        #expect(set.serviceName == "payments-api")
        #expect(set.value(of: "service.kind") == .choice("realtime"))
        #expect(set.value(of: "service.realtime_clients") == .number(20_000))
        #expect(set.value(of: "traffic.peak_rps") == .number(500))
        #expect(set.answers["traffic.peak_rps"]?.note == "Black Friday peak")
        #expect(set.answers["traffic.peak_rps"]?.origin == "load test")
        #expect(set.value(of: "traffic.public") == .bool(true))
        #expect(set.value(of: "traffic.clients") == .choices(["browsers", "mobile"]))
        #expect(set.value(of: "service.owner") == .text("Team <Payments>"))
        #expect(set.checklistDone == ["data.backups"])
        #expect(
            set.acceptedRisks == [
                AcceptedRisk(findingID: "no-rate-limit", reason: "Behind the gateway", by: "Ana", date: "2025-03-01")
            ])
    }

    @Test func acceptsJSON() {
        let result = read(#"{"service": "api", "answers": {"traffic.peak_rps": 120, "traffic.public": false}}"#)
        #expect(!result.hasErrors, "\(result.diagnostics)")
        #expect(result.answerSet.value(of: "traffic.peak_rps") == .number(120))
        #expect(result.answerSet.value(of: "traffic.public") == .bool(false))
    }

    @Test func blankAnswersAndEmptyFilesAreUnanswered() {
        let blank = read("answers:\n  traffic.peak_rps:\n  service.kind:\n")
        #expect(blank.diagnostics.isEmpty)
        #expect(blank.answerSet.answers.isEmpty)
        let empty = read("")
        #expect(empty.diagnostics.isEmpty)
        #expect(empty.answerSet == AnswerSet())
    }

    @Test func notSureIsKeptWithItsNote() {
        let result = read("answers:\n  traffic.peak_rps: { notSure: true, note: ask ops }\n")
        #expect(!result.hasErrors)
        #expect(result.answerSet.answers["traffic.peak_rps"] == Answer(notSure: true, note: "ask ops"))
        #expect(result.answerSet.value(of: "traffic.peak_rps") == nil)
    }

    // MARK: - Bad input, one test each

    @Test func yamlSyntaxErrorHasLineAndColumn() {
        let result = read("answers:\n  traffic.peak_rps: [500\n  service.kind: crud_api\n")
        #expect(result.hasErrors)
        #expect(!result.isUnreadable)
        expectDiagnostic(result.diagnostics, "YAML syntax error")
        #expect(result.diagnostics.first?.location?.line ?? 0 >= 2)
    }

    @Test func unknownQuestionSuggestsTheClosest() {
        let result = read("answers:\n  traffic.peak_rpz: 500\n")
        expectDiagnostic(
            result.diagnostics, "unknown question 'traffic.peak_rpz'; did you mean 'traffic.peak_rps'?",
            at: "answers.yaml:2:3")
    }

    /// An answers file outlives the knowledge base it was written for: a renamed question's former id still reads.
    @Test func aRenamedQuestionsFormerIdIsReadWithAWarning() {
        let result = read("answers:\n  traffic.rps: 500\n")
        #expect(result.answerSet.value(of: "traffic.peak_rps") == .number(500))
        expectDiagnostic(
            result.diagnostics, "'traffic.rps' is now 'traffic.peak_rps'; its answer is read as traffic.peak_rps",
            at: "answers.yaml:2:3", severity: .warning)
        #expect(!result.diagnostics.contains { $0.severity == .error })
        let both = read("answers:\n  traffic.rps: 500\n  traffic.peak_rps: 600\n")
        expectDiagnostic(
            both.diagnostics,
            "'traffic.peak_rps' is answered twice: as 'traffic.rps' at line 2 and as 'traffic.peak_rps'; keep one",
            at: "answers.yaml:3:3")
    }

    @Test func valueNotAllowedListsTheAllowedOnes() {
        let result = read("answers:\n  service.kind: crud-api\n")
        expectDiagnostic(
            result.diagnostics, "'crud-api' is not an option; did you mean 'crud_api'?; allowed: crud_api, realtime",
            at: "answers.yaml:2:17")
        let multi = read("answers:\n  traffic.clients: [browsers, fax]\n")
        expectDiagnostic(multi.diagnostics, "allowed: browsers, mobile, services", at: "answers.yaml:2:31")
    }

    @Test func numberOutsideTheUsualRangeIsKeptWithAWarning() {
        // Possible but unusual (the interview asks to confirm such a number, then saves it): kept, and said.
        let result = read("answers:\n  traffic.peak_rps: 2000000\n")
        expectDiagnostic(
            result.diagnostics,
            "answer for 'traffic.peak_rps': 2000000 req/s is unusually high (the usual range is 0 to 1000000 req/s); "
                + "kept as written", at: "answers.yaml:2:21", severity: .warning)
        #expect(!result.diagnostics.contains { $0.severity == .error })
        #expect(result.answerSet.value(of: "traffic.peak_rps") == .number(2_000_000))
    }

    @Test func negativeNumber() {
        let result = read("answers:\n  traffic.peak_rps: -5\n")
        expectDiagnostic(result.diagnostics, "-5 is negative", at: "answers.yaml:2:21")
    }

    @Test func nonFiniteNumbers() {
        for text in [".inf", "-.inf", ".nan", "NaN"] {
            let result = read("answers:\n  traffic.peak_rps: \(text)\n")
            expectDiagnostic(result.diagnostics, "is not a finite number", at: "answers.yaml:2:21")
        }
        // A well-formed number beyond Double's range is "too large", not a number with the unit 'e999'.
        let huge = read("answers:\n  traffic.peak_rps: 1e999\n")
        expectDiagnostic(huge.diagnostics, "'1e999' is too large", at: "answers.yaml:2:21")
    }

    @Test func numberBeyond64Bits() {
        let result = read("answers:\n  service.realtime_clients: 123456789012345678901234567890\n")
        expectDiagnostic(
            result.diagnostics, "is too large; numbers up to 9,007,199,254,740,992 (2^53)", at: "answers.yaml:2:29")
    }

    @Test func unitTheQuestionDoesNotTake() {
        let result = read("answers:\n  traffic.peak_rps: 500 rpm\n")
        expectDiagnostic(
            result.diagnostics, "unit 'rpm' is not accepted here; this question takes 'req/s'", at: "answers.yaml:2:21")
    }

    @Test func answerToAQuestionNotAskedIsAWarning() {
        let result = read("answers:\n  service.kind: crud_api\n  service.realtime_clients: 100\n")
        #expect(!result.hasErrors)
        expectDiagnostic(
            result.diagnostics, "'service.realtime_clients' is only asked when service.kind == \"realtime\"",
            at: "answers.yaml:3:3", severity: .warning)
        // The default (crud_api) also makes the follow-up inapplicable.
        let byDefault = read("answers:\n  service.realtime_clients: 100\n")
        expectDiagnostic(byDefault.diagnostics, "does not hold", severity: .warning)
    }

    @Test func duplicateKeys() {
        let result = read("answers:\n  traffic.peak_rps: 5\n  traffic.peak_rps: 6\n")
        expectDiagnostic(result.diagnostics, "duplicate key 'traffic.peak_rps'")
        let top = read("service: a\nservice: b\n")
        expectDiagnostic(top.diagnostics, "duplicate key 'service'")
    }

    @Test func unknownTopLevelKeySuggests() {
        let result = read("anwsers:\n  traffic.peak_rps: 5\n")
        expectDiagnostic(
            result.diagnostics, "unknown key 'anwsers' in an answers file; did you mean 'answers'?",
            at: "answers.yaml:1:1")
    }

    @Test func binaryAndInvalidUTF8() {
        let binary = reader.read(data: Data([0x61, 0x00, 0x62, 0xFF]), displayPath: "answers.yaml")
        expectDiagnostic(binary.diagnostics, "binary file", at: "answers.yaml:1:1")
        #expect(!binary.isUnreadable)
        let latin1 = reader.read(data: Data([0x61, 0x3A, 0x20, 0xE9]), displayPath: "answers.yaml")
        expectDiagnostic(latin1.diagnostics, "not valid UTF-8")
    }

    @Test func tenMegabyteFileIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("answers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("big.yaml")
        try Data(repeating: UInt8(ascii: "#"), count: 10 << 20).write(to: url)
        let result = reader.read(fileAt: url, displayPath: "big.yaml")
        expectDiagnostic(result.diagnostics, "the answers file is too large (10485760 bytes", at: "big.yaml:1:1")
        #expect(!result.isUnreadable)
    }

    /// A missing answers file whose folder holds a close name ("jwt-login-api.yml" for ".yaml") gets a "did you
    /// mean" with the folder as the user wrote it; a name close to nothing gets none.
    @Test func aMissingFileSuggestsACloseNameInItsFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("answers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("answers: {}\n".utf8).write(to: folder.appendingPathComponent("jwt-login-api.yaml"))
        let typo = reader.read(
            fileAt: folder.appendingPathComponent("jwt-login-api.yml"), displayPath: "examples/jwt-login-api.yml")
        #expect(typo.isUnreadable)
        expectDiagnostic(
            typo.diagnostics, "no such file; did you mean 'examples/jwt-login-api.yaml'?",
            at: "examples/jwt-login-api.yml:1:1")
        let unrelated = reader.read(fileAt: folder.appendingPathComponent("zzz.json"), displayPath: "zzz.json")
        #expect(unrelated.diagnostics.allSatisfy { !$0.message.contains("did you mean") })
    }

    @Test func missingFileAndFolderAreUnreadable() throws {
        let missing = reader.read(fileAt: URL(fileURLWithPath: "/nonexistent/a.yaml"), displayPath: "a.yaml")
        #expect(missing.isUnreadable)
        expectDiagnostic(missing.diagnostics, "no such file")
        let folder = reader.read(fileAt: FileManager.default.temporaryDirectory, displayPath: "tmp")
        #expect(folder.isUnreadable)
        expectDiagnostic(folder.diagnostics, "it is a folder")
    }

    @Test func wrongShapes() {
        expectDiagnostic(read("- a\n- b\n").diagnostics, "an answers file must be a mapping")
        expectDiagnostic(read("answers: [1, 2]\n").diagnostics, "'answers' must map question ids to answers")
        expectDiagnostic(
            read("answers:\n  traffic.peak_rps: { value: 5, notSure: true }\n").diagnostics, "has both a value")
        expectDiagnostic(
            read("answers:\n  service.kind: { notSure: true }\n").diagnostics, "does not accept 'not sure'")
        expectDiagnostic(read("answers:\n  traffic.peak_rps: { valeu: 5 }\n").diagnostics, "did you mean 'value'?")
        expectDiagnostic(read("version: 2\n").diagnostics, "unsupported answers-file version '2'")
        expectDiagnostic(read("answers:\n  traffic.public: maybe\n").diagnostics, "expected yes or no, found 'maybe'")
    }

    @Test func acceptedRisksAreChecked() {
        let result = read(
            """
            acceptedRisks:
              - { finding: no-rate-limit }
              - { finding: no-rate-limt, reason: typo }
              - { finding: no-rate-limit, reason: twice, date: 2025-02-30 }
            """)
        expectDiagnostic(
            result.diagnostics, "an accepted risk is missing required key 'reason'", at: "answers.yaml:2:5")
        expectDiagnostic(
            result.diagnostics, "unknown finding 'no-rate-limt'; did you mean 'no-rate-limit'?", severity: .warning)
        expectDiagnostic(result.diagnostics, "'date' must be a date written YYYY-MM-DD, found '2025-02-30'")
    }

    @Test func unknownChecklistItemIsAWarningWithSuggestion() {
        let result = read("checklistDone: [data.backup]\n")
        #expect(!result.hasErrors)
        expectDiagnostic(
            result.diagnostics, "unknown checklist item 'data.backup'; did you mean 'data.backups'?",
            at: "answers.yaml:1:17", severity: .warning)
    }
}
