/// What package.json scripts reveal: test runners started from a script (`node --test`) and whether the service
/// starts from JavaScript it does not build.
enum ScriptSignals {
    /// Signals from the scripts of the service's manifests.
    static func signals(_ manifests: [PackageManifest]) -> [Signal] {
        var result: [Signal] = []
        for manifest in manifests {
            for (name, command) in manifest.scripts.sorted(by: { $0.key < $1.key }) where name.hasPrefix("test") {
                if runsNodeTest(command) {
                    result.append(
                        Signal(
                            technology: "node-test", confidence: .high,
                            evidence: .init(
                                file: manifest.path, detail: "scripts.\(name): \(String(command.prefix(80)))")))
                    break
                }
            }
        }
        return result
    }

    /// `node --test`, also behind `cross-env VAR=1` or with other flags before `--test`.
    static func runsNodeTest(_ command: String) -> Bool {
        for part in command.split(separator: "&") {
            let words = part.split(separator: " ").map(String.init)
            guard let node = words.firstIndex(where: { $0 == "node" || $0.hasSuffix("/node") }) else { continue }
            if words[(node + 1)...].prefix(while: { $0.hasPrefix("-") }).contains("--test") { return true }
        }
        return false
    }

    /// Whether `scripts.start` (following `npm run`, `yarn` and `pnpm` to another script) runs `node` on a
    /// JavaScript file outside a build folder, so the project is not compiled from TypeScript.
    static func startsPlainJavaScript(_ manifest: PackageManifest) -> Bool {
        var command = manifest.scripts["start"] ?? ""
        for _ in 0..<3 {
            let words = command.split(separator: " ").map(String.init)
            if let run = words.firstIndex(where: { ["npm", "yarn", "pnpm"].contains($0) }) {
                var rest = words[(run + 1)...].drop { $0 == "run" || $0 == "run-script" || $0.hasPrefix("-") }
                if let next = rest.first, let target = manifest.scripts[next] {
                    command = target
                    rest = []
                    continue
                }
            }
            break
        }
        let words = command.split(separator: " ").map(String.init)
        if words.contains(where: { ["ts-node", "tsx", "nest", "ts-node-dev", "tsnd", "vite-node"].contains($0) }) {
            return false
        }
        guard let node = words.firstIndex(where: { $0 == "node" || $0 == "nodemon" }),
            let file = words[(node + 1)...].first(where: { !$0.hasPrefix("-") })
        else { return false }
        let built = ["dist/", "build/", "out/", "lib/", ".dist/", "./dist/", "./build/", "./out/", "./lib/", ".build/"]
        if built.contains(where: file.hasPrefix) || file.hasSuffix(".ts") || file.hasSuffix(".mts") { return false }
        return true
    }
}
