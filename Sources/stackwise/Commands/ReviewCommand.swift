import ArgumentParser
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

    @Option(help: "Output format: text (80 columns), markdown or json (versioned, see README).")
    var format: ReviewFormat = .text

    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp("Exit 1 when unaccepted findings at or above this severity exist.", valueName: "severity"))
    var failOn: Severity?

    @Flag(help: "Fail (exit 2) when a required question that is asked has no answer, instead of using its default.")
    var strict = false

    @Flag(
        name: .customLong("dump-model"),
        help: """
            Print the optimisation instance instead of the review (JSON): applicable decisions, each option's score \
            from the fired rules, exclusions and compatibility constraints, the tie rule and the solver's choice.
            """)
    var dumpModel = false

    func run() throws {
        let (engine, answers) = try input.load()
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
        switch format {
        case .text:
            let text = ReviewText(colour: presentation.wantsColour, detail: presentation.detail).render(report)
            Output.show(text, rendered: true, paging: !presentation.noPager)
        case .markdown:
            let markdown = ReviewMarkdown(detail: presentation.detail).render(report)
            Output.show(markdown, rendered: false, paging: !presentation.noPager)
        case .json:
            Output.print(ReviewJSON.render(report))
        }
        if let failOn {
            let failing = report.unacceptedFindings(atOrAbove: failOn)
            if !failing.isEmpty {
                Output.error(
                    "\(failing.count) unaccepted finding\(failing.count == 1 ? "" : "s") at or above \(failOn.rawValue)"
                        + " severity: " + failing.map(\.finding.id).joined(separator: ", "))
                throw ExitCode(ExitStatus.failed)
            }
        }
    }
}

/// The formats of `stackwise review`.
enum ReviewFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
}

extension Severity: ExpressibleByArgument {}
