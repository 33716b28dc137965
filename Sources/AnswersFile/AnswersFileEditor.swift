import KnowledgeModel

/// Saves answers into an existing answers file by editing only what changed, line by line: comments, blank
/// lines, key order, unknown keys and every entry the reader did not understand (unknown question ids, values
/// it rejected, unknown checklist items or findings) are kept byte for byte. Used for a file opened with
/// `--session` or resumed, so that a hand-written file is never rewritten wholesale.
///
/// Works on block-style YAML (what people and ``AnswersFileWriter`` write). For a layout it cannot edit safely
/// (JSON, a non-empty flow mapping under `answers`, a document marker) ``edit(_:from:to:)`` returns nil and the
/// caller writes the whole file with ``AnswersFileWriter``.
public struct AnswersFileEditor: Sendable {
    public let writer: AnswersFileWriter

    public init(knowledgeBase: KnowledgeBase) {
        writer = AnswersFileWriter(knowledgeBase: knowledgeBase)
    }

    /// `text` changed from `original` (what the reader understood of it) to `updated`; nil when the layout
    /// cannot be edited in place.
    public func edit(_ text: String, from original: AnswerSet, to updated: AnswerSet) -> String? {
        let crlf = text.utf8.contains(13)
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false
        ).map(String.init)
        let endsWithNewline = lines.last == ""
        if endsWithNewline { lines.removeLast() }
        guard Self.isEditable(lines) else { return nil }
        var document = Document(lines: lines)
        if original.serviceName != updated.serviceName { editService(&document, updated.serviceName) }
        if original.answers != updated.answers {
            guard editAnswers(&document, original.answers, updated.answers) else { return nil }
        }
        if original.proposed != updated.proposed { editProposals(&document, updated.proposed) }
        if original.checklistDone != updated.checklistDone {
            guard editChecklist(&document, original.checklistDone, updated.checklistDone) else { return nil }
        }
        if original.acceptedRisks != updated.acceptedRisks {
            guard editRisks(&document, original.acceptedRisks, updated.acceptedRisks) else { return nil }
        }
        var result = document.lines.joined(separator: "\n") + (endsWithNewline || document.lines != lines ? "\n" : "")
        if crlf { result = result.replacingOccurrences(of: "\n", with: "\r\n") }
        return result
    }

    private static func isEditable(_ lines: [String]) -> Bool {
        guard let first = lines.first(where: { !Document.isBlankOrComment($0) }) else { return true }
        let trimmed = first.trimmingCharacters(in: .whitespaces)
        return !trimmed.hasPrefix("{") && !trimmed.hasPrefix("[") && !trimmed.hasPrefix("---")
            && !trimmed.hasPrefix("%") && !lines.contains { $0.hasPrefix("---") || $0.hasPrefix("...") }
    }

    // MARK: - Service

    private func editService(_ document: inout Document, _ name: String?) {
        let line = name.map { "service: \(YAMLText.quoted($0))" }
        if let block = document.block("service") {
            document.lines.replaceSubrange(block.range, with: line.map { [$0] } ?? [])
        } else if let line {
            let at = document.block("version").map { $0.range.upperBound } ?? document.firstContentLine
            document.lines.insert(line, at: at)
        }
    }

    // MARK: - Answers

    private func editAnswers(
        _ document: inout Document, _ original: [String: Answer], _ updated: [String: Answer]
    ) -> Bool {
        let changed = writer.orderedQuestionIDs(Set(original.keys).union(updated.keys)).filter {
            original[$0] != updated[$0]
        }
        guard let block = document.block("answers") else {
            let entries = changed.filter { updated[$0] != nil }
            guard !entries.isEmpty else { return true }
            document.append(["answers:"] + entries.flatMap { newEntry($0, updated[$0]!, indent: "  ") })
            return true
        }
        let inline = document.inlineValue(of: block)
        if !inline.isEmpty {
            guard inline == "{}", document.children(of: block).isEmpty else { return false }
            let entries = changed.compactMap { id in updated[id].map { newEntry(id, $0, indent: "  ") } }
            document.lines.replaceSubrange(block.keyLine...block.keyLine, with: ["answers:"] + entries.flatMap { $0 })
            return true
        }
        for id in changed {
            let block = document.block("answers")!
            let indent = document.childIndent(of: block) ?? "  "
            // An answer the file gives under a renamed question's former id is edited there (and so renamed).
            let former = writer.knowledgeBase.question(id)?.formerly ?? []
            var entry = document.entry(id, in: block, indent: indent)
            for formerID in former where entry == nil { entry = document.entry(formerID, in: block, indent: indent) }
            switch (entry, updated[id]) {
            case (let range?, let answer?):
                document.lines.replaceSubrange(range, with: writer.entryLines(id, answer, indent: indent))
            case (let range?, nil):
                document.lines.removeSubrange(range)
            case (nil, let answer?):
                document.lines.insert(
                    contentsOf: newEntry(id, answer, indent: indent), at: document.endOfContent(of: block))
            case (nil, nil):
                break
            }
        }
        return true
    }

    private func newEntry(_ id: String, _ answer: Answer, indent: String) -> [String] {
        let prompt = writer.knowledgeBase.question(id).map { ["\(indent)# \(YAMLText.comment($0.prompt))"] } ?? []
        return prompt + writer.entryLines(id, answer, indent: indent)
    }

    // MARK: - Proposals

    /// `proposed:` is rewritten as a whole (its entries the reader did not understand are errors it reports, so
    /// the file would not be usable with them anyway); comments before it are kept.
    private func editProposals(_ document: inout Document, _ proposed: [String: [String]]) {
        let lines = writer.proposalLines(proposed)
        if let block = document.block("proposed") {
            document.lines.replaceSubrange(block.keyLine..<document.endOfContent(of: block), with: lines)
        } else if !lines.isEmpty {
            let at =
                document.block("checklistDone")?.range.lowerBound ?? document.block("acceptedRisks")?.range.lowerBound
            if let at { document.lines.insert(contentsOf: lines, at: at) } else { document.append(lines) }
        }
    }

    // MARK: - Checklist

    private func editChecklist(_ document: inout Document, _ original: Set<String>, _ updated: Set<String>) -> Bool {
        let removed = original.subtracting(updated)
        let added =
            writer.knowledgeBase.checklist.map(\.id).filter { updated.contains($0) && !original.contains($0) }
            + updated.subtracting(original).subtracting(writer.knowledgeBase.checklist.map(\.id)).sorted()
        guard let block = document.block("checklistDone") else {
            if !added.isEmpty { document.append(["checklistDone:"] + added.map { "  - \(YAMLText.scalar($0))" }) }
            return true
        }
        let inline = document.inlineValue(of: block)
        if !inline.isEmpty {
            // `[a, b]` or a single id: rewritten as a block list, every item it had (known or not) kept.
            guard document.children(of: block).isEmpty else { return false }
            var items = inline
            if items.hasPrefix("[") {
                guard items.hasSuffix("]") else { return false }
                items = String(items.dropFirst().dropLast())
            }
            let kept = items.split(separator: ",").map { Document.unquoted($0.trimmingCharacters(in: .whitespaces)) }
                .filter { !$0.isEmpty && !removed.contains($0) }
            let all = kept + added
            document.lines.replaceSubrange(
                block.keyLine...block.keyLine,
                with: all.isEmpty
                    ? ["checklistDone: []"] : ["checklistDone:"] + all.map { "  - \(YAMLText.scalar($0))" })
            return true
        }
        var block2 = block
        var index = block2.keyLine + 1
        var indent = "  "
        while index < block2.range.upperBound {
            let line = document.lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("- ") {
                indent = String(line.prefix { $0 == " " })
                let id = Document.unquoted(Document.withoutComment(String(trimmed.dropFirst(2))))
                if removed.contains(id) {
                    document.lines.remove(at: index)
                    block2.range = block2.range.lowerBound..<(block2.range.upperBound - 1)
                    continue
                }
            }
            index += 1
        }
        let at = document.endOfContent(of: document.block("checklistDone")!)
        document.lines.insert(contentsOf: added.map { "\(indent)- \(YAMLText.scalar($0))" }, at: at)
        return true
    }

    // MARK: - Accepted risks

    private func editRisks(
        _ document: inout Document, _ original: [AcceptedRisk], _ updated: [AcceptedRisk]
    ) -> Bool {
        let before = Dictionary(original.map { ($0.findingID, $0) }) { first, _ in first }
        let after = Dictionary(updated.map { ($0.findingID, $0) }) { first, _ in first }
        guard let block = document.block("acceptedRisks") else {
            if !updated.isEmpty {
                document.append(["acceptedRisks:"] + updated.flatMap { writer.riskLines($0, indent: "  ") })
            }
            return true
        }
        let inline = document.inlineValue(of: block)
        if !inline.isEmpty {
            guard inline == "[]", document.children(of: block).isEmpty else { return false }
            document.lines.replaceSubrange(
                block.keyLine...block.keyLine,
                with: ["acceptedRisks:"] + updated.flatMap { writer.riskLines($0, indent: "  ") })
            return true
        }
        for finding in Set(before.keys).union(after.keys).sorted() where before[finding] != after[finding] {
            let block = document.block("acceptedRisks")!
            let items = document.sequenceItems(in: block)
            let indent = items.first.map { String(document.lines[$0.lowerBound].prefix { $0 == " " }) } ?? "  "
            let existing = items.first { document.finding(in: $0) == finding }
            switch (existing, after[finding]) {
            case (let range?, let risk?):
                document.lines.replaceSubrange(range, with: writer.riskLines(risk, indent: indent))
            case (let range?, nil): document.lines.removeSubrange(range)
            case (nil, let risk?):
                document.lines.insert(
                    contentsOf: writer.riskLines(risk, indent: indent), at: document.endOfContent(of: block))
            case (nil, nil): break
            }
        }
        return true
    }
}

