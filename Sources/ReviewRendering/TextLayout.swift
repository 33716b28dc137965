/// Plain-text layout for terminals: word wrapping to a width, with a hanging indent.
public enum TextLayout {
    /// The width text output fits (a classic terminal).
    public static let defaultWidth = 80

    /// Wraps `text` to `width` columns; the first line starts with `first`, later lines with `rest`.
    /// Words longer than a line are broken. Line breaks in `text` are kept.
    public static func wrap(
        _ text: String, width: Int = defaultWidth, first: String = "", rest: String = ""
    )
        -> [String]
    {
        wrap(text, width: width, first: first, rest: rest, stopAfter: .max)
    }

    /// The first `stopAfter` lines of ``wrap(_:width:first:rest:)`` (all of them when there are fewer), without
    /// laying out the rest.
    static func wrap(_ text: String, width: Int, first: String, rest: String, stopAfter: Int) -> [String] {
        // Most texts fit on their first line as they are: one pass over the bytes instead of splitting into words.
        if fitsUnchanged(text, width: width - first.utf8.count) { return [first + text] }
        var lines: [String] = []
        var prefix = first
        // Lengths are kept as running counts: `String.count` walks the grapheme clusters every time it is asked.
        let restLength = rest.count
        var prefixLength = first.count
        func trimmed(_ lines: [String]) -> [String] {
            lines.map { $0.hasSuffix(" ") ? String($0.reversed().drop { $0 == " " }.reversed()) : $0 }
        }
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = prefix
            var lineLength = prefixLength
            var lineHasWord = false
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = Substring(word)
                var wordLength = word.count
                while wordLength > 0 {
                    let room = width - lineLength - (lineHasWord ? 1 : 0)
                    if wordLength <= room {
                        if lineHasWord {
                            line += " "
                            lineLength += 1
                        }
                        line += word
                        lineLength += wordLength
                        lineHasWord = true
                        wordLength = 0
                    } else if !lineHasWord {
                        let cut = max(1, room)
                        line += word.prefix(cut)
                        word = word.dropFirst(cut)
                        wordLength -= cut
                        lines.append(line)
                        if lines.count >= stopAfter { return trimmed(lines) }
                        line = rest
                        lineLength = restLength
                    } else {
                        lines.append(line)
                        if lines.count >= stopAfter { return trimmed(lines) }
                        line = rest
                        lineLength = restLength
                        lineHasWord = false
                    }
                }
            }
            lines.append(line)
            if lines.count >= stopAfter { return trimmed(lines) }
            prefix = rest
            prefixLength = restLength
        }
        return trimmed(lines)
    }
}

extension TextLayout {
    /// `text` needs no wrapping and no clean-up: at most `room` bytes (so at most `room` characters), no line break,
    /// no leading, trailing or doubled space.
    static func fitsUnchanged(_ text: String, width room: Int) -> Bool {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count <= room else { return false }
        var previous = UInt8(ascii: " ")
        for byte in bytes {
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: " ") && previous == byte) { return false }
            previous = byte
        }
        return previous != UInt8(ascii: " ")
    }

    /// ``wrap(_:width:first:rest:)`` kept to at most `lines` lines; a cut ends with "...".
    public static func wrap(
        _ text: String, width: Int = defaultWidth, first: String = "", rest: String = "", maxLines: Int
    ) -> [String] {
        // One line more than is kept tells whether anything was cut.
        let all = wrap(
            text, width: width, first: first, rest: rest,
            stopAfter: maxLines > 0 && maxLines < .max ? maxLines + 1 : .max)
        guard maxLines > 0, all.count > maxLines else { return all }
        var kept = Array(all.prefix(maxLines))
        var last = kept[maxLines - 1]
        let minimum = (maxLines == 1 ? first : rest).count
        while last.count + 3 > width, last.count > minimum, let space = last.lastIndex(of: " ") {
            last = String(last[..<space])
        }
        if last.count + 3 > width { last = String(last.prefix(max(minimum, width - 3))) }
        kept[maxLines - 1] = last + "..."
        return kept
    }
}
