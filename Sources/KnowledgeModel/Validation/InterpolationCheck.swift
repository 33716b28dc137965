import RuleLanguage

/// The `{expression}` interpolations in rule texts (reasons, findings, tensions) parse, name questions that exist
/// (with "did you mean") and are numbers; errors are positioned inside the YAML string.
struct InterpolationCheck: KnowledgeBaseCheck {
    func check(_ kb: KnowledgeBase, sink: DiagnosticSink) {
        let checker = TypeChecker(schema: kb, allowsChosen: false)
        for rule in kb.rules {
            for (field, text) in rule.texts where InterpolatedText.mayInterpolate(text) {
                let position = rule.textPositions[field]
                func location(_ offset: Int) -> SourceLocation? {
                    position?.location(ofOffset: offset) ?? rule.location
                }
                do {
                    let parsed = try InterpolatedText.parse(text)
                    for (expression, offset) in parsed.expressions {
                        for error in checker.checkNumber(expression) {
                            sink.error(
                                "bad interpolation in '\(field)': \(error.message)",
                                at: location(offset + error.offset))
                        }
                    }
                    for (offset, unit) in Self.repeatedUnits(parsed, unitOf: { kb.question($0)?.unit }) {
                        sink.warning(
                            "interpolation in '\(field)' already shows its unit '\(unit)', and the text repeats it: "
                                + "remove the word after the braces", at: location(offset))
                    }
                } catch {
                    sink.error("bad interpolation in '\(field)': \(error.message)", at: location(error.offset))
                }
            }
        }
    }

    /// Interpolations followed by the unit they already render (`{traffic.latency_p99_ms} ms` reads "80 ms ms"):
    /// the offset of each such expression and its unit.
    static func repeatedUnits(_ text: InterpolatedText, unitOf: (String) -> String?) -> [(Int, String)] {
        var result: [(Int, String)] = []
        for (index, part) in text.parts.enumerated() {
            guard case .expression(let expression, let offset) = part, index + 1 < text.parts.count,
                case .text(let following) = text.parts[index + 1], following.first == " ",
                let unit = InterpolatedText.unit(of: expression, unitOf: unitOf)
            else { continue }
            var word = following.dropFirst().prefix { !$0.isWhitespace }
            while let last = word.last, ".,;:)!?".contains(last) { word = word.dropLast() }
            if word.lowercased() == unit.lowercased() { result.append((offset, unit)) }
        }
        return result
    }
}
