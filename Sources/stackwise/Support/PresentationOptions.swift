import ArgumentParser
import Foundation
import ReviewRendering

extension ReviewDetail: WordArgument {}

/// `--color auto|always|never`.
enum ColourMode: String, WordArgument {
    case auto, always, never
}

/// How a review reaches a person: `--detail`, `--color` and `--no-pager` (README.md, "Reading a review").
struct PresentationOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "How much to show: brief, standard (priorities, compact decisions, grouped findings, high checklist "
                + "items) or full (every reason, alternative and checklist item).", valueName: "level"))
    var detail: ReviewDetail = .standard

    @Option(
        name: .customLong("color"),
        help: ArgumentHelp(
            "Colour in text output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always or "
                + "never.", valueName: "when"))
    var colour: ColourMode = .auto

    @Flag(
        name: .customLong("no-pager"),
        help: "Never page: on a terminal, long output otherwise goes through $PAGER (default: less -FRX).")
    var noPager = false

    /// Whether text output gets ANSI colour.
    var wantsColour: Bool {
        Terminal.wantsColour(colour, environment: ProcessInfo.processInfo.environment, isTerminal: Terminal.isOutput)
    }
}
