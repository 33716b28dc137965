import Foundation
import Testing

/// One test per bad input listed in the issue: one clear line, the documented exit code, nothing damaged.
@Suite struct ScriptedBadInputTests {
    func review(_ yaml: String) throws -> (BinaryRunner.Result, String) {
        let workspace = try ScriptedWorkspace()
        defer { workspace.remove() }
        let path = try workspace.write("answers.yaml", yaml)
        return (try workspace.run(["review", "--answers", path]), path)
    }

    @Test func yamlSyntaxError() throws {
        let (result, path) = try review("answers:\n  e2e.pick: [alpha\n  e2e.detail: 3\n")
        expectCleanFailure(result, status: 2, mentioning: "\(path):")
        #expect(result.stderr.contains("YAML syntax error"))
    }

    @Test func unknownQuestionID() throws {
        let (result, path) = try review("answers:\n  e2e.pik: alpha\n")
        expectCleanFailure(
            result, status: 2, mentioning: "\(path):2:3: error: unknown question 'e2e.pik'; did you mean 'e2e.pick'?")
    }

    @Test func valueNotAllowed() throws {
        let (result, path) = try review("answers:\n  e2e.pick: gamma\n")
        expectCleanFailure(result, status: 2, mentioning: "\(path):2:13: error: answer for 'e2e.pick': 'gamma'")
        #expect(result.stderr.contains("allowed: alpha, beta"))
    }

    @Test func numberOutOfRangeNegativeNonFiniteAndBeyond64Bits() throws {
        let cases = [
            ("-3", "-3 is negative"),
            (".inf", "is not a finite number"),
            ("99999999999999999999999", "is too large; numbers up to 9,007,199,254,740,992 (2^53) are accepted"),
        ]
        for (value, message) in cases {
            let (result, path) = try review("answers:\n  e2e.pick: beta\n  e2e.detail: \(value)\n")
            expectCleanFailure(result, status: 2, mentioning: "\(path):3:15: error: answer for 'e2e.detail': ")
            #expect(result.stderr.contains(message), "\(value): \(result.stderr)")
        }
    }

