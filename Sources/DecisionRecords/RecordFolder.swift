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
            let frontMatter = text.map(parseFrontMatter) ?? [:]
            return ExistingRecord(
                fileName: name, number: number, text: text, state: text.map(Signature.state(of:)) ?? .foreign,
                frontMatter: frontMatter, title: text.flatMap(firstHeading))
        }.sorted { ($0.number, $0.fileName) < ($1.number, $1.fileName) }
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

    static func firstHeading(_ text: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix("# ") }.map {
            String($0.dropFirst(2)).trimmingCharacters(in: .whitespaces)
        }
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