/// The lines of a block-style YAML document, with the few structural queries the editor needs.
private struct Document {
    struct Block {
        /// The `key:` line.
        var keyLine: Int
        /// From the key line to the line before the next top-level key (or the end).
        var range: Range<Int>
    }

    var lines: [String]

    static func isBlankOrComment(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }

    static func indentWidth(_ line: String) -> Int { line.prefix { $0 == " " }.count }

    static func unquoted(_ text: String) -> String {
        if text.count >= 2,
            (text.hasPrefix("\"") && text.hasSuffix("\"")) || (text.hasPrefix("'") && text.hasSuffix("'"))
        {
            return String(text.dropFirst().dropLast())
        }
        return text
    }

    /// The text before a ` #` comment (outside quotes).
    static func withoutComment(_ text: String) -> String {
        var quote: Character?
        var previous: Character = " "
        for (offset, character) in text.enumerated() {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#", previous == " " || previous == "\t" {
                return String(text.prefix(offset)).trimmingCharacters(in: .whitespaces)
            }
            previous = character
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// The key of a `key: ...` line (quotes removed), nil for other lines.
    static func key(of line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), !trimmed.hasPrefix("-") else { return nil }
        var quote: Character?
        for (offset, character) in trimmed.enumerated() {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == ":" {
                let rest = trimmed.dropFirst(offset + 1)
                guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { continue }
                return unquoted(String(trimmed.prefix(offset)).trimmingCharacters(in: .whitespaces))
            }
        }
        return nil
    }

