import EmbeddedKnowledgeBase
import Foundation
import KnowledgeModel
import RuleLanguage
import Testing

/// The compact binary form the knowledge base is embedded in: it gives back exactly what was written, and a
/// damaged payload is reported, never crashed on.
@Suite struct BinaryFormatTests {
    /// The shipped `KnowledgeBase/` folder, loaded from its YAML the way KBEmbed loads it.
    static let shipped: KnowledgeBase = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("KnowledgeBase")
        let (layer, loadDiagnostics) = KnowledgeBaseLoader().loadLayer(folder: folder, displayPrefix: "KnowledgeBase")
        return KnowledgeBaseBuilder.build(layers: [layer], loadDiagnostics: loadDiagnostics).0
    }()

    @Test func theShippedKnowledgeBaseReadsBackEqual() throws {
        let kb = Self.shipped
        #expect(kb.rules.count > 0 && kb.questions.count > 0 && kb.checklist.count > 0)
        let decoded = try KnowledgeBaseBinary.decode(KnowledgeBaseBinary.encode(kb))
        #expect(decoded == kb)
        #expect(expressions(of: decoded) == expressions(of: kb))
    }

    @Test func theEmbeddedKnowledgeBaseIsTheShippedOne() {
        // Covers the whole path: KBEmbed's encoding, the string literal it generates, and the reader.
        #expect(StackwiseKnowledge.embedded == Self.shipped)
        #expect(expressions(of: StackwiseKnowledge.embedded) == expressions(of: Self.shipped))
    }

    /// The embedded knowledge base's strings are string literals compiled beside the payload; they are its table.
    @Test func theCompiledStringTableIsThePayloadsTable() throws {
        let payload = StackwiseKnowledge.embeddedPayload
        #expect(try KnowledgeBaseBinary.stringTable(payload) == StackwiseKnowledge.embeddedStrings)
        #expect(StackwiseKnowledge.embeddedStrings.count > 1000)
    }

    /// A table given in advance must match the payload's own in count and every length; any mismatch is reported.
    @Test func aGivenStringTableMustMatchThePayloads() throws {
        let kb = try everyFieldKnowledgeBase()
        let payload = KnowledgeBaseBinary.encode(kb)
        let table = try KnowledgeBaseBinary.stringTable(payload)
        let read = try payload.withUnsafeBufferPointer { try KnowledgeBaseBinary.decode($0, strings: table) }
        #expect(read == kb)
        #expect(read.rules.map(\.id) == kb.rules.map(\.id))

        let shorter = Array(table.dropLast())
        #expect(throws: KnowledgeBaseBinaryError.self) {
            try payload.withUnsafeBufferPointer { try KnowledgeBaseBinary.decode($0, strings: shorter) }
        }
        var longer = table
        longer[0] += "x"
        #expect(throws: KnowledgeBaseBinaryError.self) {
            try payload.withUnsafeBufferPointer { try KnowledgeBaseBinary.decode($0, strings: longer) }
        }
    }

    @Test func everyFieldAndCaseReadsBackEqual() throws {
        let kb = try everyFieldKnowledgeBase()
        let decoded = try KnowledgeBaseBinary.decode(KnowledgeBaseBinary.encode(kb))
        #expect(decoded == kb)
        #expect(expressions(of: decoded) == expressions(of: kb))
        // Order is kept exactly (rules sorted by id, questions in authored order).
        #expect(decoded.rules.map(\.id) == ["a.first", "b.second"])
        #expect(decoded.questions.map(\.id) == kb.questions.map(\.id))
        #expect(decoded.rule("b.second")?.finding?.severity == .high)
    }

    /// Rule texts with interpolations are stored parsed (making an engine then parses no text) and read back as
    /// parsing gives them.
    @Test func interpolatedRuleTextsReadBackAsParsed() throws {
        for kb in [try everyFieldKnowledgeBase(), Self.shipped] {
            let decoded = try KnowledgeBaseBinary.decode(KnowledgeBaseBinary.encode(kb))
            var count = 0
            for position in kb.rules.indices {
                let parsed = kb.rules[position].interpolatedTexts
                let stored = decoded.interpolatedTexts(ofRule: position)
                #expect(stored.map(\.field) == parsed.map(\.field))
                #expect(stored.map(\.text) == parsed.map(\.text))
                count += parsed.count
            }
            #expect(count >= 2)
        }
        let decoded = try KnowledgeBaseBinary.decode(KnowledgeBaseBinary.encode(try everyFieldKnowledgeBase()))
        let texts = decoded.interpolatedTexts(ofRule: 1)
        #expect(texts.map(\.field) == ["because", "finding.title"])
        #expect(texts.first?.text.parts.count == 3)
        #expect(texts.first?.text.parts.last == .text(" twice {braces}"))
    }

    @Test func repeatedStringsAreStoredOnce() throws {
        let kb = try everyFieldKnowledgeBase()
        let payload = KnowledgeBaseBinary.encode(kb)
        let text = String(decoding: payload, as: UTF8.self)
        #expect(text.components(separatedBy: "KnowledgeBase/questions/one.yaml").count == 2)
    }

    @Test func everyTruncationIsReported() throws {
        let payload = KnowledgeBaseBinary.encode(try everyFieldKnowledgeBase())
        for length in 0..<payload.count {
            #expect(throws: KnowledgeBaseBinaryError.self) { try KnowledgeBaseBinary.decode(Array(payload[..<length])) }
        }
    }

    @Test func truncationsOfTheShippedPayloadAreReported() {
        let payload = StackwiseKnowledge.embeddedPayload
        for length in stride(from: 0, to: payload.count, by: max(1, payload.count / 150)) {
            #expect(throws: KnowledgeBaseBinaryError.self) { try KnowledgeBaseBinary.decode(Array(payload[..<length])) }
        }
    }

    @Test func damagedBytesAreReportedOrReadNeverTrappedOn() throws {
        let payload = KnowledgeBaseBinary.encode(try everyFieldKnowledgeBase())
        var reported = 0
        // Each byte replaced by: a non-digit, the largest final digit, a continuation digit, a byte above ASCII.
        for position in payload.indices {
            for replacement: UInt8 in [0x00, 0x7C, 0x43, 0xFF] where payload[position] != replacement {
                var damaged = payload
                damaged[position] = replacement
                do {
                    _ = try KnowledgeBaseBinary.decode(damaged)
                } catch {
                    #expect(error.offset >= 0 && error.offset <= damaged.count)
                    reported += 1
                }
            }
        }
        #expect(reported > payload.count)
    }

    @Test func specificDamageIsNamed() throws {
        let payload = KnowledgeBaseBinary.encode(try everyFieldKnowledgeBase())
        func message(_ bytes: [UInt8]) -> String {
            do {
                _ = try KnowledgeBaseBinary.decode(bytes)
                return "decoded"
            } catch {
                return error.description
            }
        }
        #expect(message([]).contains("no 'SWKB' header"))
        #expect(message(Array("JSON{}".utf8)).contains("no 'SWKB' header"))
        var otherVersion = payload
        let other = KnowledgeBaseBinary.formatVersion + 1
        otherVersion[4] = 0x5D + UInt8(other)
        #expect(
            message(otherVersion).contains(
                "format version \(other), this build reads version \(KnowledgeBaseBinary.formatVersion)"))
        #expect(message(payload + Array("]".utf8)).contains("unexpected bytes after the knowledge base"))
        let header = Array("SWKB".utf8) + [0x5D + UInt8(KnowledgeBaseBinary.formatVersion)]
        // A string table claiming more strings than there are bytes, and a number wider than 64 bits.
        #expect(message(header + Array("CCC|".utf8)).contains("exceeds"))
        #expect(message(header + Array(repeating: 0x43, count: 13) + [0x5D]).contains("64 bits"))
        #expect(message(header + [0x01]).contains("expected a number digit, found byte 1"))
        #expect(message(header + Array("^_".utf8) + [0xC3, 0x28]).contains("not valid UTF-8"))
    }

    /// The interview order is stored (computing it costs every start-up about a millisecond): it reads back as
    /// computed, and a stored order that is not a permutation of the questions is refused.
    @Test func theInterviewOrderIsStoredAndChecked() throws {
        let kb = try everyFieldKnowledgeBase()
        let count = kb.questions.count
        #expect(count >= 2 && count < 32)
        let payload = KnowledgeBaseBinary.encode(kb)
        let decoded = try KnowledgeBaseBinary.decode(payload)
        #expect(decoded.questionsInInterviewOrder.map(\.id) == kb.questionsInInterviewOrder.map(\.id))
        for question in kb.questions {
            #expect(decoded.decisiveness(ofQuestion: question.id) == kb.decisiveness(ofQuestion: question.id))
        }
        // The payload ends with the order and the decisiveness, each a count and one single-digit number per
        // question (digits end at `]` + value). Repeating the order's first position makes it no permutation.
        let orderStart = payload.count - 2 * (count + 1)
        #expect(payload[orderStart] == 0x5D + UInt8(count))
        var damaged = payload
        damaged[orderStart + 2] = damaged[orderStart + 1]
        #expect(throws: KnowledgeBaseBinaryError.self) { try KnowledgeBaseBinary.decode(damaged) }
        do {
            _ = try KnowledgeBaseBinary.decode(damaged)
        } catch {
            #expect(error.description.contains("the interview order is not a permutation"))
        }
    }

    @Test func deeplyNestedConditionsAreRefusedNotRecursedInto() throws {
        // 600 nested `not`s: more than the reader follows; the payload is refused with a message.
        // (built directly: the parser itself refuses nesting deeper than 64 levels)
        var deep = try Condition(parsing: "a.flag", at: nil)
        for _ in 0..<600 { deep.expression = .not(deep.expression, offset: 0) }
        let kb = KnowledgeBase(
            questions: [Question(id: "a.flag", section: "s", prompt: "P", help: "H", type: .yesno)],
            rules: [Rule(id: "r", when: deep, because: "B")])
        #expect {
            try KnowledgeBaseBinary.decode(KnowledgeBaseBinary.encode(kb))
        } throws: { error in
            (error as? KnowledgeBaseBinaryError)?.message.contains("nest deeper than") == true
        }
    }

    @Test func aLongAndOrChainIsStoredFlat() throws {
        // 4,000 operands: a nested encoding would pass the reader's 512-level limit; the flat one reads back equal.
        let text = Array(repeating: "a.rps > 1", count: 2_000).joined(separator: " or ") + " and a.flag"
        let kb = KnowledgeBase(
            questions: [
                Question(id: "a.flag", section: "a", prompt: "P", help: "H", type: .yesno),
                Question(id: "a.rps", section: "a", prompt: "P", help: "H", type: .number),
            ],
            rules: [Rule(id: "r", when: try Condition(parsing: text, at: nil), because: "B")])
        let decoded = try KnowledgeBaseBinary.decode(KnowledgeBaseBinary.encode(kb))
        #expect(expressions(of: decoded) == expressions(of: kb))
    }

    /// Every condition's parsed tree (`Condition` equality compares only the text).
    func expressions(of kb: KnowledgeBase) -> [RuleLanguage.Expression?] {
        kb.questions.map(\.askIf?.expression) + kb.decisions.map(\.appliesIf?.expression)
            + kb.rules.map(\.when.expression) + kb.checklist.map(\.appliesIf?.expression)
    }

    /// A small knowledge base that sets every field and every enumeration case the binary form has to carry.
    func everyFieldKnowledgeBase() throws -> KnowledgeBase {
        let file = "KnowledgeBase/questions/one.yaml"
        func at(_ line: Int) -> KnowledgeModel.SourceLocation {
            KnowledgeModel.SourceLocation(file: file, line: line, column: 3)
        }
        let questions = [
            Question(
                id: "a.kind", section: "a", prompt: "Which kind? \"quoted\" \\ back\\#slash",
                help: "Tab\there\nnewline",
                type: .single,
                options: [
                    QuestionOption(id: "one", label: "One — ✓", description: "Ünïcödé 😀"),
                    QuestionOption(id: "two", label: "Two", description: ""),
                ], defaultValue: .choice("one"), allowsNotSure: true, required: true, location: at(1)),
            Question(
                id: "a.many", section: "a", prompt: "P", help: "H", type: .multi,
                options: [QuestionOption(id: "x", label: "X", description: "D")], defaultValue: .choices(["x"]),
                askIf: try Condition(parsing: "a.kind in [\"one\", \"two\"] and not answered(a.rps)", at: at(2)),
                location: at(2)),
            Question(
                id: "a.rps", section: "a", prompt: "P", help: "H", type: .number, unit: "req/s", minimum: -0.5,
                maximum: 1e12, defaultValue: .number(-1234.5678), location: at(3)),
            Question(id: "a.flag", section: "a", prompt: "P", help: "H", type: .yesno, defaultValue: .bool(false)),
            Question(id: "a.name", section: "a", prompt: "P", help: "H", type: .text, defaultValue: .text("")),
        ]
        let decisions = [
            Decision(
                id: "db", title: "Database", problem: "P", order: -3,
                appliesIf: try Condition(parsing: "a.rps >= 1000 or a.flag == true", at: at(10)),
                options: [
                    DecisionOption(
                        id: "pg", name: "PG", summary: "S", pros: ["p1", "p2"], cons: ["c"], pickWhen: ["w"],
                        avoidWhen: ["a"], sources: ["src"],
                        requires: [Requirement(decision: "orm", anyOf: ["prisma"], reason: "R", location: at(11))],
                        conflicts: [
                            Conflict(
                                option: OptionRef(decision: "orm", option: "mongoose"), reason: "C", location: at(12))
                        ], location: at(11)),
                    DecisionOption(id: "mongo", name: "Mongo", summary: "S"),
                ], location: at(10)),
            Decision(
                id: "orm", title: "ORM", problem: "P", order: 2,
                options: [
                    DecisionOption(id: "prisma", name: "Prisma", summary: "S"),
                    DecisionOption(id: "mongoose", name: "Mongoose", summary: "S"),
                ]),
        ]
        let rules = [
            Rule(
                id: "b.second", when: try Condition(parsing: "a.many contains \"x\" and a.name != \"\"", at: at(20)),
                because: "B {a.rps * 2} twice {{braces}", sources: ["src"], refs: ["set:ITEM1"],
                finding: Finding(id: "f", title: "T {max(a.rps, 3)}", severity: .high, remediation: "R"),
                location: at(20)),
            Rule(
                id: "a.first", when: try Condition(parsing: "not (a.rps < 10 or a.kind not in [\"two\"])", at: nil),
                because: "B",
                scores: [
                    ScoreEffect(target: OptionRef(decision: "db", option: "pg"), weight: -7, location: at(21)),
                    ScoreEffect(target: OptionRef(decision: "db", option: "mongo"), weight: 1_000_000),
                ],
                excludes: [OptionRef(decision: "orm", option: "mongoose")], includes: ["check.one"],
                tension: Tension(id: "t", title: "T", advice: "A", between: ["a.rps", "a.kind"], severity: .high)),
        ]
        let checklist = [
            ChecklistItem(
                id: "check.one", text: "T", category: .observability, priority: .low,
                appliesIf: try Condition(parsing: "chosen(db) == \"pg\" and a.rps > 1500.25", at: at(30)),
                sources: ["src"], refs: ["set:ITEM1"], location: at(30)),
            ChecklistItem(id: "check.two", text: "T", category: .delivery, priority: .medium),
        ]
        let detection = DetectionCatalog(
            technologies: [
                Technology(
                    id: "postgresql", title: "PostgreSQL", category: .databases, driver: true, caveats: ["c"],
                    answers: [
                        DetectionAnswer(
                            question: "a.kind", option: "one", versions: MajorVersionRange(minimum: 4, upperBound: 6),
                            priority: -2, location: at(40)),
                        DetectionAnswer(
                            question: "a.many", option: "x", versions: MajorVersionRange(minimum: nil, upperBound: 3)),
                    ], images: ["postgres", "bitnami/postgresql"], location: at(40)),
                Technology(id: "cluster", title: "Cluster", category: .tooling),
            ],
            packages: [
                PackageMapping(
                    id: "@scope/pg", detects: ["postgresql"], talksTo: ["cluster"], adapts: "express", builtin: true,
                    implicit: true, caveats: ["k"], location: at(50)),
                PackageMapping(id: "pg", detects: ["postgresql"]),
            ])
        return KnowledgeBase(
            sections: [Section(id: "a", title: "A", order: 1, location: at(0))], questions: questions,
            decisions: decisions, rules: rules, checklist: checklist,
            sources: [
                Source(
                    id: "src", title: "T", publisher: "P", url: "https://example.com/a?b=\"c\"", verified: "2026-01-01"),
                Source(
                    id: "src.pool", title: "T: Pool", publisher: "P", url: "https://example.com/a#pool",
                    verified: "2026-12-04", section: "Pool options", partOf: "src"),
            ],
            references: [
                ReferenceSet(
                    id: "set", title: "Set", source: "src", items: [ReferenceItem(id: "ITEM1", title: "Item")],
                    location: at(60)),
                ReferenceSet(id: "other", title: "Other", source: nil, items: []),
            ],
            detection: detection)
    }
}
