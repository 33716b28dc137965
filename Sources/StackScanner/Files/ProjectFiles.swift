import Foundation
import KnowledgeModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Limits that keep a scan fast and safe on hostile or enormous repositories.
public struct ScanLimits: Sendable {
    /// Largest manifest or config file read (package.json, compose files, ...), in bytes.
    public var maximumManifestBytes = 4 << 20
    /// Most workspace packages followed.
    public var maximumWorkspacePackages = 1_000
    /// Most folders a workspace glob may visit.
    public var maximumGlobVisits = 20_000
    /// Deepest folder a `**` workspace glob descends to.
    public var maximumGlobDepth = 8
    /// Most source files read for imports.
    public var maximumSourceFiles = 10_000
    /// Bytes read from the start of each source file (imports sit at the top).
    public var sourcePrefixBytes = 64 << 10
    /// Most Kubernetes / Helm YAML files looked at.
    public var maximumManifestFiles = 200

    public init() {}
}

/// Read-only access to the scanned project. Never writes, never runs anything, never follows a symbolic link out
/// of the project, and turns every problem (unreadable, binary, too large) into a diagnostic.
final class ProjectFiles {
    let root: URL
    let rootPath: String
    let limits: ScanLimits
    private(set) var diagnostics: [Diagnostic] = []

    init(root: URL, limits: ScanLimits) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath()
        self.rootPath = self.root.path
        self.limits = limits
    }

    func warn(_ message: String, file: String? = nil, line: Int = 1, column: Int = 1) {
        diagnostics.append(
            .warning(message, at: file.map { SourceLocation(file: $0, line: line, column: column) }))
    }

    func url(_ relative: String) -> URL {
        relative.isEmpty ? root : root.appendingPathComponent(relative)
    }

    /// `a/b` joined without a leading slash.
    static func join(_ folder: String, _ name: String) -> String { folder.isEmpty ? name : folder + "/" + name }

    enum Kind { case missing, file, directory, other }

    /// What is at `relative`. A symbolic link counts as what it points to, but only when it stays inside the
    /// project; FIFOs, sockets and devices are `.other` (reading them could block forever).
    func kind(_ relative: String) -> Kind {
        kind(atPath: url(relative).path)
    }

    private func kind(atPath path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        var mode = info.st_mode & S_IFMT
        if mode == S_IFLNK {
            guard stat(path, &info) == 0 else { return .missing }
            guard isInsideProject(path) else { return .other }
            mode = info.st_mode & S_IFMT
        }
        switch mode {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default: return .other
        }
    }

    /// Whether the real location of `path` is inside the project (a symbolic link may point elsewhere).
    func isInsideProject(_ path: String) -> Bool {
        let real = Self.realPath(of: path)
        return real == rootPath || real.hasPrefix(rootPath.hasSuffix("/") ? rootPath : rootPath + "/")
    }

    /// The real path of a folder, for loop detection.
    func realPath(_ relative: String) -> String { Self.realPath(of: url(relative).path) }

    static func realPath(of path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The text of a file, or nil (with a warning) when it is missing, too large, binary, unreadable or not UTF-8.
    /// `quietIfMissing` is for optional files.
    func text(_ relative: String, maximumBytes: Int? = nil, quietIfMissing: Bool = true) -> String? {
        let limit = maximumBytes ?? limits.maximumManifestBytes
        switch kind(relative) {
        case .missing:
            if !quietIfMissing { warn("\(relative) does not exist") }
            return nil
        case .directory:
            warn("\(relative) is a folder, expected a file; skipped", file: relative)
            return nil
        case .other:
            warn("\(relative) is not a regular file inside the project; skipped", file: relative)
            return nil
        case .file: break
        }
        let path = url(relative).path
        if let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int, size > limit {
            warn("\(relative) is too large (\(size) bytes; the limit is \(limit)); skipped", file: relative)
            return nil
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            warn("cannot read \(relative) (permission denied?); skipped", file: relative)
            return nil
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            warn("cannot read \(relative): \(error.localizedDescription); skipped", file: relative)
            return nil
        }
        if data.count > limit {
            warn("\(relative) is too large (over \(limit) bytes); skipped", file: relative)
            return nil
        }
        if data.contains(0) {
            warn("\(relative) is a binary file, not text; skipped", file: relative)
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            warn("\(relative) is not UTF-8 text; skipped", file: relative)
            return nil
        }
        return text
    }

    /// The first bytes of a source file as text (invalid UTF-8 repaired), or nil when unreadable or binary.
    func sourcePrefix(_ relative: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: url(relative).path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: limits.sourcePrefixBytes), !data.contains(0) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Entries of a folder: (name, isDirectory), sorted by name. Symbolic links to folders are reported as folders
    /// only when they stay inside the project. Unreadable folders produce a warning and no entries.
    func entries(_ relative: String) -> [(name: String, isDirectory: Bool)] {
        let path = url(relative).path
        guard let directory = opendir(path) else {
            warn(
                "cannot read folder \(relative.isEmpty ? "." : relative) (permission denied?); skipped",
                file: relative.isEmpty ? nil : relative)
            return []
        }
        defer { closedir(directory) }
        var result: [(name: String, isDirectory: Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let type = Int32(entry.pointee.d_type)
            switch type {
            case Int32(DT_DIR): result.append((name, true))
            case Int32(DT_REG): result.append((name, false))
            default:
                // Links, and file systems that do not report types: ask.
                let kind = kind(atPath: path + "/" + name)
                if kind == .directory {
                    result.append((name, true))
                } else if kind != .missing {
                    result.append((name, false))
                }
            }
        }
        return result.sorted { $0.name < $1.name }
    }
}