    var firstContentLine: Int { lines.firstIndex { !Self.isBlankOrComment($0) } ?? lines.count }

    func block(_ name: String) -> Block? {
        guard
            let keyLine = lines.indices.first(where: {
                Self.indentWidth(lines[$0]) == 0 && Self.key(of: lines[$0]) == name
            })
        else { return nil }
        var end = keyLine + 1
        while end < lines.count,
            Self.isBlankOrComment(lines[end]) || Self.indentWidth(lines[end]) > 0
                || lines[end].hasPrefix("-")
        {
            end += 1
        }
        // Comments and blank lines just before the next key belong to it.
        if end < lines.count {
            while end > keyLine + 1, Self.isBlankOrComment(lines[end - 1]), Self.indentWidth(lines[end - 1]) == 0 {
                end -= 1
            }
        }
        return Block(keyLine: keyLine, range: keyLine..<end)
    }

    /// What follows `key:` on the key line, comment removed.
    func inlineValue(of block: Block) -> String {
        let line = lines[block.keyLine]
        guard let colon = line.firstIndex(of: ":") else { return "" }
        return Self.withoutComment(String(line[line.index(after: colon)...]))
    }

    /// Content lines (not blank, not comments) under the key line.
    func children(of block: Block) -> [Int] {
        (block.keyLine + 1..<block.range.upperBound).filter { !Self.isBlankOrComment(lines[$0]) }
    }

    func childIndent(of block: Block) -> String? {
        children(of: block).first.map { String(lines[$0].prefix { $0 == " " }) }
    }

    /// The index after the block's last content line (new entries go there, before trailing comments).
    func endOfContent(of block: Block) -> Int {
        (children(of: block).last ?? block.keyLine) + 1
    }

    /// The lines of entry `id` (its key line and the deeper-indented lines under it).
    func entry(_ id: String, in block: Block, indent: String) -> Range<Int>? {
        guard
            let start = children(of: block).first(where: {
                lines[$0].prefix { $0 == " " }.count == indent.count && Self.key(of: lines[$0]) == id
            })
        else { return nil }
        var end = start + 1
        while end < block.range.upperBound, !lines[end].trimmingCharacters(in: .whitespaces).isEmpty,
            Self.indentWidth(lines[end]) > indent.count
        {
            end += 1
        }
        return start..<end
    }

    /// The items of a block sequence (`- ...` and the deeper lines under each).
    func sequenceItems(in block: Block) -> [Range<Int>] {
        let starts = children(of: block).filter { lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix("-") }
        guard let first = starts.first else { return [] }
        let indent = Self.indentWidth(lines[first])
        let itemStarts = starts.filter { Self.indentWidth(lines[$0]) == indent }
        return itemStarts.map { start in
            var end = start + 1
            while end < block.range.upperBound, !Self.isBlankOrComment(lines[end]),
                Self.indentWidth(lines[end]) > indent
            {
                end += 1
            }
            return start..<end
        }
    }

    /// The `finding:` of an accepted-risk item (block or flow style).
    func finding(in item: Range<Int>) -> String? {
        for index in item {
            var text = lines[index].trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("-") { text = String(text.dropFirst()).trimmingCharacters(in: .whitespaces) }
            if text.hasPrefix("{") { text = String(text.dropFirst()) }
            for part in text.split(separator: ",") {
                let field = part.trimmingCharacters(in: .whitespaces)
                if field.hasPrefix("finding:") {
                    var value = Self.withoutComment(String(field.dropFirst("finding:".count)))
                    if value.hasSuffix("}") { value = String(value.dropLast()).trimmingCharacters(in: .whitespaces) }
                    return Self.unquoted(value)
                }
            }
        }
        return nil
    }

    mutating func append(_ block: [String]) {
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        lines += block
    }
}
