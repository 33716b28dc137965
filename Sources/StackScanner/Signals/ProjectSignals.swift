import KnowledgeModel

/// Reads the project's other config files: Node.js version files, tsconfig, the Prisma schema, ORM configs,
/// serverless and SAM templates, CI workflows and platform files.
struct ProjectSignals {
    let files: ProjectFiles
    /// A database name as written in a config (`postgresql`, `pg`, `mysql2`) -> a databases technology id.
    let database: (String) -> String?

    /// Facts about the language settings of a package.
    struct LanguageFacts {
        var tsconfig: String?
        var checkJs: String?
    }

    func scan(
        folder: String, manifest: PackageManifest?, signals: inout [Signal], versions: inout [NodeVersionHint],
        language: inout LanguageFacts
    ) {
        nodeVersionFiles(folder, manifest: manifest, versions: &versions)
        typeScriptConfig(folder, language: &language)
        prisma(folder, manifest: manifest, signals: &signals)
        ormConfigs(folder, signals: &signals)
        serverless(folder, signals: &signals, versions: &versions)
        platformFiles(folder, signals: &signals)
    }

    // MARK: - Node.js version

    private func nodeVersionFiles(_ folder: String, manifest: PackageManifest?, versions: inout [NodeVersionHint]) {
        for (name, rank) in [(".nvmrc", 1), (".node-version", 1)] {
            let path = ProjectFiles.join(folder, name)
            guard let text = files.text(path, maximumBytes: 4096) else { continue }
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if let major = majorVersion(of: value) {
                versions.append(
                    NodeVersionHint(major: major, text: value, evidence: .init(file: path, detail: value), rank: rank))
            }
        }
        let toolVersions = ProjectFiles.join(folder, ".tool-versions")
        if let text = files.text(toolVersions, maximumBytes: 16384) {
            for (number, line) in TextLines.numbered(text) where line.hasPrefix("nodejs ") || line.hasPrefix("node ") {
                let value = String(line.split(separator: " ").dropFirst().first ?? "")
                if let major = majorVersion(of: value) {
                    versions.append(
                        NodeVersionHint(
                            major: major, text: value, evidence: .init(file: toolVersions, line: number, detail: line),
                            rank: 1))
                }
            }
        }
        if let manifest, let engines = manifest.enginesNode, let major = majorVersion(of: engines) {
            versions.append(
                NodeVersionHint(
                    major: major, text: engines,
                    evidence: .init(file: manifest.path, detail: "engines.node: \(engines)"),
                    rank: 2))
        }
    }

    private func typeScriptConfig(_ folder: String, language: inout LanguageFacts) {
        for name in ["tsconfig.json", "jsconfig.json"] {
            let path = ProjectFiles.join(folder, name)
            guard files.kind(path) == .file else { continue }
            if name == "tsconfig.json", language.tsconfig == nil { language.tsconfig = path }
            guard let text = files.text(path) else { continue }
            do {
                let json = try JSONParser.parse(text, allowsComments: true)
                if json["compilerOptions"]?["checkJs"]?.bool == true { language.checkJs = language.checkJs ?? path }
            } catch {
                files.warn(
                    "malformed JSON: \(error.message); skipped", file: path, line: error.line, column: error.column)
            }
        }
    }

    // MARK: - Databases named by config files

    private func prisma(_ folder: String, manifest: PackageManifest?, signals: inout [Signal]) {
        var candidates = ["prisma/schema.prisma", "schema.prisma"].map { ProjectFiles.join(folder, $0) }
        if let custom = manifest?.prismaSchema, !custom.contains(".."), !custom.hasPrefix("/") {
            candidates.insert(ProjectFiles.join(folder, custom), at: 0)
        }
        let multiFile = ProjectFiles.join(folder, "prisma/schema")
        if files.kind(multiFile) == .directory {
            candidates += files.entries(multiFile).filter { $0.name.hasSuffix(".prisma") }.map {
                ProjectFiles.join(multiFile, $0.name)
            }
        }
        for path in candidates where files.kind(path) == .file {
            guard let text = files.text(path) else { continue }
            signals.append(
                Signal(technology: "prisma", confidence: .high, evidence: .init(file: path, detail: "Prisma schema")))
            var inDatasource = false
            for (number, line) in TextLines.numbered(text) {
                if line.hasPrefix("datasource ") { inDatasource = true }
                if inDatasource, let provider = TextLines.value(of: "provider", in: line) {
                    if let technology = database(provider) {
                        signals.append(
                            Signal(
                                technology: technology, confidence: .high,
                                evidence: .init(
                                    file: path, line: number, detail: "datasource provider = \"\(provider)\"")))
                    }
                    inDatasource = false
                }
                if line.hasPrefix("}") { inDatasource = false }
            }
            return
        }
    }

