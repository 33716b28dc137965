import StackScanner
import Testing

@Suite struct JSONParserTests {
    @Test func positionsOfTypicalMistakes() {
        let cases: [(String, Int, Int, String)] = [
            ("{\n  \"a\": 1,\n}", 3, 1, "trailing comma"),
            ("{ \"a\": 'x' }", 1, 8, "double quotes"),
            ("{ \"a\": 1 \"b\": 2 }", 1, 10, "missing comma"),
            ("{ \"é\": \"ü\" x }", 1, 12, "expected ','"),
            ("[1, 2", 1, 6, "unexpected end"),
            ("{ \"a\": \"line\nbreak\" }", 1, 13, "control character"),
        ]
        for (text, line, column, fragment) in cases {
            do {
                _ = try JSONParser.parse(text)
                Issue.record("expected an error for \(text)")
            } catch {
                #expect(error.line == line && error.column == column, "\(text): \(error)")
                #expect(error.message.contains(fragment), "\(text): \(error.message)")
            }
        }
    }

    @Test func commentsAndTrailingCommasOnlyInJSONC() throws {
        let text = "{ // tsconfig\n \"compilerOptions\": { \"checkJs\": true, /* x */ },\n}"
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(text) }
        let value = try JSONParser.parse(text, allowsComments: true)
        #expect(value["compilerOptions"]?["checkJs"]?.bool == true)
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let text = String(repeating: "[", count: 100_000)
        do {
            _ = try JSONParser.parse(text)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("nesting is deeper"))
        }
    }

    @Test func majorVersionsOfSpecifiers() {
        #expect(majorVersion(of: "^4.18.2") == 4)
        #expect(majorVersion(of: "~5.0.0") == 5)
        #expect(majorVersion(of: ">=18 <21") == 18)
        #expect(majorVersion(of: "v20.11.1") == 20)
        #expect(majorVersion(of: "npm:express@5.1.0") == 5)
        #expect(majorVersion(of: "4.x") == 4)
        #expect(majorVersion(of: "workspace:*") == nil)
        #expect(majorVersion(of: "latest") == nil)
        #expect(majorVersion(of: "git+https://github.com/x/y.git") == nil)
    }
}
