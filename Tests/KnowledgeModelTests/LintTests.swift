import EmbeddedKnowledgeBase
import Foundation
import KnowledgeModel
import StackwiseTestSupport
import Testing

@Suite struct LintTests {
    @Test func shippedKnowledgeBaseIsClean() {
        let base = KnowledgeBaseLayer(wholeOf: StackwiseKnowledge.embedded, name: "KnowledgeBase")
        // Claims still waiting for a section source are counted by ClaimSourceLintTests.
        let diagnostics = KnowledgeBaseBuilder.build(layers: [base]).1.filter {
            !$0.isUnsourcedClaim
        }
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
    }

    @Test func unknownKeyWithDidYouMean() {
        let diagnostics = lintOverlay(
            """
            rules:
              - id: org.x
                when: data.typescript
                becuase: typed
                score: { data_access.prisma: 1 }
            """)
        expectDiagnostic(
            diagnostics, "unknown key 'becuase' in a rule; did you mean 'because'?", at: "overlay/test.yaml:4:5")
    }

    @Test func misspelledWeightKey() {
        let diagnostics = lintOverlay(
            """
            rules:
              - id: org.q
                when: data.typescript
                because: typed
                score:
                  - { option: data_access.prisma, wieght: 3 }
            """)
        expectDiagnostic(
            diagnostics, "unknown key 'wieght' in a score entry; did you mean 'weight'?", at: "overlay/test.yaml:6:39")
    }

    @Test func malformedYAMLHasAPosition() {
        let diagnostics = lintOverlay("rules:\n  - id: x\n    when: [unclosed\n")
        expectDiagnostic(diagnostics, "YAML syntax error", at: "overlay/test.yaml:4:1")
    }

    @Test func wrongValueTypes() {
        let diagnostics = lintOverlay(
            """
            checklist:
              - id: org.item
                text: [not, text]
                category: securty
                priority: urgent
            """)
        expectDiagnostic(diagnostics, "'text' must be text, found a list", at: "overlay/test.yaml:3:11")
        expectDiagnostic(diagnostics, "'category' must be one of", at: "overlay/test.yaml:4:15")
        expectDiagnostic(diagnostics, "did you mean 'security'?")
        expectDiagnostic(diagnostics, "'priority' must be one of low, medium, high, found 'urgent'")
    }

    @Test func duplicateIDsInOneFileAndAgainstTheBase() {
        let diagnostics = lintOverlay(
            """
            rules:
              - id: database.relational-data
                when: data.typescript
                because: again
                score: { database.postgresql: 1 }
            """)
        expectDiagnostic(
            diagnostics,
            "duplicate rule id 'database.relational-data' (first defined at base/kb.yaml:",
            at: "overlay/test.yaml:2:5")
        expectDiagnostic(diagnostics, "add 'override: true'")
    }

    @Test func duplicateMappingKey() {
        let diagnostics = lintOverlay("rules:\n  - id: a\n    id: b\n")
        expectDiagnostic(diagnostics, "duplicate key 'id'")
    }

