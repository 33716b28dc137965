import Foundation
import StackScanner

/// What a change (the working tree against a base revision) does to the declared dependencies, read with git:
/// `git rev-parse`, `git diff --name-only` and `git cat-file blob REV:path` (like `git show`, without textconv filters). Nothing of the project is run.
public struct DependencyChange: Sendable, Equatable {
    /// Package names added to a manifest (or whose lockfile entry appeared).
    public var added: Set<String>
    /// Package names whose declared specifier or locked version changed.
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

    /// The dependencies added, changed and removed between `revision` and the working tree.
    public func change(since revision: String) throws(CheckInputError) -> DependencyChange {
        guard !revision.isEmpty, !revision.hasPrefix("-") else {
            throw CheckInputError("error: '\(revision)' is not a git revision")
        }
        // One git process on the common path: inside a work tree, and the revision's commit.
        let verified = run([
            "rev-parse", "--is-inside-work-tree", "--verify", "--quiet", "--end-of-options", revision + "^{commit}",
        ])
        let lines = verified.output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard verified.status == 0, lines.first == "true", lines.count == 2 else {
            if verified.status == -1 {
                throw CheckInputError("error: --base needs git, and git could not be run: \(verified.error)")
            }
            let inside = run(["rev-parse", "--is-inside-work-tree"])
            guard inside.status == 0, inside.output.trimmingCharacters(in: .whitespacesAndNewlines) == "true" else {
                throw CheckInputError(
                    "error: --base needs a git repository, and '\(displayName)' is not inside one (run without "
                        + "--base to check the whole project)")
            }
            throw CheckInputError(
                "error: unknown git revision '\(revision)' in '\(displayName)' (a branch, tag or commit; in CI fetch "
                    + "it first, e.g. 'git fetch origin main --depth=1' for origin/main)")
        }
        let commit = lines[1]
        let diff = run(["diff", "--name-only", "--relative", "--no-renames", commit, "--"])
        guard diff.status == 0 else {
            throw CheckInputError("error: git diff against '\(revision)' failed: \(diff.error)")
        }
        let files = diff.output.split(separator: "\n").map(String.init).filter { path in
            let name = path.split(separator: "/").last.map(String.init) ?? path
            return (name == "package.json" || name == "package-lock.json" || name == "npm-shrinkwrap.json")
                && !path.split(separator: "/").contains("node_modules")
        }
        var change = DependencyChange(files: files)
        for path in files {
            let before = run(["cat-file", "blob", "\(commit):./\(path)"])
            let old = before.status == 0 ? before.output : nil
            let new = Self.readText(folder.appendingPathComponent(path))
            if path.hasSuffix("package.json") {
                compareManifests(old: old, new: new, into: &change)
            } else {
                compareLockfiles(old: old, new: new, into: &change)
            }
        }
        change.changed.subtract(change.added)
        return change
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

    /// A lockfile alone changes versions; a package whose locked version changed counts as changed (a new entry is
    /// a transitive dependency unless a manifest adds it, which the manifest comparison sees).
    private func compareLockfiles(old: String?, new: String?, into change: inout DependencyChange) {
        let before = old.map(PackageManifest.lockedVersions(ofPackageLock:)) ?? [:]
        let after = new.map(PackageManifest.lockedVersions(ofPackageLock:)) ?? [:]
        for (name, version) in after where before[name] != nil && before[name] != version {
            change.changed.insert(name)
        }
    }

    static func readText(_ url: URL) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let data = try? Data(contentsOf: url)
        else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// Runs git in the folder; status -1 when it could not be started. Git's own configuration cannot run
    /// programs here: no pager, no external diff, no hooks are involved in these read-only commands.
    func run(_ arguments: [String]) -> (status: Int32, output: String, error: String) {
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
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return (-1, "", "\(error)")
        }
        // Read both pipes before waiting so a large diff cannot block git on a full pipe.
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData = error.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outputData, as: UTF8.self),
            String(decoding: errorData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        )
    }
}
