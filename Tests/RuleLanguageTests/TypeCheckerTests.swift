import Testing

@testable import RuleLanguage

struct FakeSchema: ConditionSchema {
    var questions: [String: AnswerType] = [
        "realtime.needed": .yesNo,
        "traffic.peak_rps": .number,
        "service.name": .text,
        "team.size": .single(options: ["solo", "small", "large"]),
        "current.stack": .multi(options: ["redis", "kafka", "express"]),
    ]
    var decisions: [String: [String]] = ["database": ["postgresql", "mysql", "mongodb"]]

    func answerType(ofQuestion id: String) -> AnswerType? { questions[id] }
    func optionIDs(ofDecision id: String) -> [String]? { decisions[id] }
    var allQuestionIDs: [String] { questions.keys.sorted() }
    var allDecisionIDs: [String] { decisions.keys.sorted() }
}

@Suite struct TypeCheckerTests {
    func errors(_ text: String, allowsChosen: Bool = false) throws -> [ConditionError] {
        TypeChecker(schema: FakeSchema(), allowsChosen: allowsChosen).check(try ConditionParser.parse(text))
    }

    @Test(arguments: [
        #"traffic.peak_rps >= 1000 and realtime.needed and not team.size == "solo""#,
        #"current.stack contains "redis""#,
        #"current.stack contains ["redis", "kafka"]"#,
        #"team.size in ["small", "large"]"#,
        #"answered(traffic.peak_rps) or realtime.needed == true"#,
        #"service.name contains "pay""#,
    ])
    func acceptsWellTypedConditions(text: String) throws {
        #expect(try errors(text).isEmpty)
    }

    @Test func acceptsChosenOnlyWhereAllowed() throws {
        #expect(try errors(#"chosen(database) == "mysql""#, allowsChosen: true).isEmpty)
        #expect(
            try errors(#"chosen(database) == "mysql""#).first?.message.contains("only allowed in checklist") == true)
    }

    @Test(arguments: [
        ("realtime.needed > 3", "compares numbers"),
        (#"team.size == "duo""#, "has no option 'duo'"),
        (#"team.size == "smal""#, "did you mean 'small'?"),
        ("traffic.peek_rps > 3", "unknown question 'traffic.peek_rps'; did you mean 'traffic.peak_rps'?"),
        ("traffic.peak_rps", "must be yes/no"),
        (#"current.stack == "redis""#, "use 'contains'"),
        (#"chosen(databse) == "x""#, "did you mean 'database'?"),
        (#"realtime.needed and traffic.peak_rps"#, "needs a yes/no operand"),
        (#"team.size in ["solo", "tiny"]"#, "has no option 'tiny'"),
    ])
    func rejectsIllTypedConditions(text: String, fragment: String) throws {
        let found = try errors(text, allowsChosen: text.contains("chosen"))
        #expect(found.contains { $0.message.contains(fragment) }, "got \(found.map(\.message))")
    }
}
