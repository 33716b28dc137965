/// The parts of a package.json the scan uses.
public struct PackageManifest: Sendable {
    /// How a dependency is declared.
    public enum DependencyKind: String, Sendable, Codable, CaseIterable {
        case dependencies, devDependencies, optionalDependencies, peerDependencies

        /// Installed and loaded when the service runs.
        public var isRuntime: Bool { self != .devDependencies }
    }

    /// One declared dependency.
    public struct Dependency: Sendable {
        public var name: String
        public var specifier: String
        public var kind: DependencyKind
        /// The 1-based line of its entry in package.json, when found.
        public var line: Int? = nil
    }

    /// The folder of the manifest, relative to the scanned folder ("" for the root).
    public var folder: String
    public var name: String?
    public var dependencies: [Dependency]
    /// Workspace globs from `workspaces` (array or `{packages: [...]}`).
    public var workspaces: [String]
    public var enginesNode: String?
    /// `packageManager` (corepack), e.g. `pnpm@9.1.0`.
    public var packageManager: String?
    public var scripts: [String: String]
    /// `prisma.schema`, when the schema is not in the default place.
    public var prismaSchema: String?

    /// The display path of the manifest.
    public var path: String { folder.isEmpty ? "package.json" : folder + "/package.json" }

    /// Reads the fields from parsed JSON; problems with individual fields are returned as messages.
    init(json: JSONValue, folder: String) throws(ManifestError) {
        guard case .object = json else {
            throw ManifestError(message: "package.json must hold a JSON object { ... }")
        }
        self.folder = folder
        name = json["name"]?.string
        dependencies = []
        for kind in DependencyKind.allCases {
            guard let section = json[kind.rawValue] else { continue }
            guard let pairs = section.objectPairs else {
                throw ManifestError(message: "'\(kind.rawValue)' must be an object of package names to versions")
            }
            for (name, value) in pairs {
                dependencies.append(Dependency(name: name, specifier: value.string ?? "", kind: kind))
            }
        }
        let workspaceValue = json["workspaces"]
        let globs = workspaceValue?.array ?? workspaceValue?["packages"]?.array ?? []
        workspaces = globs.compactMap(\.string)
        enginesNode = json["engines"]?["node"]?.string
        packageManager = json["packageManager"]?.string
        var scripts: [String: String] = [:]
        for (key, value) in json["scripts"]?.objectPairs ?? [] { scripts[key] = value.string }
        self.scripts = scripts
        prismaSchema = json["prisma"]?["schema"]?.string
    }

    /// The dependency with this name, preferring a runtime declaration.
    public func dependency(_ name: String) -> Dependency? {
        dependencies.first { $0.name == name && $0.kind.isRuntime } ?? dependencies.first { $0.name == name }
    }
}

/// A package.json that cannot be used.
struct ManifestError: Error {
    var message: String
}

/// The major version a dependency specifier allows at least: `^4.18.2` -> 4, `~5.0.0` -> 5, `>=18` -> 18,
/// `4.x` -> 4, `npm:express@5.1.0` -> 5; nil for tags, URLs, `workspace:` and `*`.
public func majorVersion(of specifier: String) -> Int? {
    var text = Substring(specifier.trimmingCharacters(in: .whitespaces))
    if text.hasPrefix("npm:"), let at = text.lastIndex(of: "@") { text = text[text.index(after: at)...] }
    let first = text.split(separator: "|").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    let trimmed = first.drop { "^~>=<v ".contains($0) }
    let digits = trimmed.prefix { $0.isNumber }
    return digits.isEmpty ? nil : Int(digits)
}
