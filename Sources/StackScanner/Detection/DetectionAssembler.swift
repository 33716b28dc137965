import KnowledgeModel

/// Turns dependencies, imports and file signals into detections, with the judgement the scan promises:
/// dev-only drivers are not the service's database, `@types/x` alone counts for nothing, adapters count as what
/// they adapt, clients of external systems are reported as such, and runtime packages no source file imports are
/// flagged as declared.
struct DetectionAssembler {
    let catalog: DetectionCatalog
    private let technologies: [String: Technology]
    private let packages: [String: PackageMapping]
    private var byName: [String: Detection] = [:]
    private var order: [String] = []
    private(set) var ignored: [Evidence] = []

    init(catalog: DetectionCatalog) {
        self.catalog = catalog
        technologies = catalog.technologiesByID
        packages = catalog.packagesByName
    }

    /// Adds the dependencies of the manifests that make up the service.
    mutating func addDependencies(of manifests: [PackageManifest], sources: SourceFacts) {
        let declared = Set(manifests.flatMap { $0.dependencies.map(\.name) })
        let sourcesScanned = sources.filesRead > 0
        let layout = ServerLayout(manifests: manifests, catalog: catalog)
        for manifest in manifests {
            let serverScript = layout.serverInDevDependencies[manifest.folder]
            let browserLibrary = layout.browserBundle[manifest.folder]
            for var dependency in manifest.dependencies {
                if dependency.name.hasPrefix("@types/") {
                    noteTypesOnly(dependency, manifest: manifest, declared: declared)
                    continue
                }
                guard let mapping = packages[dependency.name], !mapping.builtin else { continue }
                var detail =
                    "\(dependency.kind.rawValue): \(dependency.specifier.isEmpty ? "(no version)" : dependency.specifier)"
                if let browserLibrary, dependency.kind.isRuntime {
                    ignored.append(
                        Evidence(
                            file: manifest.path, line: dependency.line, package: dependency.name,
                            detail:
                                "\(detail): part of the browser bundle (\(browserLibrary) is a runtime dependency and the "
                                + "server runs from devDependencies)"))
                    continue
                }
                if let serverScript, !dependency.kind.isRuntime {
                    // The server runs from devDependencies: judge them as the service's runtime dependencies.
                    detail += " (the server runs from devDependencies: \(serverScript))"
                    dependency.kind = .dependencies
                }
                let evidence = Evidence(
                    file: manifest.path, line: dependency.line, package: dependency.name, detail: detail)
                let importedIn = sources.imports[dependency.name]
                for id in mapping.detects {
                    guard let technology = technologies[id] else { continue }
                    let (status, confidence) = judge(
                        dependency, mapping: mapping, category: technology.category, imported: importedIn != nil,
                        sourcesScanned: sourcesScanned)
                    var found = [evidence]
                    if let importedIn {
                        found.append(
                            Evidence(
                                file: importedIn, line: sources.importLines[dependency.name], package: dependency.name,
                                detail: "imported"))
                    }
                    let ownsVersion = dependency.name == id
                    add(
                        technology, status: status, confidence: confidence, evidence: found,
                        caveats: mapping.caveats, via: mapping.adapts == nil ? nil : dependency.name,
                        major: ownsVersion ? majorVersion(of: dependency.specifier) : nil)
                }
                for id in mapping.talksTo {
                    guard let technology = technologies[id] else { continue }
                    let status: UsageStatus = dependency.kind.isRuntime ? .talksTo : .devOnly
                    add(technology, status: status, confidence: .medium, evidence: [evidence], caveats: mapping.caveats)
                }
            }
        }
    }

    /// Node.js built-in modules the code imports (`cluster`, `worker_threads`, `node:test`).
    mutating func addBuiltinImports(_ sources: SourceFacts) {
        for mapping in catalog.packages where mapping.builtin {
            let bare = String(mapping.id.trimmingPrefix("node:"))
            guard let file = sources.imports[mapping.id] ?? sources.imports["node:" + bare] ?? sources.imports[bare]
            else {
                continue
            }
            for id in mapping.detects {
                guard let technology = technologies[id] else { continue }
                add(
                    technology, status: .used, confidence: .high,
                    evidence: [
                        Evidence(
                            file: file,
                            line: sources.importLines[mapping.id] ?? sources.importLines["node:" + bare]
                                ?? sources.importLines[bare], package: mapping.id, detail: "imports \(mapping.id)")
                    ],
                    caveats: mapping.caveats)
            }
        }
    }

