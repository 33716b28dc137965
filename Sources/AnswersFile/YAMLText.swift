import KnowledgeModel

/// Writes YAML scalars that read back exactly as written: plain when that is unambiguous, double-quoted (with
/// escapes for quotes, backslashes and control characters) otherwise.
public enum YAMLText {
    /// Words YAML 1.1 or 1.2 readers may take for booleans or null.
    private static let reservedWords: Set<String> = [
        "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~",
    ]

    /// An id or option id: plain when it is a plain word, quoted otherwise.
    public static func scalar(_ text: String) -> String {
        isPlainSafe(text) ? text : quoted(text)
    }

    /// Always double-quoted (free text: notes, names, reasons); control and bidirectional characters are escaped.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                let value = scalar.value
                if UntrustedText.isUnsafe(scalar, allowingLineBreaks: false) || value == 0x2028
                    || value == 0x2029 || value == 0xFEFF
                {
                    result +=
                        "\\u" + String(repeating: "0", count: 4 - String(value, radix: 16).count)
                        + String(value, radix: 16, uppercase: true)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// An answer value as YAML: `true`, `500`, `relational`, `[a, b]`, `"free text"`.
    public static func value(_ value: AnswerValue) -> String {
        switch value {
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return formatNumber(number)
        case .text(let text): return quoted(text)
        case .choice(let id): return scalar(id)
        case .choices(let ids): return "[" + ids.map(scalar).joined(separator: ", ") + "]"
        }
    }

    /// One line of a comment: line breaks and control characters become spaces.
    public static func comment(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                        || scalar.value == 0x2028 || scalar.value == 0x2029 ? " " : scalar
                }))
    }

    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first)
        else { return false }
        if reservedWords.contains(text.lowercased()) { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "_" || scalar == "-" || scalar == "." || scalar == "/"
        }
    }
}
