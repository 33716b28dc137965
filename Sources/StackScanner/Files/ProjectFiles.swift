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
        let data: [UInt8]
        switch readRegularFile(relative, upTo: limit + 1, whole: true) {
        case .success(let bytes): data = bytes
        case .failure(let problem):
            warn("\(relative) \(problem.text); skipped", file: relative)
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
        guard let text = String(validating: data, as: UTF8.self) else {
            warn("\(relative) is not UTF-8 text; skipped", file: relative)
            return nil
        }
        return text
    }

    /// The first bytes of a source file as text (invalid UTF-8 repaired), or nil when it cannot be read (with a
    /// warning) or is binary.
    func sourcePrefix(_ relative: String) -> String? {
        switch readRegularFile(relative, upTo: limits.sourcePrefixBytes, whole: false) {
        case .success(let data):
            guard !data.contains(0) else { return nil }
            return String(decoding: data, as: UTF8.self)
        case .failure(let problem):
            warn("\(relative) \(problem.text); skipped", file: relative)
            return nil
        }
    }

    /// Why a file was not read.
    struct ReadProblem: Error {
        var text: String
    }

    /// Reads at most `count` bytes of a regular file inside the project (`whole`: refuses a file larger than
    /// `count - 1` bytes instead of reading its start). The file is opened without blocking and
    /// checked on the open descriptor (so nothing can swap it in between): a FIFO, socket or device is refused
    /// without ever waiting on it, and so is anything whose real location is outside the project.
    func readRegularFile(_ relative: String, upTo count: Int, whole: Bool) -> Result<[UInt8], ReadProblem> {
        let path = url(relative).path
        guard let resolved = realpath(path, nil) else {
            return .failure(ReadProblem(text: "is a link that does not lead to a file inside the project"))
        }
        let real = String(cString: resolved)
        free(resolved)
        guard real == rootPath || real.hasPrefix(rootPath.hasSuffix("/") ? rootPath : rootPath + "/") else {
            return .failure(ReadProblem(text: "is a link to a place outside the project"))
        }
        let descriptor = open(real, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else {
            let reason = errno == EACCES ? "permission denied" : String(cString: strerror(errno))
            return .failure(ReadProblem(text: "cannot be read (\(reason))"))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return .failure(ReadProblem(text: "is not a regular file (a pipe, socket or device)"))
        }
        if whole, Int(info.st_size) >= count {
            return .failure(ReadProblem(text: "is too large (\(info.st_size) bytes; the limit is \(count - 1))"))
        }
        var bytes = [UInt8](repeating: 0, count: min(count, max(0, Int(info.st_size)) + 1))
        var filled = 0
        while filled < bytes.count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(ReadProblem(text: "cannot be read (\(String(cString: strerror(errno))))"))
            }
            if got == 0 { break }
            filled += got
        }
        bytes.removeSubrange(filled...)
        return .success(bytes)
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
