/// Text that came from a file or the command line, made safe to show: no control character can move the cursor or
/// fake a new line of output, no bidirectional control can reorder what is displayed.
public enum UntrustedText {
    /// Whether `scalar` is a C0/C1 control character (other than the line break and tab `allowing` permits) or a
    /// bidirectional formatting character (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069).
    public static func isUnsafe(_ scalar: Unicode.Scalar, allowingLineBreaks: Bool) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x0A, 0x0D: return !allowingLineBreaks
        case 0x00..<0x20, 0x7F, 0x80...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// The first unsafe character of `text` and its 1-based line and column (in characters), or nil.
    public static func firstUnsafe(
        in text: String, allowingLineBreaks: Bool
    ) -> (
        scalar: Unicode.Scalar, line: Int, column: Int
    )? {
        var line = 1
        var column = 0
        for scalar in text.unicodeScalars {
            column += 1
            if isUnsafe(scalar, allowingLineBreaks: allowingLineBreaks) { return (scalar, line, column) }
            if scalar == "\n" {
                line += 1
                column = 0
            }
        }
        return nil
    }

    /// `U+202E (right-to-left override)`-style name of an unsafe character, for messages.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        switch scalar.value {
        case 0x0A: return "\(code) (line break)"
        case 0x0D: return "\(code) (carriage return)"
        case 0x1B: return "\(code) (escape)"
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            return "\(code) (bidirectional control)"
        default: return "\(code) (control character)"
        }
    }

    /// `text` on one line, as git quotes paths: line breaks, tabs, control and bidirectional characters become
    /// escapes (`\n`, `\t`, `\u{202E}`), and text longer than `limit` characters is cut with `…` and its length.
    public static func escaped(_ text: String, limit: Int = 300) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            if count > limit {
                let total = text.unicodeScalars.count
                out += "… (\(total) characters)"
                return out
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if isUnsafe(scalar, allowingLineBreaks: false) {
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
