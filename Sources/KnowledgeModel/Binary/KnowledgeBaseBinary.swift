import RuleLanguage

/// The compact binary form in which the knowledge base is compiled into the binary (by `KBEmbed`) and read at
/// start-up. Hand-written readers and writers per model type, no `Codable` and no condition parsing on load.
///
/// Layout: the magic `SWKB`, the format version, the string table (a count, then per string its UTF-8 length and
/// bytes), then the body: the knowledge base field by field in the order the `write(to:)` functions write them.
/// Every number is a varint of 5-bit digits in printable ASCII (see ``BinaryDigits``), every string an index into
/// the table, each condition its source text plus its parsed expression tree. So the whole payload is UTF-8 text
/// that a Swift string literal holds byte for byte, and it is read in place without copying. The body ends with each
/// rule's interpolated texts parsed (so that making an engine parses no text), then the interview order and each
/// question's decisiveness (computed from the whole knowledge base, so stored rather than recomputed at every
/// start-up).
public enum KnowledgeBaseBinary {
    /// Bumped whenever the layout changes; a payload of another version is rejected.
    public static let formatVersion = 12
    static let magic: [UInt8] = Array("SWKB".utf8)

    /// The payload for a knowledge base.
    public static func encode(_ knowledgeBase: KnowledgeBase) -> [UInt8] {
        var writer = BinaryWriter()
        knowledgeBase.write(to: &writer)
        return writer.payload()
    }

    /// Reads a payload written by ``encode(_:)``; any damage is reported, never trapped on. `strings`, when given, is
    /// the payload's string table made in advance (see ``stringTable(_:)``): the payload's own is then not copied,
    /// only checked to have the same count and lengths.
    public static func decode(
        _ payload: UnsafeBufferPointer<UInt8>, strings: [String]? = nil
    ) throws(KnowledgeBaseBinaryError) -> KnowledgeBase {
        var reader = try BinaryReader(payload, strings: strings)
        let knowledgeBase = try KnowledgeBase(reading: &reader)
        guard reader.isAtEnd else {
            throw KnowledgeBaseBinaryError(
                offset: reader.position, message: "unexpected bytes after the knowledge base")
        }
        return knowledgeBase
    }

    /// The string table of a payload written by ``encode(_:)``, in table order (what `KBEmbed` compiles into the
    /// binary as string literals, for ``decode(_:strings:)``).
    public static func stringTable(_ payload: [UInt8]) throws(KnowledgeBaseBinaryError) -> [String] {
        let result = payload.withUnsafeBufferPointer { buffer in
            Result { () throws(KnowledgeBaseBinaryError) in try BinaryReader.stringTable(buffer) }
        }
        return try result.get()
    }

    /// Reads a payload written by ``encode(_:)``; any damage is reported, never trapped on.
    public static func decode(_ payload: [UInt8]) throws(KnowledgeBaseBinaryError) -> KnowledgeBase {
        let result = payload.withUnsafeBufferPointer { buffer in
            Result { () throws(KnowledgeBaseBinaryError) in try decode(buffer) }
        }
        return try result.get()
    }
}

extension KnowledgeBase {
    func write(to writer: inout BinaryWriter) {
        writer.array(sections) { $1.write(to: &$0) }
        writer.array(questions) { $1.write(to: &$0) }
        writer.array(decisions) { $1.write(to: &$0) }
        writer.array(rules) { $1.write(to: &$0) }
        writer.array(checklist) { $1.write(to: &$0) }
        writer.array(sources) { $1.write(to: &$0) }
        writer.array(references) { $1.write(to: &$0) }
        detection.write(to: &writer)
        writer.array(contradictions) { writer, contradiction in
            writer.string(contradiction.id)
            contradiction.when.write(to: &writer)
            writer.string(contradiction.message)
            writer.location(contradiction.location)
        }
        writer.array(rules.indices.map { interpolatedTexts(ofRule: $0) }) { writer, texts in
            writer.array(texts) { writer, entry in
                writer.string(entry.field)
                entry.text.write(to: &writer)
            }
        }
        writer.array(interviewOrder) { $0.int($1) }
        writer.array(questionDecisiveness) { $0.int($1) }
    }

