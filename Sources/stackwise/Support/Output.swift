import Foundation

/// The only place that writes to the terminal. Text that came from users or overlays is stripped of control
/// characters first, so it can never move the cursor, change colours or retitle the terminal.
enum Output {
    static func print(_ text: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((sanitized(text) + terminator).utf8))
    }

    /// Prints text a renderer has already reduced to printable characters plus its own colour codes
    /// (``ReviewRendering/ReviewText``); nothing else may use this.
    static func printRendered(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((sanitized(text) + "\n").utf8))
    }

    /// Removes C0/C1 control characters (ESC, BEL, CSI...) except newline and tab.
    static func sanitized(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.filter { scalar in
                    if scalar == "\n" || scalar == "\t" { return true }
                    return !(scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value))
                }))
    }
}
