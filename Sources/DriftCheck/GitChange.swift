import Foundation
import StackScanner

/// What a change (the working tree against a base revision) does to the declared dependencies, read with git in
/// two processes: `git diff --name-only` limited to manifests and lockfiles, and one `git cat-file --batch` for
/// their base versions (like `git show`, without textconv filters). Nothing of the project is run.
public struct DependencyChange: Sendable, Equatable {
    /// Package names added to a manifest, or that a lockfile now resolves as a direct dependency and did not.
    public var added: Set<String>
    /// Package names whose declared specifier changed, or whose locked version moved to another major version
    /// (another minor below 1.0.0).
    public var changed: Set<String>
    /// Package names removed from a manifest.
    public var removed: Set<String>
    /// The changed manifests and lockfiles (relative to the checked folder).
    public var files: [String]

    public init(added: Set<String> = [], changed: Set<String> = [], removed: Set<String> = [], files: [String] = []) {
        self.added = added
        self.changed = changed
        self.removed = removed
        self.files = files
    }

    /// Whether the change introduces this package (added or changed).
    public func introduces(_ package: String) -> Bool { added.contains(package) || changed.contains(package) }
}

/// Reads a dependency change with git.
public struct GitChangeReader: Sendable {
    /// The folder being checked (a git work tree or a folder inside one).
    public var folder: URL
    /// How the folder is named in messages.
    public var displayName: String
    /// The git executable (found on PATH by `/usr/bin/env`).
    public var git: [String] = ["/usr/bin/env", "git"]

    public init(folder: URL, displayName: String) {
        self.folder = folder
        self.displayName = displayName
    }

    /// The files `--base` compares: manifests and the npm, yarn and pnpm lockfiles, outside node_modules.
    static let pathspecs =
        (["package.json"] + Lockfiles.names.sorted()).map { ":(glob)**/\($0)" } + [
            ":(exclude,glob)**/node_modules/**"
        ]

    /// The dependencies added, changed and removed between `revision` and the working tree.
    public func change(since revision: String) throws(CheckInputError) -> DependencyChange {
        guard !revision.isEmpty, !revision.hasPrefix("-"), !revision.contains(where: { $0.isNewline || $0 == "\0" })
        else {
            throw CheckInputError("error: '\(revision)' is not a git revision")
        }
        let base = revision + "^{commit}"
        // The common path is two git processes: the changed manifests and lockfiles, then their base versions.
        let diff = run(
            ["diff", "--name-only", "--relative", "--no-renames", "--no-ext-diff", "--end-of-options", base, "--"]
                + Self.pathspecs)
        guard diff.status == 0 else { throw diagnose(revision, failure: diff) }
        let files = String(decoding: diff.output, as: UTF8.self).split(separator: "\n").map(String.init).filter {
            path in
            let parts = path.split(separator: "/").map(String.init)
            guard let name = parts.last else { return false }
            return (name == "package.json" || Lockfiles.names.contains(name)) && !parts.contains("node_modules")
        }
        var change = DependencyChange(files: files)
        guard !files.isEmpty else { return change }
        let previous = try baseVersions(of: files, at: base, revision: revision)
        var lockedBefore: [String: Set<String>] = [:]
        var lockedAfter: [String: Set<String>] = [:]
        var hadLockfile = false
        var declared: [String: [String: String]] = [:]
        for path in files {
            let old = previous[path] ?? nil
            let new = Self.readText(folder.appendingPathComponent(path))
            let name = String(path.split(separator: "/").last ?? "")
            if name == "package.json" {
                compareManifests(old: old, new: new, into: &change)
                continue
            }
            let lockFolder = String(path.dropLast(name.count))
            if name == "yarn.lock", declared[lockFolder] == nil {
                declared[lockFolder] = PackageManifest.declaredSpecifiers(
                    projectAt: lockFolder.isEmpty ? folder : folder.appendingPathComponent(lockFolder))
            }
            let specifiers = declared[lockFolder] ?? [:]
            if let old {
                hadLockfile = true
                for (package, version) in Lockfiles.lockedVersions(file: name, text: old, declared: specifiers) {
                    lockedBefore[package, default: []].insert(Lockfiles.compatibilityLine(of: version) ?? version)
                }
            }
            if let new {
                for (package, version) in Lockfiles.lockedVersions(file: name, text: new, declared: specifiers) {
                    lockedAfter[package, default: []].insert(Lockfiles.compatibilityLine(of: version) ?? version)
                }
            }
        }
        // A lockfile that appears where none was (the first install) adds nothing the manifests do not say.
        if hadLockfile {
            for (package, lines) in lockedAfter {
                guard let before = lockedBefore[package] else {
                    change.added.insert(package)
                    continue
                }
                if !lines.isSubset(of: before) { change.changed.insert(package) }
            }
        }
        change.changed.subtract(change.added)
        return change
    }