    init(reading reader: inout BinaryReader) throws(KnowledgeBaseBinaryError) {
        // The writer wrote the arrays in their final order: keep it rather than sorting again.
        let sections = try reader.array { reader throws(KnowledgeBaseBinaryError) in try Section(reading: &reader) }
        let questions = try reader.array { reader throws(KnowledgeBaseBinaryError) in try Question(reading: &reader) }
        let decisions = try reader.array { reader throws(KnowledgeBaseBinaryError) in try Decision(reading: &reader) }
        let rules = try reader.array { reader throws(KnowledgeBaseBinaryError) in try Rule(reading: &reader) }
        let checklist = try reader.array { reader throws(KnowledgeBaseBinaryError) in
            try ChecklistItem(reading: &reader)
        }
        let sources = try reader.array { reader throws(KnowledgeBaseBinaryError) in try Source(reading: &reader) }
        let references = try reader.array { reader throws(KnowledgeBaseBinaryError) in
            try ReferenceSet(reading: &reader)
        }
        let detection = try DetectionCatalog(reading: &reader)
        let contradictions = try reader.array { reader throws(KnowledgeBaseBinaryError) in
            Contradiction(
                id: try reader.string(), when: try Condition(reading: &reader), message: try reader.string(),
                location: try reader.location())
        }
        let ruleTexts = try reader.array { reader throws(KnowledgeBaseBinaryError) in
            try reader.array { reader throws(KnowledgeBaseBinaryError) in
                (field: try reader.string(), text: try InterpolatedText(reading: &reader))
            }
        }
        try self.init(
            ordered: sections, questions: questions, decisions: decisions, rules: rules, checklist: checklist,
            sources: sources, references: references, detection: detection, contradictions: contradictions,
            interview: try Self.readInterviewOrder(&reader), ruleTexts: ruleTexts)
    }

    /// The stored interview order, checked to be a permutation of the questions with one decisiveness each (the
    /// count is checked against the questions when the knowledge base is made).
    private static func readInterviewOrder(
        _ reader: inout BinaryReader
    ) throws(KnowledgeBaseBinaryError) -> (order: [Int], decisiveness: [Int]) {
        let start = reader.position
        let order = try reader.array { reader throws(KnowledgeBaseBinaryError) in try reader.int() }
        let decisiveness = try reader.array { reader throws(KnowledgeBaseBinaryError) in try reader.int() }
        var seen = [Bool](repeating: false, count: order.count)
        for position in order {
            guard seen.indices.contains(position), !seen[position] else {
                throw KnowledgeBaseBinaryError(offset: start, message: "the interview order is not a permutation")
            }
            seen[position] = true
        }
        guard decisiveness.count == order.count else {
            throw KnowledgeBaseBinaryError(offset: start, message: "the interview order and decisiveness disagree")
        }
        return (order, decisiveness)
    }
}

extension SourceLocation {
    func write(to writer: inout BinaryWriter) {
        writer.string(file)
        writer.int(line)
        writer.int(column)
    }

    init(reading reader: inout BinaryReader) throws(KnowledgeBaseBinaryError) {
        self.init(file: try reader.string(), line: try reader.int(), column: try reader.int())
    }
}

extension BinaryWriter {
    mutating func location(_ location: SourceLocation?) { optional(location) { $1.write(to: &$0) } }
}

extension BinaryReader {
    mutating func location() throws(KnowledgeBaseBinaryError) -> SourceLocation? {
        try optional { reader throws(KnowledgeBaseBinaryError) in try SourceLocation(reading: &reader) }
    }
}

extension Section {
    func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.string(title)
        writer.int(order)
        writer.bool(holdsCauses)
        writer.location(location)
    }

    init(reading reader: inout BinaryReader) throws(KnowledgeBaseBinaryError) {
        self.init(
            id: try reader.string(), title: try reader.string(), order: try reader.int(),
            holdsCauses: try reader.bool(), location: try reader.location())
    }
}

extension Source {
    func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.string(title)
        writer.string(publisher)
        writer.string(url)
        writer.string(verified)
        writer.optional(section) { $0.string($1) }
        writer.optional(partOf) { $0.string($1) }
        writer.location(location)
    }

    init(reading reader: inout BinaryReader) throws(KnowledgeBaseBinaryError) {
        self.init(
            id: try reader.string(), title: try reader.string(), publisher: try reader.string(),
            url: try reader.string(), verified: try reader.string(),
            section: try reader.optional { reader throws(KnowledgeBaseBinaryError) in try reader.string() },
            partOf: try reader.optional { reader throws(KnowledgeBaseBinaryError) in try reader.string() },
            location: try reader.location())
    }
}

extension ReferenceSet {
    func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.string(title)
        writer.optional(source) { $0.string($1) }
        writer.array(items) { writer, item in
            writer.string(item.id)
            writer.string(item.title)
        }
        writer.location(location)
    }

    init(reading reader: inout BinaryReader) throws(KnowledgeBaseBinaryError) {
        self.init(
            id: try reader.string(), title: try reader.string(),
            source: try reader.optional { reader throws(KnowledgeBaseBinaryError) in try reader.string() },
            items: try reader.array { reader throws(KnowledgeBaseBinaryError) in
                ReferenceItem(id: try reader.string(), title: try reader.string())
            },
            location: try reader.location())
    }
}
