import Foundation

/// The content hash Stackwise puts into every file it generates, so that a later export can tell whether the
/// file was edited by hand: `stackwise-hash: <sha256>` in a record's front matter, or the HTML comment
/// `<!-- stackwise-hash: <sha256> -->` as the last line of the index and the design review. The hash covers the
/// whole file except that one line, so any edit anywhere (even to the status) marks the file as edited. Line
/// endings (CRLF or LF) and trailing spaces or tabs are not content: an editor or git converting them is no edit.
public enum Signature {
    static let frontMatterPrefix = "stackwise-hash: "
    static let commentPrefix = "<!-- stackwise-hash: "
    static let placeholder = "{stackwise-hash}"

    /// Replaces the placeholder in the hash line (`stackwise-hash: {stackwise-hash}` or the comment form) with
    /// the hash. Only that line is touched: the placeholder text elsewhere (say, in a service name) is content.
    static func sign(_ text: String) -> String {
        let hash = SHA256.hex(removingHashLine(normalized(text)))
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let index = hashLineIndex(lines) else { return text }
        lines[index] = lines[index].replacingOccurrences(of: placeholder, with: hash)
        return lines.joined(separator: "\n")
    }

    /// The states a generated file can be in.
    public enum State: Sendable, Equatable {
        /// Written by Stackwise and unchanged since.
        case unedited
        /// Written by Stackwise, then edited.
        case edited
        /// No Stackwise hash: written by someone else.
        case foreign
    }

    /// Whether `text` is as Stackwise wrote it (ignoring line endings and trailing whitespace).
    public static func state(of text: String) -> State {
        guard let stored = storedHash(in: text) else { return .foreign }
        if SHA256.hex(removingHashLine(normalized(text))) == stored { return .unedited }
        // Files signed before normalisation existed hashed the raw text.
        return SHA256.hex(removingHashLine(text)) == stored ? .unedited : .edited
    }

    /// The text with LF line endings and no trailing spaces or tabs on any line: what the hash and every
    /// "is this the same file" comparison look at.
    public static func normalized(_ text: String) -> String {
        guard
            text.utf8.contains(13) || text.contains(" \n") || text.contains("\t\n") || text.hasSuffix(" ")
                || text.hasSuffix("\t")
        else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in
                var line = Substring(line)
                while let last = line.last, last == " " || last == "\t" || last == "\r" { line = line.dropLast() }
                return line
            }
            .joined(separator: "\n")
    }

    /// Whether two texts are the same content for an export (see ``normalized(_:)``).
    static func sameContent(_ lhs: String, _ rhs: String) -> Bool {
        lhs == rhs || normalized(lhs) == normalized(rhs)
    }

    /// `text` with the line endings of `original` (CRLF when the original used them), so that an update keeps
    /// the file's convention.
    static func matchingLineEndings(_ text: String, of original: String) -> String {
        usesCRLF(original) && !usesCRLF(text) ? text.replacingOccurrences(of: "\n", with: "\r\n") : text
    }

    /// Whether `text` has CRLF line endings (a String sees "\r\n" as one Character, so this looks at bytes).
    static func usesCRLF(_ text: String) -> Bool { text.utf8.contains(13) }

    static func storedHash(in text: String) -> String? {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false
        ).map(String.init)
        guard let index = hashLineIndex(lines) else { return nil }
        let line = lines[index].trimmingCharacters(in: .whitespaces)
        if line.hasPrefix(frontMatterPrefix) {
            return String(line.dropFirst(frontMatterPrefix.count)).trimmingCharacters(in: .whitespaces)
        }
        guard line.hasSuffix(" -->") else { return nil }
        return String(line.dropFirst(commentPrefix.count).dropLast(4))
    }

    private static func hashLineIndex(_ lines: [String]) -> Int? {
        lines.firstIndex { $0.hasPrefix(frontMatterPrefix) || $0.hasPrefix(commentPrefix) }
    }

    private static func removingHashLine(_ text: String) -> String {
        var removed = false
        return text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            if !removed, line.hasPrefix(frontMatterPrefix) || line.hasPrefix(commentPrefix) {
                removed = true
                return false
            }
            return true
        }.joined(separator: "\n")
    }
}
