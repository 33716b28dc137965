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
        if let lines = wrapPlainASCII(text, width: width, first: first, rest: rest, stopAfter: stopAfter) {
            return lines
        }
        return wrapByCharacters(text, width: width, first: first, rest: rest, stopAfter: stopAfter)
    }

    /// ``wrap(_:width:first:rest:stopAfter:)`` for any text, word by word over its characters (the reference the
    /// faster paths give the same lines as).
    static func wrapByCharacters(_ text: String, width: Int, first: String, rest: String, stopAfter: Int) -> [String] {
        var lines: [String] = []
        var prefix = first
        // Lengths are kept as running counts: `String.count` walks the grapheme clusters every time it is asked.
        let restLength = rest.count
        var prefixLength = first.count
        func trimmed(_ lines: [String]) -> [String] { lines.map(trimmedLine) }
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
    /// `line` without trailing spaces (a line that got no word keeps only its prefix).
    static func trimmedLine(_ line: String) -> String {
        // A line whose last byte is not a space cannot end with the character " ".
        guard line.utf8.last == UInt8(ascii: " "), line.hasSuffix(" ") else { return line }
        return String(line.reversed().drop { $0 == " " }.reversed())
    }

    /// Whether every character of `text` is one byte: ASCII without a carriage return (CR LF is one character).
    static func isPlainASCII(_ text: some StringProtocol) -> Bool {
        withBytes(text) { bytes in
            allBytes(bytes, skippingWords: { $0 & highBits == 0 && !hasByte(0x0D, in: $0) }) {
                $0 < 0x80 && $0 != 0x0D
            }
        }
    }

    /// Whether `text` has no C0 control character, DEL or C1 control character (U+0080-U+009F, the bytes 0xC2
    /// 0x80-0x9F): nothing a terminal would take as a control sequence.
    static func isPrintable(_ text: String) -> Bool {
        withBytes(text) { bytes in
            var previous: UInt8 = 0
            var index = 0
            while index < bytes.count {
                // Eight printable ASCII bytes at a time (a C1 control needs a byte of 0x80 or more).
                if bytes.count - index >= 8 {
                    let word = UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(
                        fromByteOffset: index, as: UInt64.self)
                    if word & highBits == 0, !hasByteBelow(0x20, in: word), !hasByte(0x7F, in: word) {
                        previous = 0
                        index += 8
                        continue
                    }
                }
                let byte = bytes[index]
                if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F) { return false }
                previous = byte
                index += 1
            }
            return true
        }
    }

    private static let lowBits: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether one of the eight bytes of `word` is `byte`.
    @inline(__always) static func hasByte(_ byte: UInt8, in word: UInt64) -> Bool {
        let value = word ^ (lowBits &* UInt64(byte))
        return (value &- lowBits) & ~value & highBits != 0
    }

    /// Whether one of the eight bytes of `word` is below `limit` (at most 0x80).
    @inline(__always) static func hasByteBelow(_ limit: UInt8, in word: UInt64) -> Bool {
        (word &- lowBits &* UInt64(limit)) & ~word & highBits != 0
    }

    /// `body` over the UTF-8 bytes of `text` (in place when they are contiguous, as in every native string).
    @inline(__always) static func withBytes<Result>(
        _ text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// Whether every byte satisfies `check`, skipping eight bytes at a time where `word` says all eight do.
    @inline(__always) private static func allBytes(
        _ bytes: UnsafeBufferPointer<UInt8>, skippingWords word: (UInt64) -> Bool, _ check: (UInt8) -> Bool
    ) -> Bool {
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while bytes.count - index >= 8, word(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
            }
        }
        while index < bytes.count {
            if !check(bytes[index]) { return false }
            index += 1
        }
        return true
    }

    /// The number of characters in `text`: its byte count for plain ASCII (``isPlainASCII(_:)``), without walking
    /// the grapheme clusters.
    static func length(_ text: some StringProtocol) -> Int {
        isPlainASCII(text) ? text.utf8.count : text.count
    }

    /// ``wrap(_:width:first:rest:stopAfter:)`` for plain ASCII text (``isPlainASCII(_:)``; the prefixes may be any
    /// text), where every byte is a character: the same lines, laid out over the bytes. Nil for other text.
    static func wrapPlainASCII(
        _ text: String, width: Int, first: String, rest: String, stopAfter: Int
    ) -> [String]? {
        let space = UInt8(ascii: " ")
        let newline = UInt8(ascii: "\n")
        let wrapped = text.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            let restBytes = Array(rest.utf8)
            let restLength = rest.count
            var prefix = Array(first.utf8)
            var prefixLength = first.count
            var lines: [String] = []
            var line: [UInt8] = []
            /// Ends `line`; true when that was the last line wanted.
            func finish() -> Bool {
                lines.append(trimmedLine(String(decoding: line, as: UTF8.self)))
                return lines.count >= stopAfter
            }
            var paragraphStart = 0
            while true {
                let paragraphEnd = bytes[paragraphStart...].firstIndex(of: newline) ?? bytes.count
                line = prefix
                var lineLength = prefixLength
                var lineHasWord = false
                var position = paragraphStart
                while position < paragraphEnd {
                    if bytes[position] == space {
                        position += 1
                        continue
                    }
                    var wordStart = position
                    while position < paragraphEnd, bytes[position] != space { position += 1 }
                    var wordLength = position - wordStart
                    while wordLength > 0 {
                        let room = width - lineLength - (lineHasWord ? 1 : 0)
                        if wordLength <= room {
                            if lineHasWord {
                                line.append(space)
                                lineLength += 1
                            }
                            line += bytes[wordStart..<position]
                            lineLength += wordLength
                            lineHasWord = true
                            wordLength = 0
                        } else if !lineHasWord {
                            let cut = max(1, room)
                            line += bytes[wordStart..<(wordStart + cut)]
                            wordStart += cut
                            wordLength -= cut
                            if finish() { return lines }
                            line = restBytes
                            lineLength = restLength
                        } else {
                            if finish() { return lines }
                            line = restBytes
                            lineLength = restLength
                            lineHasWord = false
                        }
                    }
                }
                if finish() { return lines }
                prefix = restBytes
                prefixLength = restLength
                guard paragraphEnd < bytes.count else { return lines }
                paragraphStart = paragraphEnd + 1
            }
        }
        return wrapped ?? nil
    }

    /// `text` needs no wrapping and no clean-up: at most `room` bytes (so at most `room` characters), no line break,
    /// no leading, trailing or doubled space.
    static func fitsUnchanged(_ text: String, width room: Int) -> Bool {
        guard !text.utf8.isEmpty, text.utf8.count <= room else { return false }
        return withBytes(text) { bytes in
            var previous = UInt8(ascii: " ")
            for byte in bytes {
                if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: " ") && previous == byte) { return false }
                previous = byte
            }
            return previous != UInt8(ascii: " ")
        }
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
        while length(last) + 3 > width, length(last) > minimum, let space = last.lastIndex(of: " ") {
            last = String(last[..<space])
        }
        if length(last) + 3 > width { last = String(last.prefix(max(minimum, width - 3))) }
        kept[maxLines - 1] = last + "..."
        return kept
    }
}
