import AnswersFile
import KnowledgeModel
import StackwiseTestSupport
import Testing

/// `proposed:` in answers files and `--propose DECISION=OPTION`: checked with positions and "did you mean".
@Suite struct ProposalsTests {
    let reader = AnswersFileReader(knowledgeBase: testKnowledgeBase)

    func read(_ text: String) -> AnswersFileResult { reader.read(text: text, displayPath: "answers.yaml") }

    @Test func readsAndWritesProposals() {
        let result = read(
            """
            version: 1
            proposed:
              database: sqlite
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.answerSet.proposed == ["database": ["sqlite"]])
        let written = AnswersFileWriter(knowledgeBase: testKnowledgeBase).yaml(for: result.answerSet)
        #expect(written.contains("proposed:\n  database: sqlite\n"))
        #expect(read(written).answerSet == result.answerSet)
    }

    @Test func unknownDecisionsAndOptionsArePositionedWithSuggestions() {
        let unknownDecision = read("version: 1\nproposed:\n  databse: sqlite\n")
        expectDiagnostic(
            unknownDecision.diagnostics, "unknown decision 'databse'; did you mean 'database'?", at: "answers.yaml:3:3")
        let unknownOption = read("version: 1\nproposed:\n  database: sqlit\n")
        expectDiagnostic(
            unknownOption.diagnostics, "decision 'database' has no option 'sqlit'; did you mean 'sqlite'?",
            at: "answers.yaml:3:13")
        #expect(unknownOption.answerSet.proposed.isEmpty)
    }

    @Test func twoOptionsForADecisionWithoutComplementsAreAnError() {
        let result = read("version: 1\nproposed:\n  database: [postgresql, sqlite]\n")
        expectDiagnostic(
            result.diagnostics, "decision 'database' takes one proposed option, found 'postgresql' and 'sqlite'",
            at: "answers.yaml:3:13")
        let notAMapping = read("version: 1\nproposed: [database]\n")
        expectDiagnostic(notAMapping.diagnostics, "'proposed' must map decision ids", at: "answers.yaml:2:11")
    }

    @Test func commandLineProposalsReplaceTheFilesAndReportMistakes() {
        var answers = AnswerSet(proposed: ["database": ["postgresql"]])
        #expect(Proposals.apply(["database=sqlite"], to: &answers, knowledgeBase: testKnowledgeBase).isEmpty)
        #expect(answers.proposed == ["database": ["sqlite"]])
        let bad = Proposals.apply(["databse=sqlite", "nothing"], to: &answers, knowledgeBase: testKnowledgeBase)
        #expect(bad.map(\.message).contains { $0.contains("did you mean 'database'?") })
        #expect(bad.map(\.message).contains { $0.contains("expected DECISION=OPTION") })
        #expect(answers.proposed == ["database": ["sqlite"]])
    }
}