    @Test func numberOutsideTheUsualRangeIsAWarning() throws {
        let (result, path) = try review("answers:\n  e2e.pick: beta\n  e2e.detail: 101\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "\(path):3:15: warning: answer for 'e2e.detail': 101 shards is unusually high (the usual range is 0 "
                    + "to 100 shards); kept as written"), "\(result.stderr)")
        let workspace = try ScriptedWorkspace()
        defer { workspace.remove() }
        let set = try workspace.run(["review", "--set", "e2e.pick=beta", "--set", "e2e.detail=101"])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stderr.contains("warning: --set 'e2e.detail=101': 101 shards is unusually high"), "\(set.stderr)")
    }

    @Test func unitNotTaken() throws {
        let (result, _) = try review("answers:\n  e2e.pick: beta\n  e2e.detail: 4 GB\n")
        expectCleanFailure(
            result, status: 2, mentioning: "unit 'GB' is not accepted here; this question takes 'shards'")
    }

    @Test func answerToAQuestionNotAskedIsAWarning() throws {
        let (result, path) = try review("answers:\n  e2e.pick: alpha\n  e2e.detail: 4\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("\(path):3:3: warning: 'e2e.detail' is only asked when e2e.pick == \"beta\""))
    }

    @Test func duplicateKeys() throws {
        let (result, _) = try review("answers:\n  e2e.pick: alpha\n  e2e.pick: beta\n")
        expectCleanFailure(result, status: 2, mentioning: "duplicate key 'e2e.pick'")
    }

    @Test func conflictingSet() throws {
        let workspace = try ScriptedWorkspace()
        defer { workspace.remove() }
        let result = try workspace.run(["review", "--set", "e2e.pick=alpha", "--set", "e2e.pick=beta"])
        expectCleanFailure(result, status: 2, mentioning: "--set gives 'e2e.pick' two different values")
    }

    @Test func unreadableAnswersFile() throws {
        let workspace = try ScriptedWorkspace()
        defer { workspace.remove() }
        let missing = try workspace.run(["review", "--answers", "no-such.yaml"])
        expectCleanFailure(
            missing, status: 3, mentioning: "no-such.yaml:1:1: error: cannot read the answers file: no such file")
        let folder = try workspace.run(["review", "--answers", workspace.overlay.path])
        expectCleanFailure(folder, status: 3, mentioning: "it is a folder")
    }

    @Test func binaryAnswersFile() throws {
        let workspace = try ScriptedWorkspace()
        defer { workspace.remove() }
        let url = workspace.root.appendingPathComponent("answers.bin")
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]).write(to: url)
        let result = try workspace.run(["review", "--answers", url.path])
        expectCleanFailure(result, status: 2, mentioning: "this is a binary file, not YAML text")
    }

    @Test func tenMegabyteAnswersFile() throws {
        let workspace = try ScriptedWorkspace()
        defer { workspace.remove() }
        let url = workspace.root.appendingPathComponent("huge.yaml")
        try Data(repeating: UInt8(ascii: "#"), count: 10 << 20).write(to: url)
        let result = try workspace.run(["review", "--answers", url.path])
        expectCleanFailure(result, status: 2, mentioning: "the answers file is too large (10485760 bytes")
        // Just over the 1 MB limit on standard input (a bigger pipe would end with SIGPIPE in this test runner).
        let piped = try workspace.run(
            ["review", "--answers", "-"], stdin: String(repeating: "#", count: (1 << 20) + 1000))
        expectCleanFailure(piped, status: 2, mentioning: "too large")
    }

    @Test func outputFolderThatCannotBeWritten() throws {
        let workspace = try ScriptedWorkspace()
        defer { workspace.remove() }
        let blocker = try workspace.write("not-a-folder", "a file where a folder should be\n")
        let result = try workspace.run(["export", "--set", "e2e.pick=alpha", "--out", blocker + "/docs/decisions"])
        // One line naming the file in the way (Foundation alone says "NSCocoaErrorDomain error 512"); bad input: 2.
        expectCleanFailure(
            result, status: 2,
            mentioning:
                "cannot create the output folder '\(blocker)/docs/decisions': '\(blocker)' is a file, not a folder")
        // Not "512" alone: the temporary folder's random name can contain those digits.
        #expect(!result.stderr.contains("error 512") && !result.stderr.contains("NSCocoaErrorDomain"))
        #expect(try workspace.read("not-a-folder") == "a file where a folder should be\n")
        let isFile = try workspace.run(["export", "--set", "e2e.pick=alpha", "--out", blocker])
        expectCleanFailure(isFile, status: 2, mentioning: "exists and is not a folder")
    }

    @Test func recordFolderHoldingForeignFiles() throws {
        let workspace = try ScriptedWorkspace()
        defer { workspace.remove() }
        let folder = workspace.root.appendingPathComponent("docs/decisions")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let foreign = "# 7. Use Kafka\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n"
        try foreign.write(to: folder.appendingPathComponent("0007-use-kafka.md"), atomically: true, encoding: .utf8)
        try "my own index\n".write(to: folder.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
        try Data([0, 1, 2]).write(to: folder.appendingPathComponent("0009-binary.md"))
        try "notes\n".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let outside = workspace.root.appendingPathComponent("outside.md")
        try "outside\n".write(to: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("design-review.md"), withDestinationURL: outside)

        let result = try workspace.run(["export", "--set", "e2e.pick=alpha"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("kept       docs/decisions/index.md (not written by Stackwise; left as it is)"))
        #expect(result.stdout.contains("kept       docs/decisions/design-review.md"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.contains { $0.hasPrefix("0010-") }, "numbering continues after 0009: \(names)")
        #expect(!names.contains { $0.hasPrefix("0001-") })
        #expect(try workspace.read("docs/decisions/0007-use-kafka.md") == foreign)
        #expect(try workspace.read("docs/decisions/index.md") == "my own index\n")
        #expect(try String(contentsOf: outside, encoding: .utf8) == "outside\n", "never writes through a symlink")
        #expect(!names.contains { $0.hasSuffix(".tmp") }, "no temporary files left")
    }
}
