import Foundation
import KnowledgeModel
import RuleLanguage

/// Why a scan could not produce a report.
public struct ScanError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// The folder is not a Node.js project, or its package.json is malformed.
        case badInput
        /// The folder cannot be read.
        case unreadable
    }

    public var kind: Kind
    public var message: String

    public var description: String { message }
}

/// Reads a Node.js repository (without running anything from it) and reports its current stack.
public struct StackScanner: Sendable {
    public let catalog: DetectionCatalog
    public var limits: ScanLimits
    /// Whether source files are read for their imports. Without them runtime dependencies count as used and the
    /// evidence has no import lines; `check --base` judges a change by its manifests and skips them.
    public var readsSources = true

    public init(catalog: DetectionCatalog, limits: ScanLimits = ScanLimits()) {
        self.catalog = catalog
        self.limits = limits
    }

    /// Scans `folder`. `displayName` is how the folder is named in the report; `package` picks one workspace
    /// package (by name or folder) as the service.
    public func scan(folder: URL, displayName: String, package selection: String? = nil) throws(ScanError) -> ScanReport
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            throw ScanError(kind: .badInput, message: "'\(displayName)' does not exist")
        }
        guard isDirectory.boolValue else {
            throw ScanError(kind: .badInput, message: "'\(displayName)' is a file; scan takes the project's folder")
        }
        guard FileManager.default.isReadableFile(atPath: folder.path),
            (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) != nil
        else {
            throw ScanError(kind: .unreadable, message: "cannot read folder '\(displayName)' (permission denied?)")
        }
        let files = ProjectFiles(root: folder, limits: limits)
        let root = try rootManifest(files, displayName: displayName)

        // Workspaces: the service may live in a sub-package and its stack in shared packages.
        var workspaceGlobs = root.workspaces
        var globSource = "package.json"
        if files.kind("pnpm-workspace.yaml") == .file {
            workspaceGlobs += pnpmWorkspaceGlobs(files)
            globSource = "pnpm-workspace.yaml"
        }
        let workspaceFolders =
            workspaceGlobs.isEmpty ? [] : WorkspaceResolver(files: files).resolve(workspaceGlobs, source: globSource)
        var workspace: [PackageManifest] = []
        for folder in workspaceFolders {
            if let manifest = readManifest(files, folder: folder) { workspace.append(manifest) }
        }
        let services = try selectServices(workspace, root: root, selection: selection)
        let included = closure(of: services, in: workspace)
        let manifests = [root] + included

        // Imports: cheap text scan of the included packages' sources.
        var budget = readsSources ? limits.maximumSourceFiles : 1
        var sources = SourceFacts()
        let workspaceSet = Set(workspaceFolders)
        for manifest in manifests where readsSources {
            let excluded = workspaceSet.subtracting([manifest.folder])
            sources.merge(
                ImportScanner(files: files).scan(folder: manifest.folder, excluded: excluded, budget: &budget))
        }
        if budget <= 0 {
            files.warn(
                "more than \(limits.maximumSourceFiles) source files; imports were checked in the first ones only")
        }

        var assembler = DetectionAssembler(catalog: catalog)
        assembler.addDependencies(of: manifests, sources: sources)
        assembler.addBuiltinImports(sources)

        // Other files: containers, configs, CI.
        var signals: [Signal] = []
        var versions: [NodeVersionHint] = []
        var language = ProjectSignals.LanguageFacts()
        let imageMap = imageTechnologies()
        let projectSignals = ProjectSignals(files: files, database: databaseTechnology)
        for manifest in manifests {
            ContainerSignals(files: files, images: imageMap).scan(
                folder: manifest.folder, signals: &signals, versions: &versions)
            projectSignals.scan(
                folder: manifest.folder, manifest: manifest, signals: &signals, versions: &versions, language: &language
            )
        }
        CISignals(files: files).scan(folder: "", signals: &signals, versions: &versions)
        for (message, evidence) in NodeVersionAgreement.disagreements(versions) {
            files.warn(message, file: evidence.file, line: evidence.line ?? 1)
        }
        signals += ScriptSignals.signals(manifests)
        signals += inferredSignals(
            sources: sources, language: language, assembler: assembler, signals: signals, manifests: manifests)
        for signal in signals { assembler.addSignal(signal) }
        assembler.settleConnectorClients()
        assembler.settleTemplateEngines()
        assembler.settleBearerStrategies()
        // REST is inferred last, from the framework and API styles found.
        for signal in restSignal(assembler) { assembler.addSignal(signal) }

        let (packageManager, lockfile) = packageManager(files, root: root)
        let node = versions.enumerated().min { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }?.element
        if let node {
            assembler.addSignal(
                Signal(technology: "nodejs", confidence: .high, evidence: node.evidence, major: node.major))
        }
        let serviceName = services.count == 1 && !included.isEmpty ? services[0].name : root.name
        return ScanReport(
            root: displayName, serviceName: serviceName, packageManager: packageManager, lockfile: lockfile,
            workspacePackages: workspaceFolders,
            servicePackages: included.isEmpty ? [""] : services.map(\.folder),
            nodeVersion: node.map { NodeVersionFinding(major: $0.major, text: $0.text, evidence: $0.evidence) },
            detections: assembler.detections(), ignored: assembler.ignored, warnings: files.diagnostics,
            sourceFilesRead: sources.filesRead)
    }

    // MARK: - Manifests

    private func rootManifest(_ files: ProjectFiles, displayName: String) throws(ScanError) -> PackageManifest {
        switch files.kind("package.json") {
        case .missing:
            var message =
                "no package.json in '\(displayName)': scan looks for package.json (npm, yarn and pnpm projects) "
                + "in the folder you give it"
            let nested = files.entries("").filter { entry in
                entry.isDirectory && !entry.name.hasPrefix(".") && entry.name != "node_modules"
                    && files.kind(ProjectFiles.join(entry.name, "package.json")) == .file
            }.map(\.name)
            if !nested.isEmpty {
                message +=
                    "; found one in: "
                    + nested.prefix(5).map { ProjectFiles.join(displayName, $0) }.joined(separator: ", ")
            }
            throw ScanError(kind: .badInput, message: message)
        case .directory, .other:
            throw ScanError(kind: .badInput, message: "\(displayName)/package.json is not a regular file")
        case .file: break
        }
        guard let text = files.text("package.json") else {
            let reason = files.diagnostics.last?.message ?? "cannot read package.json"
            throw ScanError(
                kind: .badInput, message: "\(ProjectFiles.join(displayName, "package.json")): error: \(reason)")
        }
        do {
            let json = try JSONParser.parse(text)
            var manifest = try PackageManifest(json: json, folder: "")
            manifest.locateDependencyLines(in: text)
            return manifest
        } catch let error as JSONParser.SyntaxError {
            throw ScanError(
                kind: .badInput,
                message:
                    "\(displayName)/package.json:\(error.line):\(error.column): error: malformed JSON: \(error.message)"
            )
        } catch let error as ManifestError {
            throw ScanError(kind: .badInput, message: "\(displayName)/package.json: error: \(error.message)")
        } catch {
            throw ScanError(kind: .badInput, message: "\(displayName)/package.json: error: \(error)")
        }
    }

    private func readManifest(_ files: ProjectFiles, folder: String) -> PackageManifest? {
        let path = ProjectFiles.join(folder, "package.json")
        guard let text = files.text(path) else { return nil }
        do {
            var manifest = try PackageManifest(json: try JSONParser.parse(text), folder: folder)
            manifest.locateDependencyLines(in: text)
            return manifest
        } catch let error as JSONParser.SyntaxError {
            files.warn(
                "malformed JSON: \(error.message); package skipped", file: path, line: error.line, column: error.column)
        } catch let error as ManifestError {
            files.warn("\(error.message); package skipped", file: path)
        } catch {
            files.warn("\(error); package skipped", file: path)
        }
        return nil
    }

    private func pnpmWorkspaceGlobs(_ files: ProjectFiles) -> [String] {
        guard let text = files.text("pnpm-workspace.yaml") else { return [] }
        do {
            guard
                let root = try YAMLReader(maximumBytes: limits.maximumManifestBytes).read(
                    text: text, displayPath: "pnpm-workspace.yaml"),
                let list = root["packages"]
            else { return [] }
            guard case .sequence(let items) = list.content else {
                files.warn(
                    "'packages' must be a list of folder globs", file: "pnpm-workspace.yaml", line: list.location.line,
                    column: list.location.column)
                return []
            }
            return items.compactMap(\.scalar)
        } catch {
            for diagnostic in error.diagnostics {
                files.warn(
                    diagnostic.message, file: "pnpm-workspace.yaml", line: diagnostic.location?.line ?? 1,
                    column: diagnostic.location?.column ?? 1)
            }
            return []
        }
    }

    // MARK: - Which packages are the service

    private func selectServices(
        _ workspace: [PackageManifest], root: PackageManifest, selection: String?
    ) throws(ScanError) -> [PackageManifest] {
        if let selection {
            let trimmed = selection.hasSuffix("/") ? String(selection.dropLast()) : selection
            if let match = workspace.first(where: { $0.name == trimmed || $0.folder == trimmed }) { return [match] }
            let known = workspace.compactMap(\.name) + workspace.map(\.folder)
            let list =
                known.isEmpty
                ? "this project has no workspace packages" : "packages: " + known.prefix(20).joined(separator: ", ")
            throw ScanError(
                kind: .badInput,
                message: "no workspace package '\(selection)'\(Suggestions.hint(for: trimmed, in: known)) (\(list))")
        }
        let packages = catalog.packagesByName
        let technologies = catalog.technologiesByID
        let withFramework = workspace.filter { manifest in
            manifest.dependencies.contains { dependency in
                dependency.kind.isRuntime
                    && (packages[dependency.name]?.detects.contains { technologies[$0]?.category == .framework }
                        ?? false)
            }
        }
        return withFramework.isEmpty ? workspace : withFramework
    }

    /// The services plus the workspace packages they depend on, transitively.
    private func closure(of services: [PackageManifest], in workspace: [PackageManifest]) -> [PackageManifest] {
        let byName = Dictionary(
            workspace.compactMap { m in m.name.map { ($0, m) } }, uniquingKeysWith: { first, _ in first })
        var result: [PackageManifest] = []
        var seen: Set<String> = []
        var queue = services
        while let next = queue.first {
            queue.removeFirst()
            guard seen.insert(next.folder).inserted else { continue }
            result.append(next)
            for dependency in next.dependencies where dependency.kind.isRuntime {
                if let local = byName[dependency.name], !seen.contains(local.folder) { queue.append(local) }
            }
        }
        return result
    }

    // MARK: - Catalog lookups

    private func imageTechnologies() -> [String: String] {
        var result: [String: String] = [:]
        for technology in catalog.technologies {
            for image in technology.images where result[image.lowercased()] == nil {
                result[image.lowercased()] = technology.id
            }
        }
        return result
    }

    /// `postgresql`, `postgres`, `pg`, `mysql2` -> the databases technology they name.
    private func databaseTechnology(_ name: String) -> String? {
        let lower = name.lowercased()
        let technologies = catalog.technologiesByID
        if technologies[lower]?.category == .databases { return lower }
        return catalog.packagesByName[lower]?.detects.first { technologies[$0]?.category == .databases }
    }

    // MARK: - Inference

    private func inferredSignals(
        sources: SourceFacts, language: ProjectSignals.LanguageFacts, assembler: DetectionAssembler, signals: [Signal],
        manifests: [PackageManifest]
    ) -> [Signal] {
        var result: [Signal] = []
        let ts = sources.typeScriptFiles
        let js = sources.javaScriptFiles
        let startsPlainJavaScript = manifests.contains { ScriptSignals.startsPlainJavaScript($0) }
        if ts == 0, js == 0, language.tsconfig != nil, startsPlainJavaScript, !assembler.uses("ts-runtime") {
            // No sources read: a tsconfig.json (for editors or JSDoc checks) with a start script that runs a
            // .js file outside a build folder, and no TypeScript runner, is a JavaScript service.
            result.append(
                Signal(
                    technology: "javascript", confidence: .medium,
                    evidence: .init(
                        file: manifests[0].path,
                        detail: "the start script runs JavaScript directly; tsconfig.json only configures checks")))
        } else if ts > 0, ts >= js {
            result.append(
                Signal(
                    technology: "typescript", confidence: .high,
                    evidence: .init(file: language.tsconfig ?? "source files", detail: "\(ts) TypeScript source files"))
            )
        } else if js > 0 {
            var detail = "\(js) JavaScript source files"
            if let checked = language.checkJs ?? sources.checkedJavaScriptFile {
                detail += "; types from JSDoc comments checked by TypeScript (\(checked))"
            }
            result.append(
                Signal(
                    technology: "javascript", confidence: .high, evidence: .init(file: "source files", detail: detail)))
        } else if let tsconfig = language.tsconfig {
            result.append(
                Signal(
                    technology: "typescript", confidence: .medium,
                    evidence: .init(file: tsconfig, detail: "tsconfig.json")))
        } else if !["typescript-compiler", "ts-runtime"].contains(where: assembler.uses) {
            // No tsconfig.json and no TypeScript compiler or runner: plain JavaScript.
            result.append(
                Signal(
                    technology: "javascript", confidence: .medium,
                    evidence: .init(file: manifests[0].path, detail: "no tsconfig.json and no TypeScript dependency")))
        }
        if let file = sources.eventStreamFile {
            result.append(
                Signal(
                    technology: "sse", confidence: .medium,
                    evidence: .init(file: file, detail: "writes text/event-stream")))
        }
        return result
    }

    private func restSignal(_ assembler: DetectionAssembler) -> [Signal] {
        guard assembler.usesAny(in: .framework) else { return [] }
        if assembler.uses("swagger") {
            return [
                Signal(
                    technology: "rest", confidence: .high,
                    evidence: .init(file: "package.json", detail: "HTTP framework with OpenAPI documentation"))
            ]
        }
        // Beside GraphQL, gRPC or tRPC, or in an app that renders pages, JSON endpoints need more evidence: CORS
        // (browsers calling it from elsewhere), token authentication, or (beside pages) a realtime channel, which
        // means a script-driven client in the page that also calls the server. With both another API style and
        // pages, the pages serve the browser and the other style the data: only OpenAPI documentation says REST.
        let otherStyle = ["graphql", "trpc", "grpc"].contains(where: assembler.uses)
        let pages = assembler.uses("server-rendered")
        let realtime = assembler.used(in: .realtime)
        if otherStyle && pages { return [] }
        if otherStyle || pages {
            let hints = ["cors", "jwt", "api-keys"].filter(assembler.uses) + (pages ? realtime : [])
            guard !hints.isEmpty, !(otherStyle && !assembler.uses("cors")) else { return [] }
            return [
                Signal(
                    technology: "rest", confidence: .medium,
                    evidence: .init(
                        file: "package.json",
                        detail: "HTTP endpoints beside \(otherStyle ? "another API style" : "rendered pages") ("
                            + hints.joined(separator: ", ") + ")"))
            ]
        }
        // An HTTP framework beside a realtime library and nothing an API serves (no store, authentication,
        // validation, jobs or API docs) hosts the realtime channel.
        let served: [DetectionCategory] = [.databases, .dataAccess, .cache, .jobs, .auth, .validation, .docs]
        if !realtime.isEmpty, !served.contains(where: assembler.usesAny) { return [] }
        return [
            Signal(
                technology: "rest", confidence: .medium,
                evidence: .init(file: "package.json", detail: "HTTP framework with no GraphQL, gRPC or tRPC"))
        ]
    }

    private func packageManager(_ files: ProjectFiles, root: PackageManifest) -> (String?, String?) {
        let lockfiles = [
            ("pnpm-lock.yaml", "pnpm"), ("yarn.lock", "yarn"), ("package-lock.json", "npm"),
            ("npm-shrinkwrap.json", "npm"),
            ("bun.lock", "bun"), ("bun.lockb", "bun"),
        ].filter { files.kind($0.0) == .file }
        if Set(lockfiles.map(\.1)).count > 1 {
            files.warn(
                "several lockfiles (\(lockfiles.map(\.0).joined(separator: ", "))): installs may differ between machines"
            )
        }
        if let first = lockfiles.first { return (first.1, first.0) }
        if let declared = root.packageManager?.split(separator: "@").first { return (String(declared), nil) }
        return (nil, nil)
    }
}
