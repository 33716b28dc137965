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
                } catch {
                    sink.error("bad interpolation in '\(field)': \(error.message)", at: location(error.offset))
                }
            }
        }
    }
}
