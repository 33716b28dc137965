import KnowledgeModel
import StackwiseTestSupport
import Testing

/// Every error of a condition is reported at its own column (one-line conditions) or at the condition's start
/// (conditions written over several lines), however many errors it has.
@Suite struct ConditionPositionTests {
    @Test func eachUnknownQuestionOfAOneLineConditionAtItsColumn() {
        let unknown = (0..<300).map { "data.unknown\($0)" }.joined(separator: " or ")
        let diagnostics = lintOverlay(
            """
            rules:
              - id: org.many
                when: \(unknown)
                because: Many.
                sources: [prisma-docs]
                score: { data_access.prisma: 1 }
            """)
        let errors = diagnostics.filter { $0.description.contains("unknown question 'data.unknown") }
        #expect(errors.count == 300)
        // "    when: " is 10 characters: the first id starts in column 11, each next one 17 further on while the ids are 13 characters.
        expectDiagnostic(diagnostics, "unknown question 'data.unknown0'", at: "overlay/test.yaml:3:11")
        expectDiagnostic(diagnostics, "unknown question 'data.unknown1'", at: "overlay/test.yaml:3:28")
        expectDiagnostic(diagnostics, "unknown question 'data.unknown10'", at: "overlay/test.yaml:3:181")
    }

    @Test func aConditionOverSeveralLinesReportsAtItsStart() {
        let diagnostics = lintOverlay(
            """
            rules:
              - id: org.folded
                when: >-
                  data.first_unknown or
                  data.second_unknown
                because: Folded.
                sources: [prisma-docs]
                score: { data_access.prisma: 1 }
            """)
        expectDiagnostic(diagnostics, "unknown question 'data.first_unknown'", at: "overlay/test.yaml:3:12")
        expectDiagnostic(diagnostics, "unknown question 'data.second_unknown'", at: "overlay/test.yaml:3:12")
    }
}
