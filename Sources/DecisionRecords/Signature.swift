import Foundation

/// The content hash Stackwise puts into every file it generates, so that a later export can tell whether the
/// file was edited by hand: `stackwise-hash: <sha256>` in a record's front matter, or the HTML comment
/// `<!-- stackwise-hash: <sha256> -->` as the last line of the index and the design review. The hash covers the
/// whole file except that one line, so any edit anywhere (even to the status) marks the file as edited.
public enum Signature {
    static let frontMatterPrefix = "stackwise-hash: "
    static let commentPrefix = "<!-- stackwise-hash: "
    static let placeholder = "{stackwise-hash}"

    /// Replaces the placeholder line (`stackwise-hash: {stackwise-hash}` or the comment form) with the hash.
    static func sign(_ text: String) -> String {
        let hash = SHA256.hex(removingHashLine(text))
        return text.replacingOccurrences(of: placeholder, with: hash)
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

    /// Whether `text` is as Stackwise wrote it.
    public static func state(of text: String) -> State {
        guard let stored = storedHash(in: text) else { return .foreign }
        return SHA256.hex(removingHashLine(text)) == stored ? .unedited : .edited
    }

    static func storedHash(in text: String) -> String? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(frontMatterPrefix) {
                return String(line.dropFirst(frontMatterPrefix.count)).trimmingCharacters(in: .whitespaces)
            }
            if line.hasPrefix(commentPrefix), line.hasSuffix(" -->") {
                return String(line.dropFirst(commentPrefix.count).dropLast(4))
            }
        }
        return nil
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
