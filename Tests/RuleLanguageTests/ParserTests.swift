import Testing

@testable import RuleLanguage

@Suite struct ParserTests {
    @Test func parsesPrecedenceOfAndOverOr() throws {
        let expression = try ConditionParser.parse("a or b and not c")
        guard case .or(let alternatives) = expression, alternatives.count == 2, case .answer("a", _) = alternatives[0],
            case .and(let terms) = alternatives[1], terms.count == 2, case .answer("b", _) = terms[0],
            case .not(.answer("c", _), _) = terms[1]
        else {
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

    @Test func andOrChainsAreFlat() throws {
        let expression = try ConditionParser.parse("a and b and c or d or e and f")
        guard case .or(let alternatives) = expression, alternatives.count == 3,
            case .and(let first) = alternatives[0], first.count == 3, case .and(let last) = alternatives[2],
            last.count == 2
        else {
            Issue.record("unexpected tree \(expression)")
            return
        }
    }

    @Test func aHugeAndOrChainIsAPositionedErrorNotAStackOverflow() {
        // Issue 17 item 1: ~37,500 terms joined by and/or crashed the type checker (SIGSEGV).
        let terms = 40_000
        let text = (0..<terms).map { $0 % 3 == 0 ? "realtime.needed" : "traffic.peak_rps > 1" }.joined(
            separator: " and ")
        do {
            let expression = try ConditionParser.parse(text)
            _ = TypeChecker(schema: FakeSchema(), allowsChosen: false).check(expression)
            Issue.record("a 40,000-term condition was accepted")
        } catch {
            #expect(error.message.contains("too long: more than 10000 tokens"))
            let tokensBefore = text.prefix(error.offset).split(separator: " ").count
            #expect(tokensBefore == ConditionParser.maximumTokens)
        }
    }

    @Test func aLongChainWithinTheLimitParsesChecksAndEvaluates() throws {
        // 4,000 terms (just under the token limit) stay one level deep, so no pass recurses per term.
        let text =
            Array(repeating: "traffic.peak_rps > 1", count: 2_000).joined(separator: " or ") + " and realtime.needed"
        let expression = try ConditionParser.parse(text)
        guard case .or(let alternatives) = expression, case .and(let last)? = alternatives.last else {
            Issue.record("unexpected tree")
            return
        }
        #expect(alternatives.count == 2_000)
        #expect(last.count == 2)
        #expect(TypeChecker(schema: FakeSchema(), allowsChosen: false).check(expression).isEmpty)
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
