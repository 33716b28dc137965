import Foundation

/// Facts about the terminal the CLI writes to.
enum Terminal {
    /// Standard output is a terminal.
    static var isOutput: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Colour for `--color auto` (the default): only when standard output is a terminal and NO_COLOR
    /// (https://no-color.org) is unset or empty.
    static var wantsColour: Bool {
        wantsColour(.auto, environment: ProcessInfo.processInfo.environment, isTerminal: isOutput)
    }

    /// The colour decision, in this order: `--color always|never` wins; then a non-empty NO_COLOR turns colour
    /// off; then a non-empty CLICOLOR_FORCE turns it on; then a terminal whose TERM is not `dumb` gets colour.
    static func wantsColour(_ mode: ColourMode, environment: [String: String], isTerminal: Bool) -> Bool {
        switch mode {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if let force = environment["CLICOLOR_FORCE"], !force.isEmpty, force != "0" { return true }
            if environment["TERM"] == "dumb" { return false }
            return isTerminal
        }
    }

    /// Columns to wrap plain text at: COLUMNS when it is a positive number, else the terminal's width (standard
    /// output), else 80.
    static var columns: Int {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 {
            return min(columns, 1000)
        }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