    /// A technology found in a file other than package.json.
    mutating func addSignal(_ signal: Signal) {
        guard let technology = technologies[signal.technology] else { return }
        if signal.confidence == .low, let existing = byName[technology.id] {
            // A compose image or manifest only supports what the dependencies say; it never turns a dev-only
            // test database into the service's database.
            var updated = existing
            if !updated.evidence.contains(signal.evidence) { updated.evidence.append(signal.evidence) }
            byName[technology.id] = updated
            return
        }
        add(technology, status: .used, confidence: signal.confidence, evidence: [signal.evidence], major: signal.major)
    }

    /// The detections in the order first found, grouped by category; drivers under an ORM are not listed.
    func detections() -> [Detection] {
        var result = order.compactMap { byName[$0] }
        let hasLibrary = result.contains { detection in
            detection.category == .dataAccess && detection.isInUse && technologies[detection.name]?.driver == false
        }
        if hasLibrary {
            for index in result.indices where technologies[result[index].name]?.driver == true && result[index].isInUse
            {
                result[index].listed = false
            }
        }
        let used = Set(result.filter(\.isInUse).map(\.name))
        for index in result.indices where result[index].isInUse {
            if hostedByAnotherFramework(result[index], used: used) || isOnlyABackingStore(result[index]) {
                result[index].listed = false
            }
        }
        return result.enumerated().sorted { ($0.element.category, $0.offset) < ($1.element.category, $1.offset) }.map(
            \.element)
    }

    /// A tool that connects to systems its users name (a monitor, a SQL editor, an integration platform) carries
    /// a bare client for each of them: clients for several data warehouses, or for three or more databases and
    /// two or more message brokers (a service keeps its data in one or two stores and uses one broker). In such a
    /// tool the databases, caches and brokers reached only through bare clients are systems it talks to, not its
    /// own stack, and so are protocol libraries that are also clients (`@grpc/grpc-js`; `ws` beside another
    /// realtime channel that serves the tool); an embedded store (SQLite, an in-process cache) stays its own. An
    /// OAuth/OIDC client library there is a client too, unless something keeps the logins it would sign in.
    /// Call before inferring from what is used.
    mutating func settleConnectorClients() {
        let inUse = order.compactMap { byName[$0] }.filter(\.isInUse)
        let warehouses = Set(
            order.compactMap { byName[$0] }.filter { $0.name == "data-warehouse" }.flatMap {
                $0.evidence.compactMap(\.package)
            })
        let bareDatabases = inUse.filter { $0.category == .databases && reachedOnlyByClients($0) }
        let bareBrokers = inUse.filter { $0.category == .messaging && reachedOnlyByClients($0) }
        guard warehouses.count >= 2 || (bareDatabases.count >= 3 && bareBrokers.count >= 2) else { return }
        let framework = inUse.contains { $0.category == .framework }
        let protocolClients = inUse.filter(isProtocolClient)
        for detection in inUse {
            let client: Bool
            switch detection.category {
            case .databases, .cache, .messaging:
                client = technologies[detection.name]?.embedded != true && reachedOnlyByClients(detection)
            case .apiStyle: client = framework && isProtocolClient(detection)
            case .realtime:
                client =
                    isProtocolClient(detection)
                    && inUse.contains { $0.category == .realtime && !protocolClients.map(\.name).contains($0.name) }
            case .auth:
                // An OAuth/OIDC client library (`openid-client`) with nothing to hand a sign-in to: the tool fetches
                // tokens for the systems it connects to (a monitor's client-credentials grant).
                client = isProtocolClient(detection) && !keepsLogins(inUse)
            default: client = false
            }
            if client { byName[detection.name]?.status = .talksTo }
        }
    }

