import KnowledgeModel

/// Markdown escaping for text that did not come from Stackwise itself (service names, notes, accepted-risk
/// reasons, overlay text): it renders as the literal text, never as HTML, links, emphasis or table syntax.
public enum MarkdownText {
    /// Escapes `text` for use inline (in a paragraph, list item, heading or table cell): HTML-significant
    /// characters become entities, Markdown punctuation is backslash-escaped, line breaks become spaces, control
    /// and bidirectional characters are dropped, and bare URLs, `www.` names and e-mail addresses are escaped so
    /// that they never become live links.
    public static func inline(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for index in text.unicodeScalars.indices {
            let scalar = text.unicodeScalars[index]
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n", "\r", "\t", "\u{2028}", "\u{2029}": result += " "
            case "\\", "`", "*", "_", "[", "]", "|", "~":
                result += "\\"
                result.unicodeScalars.append(scalar)
            case "@":
                // An e-mail address would become a link (GitHub's extended autolinks).
                result += "\\@"
            case ":" where text.unicodeScalars[index...].starts(with: "://".unicodeScalars):
                // A bare URL would become a live link: `https\://x` renders as the text `https://x`.
                result += "\\:"
            case "." where String(result.unicodeScalars.suffix(3)).lowercased() == "www":
                result += "\\."
            default:
                if UntrustedText.isUnsafe(scalar, allowingLineBreaks: false) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        // Block syntax at the start of a line: headings, list markers, numbered lists.
        if let first = result.first, "#-+=".contains(first) { result = "\\" + result }
        if let dot = result.firstIndex(where: { !$0.isNumber }), dot != result.startIndex,
            result[dot] == "." || result[dot] == ")"
        {
            result.insert("\\", at: dot)
        }
        return result
    }

    /// Text inside a code span: backticks and line breaks cannot end it early.
    public static func code(_ text: String) -> String {
        let cleaned = String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { $0.value < 0x20 || $0 == "`" ? " " : $0 }))
        return "`\(cleaned)`"
    }

    /// A link whose target is a URL from the knowledge base; anything but http(s) renders as plain text.
    public static func link(_ title: String, url: String) -> String {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"),
            !url.contains(where: { $0 == " " || $0 == ")" || $0 == "(" || $0 == "<" || $0 == ">" || $0 == "\"" })
        else { return inline(title) + " (" + inline(url) + ")" }
        return "[\(inline(title))](\(url))"
    }
}
