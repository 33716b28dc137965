import Foundation

/// Facts about the terminal the CLI writes to.
enum Terminal {
    /// Colour only when standard output is a terminal and NO_COLOR (https://no-color.org) is unset or empty.
    static var wantsColour: Bool {
        if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
        if ProcessInfo.processInfo.environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) == 1
    }
}
