import Foundation

/// A record already in the output folder: one Stackwise wrote (with its metadata), or anyone else's.
public struct ExistingRecord: Sendable, Equatable {
    public var fileName: String
    public var number: Int
    /// The text; nil when the file could not be read as text (binary, too large, a symlink, unreadable).
    public var text: String?
    public var state: Signature.State
    /// Front-matter fields (`status`, `date`, `stackwise-decision`, `stackwise-option`...).
    public var frontMatter: [String: String]
    /// The first `# ` heading.
    public var title: String?

    public var decisionID: String? { frontMatter["stackwise-decision"] }
    public var optionID: String? { frontMatter["stackwise-option"] }
    public var status: String? { frontMatter["status"] }
    public var isSuperseded: Bool { status?.lowercased().hasPrefix("superseded") ?? false }
}

/// Reads the records already in an output folder. Never follows symbolic links and never reads huge files.
enum RecordFolder {
    static let maximumRecordBytes = 1 << 20

    /// Every `NNNN-*.md` file in `folder` (none when the folder does not exist yet), by number then name.
    static func scan(_ folder: URL) throws(ExportError) -> [ExistingRecord] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder.path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else {
            throw ExportError("'\(folder.relativePath)' exists and is not a folder", isIO: false)
        }
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw ExportError("cannot list '\(folder.relativePath)': \(describe(error))", isIO: true)
        }
        return names.compactMap { name -> ExistingRecord? in
            guard let number = RecordNaming.number(ofFileName: name) else { return nil }
            let text = readText(folder.appendingPathComponent(name))
            return record(fileName: name, number: number, text: text)
        }.sorted { ($0.number, $0.fileName) < ($1.number, $1.fileName) }
    }

    /// What a record's text says (`text` nil: unreadable, foreign). CRLF line endings are read like LF.
    static func record(fileName: String, number: Int, text: String?) -> ExistingRecord {
        let lines = text.map { $0.replacingOccurrences(of: "\r\n", with: "\n") }
        return ExistingRecord(
            fileName: fileName, number: number, text: text, state: text.map(Signature.state(of:)) ?? .foreign,
            frontMatter: lines.map(parseFrontMatter) ?? [:], title: lines.flatMap(firstHeading))
    }

    /// Temporary files left in `folder` by an export that was killed or failed (see ``AtomicFile``).
    static func leftoverTemporaries(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter(AtomicFile.isTemporary)
            .sorted()
    }

    /// The text of a regular file of reasonable size; nil for symlinks, folders, binary or unreadable files.
    static func readText(_ url: URL) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
            attributes[.type] as? FileAttributeType == .typeRegular,
            (attributes[.size] as? Int ?? 0) <= maximumRecordBytes,
            let data = try? Data(contentsOf: url), !data.contains(0)
        else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// Whether something (a file, folder or symlink, even a dangling one) exists at `url`.
    static func exists(_ url: URL) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: url.path)) != nil
    }

    /// `key: value` lines between a leading `---` and the next `---` (quotes removed).
    static func parseFrontMatter(_ text: String) -> [String: String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else { return [:] }
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            if line.trimmingCharacters(in: .whitespaces) == "---" { break }
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" ") else { continue }
            let key = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
            var value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            }
            if fields[key] == nil { fields[key] = value }
        }
        return fields
    }

    /// The raw text after `key:` of each front-matter line (quotes kept), for copying a value into a new
    /// version of the record exactly as it was.
    static func rawFrontMatter(_ text: String) -> [String: String] {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else { return [:] }
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            if line.trimmingCharacters(in: .whitespaces) == "---" { break }
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" ") else { continue }
            let key = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
            if fields[key] == nil {
                fields[key] = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            }
        }
        return fields
    }

    /// The first `# ` heading as plain text: the Markdown escapes the renderer added are undone, so that writing
    /// the title again (index, links) escapes it once, not once more on every run.
    static func firstHeading(_ text: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix("# ") }.map {
            unescapedMarkdown(String($0.dropFirst(2)).trimmingCharacters(in: .whitespaces))
        }
    }

    /// Undoes ``MarkdownText/inline(_:)``: backslash escapes of ASCII punctuation and the four HTML entities.
    static func unescapedMarkdown(_ text: String) -> String {
        var result = ""
        var characters = text[...]
        while let character = characters.first {
            characters = characters.dropFirst()
            if character == "\\", let next = characters.first, next.isASCII, next.isPunctuation || next.isSymbol {
                result.append(next)
                characters = characters.dropFirst()
                continue
            }
            if character == "&" {
                let entity = ["amp;": "&", "lt;": "<", "gt;": ">", "quot;": "\""].first { characters.hasPrefix($0.key) }
                if let entity {
                    result += entity.value
                    characters = characters.dropFirst(entity.key.count)
                    continue
                }
            }
            result.append(character)
        }
        return result
    }

    static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        switch nsError.code {
        case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return "permission denied"
        case NSFileWriteOutOfSpaceError: return "no space left on the device"
        case NSFileWriteVolumeReadOnlyError: return "read-only file system"
        default: return nsError.localizedDescription
        }
    }
}

/// Why an export could not be done.
public struct ExportError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// A file or folder could not be read or written (exit 3) rather than bad input (exit 2).
    public var isIO: Bool

    public init(_ message: String, isIO: Bool) {
        self.message = message
        self.isIO = isIO
    }

    public var description: String { message }
}
