import AnswersFile
import KnowledgeModel
import Testing

/// Saving into a file someone wrote changes only the answers that changed (issue 14).
@Suite struct AnswersFileEditorTests {
    let editor = AnswersFileEditor(knowledgeBase: testKnowledgeBase)
    let reader = AnswersFileReader(knowledgeBase: testKnowledgeBase)

    let handWritten = """
        # Payments: agreed with the team on Monday
        version: 1
        service: payments   # Jira name
        answers:
          # kind first
          service.kind: crud_api   # for now
          removed.question: 3   # an older knowledge base had it
          traffic.peak_rps: lots
          traffic.clients: [browsers]

        # done so far
        checklistDone: [data.backups, from-another-kb]
        acceptedRisks:
          - { finding: no-rate-limit, reason: "gateway limits", by: Ana }
          - { finding: unknown-finding, reason: "kept" }
        owner: Ana   # not a Stackwise key

        """

    private func understood(_ text: String) -> AnswerSet { reader.read(text: text, displayPath: "f.yaml").answerSet }

    /// An answer under a renamed question's former id stays as written until it changes; then its line is rewritten
    /// under the current id (never a second entry that the reader would reject as answered twice).
    @Test func aChangedAnswerUnderAFormerIdIsRenamedInPlace() throws {
        let text = "answers:\n  traffic.rps: 500   # measured in May\n  traffic.public: true\n"
        let original = understood(text)
        #expect(editor.edit(text, from: original, to: original) == text)
        var updated = original
        updated.set("traffic.peak_rps", to: .number(800))
        let edited = try #require(editor.edit(text, from: original, to: updated))
        #expect(edited == "answers:\n  traffic.peak_rps: 800\n  traffic.public: true\n")
        #expect(reader.read(text: edited, displayPath: "f.yaml").diagnostics.isEmpty)
    }

    @Test func noChangeIsNoEdit() throws {
        let original = understood(handWritten)
        #expect(editor.edit(handWritten, from: original, to: original) == handWritten)
    }

    @Test func changedAddedAndRemovedAnswersTouchOnlyTheirLines() throws {
        let original = understood(handWritten)
        var updated = original
        updated.set("service.kind", to: .choice("realtime"))
        updated.set("traffic.public", to: .bool(true))
        updated.answers["traffic.clients"] = nil
        updated.checklistDone = []
        let edited = try #require(editor.edit(handWritten, from: original, to: updated))
        let expected = """
            # Payments: agreed with the team on Monday
            version: 1
            service: payments   # Jira name
            answers:
              # kind first
              service.kind: realtime
              removed.question: 3   # an older knowledge base had it
              traffic.peak_rps: lots
              # Public?
              traffic.public: true

            # done so far
            checklistDone:
              - from-another-kb
            acceptedRisks:
              - { finding: no-rate-limit, reason: "gateway limits", by: Ana }
              - { finding: unknown-finding, reason: "kept" }
            owner: Ana   # not a Stackwise key

            """
        #expect(edited == expected.replacingOccurrences(of: "# Public?", with: "# \(promptOf("traffic.public"))"))
        let reread = understood(edited)
        #expect(reread.answers == updated.answers)
        #expect(reread.checklistDone == updated.checklistDone)
    }

    @Test func acceptedRisksAndServiceAreEditedInPlace() throws {
        let original = understood(handWritten)
        var updated = original
        updated.serviceName = "payments-api"
        updated.acceptedRisks = updated.acceptedRisks.filter { $0.findingID != "no-rate-limit" }
        let edited = try #require(editor.edit(handWritten, from: original, to: updated))
        #expect(edited.contains("service: \"payments-api\"\n"))
        #expect(!edited.contains("no-rate-limit"))
        #expect(edited.contains("  - { finding: unknown-finding, reason: \"kept\" }\n"))
        #expect(edited.contains("owner: Ana   # not a Stackwise key\n"))
        var accepted = original
        accepted.acceptedRisks = [AcceptedRisk(findingID: "no-rate-limit", reason: "behind a gateway", by: "Bo")]
        let replaced = try #require(editor.edit(handWritten, from: original, to: accepted))
        #expect(replaced.contains("  - finding: no-rate-limit\n    reason: \"behind a gateway\"\n    by: \"Bo\"\n"))
        #expect(understood(replaced).acceptedRisks.contains { $0.reason == "behind a gateway" })
    }

    @Test func aFileWithoutAnswersGainsABlockAndCRLFIsKept() throws {
        let text = "# mine\r\nversion: 1\r\nanswers: {}\r\n"
        var updated = AnswerSet()
        updated.set("service.kind", to: .choice("crud_api"))
        let edited = try #require(editor.edit(text, from: AnswerSet(), to: updated))
        #expect(edited.hasPrefix("# mine\r\nversion: 1\r\nanswers:\r\n"))
        #expect(edited.contains("  service.kind: crud_api\r\n"))
        #expect(understood(edited.replacingOccurrences(of: "\r\n", with: "\n")).answers == updated.answers)
    }

    @Test func layoutsItCannotEditAreLeftToTheWriter() {
        var updated = AnswerSet()
        updated.set("service.kind", to: .choice("crud_api"))
        #expect(editor.edit("{\"version\": 1, \"answers\": {}}\n", from: AnswerSet(), to: updated) == nil)
        #expect(editor.edit("answers: {traffic.public: true}\n", from: AnswerSet(), to: updated) == nil)
    }

    @Test func proposalsAreWrittenIntoTheFile() throws {
        let original = understood(handWritten)
        var updated = original
        updated.proposed = ["database": ["sqlite"]]
        let edited = try #require(editor.edit(handWritten, from: original, to: updated))
        #expect(edited.contains("proposed:\n  database: sqlite\n"))
        #expect(understood(edited).proposed == ["database": ["sqlite"]])
        #expect(edited.contains("owner: Ana   # not a Stackwise key\n"))
        var cleared = understood(edited)
        cleared.proposed = [:]
        let back = try #require(editor.edit(edited, from: understood(edited), to: cleared))
        #expect(!back.contains("database: sqlite"))
    }

    private func promptOf(_ id: String) -> String { testKnowledgeBase.question(id)?.prompt ?? id }
}
