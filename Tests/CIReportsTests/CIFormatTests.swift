import AnswersFile
import CIReports
import DriftCheck
import EmbeddedKnowledgeBase
import Foundation
import KnowledgeModel
import RecommendationEngine
import ReviewRendering
import Testing

@Suite struct CIFormatTests {
    static let schemaURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Schema/sarif-schema-2.1.0.json")

    static func validator() throws -> JSONSchemaValidator {
        try JSONSchemaValidator(schema: try Data(contentsOf: schemaURL))
    }

    static func checkReport() throws -> CIReport {
        let fixture = try CheckFixture([
            "package.json": DriftCheckerTests.packageJSON, "answers.yaml": DriftCheckerTests.answers,
            "docs/decisions/0001-primary-database.md": record("database", "postgresql"),
        ])
        defer { fixture.remove() }
        return CIReport(check: try fixture.check(), service: "orders-api", toolVersion: "1.2.3", failOn: .high)
    }

    static func reviewReport() throws -> CIReport {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/examples/express-slow-under-load.yaml")
        let text = try String(contentsOf: path, encoding: .utf8)
        let knowledgeBase = StackwiseKnowledge.embedded
        let answers = AnswersFileReader(knowledgeBase: knowledgeBase).read(text: text, displayPath: "a.yaml").answerSet
        let review = ReviewReport(engine: RecommendationEngine(knowledgeBase: knowledgeBase), answers: answers)
        return CIReport(
            review: review, answersPath: "a.yaml", locations: AnswerLocations(text: text, displayPath: "a.yaml"),
            toolVersion: "1.2.3")
    }

