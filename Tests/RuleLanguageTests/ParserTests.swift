import Testing

@testable import RuleLanguage

@Suite struct ParserTests {
    @Test func parsesPrecedenceOfAndOverOr() throws {
        let expression = try ConditionParser.parse("a or b and not c")
        guard case .or(.answer("a", _), .and(.answer("b", _), .not(.answer("c", _), _))) = expression else {
            Issue.record("unexpected tree \(expression)")
            return
        }
    }

    @Test func parsesTheExampleFromTheIssue() throws {
        let expression = try ConditionParser.parse(
            #"traffic.peak_rps >= 1000 and realtime.needed and not team.size == "solo""#)
        #expect(expression.questionIDs == ["traffic.peak_rps", "realtime.needed", "team.size"])
    }

    @Test func parsesChosenAndLists() throws {
        let expression = try ConditionParser.parse(#"chosen(database) in ["postgresql", "mysql"]"#)
        #expect(expression.decisionIDs == ["database"])
        guard case .compare(.in, .chosen("database", _), .literal(.list(let items), _), _) = expression else {
            Issue.record("unexpected tree \(expression)")
            return
        }
        #expect(items == [.string("postgresql"), .string("mysql")])
    }

    @Test func parsesNotIn() throws {
        let expression = try ConditionParser.parse(#"a not in ["x"]"#)
        guard case .compare(.notIn, _, _, _) = expression else {
            Issue.record("unexpected tree \(expression)")
            return
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        for text in [String(repeating: "(", count: 100_000) + "a", String(repeating: "not ", count: 100_000) + "a"] {
            #expect(throws: ConditionError.self) { try ConditionParser.parse(text) }
        }
        #expect(
            (try? ConditionParser.parse(String(repeating: "(", count: 10) + "a" + String(repeating: ")", count: 10)))
                != nil)
    }

    @Test(arguments: [
        ("a ==", 4, "ends too early"),
        ("a = 1", 2, "use '=='"),
        ("a && b", 2, "write 'and'"),
        ("(a", 2, "expected ')'"),
        ("a b", 2, "missing 'and' or 'or'"),
        ("\"abc", 0, "unterminated string"),
        ("", 0, "empty condition"),
        ("foo(x)", 0, "unknown function 'foo'"),
        ("a in [b]", 6, "quote it"),
        ("a # b", 2, "unexpected character '#'"),
    ])
    func reportsSyntaxErrorsWithPositions(text: String, offset: Int, fragment: String) {
        do {
            _ = try ConditionParser.parse(text)
            Issue.record("'\(text)' should not parse")
        } catch {
            #expect(error.offset == offset, "offset for '\(text)'")
            #expect(error.message.contains(fragment), "message '\(error.message)'")
        }
    }
}
