/// Finds the numeric and dated claims in a text a user reads: a date (`2026-10-28`), a year (`2023`), a number
/// with a unit (`30 s`, `46,850 req/s`, `100 connections`, `15%`) or a version after a name (`Node 26`,
/// `RFC 6749`). Each claim is the words that make it, as written. One pass over the words: bounded time.
public enum ClaimFinder {
    /// Words that make a number a measured quantity when they follow it (compared in lower case, without
    /// trailing punctuation).
    static let units: Set<String> = [
        "s", "ms", "µs", "ns", "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "h", "hr",
        "hrs", "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years", "b", "byte",
        "bytes", "kb", "mb", "gb", "tb", "kib", "mib", "gib", "tib", "req/s", "requests/s", "rps", "requests",
        "connections", "connection", "sockets", "socket", "clients", "threads", "workers", "%", "percent", "x",
        "times", "ops/s", "messages/s", "msg/s", "rounds", "iterations", "characters", "chars", "items", "entries",
        "attempts", "retries", "tokens",
    ]
    /// Unit suffixes written against the number (`30s`, `512MB`, `15%`, `3x`).
    static let suffixes = [
        "ms", "µs", "ns", "s", "sec", "min", "h", "kb", "mb", "gb", "tb", "kib", "mib", "gib", "%", "x", "×", "req/s",
    ]

    /// The claims in `text`, in order.
    public static func claims(in text: String) -> [String] {
        let words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        var result: [String] = []
        for (index, raw) in words.enumerated() {
            let word = trimmed(raw)
            guard let first = word.unicodeScalars.first, ("0"..."9").contains(first) else { continue }
            if isDate(word) || isYear(word) {
                result.append(word)
                continue
            }
            let (number, suffix) = splitNumber(word)
            guard !number.isEmpty, !word.hasSuffix(".x") else { continue }
            if !suffix.isEmpty {
                if suffixes.contains(suffix.lowercased()), !isStatusPlural(number, suffix) { result.append(word) }
                continue
            }
            if index + 1 < words.count, units.contains(trimmed(words[index + 1]).lowercased()) {
                result.append("\(number) \(trimmed(words[index + 1]))")
            } else if index > 0, isName(trimmed(words[index - 1]), opensSentence: opensSentence(words, at: index - 1)) {
                result.append("\(trimmed(words[index - 1])) \(number)")
            }
        }
        return result
    }

    /// Whether the word at `index` is the first of a sentence.
    static func opensSentence(_ words: [String], at index: Int) -> Bool {
        guard index > 0, let last = words[index - 1].last else { return true }
        return [".", "!", "?", ":", ";"].contains(last)
    }

    /// Strips quotes, brackets and sentence punctuation around a word (keeps `%` and `/s`).
    static func trimmed(_ word: String) -> String {
        let edge: Set<Character> = [
            "(", ")", "[", "]", "\"", "'", "`", ",", ";", ":", ".", "!", "?", "~", "<", ">",
            "≈", "*", "_",
        ]
        var scalars = Substring(word)
        while let first = scalars.first, edge.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, edge.contains(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }

    /// `46,850` / `1.5` / `30` then whatever follows (`s`, `MB`, `-second`).
    static func splitNumber(_ word: String) -> (String, String) {
        var number = ""
        var rest = Substring(word)
        while let c = rest.first, c.isASCII, c.isNumber || ((c == "," || c == ".") && !rest.dropFirst().isEmpty) {
            number.append(c)
            rest = rest.dropFirst()
        }
        while number.last == "," || number.last == "." { number.removeLast() }
        return (number, String(rest))
    }

    /// `304s`, `502s`: HTTP status codes in the plural, not seconds.
    static func isStatusPlural(_ number: String, _ suffix: String) -> Bool {
        suffix == "s" && number.count == 3 && ["2", "3", "4", "5"].contains(number.first.map(String.init) ?? "")
    }

    static func isDate(_ word: String) -> Bool {
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2
            && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    static func isYear(_ word: String) -> Bool {
        guard word.count == 4, word.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(word) else {
            return false
        }
        return (1990...2100).contains(year)
    }

    /// Product names that open sentences ("Node 26 became Active LTS ...").
    static let products: Set<String> = [
        "Node", "Express", "Fastify", "Koa", "Prisma", "Redis", "Kafka", "Zod", "BullMQ", "RabbitMQ", "TypeORM",
        "Sequelize", "Mongoose", "MongoDB", "PostgreSQL", "MySQL", "Python", "Java", "Go",
    ]

    /// A product or standard name before a version number (`Node`, `RFC`, `Node.js`, `PostgreSQL`): a known
    /// product, a word with a dot or two capitals, or a capitalised word inside a sentence (a sentence's first
    /// word, such as `Pick 2`, is not a name).
    static func isName(_ word: String, opensSentence: Bool) -> Bool {
        guard let first = word.first, first.isUppercase, word.count > 1,
            word.allSatisfy({ $0.isLetter || $0 == "." || $0 == "-" })
        else { return false }
        // Names whose number is part of the name, not a version: HTTP status codes, SQLSTATE codes, SOC 1/2/3
        // report types.
        if ["HTTP", "SQLSTATE", "SOC"].contains(word) { return false }
        if products.contains(word) || word.contains(".") || word.filter(\.isUppercase).count >= 2 { return true }
        return !opensSentence && !["Top", "Level", "Step", "Stage", "Phase", "Tier", "Option", "Part"].contains(word)
    }
}
