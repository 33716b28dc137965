import KnowledgeModel
import RecommendationEngine

/// Line layout for the text review: clauses, cuts, one-line fits and wrapping with colour.
extension ReviewText {
    /// The main clause of a reason: the text before its first "; ", ": ", " (", " - " or sentence end, at most
    /// about 60 characters (cut at a word).
    static func firstClause(_ text: String) -> String {
        var clause = String(text[..<clauseEnd(text)])
        if clause.hasSuffix(".") { clause.removeLast() }
        // Plain ASCII (all of the knowledge base's text) is measured and cut over the bytes.
        if TextLayout.isPlainASCII(clause) {
            guard clause.utf8.count > 60 else { return clause }
            return leadingWords(ofPlainASCII: clause, limit: 57) + "..."
        }
        guard clause.count > 60 else { return clause }
        var cut = ""
        for word in clause.split(separator: " ") {
            if cut.count + word.count + 1 > 57 { break }
            cut += (cut.isEmpty ? "" : " ") + word
        }
        return cut + "..."
    }

    /// The words of plain ASCII `text` (``TextLayout/isPlainASCII(_:)``) joined by single spaces, up to the first
    /// word that would take the length plus one past `limit`: what joining `split(separator: " ")` word by word with
    /// that check gives, over the bytes.
    static func leadingWords(ofPlainASCII text: String, limit: Int) -> String {
        let space = UInt8(ascii: " ")
        var result: [UInt8] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == space {
                index += 1
                continue
            }
            let start = index
            while index < bytes.count, bytes[index] != space { index += 1 }
            if result.count + (index - start) + 1 > limit { break }
            if !result.isEmpty { result.append(space) }
            result += bytes[start..<index]
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Where the main clause of `text` ends: the first "; ", ": ", " (", " - ", ". ", ", so " or ", which ", else
    /// the end. One pass over the UTF-8 bytes (every separator is ASCII): start-up renders hundreds of these.
    static func clauseEnd(_ text: String) -> String.Index {
        let bytes = Array(text.utf8)
        func next(_ index: Int, _ expected: String) -> Bool {
            var probe = index + 1
            for byte in expected.utf8 {
                guard probe < bytes.count, bytes[probe] == byte else { return false }
                probe += 1
            }
            return true
        }
        for index in bytes.indices {
            let matched: Bool
            switch bytes[index] {
            case UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "."): matched = next(index, " ")
            case UInt8(ascii: " "): matched = next(index, "(") || next(index, "- ")
            case UInt8(ascii: ","): matched = next(index, " so ") || next(index, " which ")
            default: matched = false
            }
            if matched { return text.utf8.index(text.utf8.startIndex, offsetBy: index) }
        }
        return text.endIndex
    }

    /// Labelled texts on one line ("why: ... | cost: ..."), each text cut at a word to share the width fairly.
    static func fitLine(_ parts: [(label: String, text: String)], indent: String, width: Int) -> String {
        let separator = "  "
        let fixed =
            TextLayout.length(indent) + parts.map { TextLayout.length($0.label) }.reduce(0, +) + separator.count
            * max(0, parts.count - 1)
        var room = max(0, width - fixed)
        var budgets = [Int](repeating: 0, count: parts.count)
        let lengths = parts.map { TextLayout.length($0.text) }
        // Shortest first: a text that fits leaves its unused share to the others.
        for (position, index) in parts.indices.sorted(by: { lengths[$0] < lengths[$1] }).enumerated() {
            let share = room / (parts.count - position)
            budgets[index] = min(lengths[index], share)
            room -= budgets[index]
        }
        let texts = parts.indices.map { index in
            parts[index].label + cut(singleLine(parts[index].text), to: budgets[index])
        }
        return indent + texts.joined(separator: separator)
    }

    /// `text` in at most `length` characters, cut at a word and ended with "..." when shortened.
    static func cut(_ text: String, to length: Int) -> String {
        var result = ""
        if TextLayout.isPlainASCII(text) {
            guard text.utf8.count > length else { return text }
            result = leadingWords(ofPlainASCII: text, limit: length - 3)
        } else {
            guard text.count > length else { return text }
            for word in text.split(separator: " ") {
                if result.count + word.count + 1 > length - 3 { break }
                result += (result.isEmpty ? "" : " ") + word
            }
        }
        if result.isEmpty { result = String(text.prefix(max(0, length - 3))) }
        return result + "..."
    }

    /// "Managed containers (AWS ECS on Fargate, ...)" -> "Managed containers".
    static func shortName(_ name: String) -> String { OptionName.short(name) }

    func wrap(
        _ text: String, first: String, rest: String, _ colour: Colour = .plain, maxLines: Int = Int.max
    ) -> [String] {
        TextLayout.wrap(Self.singleLine(text), width: width, first: first, rest: rest, maxLines: maxLines).map {
            style($0, colour)
        }
    }

    /// User text may hold line breaks and control characters: one line of printable text.
    static func singleLine(_ text: String) -> String {
        // Almost every text is clean: one pass over the bytes instead of rebuilding it scalar by scalar.
        let clean = TextLayout.isPrintable(text)
        if clean { return text }
        return String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) ? " " : scalar
                }))
    }
}