    /// A generic bearer-token strategy (`passport-http-bearer`) beside a Passport JWT strategy (`passport-jwt`):
    /// the service's own bearer tokens are JWTs, which the JWT strategy verifies, so the second bearer strategy takes
    /// tokens someone else issued, an OAuth 2.0 provider's access tokens exchanged for a session ("sign in with
    /// Facebook" in an API), not API keys. The API-keys detection becomes OAuth 2.0 sign-in, with the reason.
    mutating func settleBearerStrategies() {
        guard let keys = byName["api-keys"], keys.isInUse, let oauth = technologies["oauth2"] else { return }
        let packagesSeen = Set(keys.evidence.compactMap(\.package))
        guard !packagesSeen.isEmpty, packagesSeen.isSubset(of: Self.genericBearerStrategies),
            let jwt = byName["jwt"], jwt.isInUse,
            let strategy = jwt.evidence.compactMap(\.package).first(where: {
                packages[$0]?.detects.contains("passport") == true
            })
        else { return }
        byName["api-keys"] = nil
        order.removeAll { $0 == "api-keys" }
        let evidence = keys.evidence.map { item in
            var note = item
            if item.file.hasSuffix("package.json") {
                note.detail += " (a bearer strategy beside \(strategy): takes OAuth 2.0 provider access tokens)"
            }
            return note
        }
        add(oauth, status: keys.status, confidence: min(keys.confidence, .medium), evidence: evidence)
    }

    /// Bearer-token strategies that accept whatever token their verify callback checks.
    private static let genericBearerStrategies: Set<String> = [
        "passport-http-bearer", "@passport-next/passport-http-bearer",
    ]

    /// Whether every package behind a detection is a bare client: it reveals only databases, caches, brokers and
    /// drivers, no ORM, queue or adapter.
    private func reachedOnlyByClients(_ detection: Detection) -> Bool {
        let packagesSeen = Set(detection.evidence.compactMap(\.package))
        guard !packagesSeen.isEmpty else { return false }
        return packagesSeen.allSatisfy { name in
            guard let mapping = packages[name], mapping.adapts == nil else { return false }
            return mapping.detects.allSatisfy { id in
                guard let technology = technologies[id] else { return false }
                return [.databases, .cache, .messaging].contains(technology.category) || technology.driver
            }
        }
    }

    /// Whether something keeps a user's login once a provider has signed them in: Passport, a server or cookie
    /// session, or middleware that checks a JWT on every request (`express-jwt`, `passport-jwt`). A bare JWT
    /// library (`jsonwebtoken`) does not count: it signs and checks whatever the code asks.
    private func keepsLogins(_ inUse: [Detection]) -> Bool {
        inUse.contains { detection in
            switch detection.name {
            case "passport", "express-session", "cookie-session": return true
            case "jwt":
                return detection.evidence.contains { evidence in
                    guard let mapping = evidence.package.flatMap({ packages[$0] }) else { return false }
                    return mapping.adapts != nil || mapping.detects.contains("passport")
                }
            default: return false
            }
        }
    }

    /// Whether a detection comes only from packages that are also clients of their protocol (`ws`).
    private func isProtocolClient(_ detection: Detection) -> Bool {
        let packagesSeen = Set(detection.evidence.compactMap(\.package))
        return !packagesSeen.isEmpty && packagesSeen.allSatisfy { packages[$0]?.client == true }
    }

    /// A template engine (`pug`) beside a library that renders email templates with it (`email-templates`), and
    /// no view adapter of a framework, renders emails, not pages: the pages detection is dropped and its evidence
    /// listed as ignored, with the reason.
    mutating func settleTemplateEngines() {
        guard uses("email-templates"), let pages = byName["server-rendered"], pages.isInUse else { return }
        let packagesSeen = Set(pages.evidence.compactMap(\.package))
        guard !packagesSeen.isEmpty,
            packagesSeen.allSatisfy({ packages[$0]?.detects == [pages.name] && packages[$0]?.adapts == nil })
        else { return }
        byName[pages.name] = nil
        order.removeAll { $0 == pages.name }
        for evidence in pages.evidence {
            var note = evidence
            note.detail =
                "\(evidence.package ?? evidence.file) renders the email templates of email-templates, not pages"
            ignored.append(note)
        }
    }