    static func sarif(_ report: CIReport) throws -> [String: Any] {
        try #require(
            JSONSerialization.jsonObject(with: Data(SARIFWriter.render(report).utf8)) as? [String: Any])
    }

    @Test func checkSARIFValidatesAgainstTheOfficialSchema() throws {
        let log = try Self.sarif(try Self.checkReport())
        #expect(try Self.validator().validate(log) == [])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 3)
        let drift = try #require(results.first { $0["ruleId"] as? String == "stackwise/drift" })
        #expect(drift["level"] as? String == "error")
        let location = try #require(
            (drift["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "package.json")
        #expect(
            (location["region"] as? [String: Any])?["startLine"] as? Int
                == line(of: "mongoose", in: DriftCheckerTests.packageJSON))
        #expect((drift["partialFingerprints"] as? [String: Any])?["primaryLocationLineHash"] != nil)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "Stackwise")
        #expect(driver["semanticVersion"] as? String == "1.2.3")
        for rule in try #require(driver["rules"] as? [[String: Any]]) {
            #expect((rule["help"] as? [String: Any])?["markdown"] as? String != nil)
            #expect((rule["fullDescription"] as? [String: Any])?["text"] as? String != nil)
        }
    }

    @Test func reviewSARIFValidatesAndPointsAtTheTriggeringAnswer() throws {
        let report = try Self.reviewReport()
        let log = try Self.sarif(report)
        #expect(try Self.validator().validate(log) == [])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require(
            (run["tool"] as? [String: Any]).flatMap { $0["driver"] as? [String: Any] }?["rules"] as? [[String: Any]])
        // Security rules (those citing OWASP) carry a security-severity for GitHub.
        let security = rules.filter {
            (($0["properties"] as? [String: Any])?["tags"] as? [String])?.contains("security") == true
        }
        #expect(!security.isEmpty)
        #expect(security.allSatisfy { ($0["properties"] as? [String: Any])?["security-severity"] as? String != nil })
        let tokens = try #require(report.findings.first { $0.ruleID == "tokens-in-localstorage" })
        #expect(tokens.position.file == "a.yaml")
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/examples/express-slow-under-load.yaml")
        #expect(
            tokens.position.line == line(of: "current.token_storage", in: try String(contentsOf: path, encoding: .utf8))
        )
    }

    @Test func theValidatorRejectsWhatTheSchemaForbids() throws {
        var log = try Self.sarif(try Self.checkReport())
        log["version"] = "2.0.0"
        var runs = try #require(log["runs"] as? [[String: Any]])
        runs[0]["tool"] = ["driver": ["rules": []]]
        log["runs"] = runs
        let errors = try Self.validator().validate(log)
        #expect(errors.contains { $0.contains("$.version") })
        #expect(errors.contains { $0.contains("missing required property 'name'") })
    }

    @Test func fingerprintsAreStableAcrossRuns() throws {
        #expect(SARIFWriter.render(try Self.checkReport()) == SARIFWriter.render(try Self.checkReport()))
        #expect(SARIFWriter.render(try Self.reviewReport()) == SARIFWriter.render(try Self.reviewReport()))
    }

    @Test func baselineSuppressesOldFindingsNotNewOnes() throws {
        let old = try Self.checkReport()
        let baseline = try Baseline(
            data: Data(Baseline(report: old).rendered().utf8), path: "b.json", command: "check", toolVersion: "1.2.3")
        var report = old
        report.findings.append(
            CIFinding(
                ruleID: "stackwise/drift", severity: .high, message: "New drift.",
                position: FilePosition(file: "package.json", line: 3), fingerprint: "0000000000000001"))
        baseline.apply(to: &report)
        #expect(report.findings.filter(\.known).count == old.findings.count)
        #expect(report.failing(atOrAbove: .high).map(\.message) == ["New drift."])
    }

    @Test func aBaselineFromAnotherVersionOrCommandIsRefused() throws {
        let text = Baseline(report: try Self.checkReport()).rendered()
        #expect(throws: BaselineError.self) {
            try Baseline(data: Data(text.utf8), path: "b.json", command: "check", toolVersion: "1.3.0")
        }
        #expect(throws: BaselineError.self) {
            try Baseline(data: Data(text.utf8), path: "b.json", command: "review", toolVersion: "1.2.3")
        }
        let future = text.replacingOccurrences(of: "\"stackwiseBaseline\" : 1", with: "\"stackwiseBaseline\" : 2")
            .replacingOccurrences(of: "\"stackwiseBaseline\":1", with: "\"stackwiseBaseline\":2")
        #expect(future != text)
        #expect(throws: BaselineError.self) {
            try Baseline(data: Data(future.utf8), path: "b.json", command: "check", toolVersion: "1.2.3")
        }
    }

    @Test func githubAnnotationsEscapeUntrustedText() throws {
        let report = CIReport(
            command: "check", toolVersion: "1", service: nil, rules: CIReport.checkRules,
            findings: [
                CIFinding(
                    ruleID: "stackwise/drift", severity: .high, message: "Bad%name\n::error::injected",
                    position: FilePosition(file: "a,b:c.json", line: 2), fingerprint: "1")
            ], failOn: .high)
        let text = GitHubWriter.annotations(report)
        #expect(
            text
                == "::error file=a%2Cb%3Ac.json,line=2,title=Stackwise stackwise/drift%3A Bad%25name%0A%3A%3Aerror%3A%3Ainjected::Bad%25name%0A::error::injected\n"
        )
        let summary = GitHubWriter.summary(report)
        #expect(summary.contains("**Failed**: 1 open at or above high."))
        #expect(!summary.contains("<"))
    }

    @Test func junitHasOneCasePerFindingAndEscapesXML() throws {
        var report = try Self.checkReport()
        report.findings[0].message = "<script>&\"'"
        let xml = JUnitWriter.render(report)
        #expect(xml.contains("tests=\"3\""))
        #expect(xml.contains("&lt;script&gt;&amp;&quot;&apos;"))
        #expect(!xml.contains("<script>"))
    }

    @Test func codeClimateListsOpenFindingsWithLineIndependentFingerprints() throws {
        let report = try Self.checkReport()
        let issues = try #require(
            JSONSerialization.jsonObject(with: Data(CodeClimateWriter.render(report).utf8)) as? [[String: Any]])
        #expect(issues.count == report.findings.count)
        #expect(Set(issues.compactMap { $0["fingerprint"] as? String }) == Set(report.findings.map(\.fingerprint)))
        #expect(issues.allSatisfy { ["critical", "major", "minor"].contains($0["severity"] as? String ?? "") })
        #expect(issues.allSatisfy { (($0["location"] as? [String: Any])?["lines"] as? [String: Any])?["begin"] is Int })
    }
}
