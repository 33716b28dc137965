import Foundation
import Testing

/// Failing output, usage errors and untrusted text (issue 17, items 2, 6 and 7): a documented exit code and one clear
/// line, never a trap, never a faked line of output.
@Suite struct HostileIOTests {
    /// Runs the binary with standard output sent to `output` (a file handle the test owns).
    func run(_ arguments: [String], stdout output: Any) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = arguments
        process.standardOutput = output
        let errors = Pipe()
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(arguments: [["kb", "stats"], ["review", "--answers", "-"], ["--help"], ["questions"]])
    func fullDiskIsAnIOErrorNotATrap(_ arguments: [String]) throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        defer { try? full.close() }
        let result = try run(arguments, stdout: full)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("error: cannot write to standard output: No space left on device"))
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func brokenPipeEndsQuietly() throws {
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let result = try run(["questions"], stdout: pipe)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test func usageErrorsExitTwoWithALowerCaseErrorPrefix() throws {
        let result = try BinaryRunner.run(["kb", "stats", "--format", "xml"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: "), "\(result.stderr)")
        let unknown = try BinaryRunner.run(["review", "--no-such-option"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("error: "), "\(unknown.stderr)")
    }

    @Test func mistypedCommandGetsDidYouMean() throws {
        let result = try BinaryRunner.run(["revew", "--answers", "x.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: unknown command 'revew'; did you mean 'review'? (see 'stackwise --help')\n")
        let far = try BinaryRunner.run(["zzzzzz"])
        #expect(far.status == 2)
        #expect(far.stderr.contains("error: unknown command 'zzzzzz'; the commands are kb, answers"))
    }

    @Test func newlinesInAnswersCannotFakeADiagnostic() throws {
        let workspace = try ScriptedWorkspace()
        defer { workspace.remove() }
        let path = try workspace.write(
            "answers.yaml", "answers:\n  e2e.pick: alpha\nchecklistDone: [\"x\\nanswers.yaml:1:1: error: FAKE\"]\n")
        let result = try workspace.run(["answers", "check", path])
        let lines = result.stderr.split(separator: "\n")
        #expect(!lines.contains { $0.hasPrefix("answers.yaml:1:1: error: FAKE") }, "\(result.stderr)")
        #expect(result.stderr.contains("x\\nanswers.yaml:1:1: error: FAKE"), "\(result.stderr)")
    }

    @Test func bidiOverrideInAnAnswersFileIsRejectedWithItsPlace() throws {
        let workspace = try ScriptedWorkspace()
        defer { workspace.remove() }
        let path = try workspace.write("answers.yaml", "answers:\n  e2e.pick: alpha\nservice: \"pay\u{202E}ments\"\n")
        let result = try workspace.run(["review", "--answers", path])
        expectCleanFailure(result, status: 2, mentioning: "\(path):3:14: error: U+202E (bidirectional control)")
        let escaped = try workspace.write("escaped.yaml", "answers:\n  e2e.pick: alpha\nservice: \"pay\\u202Ements\"\n")
        let second = try workspace.run(["review", "--answers", escaped])
        expectCleanFailure(
            second, status: 2, mentioning: "\(escaped):3:10: error: this value spells a bidirectional control")
    }

    @Test func aMegabyteUnknownIdIsNotEchoedWhole() throws {
        let workspace = try ScriptedWorkspace()
        defer { workspace.remove() }
        let id = String(repeating: "q", count: 1_000_000)
        let path = try workspace.write("answers.yaml", "answers:\n  ? \(id)\n  : 1\n")
        let result = try workspace.run(["review", "--answers", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown question 'qqqq"))
        #expect(result.stderr.contains("… ("))
        #expect(result.stderr.utf8.count < 4_000, "\(result.stderr.utf8.count) bytes")
    }
}

/// One exit-code table: `--help` and README.md say the same (issue 17, item 7).
@Suite struct ExitCodeTableTests {
    @Test func helpAndReadmeAgree() throws {
        let help = try BinaryRunner.run(["--help"])
        #expect(help.status == 0)
        var readme = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { readme.deleteLastPathComponent() }
        let text = try String(contentsOf: readme.appendingPathComponent("README.md"), encoding: .utf8)
        let rows = help.stdout.split(separator: "\n").compactMap { line -> (String, String)? in
            let parts = line.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
            guard parts.count == 2, let code = Int(parts[0]), (0...3).contains(code) else { return nil }
            return (String(parts[0]), parts[1].trimmingCharacters(in: .whitespaces))
        }
        #expect(rows.map(\.0) == ["0", "1", "2", "3"], "\(help.stdout)")
        for (code, phrase) in rows {
            #expect(text.contains("| \(code) | \(phrase)"), "README row for \(code): \(phrase)")
        }
    }
}

/// Messages that used to mislead (issue 17, item 7).
@Suite struct MisleadingMessageTests {
    @Test func specialAndEmptyAnswersPaths() throws {
        let device = try BinaryRunner.run(["review", "--answers", "/dev/null"])
        expectCleanFailure(device, status: 3, mentioning: "it is not a regular file (a device, pipe or socket)")
        #expect(!device.stderr.contains("permission denied"))
        let empty = try BinaryRunner.run(["review", "--answers", ""])
        expectCleanFailure(empty, status: 2, mentioning: "error: the answers file name is empty")
    }

    @Test func emptyOutFolderIsAUsageError() throws {
        let result = try BinaryRunner.run(["export", "--answers", "-", "--out", ""], stdin: "answers: {}\n")
        expectCleanFailure(result, status: 2, mentioning: "--out needs a folder name")
        #expect(!result.stdout.contains("/0001-"))
    }

    @Test func knowledgeBaseLinkLoopNamesTheSystemReason() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let loop = folder.appendingPathComponent("loop.yaml").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        let result = try BinaryRunner.run(["kb", "lint", "--kb", folder.path])
        #expect(!result.stdout.contains("NSCocoaErrorDomain") && !result.stderr.contains("NSCocoaErrorDomain"))
        #expect((result.stdout + result.stderr).contains("Too many levels of symbolic links"), "\(result)")
    }

    @Test(.enabled(if: TmuxSession.tmuxPath != nil, "needs tmux"), .timeLimit(.minutes(1)))
    func unknownTerminalFallsBackToPlainModeWithANotice() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = folder.appendingPathComponent("s.yaml").path
        let tmux = try TmuxSession(
            "TERM=no-such-terminal-xyz '\(BinaryRunner.binary.path)' --session '\(session)'")
        let screen = try tmux.waitFor("unknown terminal type 'no-such-terminal-xyz' (TERM); using the plain mode")
        #expect(!screen.contains("Error opening terminal"))
    }
}
