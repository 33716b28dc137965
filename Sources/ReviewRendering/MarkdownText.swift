import KnowledgeModel

/// Markdown escaping for text that did not come from Stackwise itself (service names, notes, accepted-risk
/// reasons, overlay text): it renders as the literal text, never as HTML, links, emphasis or table syntax.
public enum MarkdownText {
    /// Escapes `text` for use inline (in a paragraph, list item, heading or table cell): HTML-significant
    /// characters become entities, Markdown punctuation is backslash-escaped, line breaks become spaces, control
    /// and bidirectional characters are dropped, and bare URLs, `www.` names and e-mail addresses are escaped so
    /// that they never become live links.
    public static func inline(_ text: String) -> String {
        inlinePlainASCII(text) ?? inlineByScalars(text)
    }

    /// ``inline(_:)`` for ASCII text (all of the knowledge base's), over its bytes; nil for other text.
    static func inlinePlainASCII(_ text: String) -> String? {
        TextLayout.withBytes(text) { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            func add(_ literal: StaticString) { literal.withUTF8Buffer { out.append(contentsOf: $0) } }
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x80 else { return nil }
                switch byte {
                case UInt8(ascii: "&"): add("&amp;")
                case UInt8(ascii: "<"): add("&lt;")
                case UInt8(ascii: ">"): add("&gt;")
                case UInt8(ascii: "\""): add("&quot;")
                case 0x0A, 0x0D, 0x09: out.append(UInt8(ascii: " "))
                case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                    UInt8(ascii: "]"), UInt8(ascii: "|"), UInt8(ascii: "~"):
                    out.append(UInt8(ascii: "\\"))
                    out.append(byte)
                case UInt8(ascii: "@"): add("\\@")
                case UInt8(ascii: ":")
                where index + 2 < bytes.count && bytes[index + 1] == UInt8(ascii: "/")
                    && bytes[index + 2] == UInt8(ascii: "/"):
                    add("\\:")
                case UInt8(ascii: ".")
                where out.count >= 3 && out.suffix(3).allSatisfy { $0 == UInt8(ascii: "w") || $0 == UInt8(ascii: "W") }:
                    add("\\.")
                default:
                    if byte < 0x20 || byte == 0x7F { continue }
                    out.append(byte)
                }
            }
            // Block syntax at the start of a line: headings, list markers, numbered lists.
            if let first = out.first, "#-+=".utf8.contains(first) { out.insert(UInt8(ascii: "\\"), at: 0) }
            if let dot = out.firstIndex(where: { !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }), dot != 0,
                out[dot] == UInt8(ascii: ".") || out[dot] == UInt8(ascii: ")")
            {
                out.insert(UInt8(ascii: "\\"), at: dot)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// ``inline(_:)`` for any text, scalar by scalar (the reference the byte path gives the same text as).
    static func inlineByScalars(_ text: String) -> String {
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
        // Nothing to replace (both kinds are single bytes): the text as it is.
        if TextLayout.withBytes(text, { $0.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "`") } }) {
            return "`\(text)`"
        }
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