    @Test func overrideReplacesABaseRule() {
        let diagnostics = lintOverlay(
            """
            rules:
              - id: database.relational-data
                override: true
                when: data.shape == "relational"
                because: We weigh PostgreSQL even more.
                sources: [postgresql-docs-transactions]
                score: { database.postgresql: 5 }
            """)
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.description))")
    }

    @Test func removeDropsBaseRulesAndChecklistItems() {
        let (layer, loadDiagnostics) = KnowledgeBaseLoader().loadLayer(
            name: "overlay",
            files: [
                (
                    "overlay/test.yaml",
                    "remove:\n  rules: [database.documents]\n  checklist: [data.backups-restore-tested]\n"
                )
            ])
        let (kb, diagnostics) = KnowledgeBaseBuilder.build(
            layers: [fixtureBase, layer], loadDiagnostics: loadDiagnostics)
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.description))")
        #expect(kb.rule("database.documents") == nil)
        #expect(kb.rule("database.relational-data") != nil)
        #expect(kb.checklistItem("data.backups-restore-tested") == nil)
    }

    @Test func removingAnUnknownRuleIsAPositionedError() {
        let diagnostics = lintOverlay("remove:\n  rules: [database.relational-dat]\n")
        expectDiagnostic(
            diagnostics,
            "cannot remove 'database.relational-dat': no such rule; did you mean 'database.relational-data'?",
            at: "overlay/test.yaml:2:10")
    }

    @Test func danglingReferences() {
        let diagnostics = lintOverlay(
            """
            rules:
              - id: org.dangling
                when: data.typescript
                because: x
                sources: [prisma-doc]
                score: { database.postgress: 1, databse.mysql: 2 }
                include: [data.backup-tested]
            """)
        expectDiagnostic(
            diagnostics, "decision 'database' has no option 'postgress'; did you mean 'postgresql'?",
            at: "overlay/test.yaml:6:14")
        expectDiagnostic(diagnostics, "unknown decision 'databse'; did you mean 'database'?")
        expectDiagnostic(diagnostics, "unknown source 'prisma-doc'; did you mean 'prisma-docs'?")
        expectDiagnostic(diagnostics, "unknown checklist item 'data.backup-tested'")
    }

    @Test func conditionSyntaxErrorHasExactColumn() {
        let diagnostics = lintOverlay(
            """
            rules:
              - id: org.bad
                when: data.typescript and and
                because: x
                score: { database.postgresql: 1 }
            """)
        expectDiagnostic(diagnostics, "bad condition: expected a value but found 'and'", at: "overlay/test.yaml:3:31")
    }

    @Test func aFortyThousandTermConditionIsAPositionedErrorNotACrash() {
        // Issue 17 item 1: this crashed `kb lint` with SIGSEGV in the type checker.
        let chain = Array(repeating: "data.typescript", count: 40_000).joined(separator: " and ")
        let diagnostics = lintOverlay(
            """
            rules:
              - id: org.long
                when: \(chain)
                because: x
                score: { database.postgresql: 1 }
            """)
        // Token 10,001 is the 5,001st `data.typescript` (ids and `and`s alternate): 5,000 ids of 15 characters
        // plus 5,000 separators of 5 characters from column 11.
        expectDiagnostic(
            diagnostics, "bad condition: the condition is too long: more than 10000 tokens",
            at: "overlay/test.yaml:3:\(11 + 5_000 * 20)")
    }

    @Test func interpolationsContradictionsAndExclusiveOptionsAreLinted() {
        let diagnostics = lintOverlay(
            """
            rules:
              - id: org.capacity
                when: data.shape == "relational"
                because: "Over by {data.typscript * 2} and {data.shape}."
                score: { database.postgresql: 1 }
            contradictions:
              - id: org.contra
                when: data.shape > 3
                message: m
                overide: true
            questions:
              - id: data.kind
                section: data
                prompt: P
                help: H
                type: single
                options: [{ id: none, label: None, description: D, exclusive: true }, { id: a, label: A, description: D }]
            """)
        expectDiagnostic(
            diagnostics,
            "bad interpolation in 'because': unknown question 'data.typscript'; did you mean 'data.typescript'?",
            at: "overlay/test.yaml:4:24")
        expectDiagnostic(
            diagnostics,
            "bad interpolation in 'because': an interpolation must be a number, but this is a single choice (question 'data.shape')",
            at: "overlay/test.yaml:4:49")
        expectDiagnostic(
            diagnostics, "'>' compares numbers, but one side is a single choice (question 'data.shape')",
            at: "overlay/test.yaml:8:22")
        expectDiagnostic(
            diagnostics, "unknown key 'overide' in a contradiction; did you mean 'override'?",
            at: "overlay/test.yaml:10:5")
        expectDiagnostic(diagnostics, "option 'none' of 'data.kind' is marked 'exclusive', but only a multiple-choice")
    }

    @Test func interpolationFollowedByItsOwnUnitIsAWarning() {
        let diagnostics = lintOverlay(
            """
            questions:
              - { id: data.p99, section: data, prompt: P, help: H, type: number, unit: ms, range: [1, 1000] }
            rules:
              - id: org.unit
                when: data.p99 < 100
                because: "A p99 of {data.p99} ms is tight; {data.p99} is what the answers say, {data.p99 * 2} ms."
                score: { database.postgresql: 1 }
            """)
        let repeated = diagnostics.filter { $0.message.contains("already shows its unit 'ms'") }
        #expect(repeated.count == 2, "\(diagnostics)")
        #expect(repeated.allSatisfy { $0.severity == .warning })
        expectDiagnostic(
            diagnostics,
            "interpolation in 'because' already shows its unit 'ms', and the text repeats it: remove the word after the braces",
            at: "overlay/test.yaml:6:25", severity: .warning)
    }

    @Test func conditionTypeErrors() {
        let diagnostics = lintOverlay(
            """
            rules:
              - id: org.types
                when: data.typescript > 3
                because: x
                score: { database.postgresql: 1 }
              - id: org.option
                when: data.shape == "graph"
                because: x
                score: { database.postgresql: 1 }
            """)
        expectDiagnostic(diagnostics, "'>' compares numbers, but one side is a yes/no", at: "overlay/test.yaml:3:27")
        expectDiagnostic(diagnostics, "question 'data.shape' has no option 'graph'", at: "overlay/test.yaml:7:25")
    }

    @Test func unusedOptionAndUnreadQuestionAreWarnings() {
        let diagnostics = lintOverlay(
            """
            questions:
              - id: org.unread
                section: data
                prompt: Unread?
                help: Nobody reads this.
                type: yesno
            decisions:
              - id: database
                extend: true
                options:
                  - id: cockroachdb
                    name: CockroachDB
                    summary: Distributed SQL.
                    sources: [postgresql-docs-transactions]
            """)
        expectDiagnostic(diagnostics, "no rule ever favours option 'database.cockroachdb'", severity: .warning)
        expectDiagnostic(diagnostics, "no rule or condition reads question 'org.unread'", severity: .warning)
    }

    /// A former id must not shadow a current question, nor belong to two questions (which would an old answer be?).
    @Test func formerIdsAreUnambiguous() {
        let diagnostics = lintOverlay(
            """
            questions:
              - { id: org.one, section: data, prompt: One?, help: H, type: yesno, formerly: [data.typescript, org.old] }
              - { id: org.two, section: data, prompt: Two?, help: H, type: yesno, formerly: [org.old] }
            rules:
              - { id: org.reads, when: org.one and org.two, because: x, score: { database.postgresql: 1 } }
            """)
        expectDiagnostic(
            diagnostics, "question 'org.one' lists 'data.typescript' under 'formerly', but a question still has that id"
        )
        expectDiagnostic(diagnostics, "'org.old' is the former id of both 'org.one' and 'org.two'")
    }

    @Test func impossibleDecisionFromConstraints() {
        let diagnostics = lintOverlay(
            """
            decisions:
              - id: org_a
                title: A
                problem: P
                options:
                  - id: one
                    name: One
                    summary: S
                    sources: [prisma-docs]
                    requires: [{ decision: org_b, anyOf: [x], reason: R }]
                  - id: two
                    name: Two
                    summary: S
                    sources: [prisma-docs]
                    requires: [{ decision: org_b, anyOf: [x], reason: R }]
              - id: org_b
                title: B
                problem: P
                options:
                  - id: x
                    name: X
                    summary: S
                    sources: [prisma-docs]
                    requires: [{ decision: org_a, anyOf: [], reason: R }]
                  - id: y
                    name: Y
                    summary: S
                    sources: [prisma-docs]
            """)
        expectDiagnostic(diagnostics, "compatibility constraints make decision 'org_a' impossible")
    }

    @Test func anOptionConflictingWithItselfOrItsOwnDecisionIsReported() {
        // Both were dropped silently: conflicts only ever link two different decisions.
        let diagnostics = lintOverlay(
            """
            decisions:
              - id: org_a
                title: A
                problem: P
                options:
                  - id: one
                    name: One
                    summary: S
                    sources: [prisma-docs]
                    conflicts:
                      - { option: org_a.one, reason: R }
                      - { option: org_a.two, reason: R }
                      - { option: database.mongodb, reason: R }
                  - { id: two, name: Two, summary: S, sources: [prisma-docs] }
            """)
        expectDiagnostic(
            diagnostics, "option 'org_a.one' lists itself under conflicts", at: "overlay/test.yaml:11:13")
        expectDiagnostic(
            diagnostics, "option 'org_a.one' conflicts with 'org_a.two' of the same decision, which has no effect",
            at: "overlay/test.yaml:12:13", severity: .warning)
        #expect(!diagnostics.contains { $0.description.contains("database.mongodb") })
    }

    @Test func askIfCycle() {
        let diagnostics = lintOverlay(
            """
            questions:
              - { id: org.a, section: data, prompt: A, help: H, type: yesno, askIf: org.b }
              - { id: org.b, section: data, prompt: B, help: H, type: yesno, askIf: org.a }
            """)
        expectDiagnostic(diagnostics, "askIf conditions form a cycle")
    }

    @Test func emptyFile() {
        expectDiagnostic(lintOverlay(""), "the file is empty", at: "overlay/test.yaml:1:1")
    }

    @Test func hugeFileIsRefused() {
        let big = "# " + String(repeating: "x", count: 9 << 20)
        expectDiagnostic(lintOverlay(big), "too large")
    }

    @Test func exponentialAliasesAreRefused() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(refs)]\n"
        }
        expectDiagnostic(lintOverlay(yaml), "expands to more than")
    }

    @Test func deepNestingIsRefused() {
        let yaml = "rules: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        expectDiagnostic(lintOverlay(yaml), "nesting is deeper than")
    }

    @Test func binaryFileIsRefused() throws {
        let (_, diagnostics) = KnowledgeBaseLoader().loadLayer(name: "o", files: [])
        #expect(diagnostics.isEmpty)
        var reader = YAMLReader()
        reader.maximumBytes = 1024
        #expect(throws: DiagnosticsError.self) { try reader.read(data: Data([0, 1, 2]), displayPath: "b.yaml") }
    }
}

/// Pros and cons are written into MADR records after "Good, because" / "Bad, because".
@Suite struct RecordWordingLintTests {
    @Test func aProOrConThatRepeatsTheRecordsOwnWordsIsAWarningAtThePhrase() {
        let diagnostics = lintOverlay(
            """
            decisions:
              - id: storage
                title: Storage
                problem: P
                options:
                  - id: sqlite
                    name: SQLite
                    summary: S
                    sources: [prisma-docs]
                    pros:
                      - Good, because it is a single file.
                      - Runs in process.
                    cons: ["Bad because writers queue."]
            """)
        expectDiagnostic(
            diagnostics,
            "pros of option 'sqlite' starts with 'Good, because'; records write 'Good, because' before it: "
                + "write the reason alone", at: "overlay/test.yaml:11:13", severity: .warning)
        expectDiagnostic(
            diagnostics,
            "cons of option 'sqlite' starts with 'Bad because'; records write 'Bad, because' before it: "
                + "write the reason alone", at: "overlay/test.yaml:13:16", severity: .warning)
        #expect(diagnostics.filter { $0.message.contains("records write") }.count == 2, "the plain pro is fine")
    }
}