    private func ormConfigs(_ folder: String, signals: inout [Signal]) {
        let configs: [(names: [String], key: String, technology: String)] = [
            (["knexfile.js", "knexfile.ts", "knexfile.cjs", "knexfile.mjs"], "client", "knex"),
            (
                ["drizzle.config.ts", "drizzle.config.js", "drizzle.config.mjs", "drizzle.config.cjs"], "dialect",
                "drizzle"
            ),
            (
                [
                    "ormconfig.json", "ormconfig.js", "ormconfig.ts", "ormconfig.yml", "ormconfig.yaml",
                    "src/data-source.ts",
                    "src/data-source.js", "data-source.ts",
                ], "type", "typeorm"
            ),
            (["config/config.json", "src/config/config.json"], "dialect", "sequelize"),
            (["mikro-orm.config.ts", "mikro-orm.config.js", "src/mikro-orm.config.ts"], "type", "mikro-orm"),
        ]
        for config in configs {
            for name in config.names {
                let path = ProjectFiles.join(folder, name)
                guard files.kind(path) == .file, let text = files.text(path) else { continue }
                var found = false
                for (number, line) in TextLines.numbered(text) {
                    let keys = config.technology == "drizzle" ? ["dialect", "driver"] : [config.key]
                    guard let value = keys.lazy.compactMap({ TextLines.value(of: $0, in: line) }).first,
                        let technology = database(value)
                    else { continue }
                    signals.append(
                        Signal(
                            technology: technology, confidence: .high,
                            evidence: .init(file: path, line: number, detail: "\(config.key): \(value)")))
                    found = true
                    break
                }
                // A sequelize-cli config names the ORM only when it also names a dialect.
                if found || config.technology != "sequelize" {
                    signals.append(
                        Signal(
                            technology: config.technology, confidence: .medium,
                            evidence: .init(file: path, detail: "\(config.technology) configuration")))
                }
            }
        }
    }

    // MARK: - Serverless, SAM and platforms

    private func serverless(_ folder: String, signals: inout [Signal], versions: inout [NodeVersionHint]) {
        for name in ["serverless.yml", "serverless.yaml", "serverless.ts", "serverless.js"] {
            let path = ProjectFiles.join(folder, name)
            guard files.kind(path) == .file, let text = files.text(path) else { continue }
            signals.append(
                Signal(
                    technology: "serverless-framework", confidence: .high,
                    evidence: .init(file: path, detail: "Serverless Framework service")))
            lambdaRuntime(text, path: path, key: "runtime", signals: &signals, versions: &versions)
        }
        for name in ["template.yaml", "template.yml", "sam.yaml", "sam.yml"] {
            let path = ProjectFiles.join(folder, name)
            guard files.kind(path) == .file, let text = files.text(path), text.contains("AWS::Serverless") else {
                continue
            }
            signals.append(
                Signal(
                    technology: "aws-sam", confidence: .high, evidence: .init(file: path, detail: "AWS SAM template")))
            lambdaRuntime(text, path: path, key: "Runtime", signals: &signals, versions: &versions)
        }
    }

    private func lambdaRuntime(
        _ text: String, path: String, key: String, signals: inout [Signal], versions: inout [NodeVersionHint]
    ) {
        for (number, line) in TextLines.numbered(text) {
            guard let value = TextLines.value(of: key, in: line), value.hasPrefix("nodejs") else { continue }
            signals.append(
                Signal(
                    technology: "aws-lambda", confidence: .high,
                    evidence: .init(file: path, line: number, detail: "\(key): \(value)")))
            if let major = TextLines.number(after: "nodejs", in: value) {
                versions.append(
                    NodeVersionHint(
                        major: major, text: value,
                        evidence: .init(file: path, line: number, detail: "\(key): \(value)"), rank: 0))
            }
            return
        }
    }

    private func platformFiles(_ folder: String, signals: inout [Signal]) {
        let platforms = [
            ("Procfile", "heroku"), ("fly.toml", "fly"), ("vercel.json", "vercel"), ("render.yaml", "render"),
            ("ecosystem.config.js", "pm2"), ("ecosystem.config.cjs", "pm2"), ("pm2.config.js", "pm2"),
        ]
        for (name, technology) in platforms {
            let path = ProjectFiles.join(folder, name)
            if files.kind(path) == .file {
                signals.append(
                    Signal(technology: technology, confidence: .medium, evidence: .init(file: path, detail: name)))
            }
        }
    }
}
