/// "Did you mean" suggestions for mistyped ids and keys.
public enum Suggestions {
    /// Longest word that gets a suggestion: ids are short, so a longer word is no typo of one, and comparing it
    /// would cost time in proportion to its length times each candidate's.
    public static let maximumWordLength = 64
    /// Most candidates compared for one word (a knowledge base has a few thousand ids at most).
    public static let maximumCandidates = 20_000

    /// The candidate closest to `word` by edit distance, if it is close enough to be a plausible typo.
    /// Bounded: words longer than ``maximumWordLength`` get none, candidates whose length alone rules them out are
    /// skipped without a comparison, and at most ``maximumCandidates`` are looked at.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        guard word.utf8.count <= maximumWordLength * 4, word.count <= maximumWordLength else { return nil }
        let lowered = Array(word.lowercased())
        let length = lowered.count
        let limit = max(2, length / 3)
        // Ids are ASCII: compared as bytes, which for ASCII text (without CR, which joins LF into one character)
        // gives the same distance as comparing characters, without breaking each candidate into characters.
        let asciiWord = asciiLowercased(word)
        var best: (candidate: String, distance: Int)?
        var rows = DistanceRows(capacity: length + limit + 1)
        var examined = 0
        // The first word of a longer id ("serverless" for "serverless-functions"): suggested when no candidate is
        // a plausible typo and exactly one id starts with the word and a separator.
        var longer: (candidate: String, count: Int) = ("", 0)
        for candidate in candidates {
            examined += 1
            if examined > maximumCandidates { break }
            if length >= 3, let asciiWord, candidate.utf8.count > asciiWord.count,
                Self.extends(candidate, asciiWord)
            {
                longer = (candidate, longer.count + 1)
            }
            guard candidate.utf8.count <= (length + limit) * 4 else { continue }
            // Only a candidate closer than the best so far can win, so its distance is computed no further.
            let cutoff = min(limit, (best?.distance ?? Int.max) - 1)
            let distance: Int?
            if let asciiWord, let other = asciiLowercased(candidate) {
                distance = boundedEditDistance(asciiWord, other, cutoff: cutoff, rows: &rows)
            } else {
                distance = boundedEditDistance(lowered, Array(candidate.lowercased()), cutoff: cutoff, rows: &rows)
            }
            if let distance { best = (candidate, distance) }
        }
        return best?.candidate ?? (longer.count == 1 ? longer.candidate : nil)
    }

    /// Whether `candidate` is `word` (lower-case ASCII) followed by `-`, `_` or `.` and more, ignoring case.
    static func extends(_ candidate: String, _ word: [UInt8]) -> Bool {
        var index = 0
        for byte in candidate.utf8 {
            if index == word.count {
                return byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            }
            let lowered = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            guard lowered == word[index] else { return false }
            index += 1
        }
        return false
    }

    /// The lower-cased bytes of an ASCII text without carriage returns; nil for any other text.
    static func asciiLowercased(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard byte < 0x80, byte != 0x0D else { return nil }
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }
        return bytes
    }

    /// A ready-to-append hint: `; did you mean 'x'?`, or an empty string.
    public static func hint(for word: String, in candidates: some Sequence<String>) -> String {
        guard let match = closest(to: word, in: candidates) else { return "" }
        return "; did you mean '\(match)'?"
    }

    /// Three reusable rows of the edit-distance table, so comparing many candidates allocates once.
    struct DistanceRows {
        var previousPrevious: [Int]
        var previous: [Int]
        var current: [Int]

        init(capacity: Int) {
            previousPrevious = [Int](repeating: 0, count: capacity)
            previous = previousPrevious
            current = previousPrevious
        }

        mutating func reserve(_ count: Int) {
            guard previous.count < count else { return }
            self = DistanceRows(capacity: count)
        }
    }

    /// ``editDistance(_:_:)`` when it is at most `cutoff`, else nil: it stops at the first row whose smallest entry
    /// exceeds `cutoff` (entries never decrease from one row to the next, transpositions included).
    static func boundedEditDistance<Element: Equatable>(
        _ a: [Element], _ b: [Element], cutoff: Int, rows: inout DistanceRows
    ) -> Int? {
        guard cutoff >= 0 else { return nil }
        if a.isEmpty { return b.count <= cutoff ? b.count : nil }
        if b.isEmpty { return a.count <= cutoff ? a.count : nil }
        guard abs(a.count - b.count) <= cutoff else { return nil }
        rows.reserve(b.count + 1)
        for j in 0...b.count { rows.previous[j] = j }
        for i in 1...a.count {
            rows.current[0] = i
            var smallest = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(rows.previous[j] + 1, rows.current[j - 1] + 1, rows.previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, rows.previousPrevious[j - 2] + 1)
                }
                rows.current[j] = value
                smallest = min(smallest, value)
            }
            if smallest > cutoff { return nil }
            swap(&rows.previousPrevious, &rows.previous)
            swap(&rows.previous, &rows.current)
        }
        let distance = rows.previous[b.count]
        return distance <= cutoff ? distance : nil
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            previousPrevious = previous
            previous = current
        }
        return previous[b.count]
    }
}