    /// The text of each file at the base revision (nil where it did not exist), from one `git cat-file --batch`.
    private func baseVersions(
        of files: [String], at base: String, revision: String
    ) throws(CheckInputError)
        -> [String: String?]
    {
        let request = files.map { "\(base):./\($0)\n" }.joined()
        let batch = run(["cat-file", "--batch"], input: Data(request.utf8))
        guard batch.status == 0 else {
            throw CheckInputError("error: git could not read the files of '\(revision)': \(batch.error)")
        }
        var result: [String: String?] = [:]
        let bytes = [UInt8](batch.output)
        var index = 0
        for path in files {
            guard let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            let header = String(decoding: bytes[index..<newline], as: UTF8.self).split(separator: " ")
            index = newline + 1
            guard header.count == 3, header[1] == "blob", let size = Int(header[2]), size >= 0,
                index + size <= bytes.count
            else {
                result[path] = .some(nil)
                continue
            }
            result[path] = String(decoding: bytes[index..<(index + size)], as: UTF8.self)
            index += size + 1
        }
        return result
    }

    /// Why `git diff` against the revision failed, in the user's terms (run only when it did).
    private func diagnose(_ revision: String, failure: GitRun) -> CheckInputError {
        if failure.status == -1 {
            return CheckInputError("error: --base needs git, and git could not be run: \(failure.error)")
        }
        let inside = run(["rev-parse", "--is-inside-work-tree"])
        guard inside.status == 0,
            String(decoding: inside.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "true"
        else {
            return CheckInputError(
                "error: --base needs a git repository, and '\(displayName)' is not inside one (run without "
                    + "--base to check the whole project)")
        }
        let known = run(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"])
        guard known.status == 0 else {
            return CheckInputError(
                "error: unknown git revision '\(revision)' in '\(displayName)' (a branch, tag or commit; in CI fetch "
                    + "it first, e.g. 'git fetch origin main --depth=1' for origin/main)")
        }
        return CheckInputError("error: git diff against '\(revision)' failed: \(failure.error)")
    }

    private func compareManifests(old: String?, new: String?, into change: inout DependencyChange) {
        let before = old.flatMap(PackageManifest.dependencies(ofPackageJSON:)) ?? []
        let after = new.flatMap(PackageManifest.dependencies(ofPackageJSON:)) ?? []
        var previous: [String: String] = [:]
        for dependency in before { previous[dependency.name] = dependency.specifier }
        var current: Set<String> = []
        for dependency in after {
            current.insert(dependency.name)
            if let specifier = previous[dependency.name] {
                if specifier != dependency.specifier { change.changed.insert(dependency.name) }
            } else {
                change.added.insert(dependency.name)
            }
        }
        for name in previous.keys where !current.contains(name) { change.removed.insert(name) }
    }

    static func readText(_ url: URL) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let data = try? Data(contentsOf: url)
        else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// The outcome of one git process; status -1 when it could not be started.
    typealias GitRun = (status: Int32, output: Data, error: String)

    /// Runs git in the folder, with `input` on its standard input (SIGPIPE is then ignored process-wide, as the
    /// command-line tool does anyway). Git's own configuration cannot run programs here: no pager, no external
    /// diff, no hooks are involved in these read-only commands.
    func run(_ arguments: [String], input: Data? = nil) -> GitRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: git[0])
        process.arguments =
            Array(git.dropFirst()) + ["-C", folder.path, "--no-pager", "-c", "core.fsmonitor=false"]
            + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        let standardInput = input.map { _ in Pipe() }
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput ?? FileHandle.nullDevice
        // Foundation's waitUntilExit polls every 50 ms; the termination handler fires as soon as git exits.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            return (-1, Data(), "\(error)")
        }
        // Write the input and read standard error beside reading the output, so neither side can block the other
        // on a full pipe.
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData = error.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if let standardInput, let input {
            // A git that exits before reading its input must make the write fail (EPIPE), not kill this process.
            _ = signal(SIGPIPE, SIG_IGN)
            group.enter()
            DispatchQueue.global().async {
                try? standardInput.fileHandleForWriting.write(contentsOf: input)
                try? standardInput.fileHandleForWriting.close()
                group.leave()
            }
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        exited.wait()
        return (
            process.terminationStatus, outputData,
            String(decoding: errorData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        )
    }
}
