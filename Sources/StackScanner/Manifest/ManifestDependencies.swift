/// The declared dependencies of one package.json text, for comparing two versions of a manifest
/// (`stackwise check --base`).
extension PackageManifest {
    /// The dependencies of a package.json, or nil when the text is not a valid manifest.
    public static func dependencies(ofPackageJSON text: String) -> [Dependency]? {
        guard let json = try? JSONParser.parse(text), let manifest = try? PackageManifest(json: json, folder: "")
        else { return nil }
        return manifest.dependencies
    }

    /// The versions `package-lock.json` (lockfile v2/v3 `packages`, or v1 `dependencies`) resolves for direct
    /// dependencies, by package name; empty when the text is not such a lockfile.
    public static func lockedVersions(ofPackageLock text: String) -> [String: String] {
        guard let json = try? JSONParser.parse(text) else { return [:] }
        var result: [String: String] = [:]
        for (path, entry) in json["packages"]?.objectPairs ?? [] {
            guard path.hasPrefix("node_modules/"), let version = entry["version"]?.string else { continue }
            let name = String(path.dropFirst("node_modules/".count))
            if !name.contains("/node_modules/") { result[name] = version }
        }
        if result.isEmpty {
            for (name, entry) in json["dependencies"]?.objectPairs ?? [] {
                if let version = entry["version"]?.string { result[name] = version }
            }
        }
        return result
    }
}

extension PackageManifest {
    /// Sets each dependency's line from the manifest's text: the first `"name":` after its section's key.
    mutating func locateDependencyLines(in text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var sectionLine: [DependencyKind: Int] = [:]
        for kind in DependencyKind.allCases {
            let key = "\"\(kind.rawValue)\""
            sectionLine[kind] = lines.firstIndex { Self.hasKey(key, in: $0) }
        }
        for index in dependencies.indices {
            let dependency = dependencies[index]
            guard let start = sectionLine[dependency.kind] else { continue }
            let key = "\"\(dependency.name)\""
            if let found = lines[start...].firstIndex(where: { Self.hasKey(key, in: $0) }) {
                dependencies[index].line = found + 1
            }
        }
    }

    /// Whether a line holds `key` followed by a colon (a JSON member name, not a value).
    private static func hasKey(_ key: String, in line: Substring) -> Bool {
        var rest = line[...]
        while let range = rest.range(of: key) {
            let after = rest[range.upperBound...].drop { $0 == " " || $0 == "\t" }
            if after.first == ":" { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }
}
