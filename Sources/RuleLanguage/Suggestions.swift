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
        let lowered = word.lowercased()
        let length = lowered.count
        let limit = max(2, length / 3)
        var best: (candidate: String, distance: Int)?
        var examined = 0
        for candidate in candidates {
            examined += 1
            if examined > maximumCandidates { break }
            guard candidate.utf8.count <= (length + limit) * 4 else { continue }
            let other = candidate.lowercased()
            guard abs(other.count - length) <= limit else { continue }
            let distance = editDistance(lowered, other)
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// A ready-to-append hint: `; did you mean 'x'?`, or an empty string.
    public static func hint(for word: String, in candidates: some Sequence<String>) -> String {
        guard let match = closest(to: word, in: candidates) else { return "" }
        return "; did you mean '\(match)'?"
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
