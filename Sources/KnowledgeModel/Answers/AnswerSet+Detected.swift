/// Answers detected by scanning a project (`stackwise scan`, `review --from`, the TUI's "review an existing
/// project"): marked by their ``Answer/origin`` until the user confirms or corrects them.
extension Answer {
    /// The prefix of every origin the scan writes (`detected: express in package.json (...)`).
    public static let detectedOriginPrefix = "detected"

    /// Whether the answer was detected and not yet confirmed or corrected by the user.
    public var isDetected: Bool { origin?.hasPrefix(Self.detectedOriginPrefix) == true }

    /// The evidence of a detected answer, without the `detected:` prefix; a qualifier written in parentheses
    /// before it (`detected (only what the scan can see): ...`) goes to the end.
    public var detectedEvidence: String? {
        guard isDetected, let origin else { return nil }
        var evidence = origin.dropFirst(Self.detectedOriginPrefix.count)
        while let first = evidence.first, first == ":" || first == " " { evidence.removeFirst() }
        if evidence.hasPrefix("("), let close = evidence.range(of: "): ") {
            let qualifier = evidence[evidence.index(after: evidence.startIndex)..<close.lowerBound]
            return "\(evidence[close.upperBound...]) (\(qualifier))"
        }
        return String(evidence)
    }
}

extension AnswerSet {
    /// Fills the questions this set leaves unanswered with `detected`'s answers (the user's own answers win), and
    /// takes its service name when none is set. Returns the ids filled, sorted.
    @discardableResult
    public mutating func fillUnanswered(from detected: AnswerSet) -> [String] {
        var filled: [String] = []
        for (id, answer) in detected.answers where answers[id] == nil {
            answers[id] = answer
            filled.append(id)
        }
        if serviceName == nil { serviceName = detected.serviceName }
        return filled.sorted()
    }

    /// Ids of the answers still marked as detected (not yet confirmed or corrected), sorted.
    public var detectedIDs: [String] { answers.filter { $0.value.isDetected }.map(\.key).sorted() }

    /// Marks every detected answer as the user's own (keeps the values, drops the origin). Returns how many.
    @discardableResult
    public mutating func confirmDetected() -> Int {
        let ids = detectedIDs
        for id in ids { answers[id]?.origin = nil }
        return ids.count
    }
}
