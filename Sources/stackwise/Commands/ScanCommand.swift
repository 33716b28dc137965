import ArgumentParser
import Foundation
import KnowledgeModel
import RecommendationEngine
import StackScanner

/// `stackwise scan [DIR]`: detect the current stack of an existing service from its repository.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract:
            "Detect the current stack of a Node.js service from its repository (nothing is run or written there).",
        discussion: """
            Reads package.json (and workspace packages), lockfiles, tsconfig.json, .nvmrc, the Prisma schema, ORM \
            configs, Dockerfiles, compose files, Kubernetes manifests, Helm charts, serverless.yml, SAM templates and \
            CI workflows, and the imports at the top of source files. Each detection carries its evidence and a \
            confidence. Pass --answers-out to write the current-stack answers for 'stackwise review --answers'.
            """
    )

    @Argument(
        help: ArgumentHelp("The project folder (default: the current folder).", valueName: "dir"),
        completion: .directory)
    var directory: String = "."

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(
        name: .customLong("answers-out"),
        help: ArgumentHelp(
            "Also write the detected current-stack answers to this answers file (refuses to replace a file it did not write).",
            valueName: "file"))
    var answersOut: String?

    @Option(
        name: .customLong("package"),
        help: ArgumentHelp(
            "In a monorepo, the workspace package that is the service (its name or folder).", valueName: "name"))
    var package: String?

    @OptionGroup var knowledge: KnowledgeBaseOptions

    func run() throws {
        let knowledgeBase = try knowledge.loadValid()
        let report = try ProjectScan.run(directory: directory, package: package, knowledgeBase: knowledgeBase)
        switch format {
        case .text:
            Output.print(ScanTextReport(report: report).text)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Output.print(String(decoding: try encoder.encode(ScanReportJSON(report)), as: UTF8.self))
        }
        for warning in report.warnings { Output.error(warning.description) }
        if let answersOut {
            let answers = DetectedAnswersPrefill.answers(for: report, knowledgeBase)
            try DetectedAnswersOutput.write(answers, knowledgeBase: knowledgeBase, report: report, to: answersOut)
            if format == .text {
                Output.print("Wrote \(counted(answers.answers.count, "detected answer")) to \(answersOut).")
            }
        }
    }
}

/// Runs a scan for a command and turns its errors into the documented exit codes.
enum ProjectScan {
    static func run(directory: String, package: String?, knowledgeBase: KnowledgeBase) throws -> ScanReport {
        do {
            return try scan(directory: directory, package: package, knowledgeBase: knowledgeBase)
        } catch {
            Output.error(message(for: error, directory: directory))
            throw ExitCode(error.kind == .unreadable ? ExitStatus.ioFailure : ExitStatus.badInput)
        }
    }

    /// The scan itself, printing nothing (the TUI shows its errors on screen).
    static func scan(
        directory: String, package: String?, knowledgeBase: KnowledgeBase
    ) throws(ScanError)
        -> ScanReport
    {
        try StackScanner(catalog: knowledgeBase.detection).scan(
            folder: URL(fileURLWithPath: directory), displayName: displayName(directory), package: package)
    }

    /// The one line shown for a failed scan.
    static func message(for error: ScanError, directory: String) -> String {
        error.message.hasPrefix(displayName(directory)) ? error.message : "error: \(error.message)"
    }

    static func displayName(_ directory: String) -> String {
        var trimmed = directory
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed
    }
}
