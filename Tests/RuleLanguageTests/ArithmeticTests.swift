import Testing

@testable import RuleLanguage

@Suite struct ArithmeticTests {
    struct NumberSchema: ConditionSchema {
        func answerType(ofQuestion id: String) -> AnswerType? {
            switch id {
            case "ops.instances", "data.pool_size", "data.max_connections", "ops.huge": return .number
            case "data.shape": return .single(options: ["relational", "documents"])
            case "ops.flag": return .yesNo
            default: return nil
            }
        }
        func optionIDs(ofDecision id: String) -> [String]? { nil }
        var allQuestionIDs: [String] {
            ["ops.instances", "data.pool_size", "data.max_connections", "ops.huge", "data.shape", "ops.flag"]
        }
        var allDecisionIDs: [String] { [] }
    }

    let slots = ["ops.instances", "data.pool_size", "data.max_connections", "ops.huge", "data.shape", "ops.flag"]

    func evaluate(_ text: String, _ values: [String: Value]) throws -> Truth {
        let compiled = CompiledCondition(try ConditionParser.parse(text), questionSlot: { slots.firstIndex(of: $0) })
        return compiled.evaluate(DictionarySource(slots: slots, values: values))
    }

    func errors(_ text: String) throws -> [ConditionError] {
        TypeChecker(schema: NumberSchema(), allowsChosen: false).check(try ConditionParser.parse(text))
    }

    let capacity: [String: Value] = [
        "ops.instances": .number(12), "data.pool_size": .number(10), "data.max_connections": .number(100),
    ]

    @Test func precedenceAndLeftToRight() throws {
        #expect(try evaluate("1 + 2 * 3 == 7", [:]) == .yes)
        #expect(try evaluate("(1 + 2) * 3 == 9", [:]) == .yes)
        #expect(try evaluate("12 / 2 / 3 == 2", [:]) == .yes)
        #expect(try evaluate("10 - 2 - 3 == 5", [:]) == .yes)
        #expect(try evaluate("10-2 == 8", [:]) == .yes)
        #expect(try evaluate("-ops.instances == -12 and 3 - -2 == 5", capacity) == .yes)
        #expect(try evaluate("min(3, ops.instances, 7) == 3 and max(1, ops.instances) == 12", capacity) == .yes)
    }

    @Test func comparesExpressionsOnBothSides() throws {
        let text = "ops.instances * data.pool_size > data.max_connections"
        #expect(try evaluate(text, capacity) == .yes)
        var fewer = capacity
        fewer["ops.instances"] = .number(10)
        #expect(try evaluate(text, fewer) == .no)
        #expect(try errors(text).isEmpty)
    }

    @Test func unknownOperandsDivisionByZeroAndOverflowAreUnknownNeverATrap() throws {
        // An unanswered operand.
        #expect(try evaluate("ops.instances * data.pool_size > 50", ["ops.instances": .number(2)]) == .unknown)
        #expect(try evaluate("not (ops.instances * data.pool_size > 50)", [:]) == .unknown)
        // Division by zero.
        #expect(
            try evaluate(
                "data.max_connections / data.pool_size > 1",
                ["data.max_connections": .number(5), "data.pool_size": .number(0)]) == .unknown)
        #expect(try evaluate("1 / 0 == 1 / 0", [:]) == .unknown)
        // Overflow: 1e200 * 1e200 is not a finite Double.
        let huge: [String: Value] = ["ops.huge": .number(1e200)]
        #expect(try evaluate("ops.huge * ops.huge > 0", huge) == .unknown)
        #expect(try evaluate("ops.huge * ops.huge * 0 == 0", huge) == .unknown)
        #expect(try evaluate("-ops.huge * ops.huge < 0", huge) == .unknown)
        // Kleene logic still decides where it can.
        #expect(try evaluate("ops.huge * ops.huge > 0 or ops.huge > 1", huge) == .yes)
    }

    @Test(arguments: [
        (
            "ops.instances * data.shape > 3", 16,
            "'*' works on numbers only, but this is a single choice (question 'data.shape')"
        ),
        (
            "ops.instances > data.shape", 14,
            "'>' compares numbers, but one side is a single choice (question 'data.shape')"
        ),
        (#"ops.instances + 1 == "relational""#, 18, "cannot compare a number with a text using '=='"),
        ("ops.instances + ops.flag > 1", 16, "'+' works on numbers only, but this is a yes/no"),
        ("min(ops.instances, data.shape) > 1", 19, "min(...) works on numbers only"),
        ("ops.instnces * 2 > 1", 0, "unknown question 'ops.instnces'; did you mean 'ops.instances'?"),
        ("ops.instances * 2", 0, "a condition must be yes/no, but this is a number"),
    ])
    func typeErrorsArePositioned(text: String, offset: Int, message: String) throws {
        let found = try errors(text)
        #expect(found.contains { $0.offset == offset && $0.message.contains(message) }, "\(found)")
    }

    @Test(arguments: [
        ("ops.instances *", 15, "ends too early"),
        ("min(ops.instances) > 1", 0, "needs two or more numbers"),
        ("max(1, 2 > 1", 12, "expected ',' or ')'"),
        ("1 + * 2 > 1", 4, "expected a value but found '*'"),
    ])
    func syntaxErrorsArePositioned(text: String, offset: Int, message: String) {
        do {
            _ = try ConditionParser.parse(text)
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.offset == offset)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func longArithmeticChainsAreFlatAndUnaryMinusIsBounded() throws {
        let sum = Array(repeating: "ops.instances", count: 3_000).joined(separator: " + ") + " > 1"
        guard case .compare(_, .arithmetic(_, let terms), _, _) = try ConditionParser.parse(sum) else {
            Issue.record("not a flat chain")
            return
        }
        #expect(terms.count == 2_999)
        #expect(try evaluate(sum, capacity) == .yes)
        #expect(throws: ConditionError.self) {
            try ConditionParser.parse(String(repeating: "- ", count: 100) + "ops.instances > 1")
        }
    }
}

