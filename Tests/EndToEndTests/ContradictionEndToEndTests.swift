import Foundation
import Testing

/// Contradictory answers through the real binary: `answers check` warns (errors with --strict), and every review
/// format shows them; a capacity rule's computed number reaches the printed review.
@Suite(.serialized) struct ContradictionEndToEndTests {
    let answers = """
        version: 1
        answers:
          security.compliance: [none, gdpr]
          security.pii: true
          operations.instances: 12
          data.pool_size: 10
        """

    @Test func answersCheckWarnsAndStrictRefuses() throws {
        let warned = try BinaryRunner.run(["answers", "check", "-"], stdin: answers)
        #expect(warned.status == 0, "\(warned.stderr)")
        #expect(
            warned.stderr.contains(
                "<stdin>: warning: contradictory answers [security.compliance.exclusive]: security.compliance: 'None' excludes every other answer, but 'GDPR' is chosen too"
            ), "\(warned.stderr)")
        #expect(warned.stdout.contains("1 contradiction"))
        let strict = try BinaryRunner.run(["answers", "check", "--strict", "-"], stdin: answers)
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("<stdin>: error: contradictory answers [security.compliance.exclusive]"))
        let clean = try BinaryRunner.run(
            ["answers", "check", "--strict", "-"], stdin: "version: 1\nanswers:\n  security.compliance: [gdpr]\n")
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(!clean.stderr.contains("contradict"))
    }

    @Test func anOverlayAddsContradictionsAndKeepsTheBaseOnes() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        contradictions:
          - id: acme.too-many-instances
            when: operations.instances > 10
            message: Acme runs at most ten instances per service, but operations.instances is above ten.
        """.write(to: folder.appendingPathComponent("acme.yaml"), atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run(["answers", "check", "--kb", folder.path, "-"], stdin: answers)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("[security.compliance.exclusive]"), "\(result.stderr)")
        #expect(result.stderr.contains("[acme.too-many-instances]: Acme runs at most ten instances"))
    }

    @Test func everyReviewFormatShowsContradictionsAndComputedNumbers() throws {
        let text = try BinaryRunner.run(["review", "--answers", "-"], stdin: answers)
        #expect(text.stdout.contains("CONTRADICTIONS"), "\(text.stdout)\(text.stderr)")
        #expect(text.stdout.contains("'None' excludes every other answer, but 'GDPR' is"))
        #expect(text.stdout.contains("Pools can open 120 connections;"))
        let markdown = try BinaryRunner.run(["review", "--answers", "-", "--format", "markdown"], stdin: answers)
        #expect(markdown.stdout.contains("## Contradictions"), "\(markdown.stderr)")
        let json = try BinaryRunner.run(["review", "--answers", "-", "--format", "json"], stdin: answers)
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let contradictions = document?["contradictions"] as? [[String: Any]]
        #expect(
            contradictions?.first?["id"] as? String == "security.compliance.exclusive", "\(json.stdout.prefix(300))")
        let facts = contradictions?.first?["answers"] as? [[String: Any]]
        #expect(facts?.first?["question"] as? String == "security.compliance")
    }
}
