/// Display width of text in terminal columns (what `wcwidth` says for a UTF-8 terminal): East Asian wide and
/// emoji characters take two columns, combining marks and format characters none.
public enum TextWidth {
    /// Columns one Unicode scalar takes.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20, value < 0x7F { return 1 }  // ASCII: the common case, no Unicode property lookups
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if value == 0x200B || (0xFE00...0xFE0F).contains(value) { return 0 }
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Columns one grapheme cluster takes (its widest scalar; combining marks add nothing).
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii < 0x7F ? 1 : 0 }
        var width = 0
        for scalar in character.unicodeScalars { width = max(width, of(scalar)) }
        return width
    }

    /// Columns a string takes.
    public static func of(_ text: String) -> Int {
        // ASCII text (most of it) is measured on its bytes, without splitting it into grapheme clusters.
        var columns = 0
        for byte in text.utf8 {
            guard byte < 0x80 else { return text.reduce(0) { $0 + of($1) } }
            if byte >= 0x20, byte < 0x7F { columns += 1 }
        }
        return columns
    }

    /// The longest prefix of `text` that fits in `width` columns, with `…` when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        // Short ASCII text fits as it is; otherwise one pass that stops as soon as the text is known not to fit (a
        // row can be far longer than the screen).
        if text.utf8.count <= width, text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var used = 0
        var cut: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let columns = of(text[index])
            if cut == nil, used + columns > width - 1 { cut = index }
            used += columns
            if used > width { return String(text[..<(cut ?? index)]) + "…" }
            index = text.index(after: index)
        }
        return text
    }

    /// `text` padded with spaces (or truncated) to exactly `width` columns.
    public static func pad(_ text: String, to width: Int) -> String {
        let fitted = truncate(text, to: width)
        return fitted + String(repeating: " ", count: max(0, width - of(fitted)))
    }

    /// Word-wraps `text` into lines of at most `width` columns; words longer than a line are broken. Newlines in
    /// the text start new lines. Lines after the first of a paragraph start with `indent` spaces (hanging indent).
    public static func wrap(_ text: String, width: Int, indent: Int = 0) -> [String] {
        guard width > 0 else { return [] }
        let indent = max(0, min(indent, width - 1))
        let padding = String(repeating: " ", count: indent)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var used = 0
            var first = true
            var available: Int { first ? width : width - indent }
            func flush() {
                lines.append(first ? line : padding + line)
                first = false
                line = ""
                used = 0
            }
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = String(word)
                var wordWidth = of(word)
                if used > 0, used + 1 + wordWidth <= available {
                    line += " " + word
                    used += 1 + wordWidth
                    continue
                }
                if used > 0 { flush() }
                while wordWidth > available {
                    var head = ""
                    var headWidth = 0
                    var rest = Substring(word)
                    while let next = rest.first, headWidth + of(next) <= available {
                        head.append(next)
                        headWidth += of(next)
                        rest = rest.dropFirst()
                    }
                    if head.isEmpty { break }
                    line = head
                    flush()
                    word = String(rest)
                    wordWidth = of(word)
                }
                line = word
                used = wordWidth
            }
            lines.append(first ? line : padding + line)
        }
        return lines
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
            0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
            0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

/// Removes C0/C1 control characters (ESC, BEL, CSI...) from untrusted text; tabs and newlines become spaces.
public func sanitizedForTerminal(_ text: String) -> String {
    // Most text has no control character: a scan of its bytes (0xC2 leads U+0080...U+00BF, the C1 controls among
    // them) leaves it as it is.
    guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return text }
    return String(
        String.UnicodeScalarView(
            text.unicodeScalars.compactMap { scalar in
                if scalar == "\t" || scalar == "\n" || scalar == "\r" { return " " }
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) { return nil }
                return scalar
            }))
}
