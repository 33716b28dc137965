import Foundation
import Testing

/// The command line as a new user meets it (issue 15, item 7): the man page, completions, the top-level usage,
/// plurals, `--format` where it does not apply, and README's own examples.
@Suite struct CLIPolishEndToEndTests {
    static var repository: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }

    /// Runs a tool from /usr/bin when it exists (nil when it does not).
    static func tool(
        _ name: String, _ arguments: [String], stdin: String
    ) throws -> (status: Int32, out: String, err: String)? {
        let path = "/usr/bin/" + name
        guard FileManager.default.isExecutableFile(atPath: path) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let input = Pipe()
        let output = Pipe()
        let error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    /// The questions as `stackwise questions --format json` lists them: (id, option ids).
    static func questions() throws -> [(id: String, options: [String])] {
        let result = try BinaryRunner.run(["questions", "--format", "json"])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        return array.compactMap { object in
            guard let id = object["id"] as? String else { return nil }
            let options = (object["options"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            return (id, options)
        }
    }

    @Test func theManPageIsGeneratedFromTheCommandsAndRenders() throws {
        let result = try BinaryRunner.run(["man"])
        #expect(result.status == 0, "\(result.stderr)")
        let page = result.stdout
        #expect(page.hasPrefix(".TH STACKWISE 1 "))
        for heading in [".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH COMMANDS", ".SH EXIT STATUS"] {
            #expect(page.contains("\n" + heading + "\n"), "\(heading)")
        }
        // Every command of `stackwise --help` has its section, with its options (generated, not hand-written).
        let help = try BinaryRunner.run(["--help"]).stdout
        let list = help.components(separatedBy: "SUBCOMMANDS:").last?.components(separatedBy: "\n\n").first
        let commands =
            list?.split(separator: "\n").compactMap {
                line -> String? in
                guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
                return line.split(separator: " ").first.map(String.init)
            } ?? []
        #expect(commands.count >= 10, "\(commands)")
        for command in commands { #expect(page.contains("\n.SS \(command)\n"), "section for \(command)") }
        #expect(page.contains("\\fB\\-\\-dump\\-model\\fR"))
        guard let rendered = try Self.tool("groff", ["-man", "-Tutf8", "-P-cbou", "-ww"], stdin: page) else { return }
        #expect(rendered.status == 0)
        #expect(rendered.err.isEmpty, "groff warnings: \(rendered.err)")
        #expect(rendered.out.contains("SYNOPSIS"))
        #expect(rendered.out.contains("stackwise review [--kb <dir> ...]"), "\(rendered.out.prefix(2000))")
        #expect(rendered.out.contains("--dump-model"))
    }

    @Test func manInstallWritesThePageWhereManFindsIt() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try BinaryRunner.run(["man", "--install"], environment: ["XDG_DATA_HOME": folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let file = folder.appendingPathComponent("man/man1/stackwise.1")
        #expect(result.stdout.contains("Installed \(file.path)"))
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written == (try BinaryRunner.run(["man"]).stdout))
        if let man = try Self.tool("man", ["-l", "-P", "cat", file.path], stdin: "") {
            #expect(man.status == 0, "\(man.err)")
            #expect(man.out.contains("stackwise interview"))
        }
        let misuse = try BinaryRunner.run(["man", "--man-dir", folder.path])
        #expect(misuse.status == 2)
        #expect(misuse.stderr == "error: --man-dir only applies with --install\n")
    }

    @Test func completionsOfferQuestionIdsAndValuesForSetAndFilesForAnswers() throws {
        let script = try BinaryRunner.run(["--generate-completion-script", "bash"])
        #expect(script.status == 0)
        #expect(script.stdout.contains("---completion review -- --set"))
        #expect(
            script.stdout.contains(
                "'--answers')\n        __stackwise_add_completions -o plusdirs -fX '!*.@(yaml|yml|json)'"))
        let questions = try Self.questions()
        // What the shell asks when the user presses Tab after `stackwise review --set `.
        let ids = try BinaryRunner.run([
            "---completion", "review", "--", "--set", "3", "0", "stackwise", "review", "--set", "",
        ])
        #expect(ids.stdout.split(separator: "\n").map(String.init) == questions.map { $0.id + "=" })
        let choice = try #require(questions.first { !$0.options.isEmpty })
        let word = choice.id + "="
        let values = try BinaryRunner.run([
            "---completion", "review", "--", "--set", "3", "\(word.count)", "stackwise", "review", "--set", word,
        ])
        #expect(values.stdout.split(separator: "\n").map(String.init) == choice.options.map { word + $0 })
        // Bash itself, with the generated script: Tab after a prefix that names one question lists its values.
        let unique = try #require(
            questions.first { question in
                !question.options.isEmpty
                    && !questions.contains { $0.id != question.id && $0.id.hasPrefix(question.id) }
            })
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scriptFile = folder.appendingPathComponent("stackwise.bash")
        try script.stdout.write(to: scriptFile, atomically: true, encoding: .utf8)
        let typed = String(unique.id.dropLast())
        let bash = """
            export PATH="\(BinaryRunner.binary.deletingLastPathComponent().path):$PATH"
            source "\(scriptFile.path)"
            COMP_WORDS=(stackwise review --set \(typed)); COMP_CWORD=3
            COMP_LINE="stackwise review --set \(typed)"; COMP_POINT=${#COMP_LINE}
            _stackwise stackwise \(typed) --set
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        if let shell = try Self.tool("bash", ["-s"], stdin: bash) {
            #expect(shell.out.split(separator: "\n").map(String.init) == unique.options.map { unique.id + "=" + $0 })
        }
        let zsh = try BinaryRunner.run(["--generate-completion-script", "zsh"])
        #expect(zsh.stdout.contains("---completion review -- --set"))
    }

    @Test func theTopLevelUsageListsEveryOptionOfTheDefaultCommand() throws {
        let help = try BinaryRunner.run(["--help"]).stdout
        let usage = help.components(separatedBy: "USAGE:").last?.components(separatedBy: "OPTIONS:").first ?? ""
        let interview = try BinaryRunner.run(["interview", "--help"]).stdout
        let options =
            interview.components(separatedBy: "OPTIONS:").last?.split(separator: "\n").compactMap {
                line -> String? in
                let word = line.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init)
                return word.flatMap {
                    $0.hasPrefix("--") ? $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) : nil
                }
            } ?? []
        #expect(options.contains("--resume") && options.contains("--plain") && options.contains("--session"))
        for option in options where option != "--version" && option != "--help" {
            #expect(usage.contains(option + " ") || usage.contains(option + "]"), "usage lists \(option)")
            #expect(help.contains("\n  " + option + " "), "the default command's options explain \(option)")
        }
    }

    @Test func countsOfOneAreSingular() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let choice = try #require(try Self.questions().first { !$0.options.isEmpty })
        let file = folder.appendingPathComponent("one.yaml")
        try "answers:\n  \(choice.id): \(choice.options[0])\n".write(to: file, atomically: true, encoding: .utf8)
        let check = try BinaryRunner.run(["answers", "check", file.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout == "\(file.path): OK (1 answer)\n")
        let export = try BinaryRunner.run([
            "export", "--answers", file.path, "--out", folder.appendingPathComponent("records").path, "--dry-run",
        ])
        #expect(!export.stdout.contains("1 files") && !export.stderr.contains("1 files"))
        let review = try BinaryRunner.run(["review", "--answers", file.path, "--no-pager"])
        for wrong in [" 1 findings", " 1 tensions", " 1 assumptions", " 1 decisions", " 1 items", "(s)"] {
            #expect(!review.stdout.contains(wrong), "\(wrong)")
        }
    }

    @Test func formatIsRejectedWhereItDoesNotApply() throws {
        let result = try BinaryRunner.run(["review", "--dump-model", "--format", "markdown"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty, "nothing printed as if it had worked")
        #expect(result.stderr == "error: --format markdown does not apply to --dump-model, which always prints JSON\n")
        let failOn = try BinaryRunner.run(["review", "--dump-model", "--fail-on", "high"])
        #expect(failOn.status == 2)
        #expect(failOn.stdout.isEmpty)
        #expect(failOn.stderr == "error: --fail-on does not apply to --dump-model, which prints no review\n")
        let json = try BinaryRunner.run(["review", "--dump-model", "--format", "json"])
        #expect(json.status == 0)
        #expect(json.stdout.hasPrefix("{"))
    }

    @Test func theReadmesAnswersFileExampleChecksWithoutWarnings() throws {
        let readme = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "### The answers file").dropFirst().first)
        let block = try #require(
            section.components(separatedBy: "```yaml\n").dropFirst().first?.components(
                separatedBy: "```"
            ).first)
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("readme.yaml")
        try block.write(to: file, atomically: true, encoding: .utf8)
        let check = try BinaryRunner.run(["answers", "check", file.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(!check.stderr.contains("unknown finding"), "\(check.stderr)")
        let review = try BinaryRunner.run(["review", "--answers", file.path, "--no-pager"])
        #expect(!review.stderr.contains("unknown finding"), "\(review.stderr)")
    }
}

/// The plain interview with the real knowledge base through a pipe (issue 15, item 6): defaults taken with Enter
/// and echoed, mistakes re-asked with the reason only, `why` wrapped at COLUMNS.
@Suite struct PlainModeDefaultsEndToEndTests {
    @Test func enterTakesEachDefaultEchoesItAndSavesIt() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = folder.appendingPathComponent("s.yaml").path
        let input = "why\nzzz\n" + String(repeating: "\n", count: 400)
        let result = try BinaryRunner.run(
            ["interview", "--plain", "--session", session], stdin: input,
            environment: ["COLUMNS": "40", "XDG_STATE_HOME": folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        let lines = out.components(separatedBy: "\n")
        // `why` wraps at 40 columns (its first line follows the prompt: piped input is not echoed).
        let why = try #require(lines.firstIndex { $0.contains("Why: ") })
        let first = try #require(lines[why].range(of: "Why: ")).lowerBound
        let block =
            [String(lines[why][first...])]
            + lines[(why + 1)...].prefix {
                $0.hasPrefix("  ") || $0.hasPrefix("It can") || $0.hasPrefix("Asked") || $0.hasPrefix("Follow-ups")
            }
        #expect(block.count > 1 && block.allSatisfy { $0.count <= 40 }, "\(block)")
        // The mistake: the reason, then only the prompt line (the question is not printed again).
        let mistake = try #require(out.range(of: "Invalid: "))
        let after = out[mistake.lowerBound...].components(separatedBy: "\n")
        #expect(after[0].hasSuffix("Try again."), "\(after[0])")
        #expect(!after[1].isEmpty && !after[1].hasPrefix("["), "re-asked with the prompt line only: \(after[1])")
        #expect(out.components(separatedBy: "[1/").count == 2)
        // Every default taken is echoed, and saved as an answer.
        let taken = lines.filter { $0.contains("→ ") && $0.hasSuffix(" (default)") }.count
        #expect(taken > 10)
        #expect(out.contains("All questions answered. Recommendations:"))
        let saved = try String(contentsOfFile: session, encoding: .utf8)
        let answered = saved.components(separatedBy: "\n").filter { $0.hasPrefix("  ") && $0.contains(": ") }.count
        #expect(answered >= taken, "\(answered) saved answers for \(taken) defaults taken")
        #expect(out.contains("Session saved: \(session) (\(counted(answered))"))
    }

    private func counted(_ count: Int) -> String { count == 1 ? "1 answer)" : "\(count) answers)" }
}
