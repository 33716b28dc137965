import Foundation

/// The declared dependencies of one package.json text, for comparing two versions of a manifest
/// (`stackwise check --base`).
extension PackageManifest {
    /// The dependencies of a package.json, or nil when the text is not a valid manifest.
    public static func dependencies(ofPackageJSON text: String) -> [Dependency]? {
        guard let json = try? JSONParser.parse(text), let manifest = try? PackageManifest(json: json, folder: "")
        else { return nil }
        return manifest.dependencies
    }

    /// Dependency name -> specifier declared by the project's package.json and its `workspaces` packages, read
    /// with the scan's bounded file access (for telling a lockfile's direct entries from transitive ones).
    public static func declaredSpecifiers(projectAt folder: URL) -> [String: String] {
        let files = ProjectFiles(root: folder, limits: ScanLimits())
        guard let text = files.text("package.json"), let json = try? JSONParser.parse(text),
            let root = try? PackageManifest(json: json, folder: "")
        else { return [:] }
        var manifests = [root]
        if !root.workspaces.isEmpty {
            for member in WorkspaceResolver(files: files).resolve(root.workspaces, source: "package.json") {
                guard let text = files.text(ProjectFiles.join(member, "package.json")),
                    let json = try? JSONParser.parse(text),
                    let manifest = try? PackageManifest(json: json, folder: member)
                else { continue }
                manifests.append(manifest)
            }
        }
        var result: [String: String] = [:]
        for dependency in manifests.flatMap(\.dependencies) where result[dependency.name] == nil {
            result[dependency.name] = dependency.specifier
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
