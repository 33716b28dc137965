import KnowledgeModel

/// Expands npm/yarn/pnpm workspace globs (`apps/*`, `packages/**`, `!packages/legacy`) into the folders that hold
/// a package.json, with a bounded walk: `**` stops at a depth limit, folders already visited through a symbolic
/// link are not entered again, `node_modules` and hidden folders are skipped, and the walk stops after a fixed
/// number of folders.
struct WorkspaceResolver {
    let files: ProjectFiles

    /// Folders skipped by wildcards.
    static let skippedNames: Set<String> = ["node_modules", "dist", "build", "coverage", "out", ".git"]

    /// The package folders matching `patterns`, sorted, relative to the project root.
    func resolve(_ patterns: [String], source: String) -> [String] {
        // The same pattern from package.json and pnpm-workspace.yaml is walked once.
        var unique: Set<String> = []
        let positive = patterns.filter { !$0.hasPrefix("!") && unique.insert($0).inserted }
        let negative = patterns.filter { $0.hasPrefix("!") }.map { Self.segments(String($0.dropFirst())) }
        var state = WalkState(budget: files.limits.maximumGlobVisits)
        // A link back to the project root (or to any folder already walked under another name) is skipped.
        state.visitedRealPaths[files.rootPath] = ""
        var found: [String] = []
        var seen: Set<String> = []
        for pattern in positive {
            let segments = Self.segments(pattern)
            if segments.contains("..") || pattern.hasPrefix("/") {
                files.warn("workspace pattern '\(pattern)' points outside the project; ignored", file: source)
                continue
            }
            walk(folder: "", segments: segments[...], depth: 0, state: &state) { folder in
                if seen.insert(folder).inserted { found.append(folder) }
            }
            if state.exhausted { break }
        }
        if state.exhausted {
            files.warn(
                "workspace patterns visit more than \(files.limits.maximumGlobVisits) folders; "
                    + "the scan stopped there (are the globs too broad, e.g. '**'?)", file: source)
        }
        if let first = state.aliases.first {
            let target = first.target.isEmpty ? "the project folder" : "'\(first.target)'"
            let more = state.aliases.count > 1 ? " (and \(counted(state.aliases.count - 1, "more such link")))" : ""
            files.warn(
                "'\(first.link)' is a symbolic link to \(target), which the workspace patterns already reach; "
                    + "skipped it\(more)", file: source)
        }
        var packages = found.filter { folder in
            let parts = folder.split(separator: "/").map(String.init)
            return !negative.contains { Self.matches(parts[...], $0[...]) }
        }.sorted()
        let limit = files.limits.maximumWorkspacePackages
        if packages.count > limit {
            files.warn(
                "workspace patterns match \(packages.count) packages; only the first \(limit) are scanned",
                file: source)
            packages = Array(packages.prefix(limit))
        }
        return packages
    }

    struct WalkState {
        var budget: Int
        /// Real path -> the project-relative folder that first reached it.
        var visitedRealPaths: [String: String] = [:]
        /// Folders skipped because they are links to a folder already reached under another name.
        var aliases: [(link: String, target: String)] = []
        var exhausted: Bool { budget < 0 }
    }

    private func walk(
        folder: String, segments: ArraySlice<String>, depth: Int, state: inout WalkState, found: (String) -> Void
    ) {
        if state.exhausted { return }
        guard let segment = segments.first else {
            if !folder.isEmpty, files.kind(ProjectFiles.join(folder, "package.json")) == .file { found(folder) }
            return
        }
        let rest = segments.dropFirst()
        if segment == "**" {
            // `**` matches this folder and any folder below, down to the depth limit.
            walk(folder: folder, segments: rest, depth: depth, state: &state, found: found)
            guard depth < files.limits.maximumGlobDepth else { return }
            for child in children(of: folder, state: &state) {
                walk(folder: child, segments: segments, depth: depth + 1, state: &state, found: found)
            }
            return
        }
        if !segment.contains("*"), !segment.contains("?") {
            let child = ProjectFiles.join(folder, segment)
            if files.kind(child) == .directory {
                walk(folder: child, segments: rest, depth: depth + 1, state: &state, found: found)
            }
            return
        }
        for child in children(of: folder, state: &state) {
            let name = String(child.split(separator: "/").last ?? "")
            if Self.matchesSegment(name, segment) {
                walk(folder: child, segments: rest, depth: depth + 1, state: &state, found: found)
            }
        }
    }

    /// Sub-folders of `folder` that a wildcard may enter (each folder's real path entered once).
    private func children(of folder: String, state: inout WalkState) -> [String] {
        var result: [String] = []
        for entry in files.entries(folder) where entry.isDirectory {
            if entry.name.hasPrefix(".") || Self.skippedNames.contains(entry.name) { continue }
            state.budget -= 1
            if state.exhausted { break }
            let child = ProjectFiles.join(folder, entry.name)
            let realPath = files.realPath(child)
            if let first = state.visitedRealPaths[realPath], first != child {
                state.aliases.append((link: child, target: first))
                continue
            }
            // Reached again by another pattern under the same name (`packages/*` and `packages/*/plugins/*`) is no
            // link: walked again (the visit budget still bounds the walk).
            state.visitedRealPaths[realPath] = child
            result.append(child)
        }
        return result
    }

    static func segments(_ pattern: String) -> [String] {
        var text = pattern
        if text.hasPrefix("./") { text.removeFirst(2) }
        return text.split(separator: "/").map(String.init).filter { $0 != "." }
    }

    /// Whether a path (as segments) matches a glob (as segments).
    static func matches(_ path: ArraySlice<String>, _ glob: ArraySlice<String>) -> Bool {
        guard let first = glob.first else { return path.isEmpty }
        if first == "**" {
            if matches(path, glob.dropFirst()) { return true }
            return !path.isEmpty && matches(path.dropFirst(), glob)
        }
        guard let name = path.first, matchesSegment(name, first) else { return false }
        return matches(path.dropFirst(), glob.dropFirst())
    }

    /// `*` and `?` wildcards within one path segment.
    static func matchesSegment(_ name: String, _ pattern: String) -> Bool {
        let n = Array(name)
        let p = Array(pattern)
        var ni = 0
        var pi = 0
        var star = -1
        var mark = 0
        while ni < n.count {
            if pi < p.count, p[pi] == "?" || p[pi] == n[ni] {
                ni += 1
                pi += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi
                mark = ni
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ni = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