@Suite struct InterpolationTests {
    let slots = ["ops.instances", "data.pool_size", "data.max_connections", "lat.a", "lat.b"]
    let units = [
        "ops.instances": "instances", "data.pool_size": "connections", "data.max_connections": "connections",
        "lat.a": "ms", "lat.b": "ms",
    ]

    func render(_ text: String, _ values: [String: Value]) throws -> String {
        let compiled = CompiledText(
            try InterpolatedText.parse(text), questionSlot: { slots.firstIndex(of: $0) }, unitOf: { units[$0] })
        return compiled.render(DictionarySource(slots: slots, values: values))
    }

    @Test func rendersNumbersWithTheSharedUnitOfTheOperands() throws {
        let values: [String: Value] = [
            "ops.instances": .number(12), "data.pool_size": .number(10), "data.max_connections": .number(100),
            "lat.a": .number(20), "lat.b": .number(2.5),
        ]
        #expect(try render("{ops.instances * data.pool_size} connections", values) == "120 connections")
        #expect(try render("over by {ops.instances * data.pool_size - data.max_connections}", values) == "over by 20")
        #expect(try render("{data.pool_size * 2}", values) == "20 connections")
        // From 10 up, fractions are rounded away (166.67 requests in flight read as noise); below, two decimals.
        #expect(try render("{lat.a + lat.b} in total, {lat.a / lat.b} times", values) == "23 ms in total, 8 times")
        #expect(try render("{data.max_connections / 3} each", values) == "33 connections each")
        #expect(try render("{data.pool_size / 3} each", values) == "3.33 connections each")
        #expect(try render("{lat.b - lat.a}", values) == "-18 ms")
        #expect(
            try render(#"literal {"$ne": null} and {{ops.instances}"#, values)
                == #"literal {"$ne": null} and {ops.instances}"#)
    }

    @Test func anUnknownValueReadsAsAnUnknownNumber() throws {
        #expect(try render("{ops.instances * data.pool_size} connections", [:]) == "an unknown number of connections")
        #expect(try render("{data.pool_size * 2}", [:]) == "an unknown number of connections")
        #expect(try render("about {ops.instances * data.pool_size}.", [:]) == "about an unknown number.")
        #expect(
            try render(
                "{ops.instances / data.pool_size} x", ["ops.instances": .number(1), "data.pool_size": .number(0)])
                == "an unknown number of x")
    }

    @Test(arguments: [
        ("a {ops.instances * } b", 19, "expected a value"),
        ("a {ops.instances b", 2, "never closed"),
        // Offsets count characters: "e\u{301}" (e and a combining accent) is one character, two scalars.
        ("e\u{301}🇪🇺 {ops.instances * } b", 20, "expected a value"),
        ("e\u{301} {ops.instances b", 2, "never closed"),
    ])
    func badInterpolationsArePositionedInTheText(text: String, offset: Int, message: String) {
        do {
            _ = try InterpolatedText.parse(text)
            Issue.record("no error")
        } catch {
            #expect(error.offset == offset, "\(error)")
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func interpolationsMustBeNumbers() throws {
        let parsed = try InterpolatedText.parse("{data.shape}")
        let errors = TypeChecker(schema: ArithmeticTests.NumberSchema(), allowsChosen: false).checkNumber(
            parsed.expressions[0].expression)
        #expect(
            errors.first?.message
                == "an interpolation must be a number, but this is a single choice (question 'data.shape')")
    }
}
