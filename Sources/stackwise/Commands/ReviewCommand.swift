import AnswersFile
import ArgumentParser
import CIReports
import DriftCheck
import Foundation
import KnowledgeModel
import RecommendationEngine
import ReviewRendering

/// `stackwise review`: the whole review of an answers file, for people (text, Markdown) and scripts (JSON).
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract:
            "Review the answers: priorities first, then decisions, findings by cause, tensions and the checklist.",
        discussion: """
            Unanswered questions use their defaults, listed as assumptions (--strict refuses to). Exit codes: 0 ok, \
            1 unaccepted findings at or above --fail-on, 2 bad usage or input (or --strict with required questions \
            unanswered), 3 a file could not be read.
            """
    )

    @OptionGroup var input: ReviewInputOptions

    @OptionGroup var presentation: PresentationOptions

    @Option(
        help:
            "Output format: text (80 columns; the default), markdown, json (versioned, see README), or for CI sarif, junit, github or codeclimate."
    )
    var format: ReviewFormat?

    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp("Exit 1 when unaccepted findings at or above this severity exist.", valueName: "severity"))
    var failOn: Severity?

    @OptionGroup var baseline: BaselineOptions

    @Flag(help: "Fail (exit 2) when a required question that is asked has no answer, instead of using its default.")
    var strict = false

    @Flag(
        name: .customLong("dump-model"),
        help: """
            Print the optimisation instance instead of the review (JSON): applicable decisions, each option's score \
            from the fired rules, exclusions and compatibility constraints, the tie rule and the solver's choice.
            """)
    var dumpModel = false

    func validate() throws {
        // The optimisation instance is only JSON: any other --format is a mistake, not something to ignore.
        if dumpModel, let format, format != .json {
            Output.error("error: --format \(format.rawValue) does not apply to --dump-model, which always prints JSON")
            throw ExitCode(ExitStatus.badInput)
        }
        // Nor do the options that judge a review: --dump-model prints no review to judge.
        let judging = [
            failOn.map { _ in "--fail-on" }, baseline.baseline.map { _ in "--baseline" },
            baseline.writeBaseline.map { _ in "--write-baseline" },
        ].compactMap { $0 }
        if dumpModel, let option = judging.first {
            Output.error("error: \(option) does not apply to --dump-model, which prints no review")
            throw ExitCode(ExitStatus.badInput)
        }
    }

    func run() throws {
        let format = self.format ?? .text
        let (engine, given) = try input.load()
        // An acceptance past its expiry date no longer hides its finding; it is reported instead.
        let (answers, expiredRisks) = given.withoutExpiredAcceptances(today: AnswerSet.today())
        if dumpModel {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            Output.print(String(decoding: try encoder.encode(engine.optimizationModel(answers)), as: UTF8.self))
            return
        }
        let report = ReviewReport(engine: engine, answers: answers)
        if strict, !report.unansweredRequired.isEmpty {
            for id in report.unansweredRequired {
                let prompt = engine.knowledgeBase.question(id)?.prompt ?? ""
                Output.error("error: required question '\(id)' has no answer (--strict): \(prompt)")
            }
            throw ExitCode(ExitStatus.badInput)
        }
        let expired = expiredRisks.map { risk in
            (risk: risk, position: input.answersFile.map { FilePosition(file: $0) })
        }
        if let ciFormat = format.ciFormat {
            try printForCI(report, format: ciFormat, expired: expired)
            return
        }
        for risk in expired { Output.error("warning: " + CIReport.expiredNotice(risk)) }
        switch format {
        case .sarif, .junit, .github, .codeclimate: break
        case .text:
            let text = ReviewText(colour: presentation.wantsColour, detail: presentation.detail).render(report)
            Output.show(text, rendered: true, paging: !presentation.noPager)
        case .markdown:
            let markdown = ReviewMarkdown(detail: presentation.detail).render(report)
            Output.show(markdown, rendered: false, paging: !presentation.noPager)
        case .json:
            Output.print(ReviewJSON.render(report))
        }
        if baseline.baseline != nil || baseline.writeBaseline != nil {
            // The baseline decides what fails, as in the CI formats.
            var ciReport = ciReport(report, expired: expired)
            try baseline.apply(to: &ciReport)
            if try baseline.write(ciReport) { return }
            try CIExit.check(ciReport, failOn: failOn)
            return
        }
        if let failOn {
            let failing = report.unacceptedFindings(atOrAbove: failOn)
            if !failing.isEmpty {
                Output.error(
                    "\(counted(failing.count, "unaccepted finding")) at or above \(failOn.rawValue)"
                        + " severity: " + failing.map(\.finding.id).joined(separator: ", "))
                throw ExitCode(ExitStatus.failed)
            }
        }
    }
}

extension ReviewCommand {
    /// SARIF, JUnit, GitHub or GitLab output: findings located at the answers-file line that triggered them, with
    /// `--baseline`/`--write-baseline` and `--fail-on` applied.
    private func printForCI(
        _ review: ReviewReport, format: CIFormat, expired: [(risk: AcceptedRisk, position: FilePosition?)]
    ) throws {
        var report = ciReport(review, expired: expired)
        try baseline.apply(to: &report)
        let wrote = try baseline.write(report)
        format.print(report)
        for notice in report.notices { Output.error("warning: " + notice) }
        if !wrote { try CIExit.check(report, failOn: failOn) }
    }
}

extension ReviewCommand {
    private func ciReport(_ review: ReviewReport, expired: [(risk: AcceptedRisk, position: FilePosition?)]) -> CIReport
    {
        var locations = AnswerLocations()
        if let path = input.answersFile, path != "-", let text = try? String(contentsOfFile: path, encoding: .utf8) {
            locations = AnswerLocations(text: text, displayPath: path)
        }
        return CIReport(
            review: review, answersPath: input.answersFile == "-" ? nil : input.answersFile, locations: locations,
            toolVersion: Stackwise.version, expired: expired, failOn: failOn)
    }
}

/// The formats of `stackwise review`.
enum ReviewFormat: String, WordArgument {
    case text, markdown, json, sarif, junit, github, codeclimate

    /// The CI format, for the formats shared with `check`.
    var ciFormat: CIFormat? { CIFormat(rawValue: rawValue) }
}

extension Severity: WordArgument {}
