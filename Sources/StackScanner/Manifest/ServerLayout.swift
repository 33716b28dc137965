import KnowledgeModel

/// Where a service declares its server. Usually in `dependencies`; a repository whose HTTP framework is only a
/// devDependency while a start or dev script runs a server source file (a demo app whose API only runs in
/// development, beside a browser app it bundles) declares its server in devDependencies. When a browser UI library
/// is then a runtime dependency, the runtime dependencies are the browser bundle, not the server's.
struct ServerLayout: Sendable {
    /// Manifest folder -> the script that runs the server (`scripts.start:api`), for manifests whose server lives
    /// in devDependencies.
    var serverInDevDependencies: [String: String] = [:]
    /// Manifest folder -> the browser UI library that makes its runtime dependencies a browser bundle.
    var browserBundle: [String: String] = [:]

    /// Libraries that only run in a browser page: a runtime dependency on one of them in a repository whose
    /// server is in devDependencies marks the runtime dependencies as the page's bundle.
    static let browserLibraries: Set<String> = ["react-dom", "vue", "@angular/core", "svelte", "preact", "solid-js"]

    /// Finds the layout of each manifest.
    init(manifests: [PackageManifest], catalog: DetectionCatalog) {
        let packages = catalog.packagesByName
        let technologies = catalog.technologiesByID
        func isFramework(_ dependency: PackageManifest.Dependency) -> Bool {
            packages[dependency.name]?.detects.contains { technologies[$0]?.category == .framework } ?? false
        }
        let runtimeFramework = manifests.contains { $0.dependencies.contains { $0.kind.isRuntime && isFramework($0) } }
        guard !runtimeFramework else { return }
        for manifest in manifests where manifest.dependencies.contains(where: { !$0.kind.isRuntime && isFramework($0) })
        {
            guard let script = Self.serverScript(manifest) else { continue }
            serverInDevDependencies[manifest.folder] = script
            if let browser = manifest.dependencies.first(where: {
                $0.kind.isRuntime && Self.browserLibraries.contains($0.name)
            }) {
                browserBundle[manifest.folder] = browser.name
            }
        }
    }

    /// The first `start*` or `dev*` script that runs a source file of the repository (`ts-node backend/app.ts`,
    /// `node server/index.js`), not a build output or a tool's config.
    static func serverScript(_ manifest: PackageManifest) -> String? {
        let extensions = [".ts", ".mts", ".js", ".mjs", ".cjs"]
        let built = ["dist/", "build/", "out/", ".dist/", "./dist/", "./build/", "./out/"]
        for (name, command) in manifest.scripts.sorted(by: { $0.key < $1.key })
        where name.hasPrefix("start") || name.hasPrefix("dev") {
            let words = command.split(whereSeparator: { $0 == " " || $0 == "'" || $0 == "\"" }).map(String.init)
            let runsSource = words.contains { word in
                !word.hasPrefix("-") && extensions.contains(where: word.hasSuffix)
                    && !built.contains(where: word.hasPrefix)
                    && !word.lowercased().contains("config")
            }
            if runsSource { return "scripts.\(name)" }
        }
        return nil
    }
}
