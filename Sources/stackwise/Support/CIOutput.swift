import ArgumentParser
import CIReports
import DriftCheck
import Foundation
import KnowledgeModel

/// `--baseline FILE` and `--write-baseline FILE`, shared by `review` and `check`.
struct BaselineOptions: ParsableArguments {
    @Option(
        name: .customLong("baseline"),
        help: ArgumentHelp(
            "Findings in this baseline (from --write-baseline) are known: shown, but they do not fail the run.",
            valueName: "file"), completion: .file())
    var baseline: String?

    @Option(
        name: .customLong("write-baseline"),
        help: ArgumentHelp(
            "Write every current finding to this file as the baseline for later runs (the run then exits 0).",
            valueName: "file"), completion: .file())
    var writeBaseline: String?

    /// Applies `--baseline` to the report; exits 2 for a baseline that cannot be used, 3 when unreadable.
    func apply(to report: inout CIReport) throws {
        guard let path = baseline else { return }
        guard let data = FileManager.default.contents(atPath: path) else {
            Output.error("error: cannot read the baseline '\(path)'")
            throw ExitCode(ExitStatus.ioFailure)
        }
        do {
            let baseline = try Baseline(
                data: data, path: path, command: report.command, toolVersion: report.toolVersion)
            baseline.apply(to: &report)
        } catch {
            Output.error(error.message)
            throw ExitCode(ExitStatus.badInput)
        }
    }

    /// Writes `--write-baseline`; returns whether it did.
    func write(_ report: CIReport) throws -> Bool {
        guard let path = writeBaseline else { return false }
        do {
            try Data(Baseline(report: report).rendered().utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            Output.error("error: cannot write the baseline '\(path)': \(error.localizedDescription)")
            throw ExitCode(ExitStatus.ioFailure)
        }
        Output.error("note: wrote \(counted(report.findings.count, "finding")) to \(path)")
        return true
    }
}

/// The CI formats shared by `review` and `check`.
enum CIFormat: String {
    case sarif, junit, github, codeclimate

    /// Prints the report in this format. `github` also appends a Markdown summary to `$GITHUB_STEP_SUMMARY` when
    /// that variable names a file (as it does in GitHub Actions).
    func print(_ report: CIReport) {
        switch self {
        case .sarif: Output.print(SARIFWriter.render(report))
        case .junit: Output.print(JUnitWriter.render(report), terminator: "")
        case .codeclimate: Output.print(CodeClimateWriter.render(report))
        case .github:
            Output.print(GitHubWriter.annotations(report), terminator: "")
            if let path = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !path.isEmpty,
                FileManager.default.fileExists(atPath: path)
                    || FileManager.default.createFile(atPath: path, contents: nil),
                let handle = FileHandle(forWritingAtPath: path)
            {
                handle.seekToEndOfFile()
                handle.write(Data(Output.sanitized(GitHubWriter.summary(report)).utf8))
                try? handle.close()
            }
        }
    }
}

/// Exit 1 when open findings at or above `--fail-on` remain, after saying which.
enum CIExit {
    static func check(_ report: CIReport, failOn: Severity?) throws {
        guard let failOn else { return }
        let failing = report.failing(atOrAbove: failOn)
        guard !failing.isEmpty else { return }
        let known = report.findings.filter(\.known).count
        Output.error(
            "\(counted(failing.count, "open finding")) at or above \(failOn.rawValue) severity: "
                + failing.map(\.ruleID).joined(separator: ", ")
                + (known > 0 ? " (\(known) known from the baseline not counted)" : ""))
        throw ExitCode(ExitStatus.failed)
    }
}
