import RuleLanguage

extension Rule {
    func write(to writer: inout BinaryWriter) {
        writer.string(id)
        when.write(to: &writer)
        writer.string(because)
        writer.strings(sources)
        writer.strings(refs)
        writer.array(scores) { writer, score in
            score.target.write(to: &writer)
            writer.int(score.weight)
            writer.location(score.location)
        }
        writer.array(excludes) { $1.write(to: &$0) }
        writer.strings(includes)
        writer.optional(finding) { writer, finding in
            writer.string(finding.id)
            writer.string(finding.title)
            writer.string(finding.severity.rawValue)
            writer.string(finding.remediation)
            writer.bool(finding.irreversible)
        }
        writer.optional(tension) { writer, tension in
            writer.string(tension.id)
            writer.string(tension.title)
            writer.string(tension.advice)
            writer.strings(tension.between)
            writer.string(tension.severity.rawValue)
        }
        writer.location(location)
        writer.array(textPositions.sorted { $0.key < $1.key }) { writer, entry in
            writer.string(entry.key)
            writer.location(entry.value.location)
            writer.bool(entry.value.spansLines)
        }
    }

    init(reading reader: inout BinaryReader) throws(KnowledgeBaseBinaryError) {
        self.init(
            id: try reader.string(), when: try Condition(reading: &reader), because: try reader.string(),
            sources: try reader.strings(), refs: try reader.strings(),
            scores: try reader.array { reader throws(KnowledgeBaseBinaryError) in
                ScoreEffect(
                    target: try OptionRef(reading: &reader), weight: try reader.int(), location: try reader.location())
            },
            excludes: try reader.array { reader throws(KnowledgeBaseBinaryError) in try OptionRef(reading: &reader) },
            includes: try reader.strings(),
            finding: try reader.optional { reader throws(KnowledgeBaseBinaryError) in
                Finding(
                    id: try reader.string(), title: try reader.string(), severity: try reader.rawValue(Severity.self),
                    remediation: try reader.string(), irreversible: try reader.bool())
            },
            tension: try reader.optional { reader throws(KnowledgeBaseBinaryError) in
                Tension(
                    id: try reader.string(), title: try reader.string(), advice: try reader.string(),
                    between: try reader.strings(), severity: try reader.rawValue(Severity.self))
            },
            location: try reader.location(),
            textPositions: Dictionary(
                try reader.array { reader throws(KnowledgeBaseBinaryError) in
                    let field = try reader.string()
                    guard let location = try reader.location() else {
                        throw reader.failure("a text position without a location")
                    }
                    return (field, TextPosition(location: location, spansLines: try reader.bool()))
                }, uniquingKeysWith: { first, _ in first }))
    }
}

extension ChecklistItem {
    func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.string(text)
        writer.string(category.rawValue)
        writer.string(priority.rawValue)
        writer.bool(baseline)
        writer.bool(irreversible)
        writer.optional(appliesIf) { $1.write(to: &$0) }
        writer.strings(sources)
        writer.strings(refs)
        writer.location(location)
    }

    init(reading reader: inout BinaryReader) throws(KnowledgeBaseBinaryError) {
        self.init(
            id: try reader.string(), text: try reader.string(), category: try reader.rawValue(ChecklistCategory.self),
            priority: try reader.rawValue(Priority.self), baseline: try reader.bool(),
            irreversible: try reader.bool(),
            appliesIf: try reader.optional { reader throws(KnowledgeBaseBinaryError) in
                try Condition(reading: &reader)
            },
            sources: try reader.strings(), refs: try reader.strings(), location: try reader.location())
    }
}

/// A rule text with its interpolations parsed: its literal pieces and expression trees (see
/// ``KnowledgeBase/interpolatedTexts(ofRule:)``).
extension InterpolatedText {
    fileprivate enum Tag: Int {
        case text, expression
    }

    func write(to writer: inout BinaryWriter) {
        writer.array(parts) { writer, part in
            switch part {
            case .text(let literal):
                writer.tag(Tag.text)
                writer.string(literal)
            case .expression(let expression, let offset):
                writer.tag(Tag.expression)
                expression.write(to: &writer)
                writer.natural(offset)
            }
        }
    }

    init(reading reader: inout BinaryReader) throws(KnowledgeBaseBinaryError) {
        self.init(
            parts: try reader.array { reader throws(KnowledgeBaseBinaryError) in
                switch try reader.tag(Tag.self, of: "text part") {
                case .text: return .text(try reader.string())
                case .expression:
                    let expression = try reader.nested { reader throws(KnowledgeBaseBinaryError) in
                        try Expression(reading: &reader)
                    }
                    return .expression(expression, offset: try reader.natural())
                }
            })
    }
}
