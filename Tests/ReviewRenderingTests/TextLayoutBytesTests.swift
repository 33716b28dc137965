import Foundation
import Testing

@testable import ReviewRendering

/// The text layout measures, wraps and cleans plain text over its bytes: the same answers as going character by
/// character, on every kind of text.
@Suite struct TextLayoutBytesTests {
    /// Deterministic texts mixing words, spaces, line breaks, CR LF, controls, DEL, C1 controls, accents, combining
    /// marks, emoji and long words, of lengths around the eight-byte steps.
    static func texts() -> [String] {
        let pieces = [
            "a", "word", " ", "  ", "\n", "\r\n", "\r", "\u{1B}", "\u{7F}", "\u{85}", "é", "e\u{301}", "🙂", "x",
            "unbreakable-long-word-with-no-spaces", "\t", "(", ".", " - ", ";",
        ]
        var generator = SplitMix(seed: 7)
        var texts: [String] = ["", " ", "a", String(repeating: "a", count: 8), String(repeating: "a b ", count: 30)]
        for _ in 0..<600 {
            var text = ""
            for _ in 0..<Int(generator.next() % 24) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            texts.append(text)
        }
        return texts
    }

    @Test func plainASCIIAndPrintableMatchCharacterChecks() {
        for text in Self.texts() {
            #expect(TextLayout.isPlainASCII(text) == text.unicodeScalars.allSatisfy { $0.isASCII && $0 != "\r" })
            let printable = !text.unicodeScalars.contains {
                $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value)
            }
            #expect(TextLayout.isPrintable(text) == printable, "\(text.debugDescription)")
            #expect(TextLayout.length(text) == text.count)
        }
    }

    @Test func byteWrappingMatchesCharacterWrapping() {
        for text in Self.texts() {
            for width in [1, 5, 12, 40] {
                for (first, rest) in [("", ""), ("  - ", "    "), ("  ≠ ", "    "), ("x", "  ")] {
                    for stopAfter in [1, 2, Int.max] {
                        let expected = TextLayout.wrapByCharacters(
                            text, width: width, first: first, rest: rest, stopAfter: stopAfter)
                        #expect(
                            TextLayout.wrap(text, width: width, first: first, rest: rest, stopAfter: stopAfter)
                                == expected, "\(text.debugDescription) width \(width)")
                    }
                }
            }
        }
    }

    @Test func clauseCutsMatchCharacterCounting() {
        let long = String(repeating: "lorem ipsum ", count: 9)
        for text in Self.texts() + [long, long + "(x) y", "A (b) c (d)", " (a)", "Name (detail)"] {
            var clause = String(text[..<ReviewText.clauseEnd(text)])
            if clause.hasSuffix(".") { clause.removeLast() }
            if clause.count > 60 {
                var cut = ""
                for word in clause.split(separator: " ") {
                    if cut.count + word.count + 1 > 57 { break }
                    cut += (cut.isEmpty ? "" : " ") + word
                }
                clause = cut + "..."
            }
            #expect(ReviewText.firstClause(text) == clause, "\(text.debugDescription)")
            let open = text.range(of: " (")
            let short = open.map { $0.lowerBound == text.startIndex ? text : String(text[..<$0.lowerBound]) } ?? text
            #expect(ReviewText.shortName(text) == short, "\(text.debugDescription)")
            for length in [0, 3, 10, 30] {
                var reference = ""
                if text.count <= length {
                    reference = text
                } else {
                    for word in text.split(separator: " ") {
                        if reference.count + word.count + 1 > length - 3 { break }
                        reference += (reference.isEmpty ? "" : " ") + word
                    }
                    if reference.isEmpty { reference = String(text.prefix(max(0, length - 3))) }
                    reference += "..."
                }
                #expect(ReviewText.cut(text, to: length) == reference, "\(text.debugDescription) \(length)")
            }
        }
    }

    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }
}

/// Markdown escaping of ASCII text runs over its bytes: the same text as escaping scalar by scalar.
@Suite struct MarkdownBytesTests {
    @Test func byteEscapingMatchesScalarEscaping() {
        let pieces = [
            "a", "Word", " ", "\n", "\r\n", "\t", "\u{1B}", "\u{7F}", "&", "<", ">", "\"", "\\", "`", "*", "_", "[",
            "]", "|", "~", "@", "://", ":", "/", "www", "WwW", "w", ".", ")", "#", "-", "+", "=", "1", "42", "é",
        ]
        var generator = TextLayoutBytesTests.SplitMix(seed: 11)
        var texts = ["", "1.", "12) x", "#", "www.", "a://b", "-", "3"]
        for _ in 0..<800 {
            var text = ""
            for _ in 0..<Int(generator.next() % 12) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            texts.append(text)
        }
        for text in texts {
            #expect(MarkdownText.inline(text) == MarkdownText.inlineByScalars(text), "\(text.debugDescription)")
            let reference =
                "`"
                + String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0 == "`" ? " " : $0 }))
                + "`"
            #expect(MarkdownText.code(text) == reference, "\(text.debugDescription)")
        }
    }
}
