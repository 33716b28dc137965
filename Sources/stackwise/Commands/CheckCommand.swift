import AnswersFile
import ArgumentParser
import CIReports
import DriftCheck
import Foundation
import KnowledgeModel
import StackScanner

/// `stackwise check [DIR]`: holds the code to what was declared (answers, accepted decision records) and reports
/// drift, stale declarations and unrecorded choices, for CI.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the code against the recorded decisions: drift, stale answers or records, unrecorded choices.",
        discussion: """
            Scans DIR (nothing is run there) and compares what it finds with the answers file and the accepted \
            decision records (--records, default DIR/docs/decisions). With --base REV only what the change since \
            the git revision REV introduces is judged (dependencies added or changed in package.json files and \
            npm, yarn and pnpm lockfiles, read with git). Exit codes: 0 ok, 1 open results at or above --fail-on (drift is \
            high, stale medium, unrecorded low), 2 bad usage or input (unknown revision, not a git repository, \
            broken record front matter, a baseline from another version), 3 a file could not be read.
            """
    )

    @Argument(
        help: ArgumentHelp("The project folder (default: the current folder).", valueName: "dir"),
        completion: .directory)
    var directory: String = "."

    @Option(
        name: .customLong("answers"),
        help: ArgumentHelp("The answers file that declares the design (YAML or JSON).", valueName: "file"),
        completion: .file(extensions: ["yaml", "yml", "json"]))
    var answersFile: String?

    @Option(
        name: .customLong("records"),
        help: ArgumentHelp("The decision records folder (default: DIR/docs/decisions).", valueName: "dir"),
        completion: .directory)
    var records: String?

    @Option(
        name: .customLong("base"),
        help: ArgumentHelp(
            "A git revision (branch, tag, commit): judge only what the change since it introduces.", valueName: "rev"))
    var baseRevision: String?

    @Option(help: "Output format: text, json, sarif, junit, github or codeclimate.")
    var format: CheckFormat = .text

    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp(
            "Exit 1 when open results at or above this severity exist (drift: high, stale: medium, unrecorded: low).",
            valueName: "severity"))
    var failOn: Severity?

    @Option(
        name: .customLong("package"),
        help: ArgumentHelp("In a monorepo, the workspace package that is the service.", valueName: "name"))
    var package: String?

    @OptionGroup var baseline: BaselineOptions

    @Option(
        name: .customLong("kb"),
        help: ArgumentHelp("A knowledge-base overlay folder (repeatable).", valueName: "dir"), completion: .directory)
    var overlays: [String] = []

    @Option(
        name: .customLong("kb-base"),
        help: ArgumentHelp(
            "Use this folder as the base knowledge base (for knowledge-base authors).", valueName: "dir"),
        completion: .directory
    )
    var knowledgeBaseFolder: String?

    func run() throws {
        var arguments = overlays.flatMap { ["--kb", $0] }
        if let knowledgeBaseFolder { arguments += ["--base", knowledgeBaseFolder] }
        let knowledgeBase = try KnowledgeBaseOptions.parse(arguments).loadValid()
        let today = AnswerSet.today()

        var answers = AnswerSet()
        var locations = AnswerLocations()
        if let answersFile {
            answers = try AnswersInput.load(answersFile, knowledgeBase: knowledgeBase)
            if answersFile != "-", let text = try? String(contentsOfFile: answersFile, encoding: .utf8) {
                locations = AnswerLocations(text: text, displayPath: answersFile)
            }
        }
        let change: DependencyChange?
        if let baseRevision {
            do {
                change = try GitChangeReader(
                    folder: URL(fileURLWithPath: directory), displayName: ProjectScan.displayName(directory)
                ).change(since: baseRevision)
            } catch {
                Output.error(error.message)
                throw ExitCode(error.isIO ? ExitStatus.ioFailure : ExitStatus.badInput)
            }
        } else {
            change = nil
        }
        let recordFolder = records ?? Self.join(directory, "docs/decisions")
        let recorded: [RecordedDecision]
        do {
            recorded = try RecordedDecisions.read(
                folder: URL(fileURLWithPath: recordFolder), displayPath: recordFolder, knowledgeBase: knowledgeBase,
                required: records != nil)
        } catch {
            Output.error(error.message)
            throw ExitCode(error.isIO ? ExitStatus.ioFailure : ExitStatus.badInput)
        }
        // With --base only the manifests decide what the change introduces: source files are not read.
        var scanner = StackScanner(catalog: knowledgeBase.detection)
        scanner.readsSources = change == nil
        let scan: ScanReport
        do {
            scan = try scanner.scan(
                folder: URL(fileURLWithPath: directory), displayName: ProjectScan.displayName(directory),
                package: package)
        } catch {
            Output.error(ProjectScan.message(for: error, directory: directory))
            throw ExitCode(error.kind == .unreadable ? ExitStatus.ioFailure : ExitStatus.badInput)
        }
        for warning in scan.warnings { Output.error(warning.description) }

        let outcome = DriftChecker(knowledgeBase: knowledgeBase).check(
            .init(
                report: scan, pathPrefix: Self.prefix(directory), answers: answers, answersPath: answersFile,
                answerLocations: locations, records: recorded, change: change, today: today))
        var report = CIReport(
            check: outcome, service: answers.serviceName ?? scan.serviceName, toolVersion: Stackwise.version,
            failOn: failOn)
        try baseline.apply(to: &report)
        let wroteBaseline = try baseline.write(report)

        switch format {
        case .text: Output.print(CheckText.render(outcome, report: report, change: change))
        case .json: Output.print(CheckJSON.render(outcome, report: report, change: change))
        case .sarif: CIFormat.sarif.print(report)
        case .junit: CIFormat.junit.print(report)
        case .github: CIFormat.github.print(report)
        case .codeclimate: CIFormat.codeclimate.print(report)
        }
        if format != .text {
            for notice in report.notices { Output.error("warning: " + notice) }
        }
        if wroteBaseline { return }
        try CIExit.check(report, failOn: failOn)
    }

    /// "" for the current folder, else the folder with a trailing slash.
    static func prefix(_ directory: String) -> String {
        let name = ProjectScan.displayName(directory)
        if name == "." || name == "./" { return "" }
        var trimmed = Substring(name)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        return trimmed.isEmpty ? "" : trimmed + "/"
    }

    static func join(_ directory: String, _ path: String) -> String { prefix(directory) + path }
}

/// The formats of `stackwise check`.
enum CheckFormat: String, WordArgument {
    case text, json, sarif, junit, github, codeclimate
}
