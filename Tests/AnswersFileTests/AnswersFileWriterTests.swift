import AnswersFile
import KnowledgeModel
import StackwiseTestSupport
import Testing

@Suite struct AnswersFileWriterTests {
    let writer = AnswersFileWriter(knowledgeBase: testKnowledgeBase)
    let reader = AnswersFileReader(knowledgeBase: testKnowledgeBase)

    var sample: AnswerSet {
        var set = AnswerSet(serviceName: "pay\"ments\n<script>")
        set.set("traffic.peak_rps", to: .number(1500.5))
        set.set("service.kind", to: .choice("realtime"))
        set.set("traffic.public", to: .bool(false))
        set.set("traffic.clients", to: .choices(["mobile", "browsers"]))
        set.set("service.owner", to: .text("yes"))
        set.answers["service.owner"]?.note = "tab\there \\ and \u{1B}[31m"
        set.markNotSure("service.realtime_clients")
        set.answers["service.realtime_clients"]?.origin = "detected"
        set.checklistDone = ["data.backups"]
        set.acceptedRisks = [
            AcceptedRisk(findingID: "no-rate-limit", reason: "gateway: limits", by: "Ana", date: "2025-03-01")
        ]
        return set
    }

    @Test func roundTripsExactly() {
        let text = writer.yaml(for: sample)
        let result = reader.read(text: text, displayPath: "session.yaml")
        #expect(!result.hasErrors, "\(result.diagnostics)\n\(text)")
        #expect(result.answerSet == sample, "\(text)")
    }

    @Test func isDeterministicAndOrderedLikeTheInterview() {
        let first = writer.yaml(for: sample)
        #expect(first == writer.yaml(for: sample))
        let kind = first.range(of: "service.kind:")!.lowerBound
        let owner = first.range(of: "service.owner:")!.lowerBound
        let rps = first.range(of: "traffic.peak_rps:")!.lowerBound
        #expect(kind < owner && owner < rps)
        #expect(first.contains("  # What peak request rate do you expect?\n  traffic.peak_rps: 1500.5\n"))
        #expect(first.contains("  # --- Traffic ---"))
        #expect(first.contains("service.owner:\n    value: \"yes\"\n"))
        #expect(!first.contains("\u{1B}"))
    }

    @Test func emptySetIsValid() {
        let text = writer.yaml(for: AnswerSet())
        let result = reader.read(text: text, displayPath: "a.yaml")
        #expect(result.diagnostics.isEmpty)
        #expect(result.answerSet == AnswerSet())
    }

    @Test func quotingKeepsReservedWordsAsText() {
        #expect(YAMLText.scalar("yes") == "\"yes\"")
        #expect(YAMLText.scalar("null") == "\"null\"")
        #expect(YAMLText.scalar("crud_api") == "crud_api")
        #expect(YAMLText.scalar("1x") == "\"1x\"")
        #expect(YAMLText.quoted("a\u{2028}b") == "\"a\\u2028b\"")
    }
}

@Suite struct AnswerOverridesTests {
    @Test func overridesReplaceValuesAndKeepNotes() {
        var set = AnswerSet()
        set.set("traffic.peak_rps", to: .number(5))
        set.answers["traffic.peak_rps"]?.note = "guess"
        let diagnostics = AnswerOverrides.apply(
            ["traffic.peak_rps=700 req/s", "traffic.clients=browsers,services"], to: &set,
            knowledgeBase: testKnowledgeBase)
        #expect(diagnostics.isEmpty)
        #expect(set.value(of: "traffic.peak_rps") == .number(700))
        #expect(set.answers["traffic.peak_rps"]?.note == "guess")
        #expect(set.value(of: "traffic.clients") == .choices(["browsers", "services"]))
    }

    @Test func conflictingSetIsAnErrorAndChangesNothing() {
        var set = AnswerSet()
        let diagnostics = AnswerOverrides.apply(
            ["traffic.peak_rps=5", "traffic.peak_rps=6"], to: &set, knowledgeBase: testKnowledgeBase)
        expectDiagnostic(diagnostics, "--set gives 'traffic.peak_rps' two different values ('5' and '6')")
        #expect(set == AnswerSet())
        var same = AnswerSet()
        #expect(
            AnswerOverrides.apply(
                ["traffic.public=yes", "traffic.public=yes"], to: &same, knowledgeBase: testKnowledgeBase
            ).isEmpty)
    }

    @Test func aRenamedQuestionsFormerIdIsSetWithAWarning() {
        var set = AnswerSet()
        let diagnostics = AnswerOverrides.apply(["traffic.rps=700"], to: &set, knowledgeBase: testKnowledgeBase)
        expectDiagnostic(
            diagnostics, "'traffic.rps' is now 'traffic.peak_rps'; set as traffic.peak_rps", severity: .warning)
        #expect(set.value(of: "traffic.peak_rps") == .number(700))
    }

    @Test func badAssignments() {
        var set = AnswerSet()
        let diagnostics = AnswerOverrides.apply(
            ["traffic.peak", "traffic.peek_rps=5", "service.kind=crud", "service.kind=not-sure"], to: &set,
            knowledgeBase: testKnowledgeBase)
        expectDiagnostic(diagnostics, "expected question-id=value")
        expectDiagnostic(diagnostics, "unknown question 'traffic.peek_rps'; did you mean 'traffic.peak_rps'?")
        expectDiagnostic(diagnostics, "allowed: crud_api, realtime")
    }
}

/// `--set` values and numbers as people write them (issue 17, item 7).
@Suite struct AnswerNotationTests {
    @Test func listSyntaxAndNotSureSpelledWithASpace() {
        var set = AnswerSet()
        let diagnostics = AnswerOverrides.apply(
            ["traffic.clients=[browsers, mobile]", "traffic.peak_rps=not sure"], to: &set,
            knowledgeBase: testKnowledgeBase)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(set.value(of: "traffic.clients") == .choices(["browsers", "mobile"]))
        #expect(set.answers["traffic.peak_rps"]?.notSure == true)
    }

    @Test(arguments: [
        ("1,000", "'1,000': write the number without separators (1000 or 1_000)"),
        ("2k", "'2k': write the number in full (2000); multipliers such as k and M are not read"),
        ("1e400", "'1e400' is too large; numbers up to 9,007,199,254,740,992 (2^53) are accepted"),
        ("1000000000000000000", "is too large; numbers up to 9,007,199,254,740,992 (2^53) are accepted"),
    ])
    func numbersGetAMessageThatNamesTheRealProblem(_ value: String, _ message: String) {
        var set = AnswerSet()
        let diagnostics = AnswerOverrides.apply(
            ["traffic.peak_rps=\(value)"], to: &set, knowledgeBase: testKnowledgeBase)
        expectDiagnostic(diagnostics, message)
        #expect(!diagnostics.contains { $0.message.contains("unit") || $0.message.contains("64-bit") })
    }

    @Test func controlCharactersInASetValueAreRefused() {
        var set = AnswerSet()
        let diagnostics = AnswerOverrides.apply(
            ["service.owner=pay\u{202E}ments"], to: &set, knowledgeBase: testKnowledgeBase)
        expectDiagnostic(diagnostics, "--set 'service.owner': the value contains U+202E (bidirectional control)")
        #expect(set == AnswerSet())
    }
}