    /// A framework that comes in through another framework's adapter (`@nestjs/platform-express` under NestJS,
    /// even with `express` declared too) is that framework's platform, not a second framework.
    private func hostedByAnotherFramework(_ detection: Detection, used: Set<String>) -> Bool {
        guard detection.category == .framework else { return false }
        let packagesSeen = Set(detection.evidence.compactMap(\.package))
        guard !packagesSeen.isEmpty else { return false }
        return packagesSeen.contains { name in
            guard let host = packages[name]?.adapts else { return false }
            return host != detection.name && used.contains(host) && technologies[host]?.category == .framework
        }
    }

    /// A cache technology reached only through packages that are mainly something else (Redis under BullMQ,
    /// a Redis session store, a Socket.IO adapter) is their backing store, not the service's cache.
    private func isOnlyABackingStore(_ detection: Detection) -> Bool {
        guard detection.category == .cache else { return false }
        let packagesSeen = Set(detection.evidence.compactMap(\.package))
        guard !packagesSeen.isEmpty else { return false }
        return packagesSeen.allSatisfy { name in
            guard let first = packages[name]?.detects.first else { return false }
            return first != detection.name
        }
    }

    /// Whether a technology is in use.
    func uses(_ id: String) -> Bool { byName[id]?.isInUse ?? false }

    /// Whether any technology of a category is in use.
    func usesAny(in category: DetectionCategory) -> Bool {
        byName.values.contains { $0.category == category && $0.isInUse }
    }

    /// The technologies of a category in use, in the order first found.
    func used(in category: DetectionCategory) -> [String] {
        order.filter { byName[$0]?.category == category && byName[$0]?.isInUse == true }
    }

    // MARK: - Judgement

    private func judge(
        _ dependency: PackageManifest.Dependency, mapping: PackageMapping, category: DetectionCategory, imported: Bool,
        sourcesScanned: Bool
    ) -> (UsageStatus, Confidence) {
        guard dependency.kind.isRuntime else {
            return category.countsFromDevDependencies ? (.used, imported ? .high : .medium) : (.devOnly, .low)
        }
        if imported { return (.used, .high) }
        if mapping.implicit || !sourcesScanned { return (.used, .medium) }
        return (.declared, .low)
    }

    private mutating func noteTypesOnly(
        _ dependency: PackageManifest.Dependency, manifest: PackageManifest, declared: Set<String>
    ) {
        let typed = String(dependency.name.dropFirst("@types/".count))
        // @types/babel__core describes @babel/core.
        let package = typed.contains("__") ? "@" + typed.replacingOccurrences(of: "__", with: "/") : typed
        guard packages[package] != nil, !declared.contains(package) else { return }
        ignored.append(
            Evidence(
                file: manifest.path, package: dependency.name,
                detail: "type definitions only: '\(package)' itself is not a dependency, so it is not counted"))
    }

    private mutating func add(
        _ technology: Technology, status: UsageStatus, confidence: Confidence, evidence: [Evidence],
        caveats: [String] = [], via: String? = nil, major: Int? = nil
    ) {
        guard var detection = byName[technology.id] else {
            order.append(technology.id)
            byName[technology.id] = Detection(
                name: technology.id, title: technology.title, category: technology.category, status: status,
                confidence: confidence, evidence: evidence, caveats: technology.caveats + caveats,
                via: via.map { [$0] } ?? [], major: major)
            return
        }
        if status > detection.status {
            detection.status = status
            detection.confidence = confidence
        } else if status == detection.status {
            detection.confidence = max(detection.confidence, confidence)
        }
        for item in evidence where !detection.evidence.contains(item) { detection.evidence.append(item) }
        for caveat in caveats where !detection.caveats.contains(caveat) { detection.caveats.append(caveat) }
        if let via, !detection.via.contains(via) { detection.via.append(via) }
        if let major { detection.major = min(detection.major ?? major, major) }
        byName[technology.id] = detection
    }
}
