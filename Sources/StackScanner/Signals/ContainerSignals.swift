import KnowledgeModel

/// Reads Dockerfiles, compose files, Kubernetes manifests and Helm charts as text.
struct ContainerSignals {
    let files: ProjectFiles
    /// Container image name -> technology id, from the detection catalog's `images`.
    let images: [String: String]

    static let manifestFolders = [
        "k8s", "kubernetes", "deploy", "deployment", "deployments", "manifests", "kustomize", "infra", "charts", "helm",
        "chart", ".k8s",
    ]

    func scan(folder: String, signals: inout [Signal], versions: inout [NodeVersionHint]) {
        for entry in files.entries(folder) where !entry.isDirectory {
            let name = entry.name
            let path = ProjectFiles.join(folder, name)
            if name == "Dockerfile" || name.hasPrefix("Dockerfile.") || name.hasSuffix(".Dockerfile")
                || name.hasSuffix(".dockerfile")
            {
                dockerfile(path, signals: &signals, versions: &versions)
            } else if Self.isComposeFile(name) {
                compose(path, signals: &signals)
            } else if name == "Chart.yaml" {
                signals.append(
                    Signal(technology: "helm", confidence: .high, evidence: .init(file: path, detail: "Helm chart")))
            }
        }
        if files.kind(ProjectFiles.join(folder, "docker/Dockerfile")) == .file {
            dockerfile(ProjectFiles.join(folder, "docker/Dockerfile"), signals: &signals, versions: &versions)
        }
        var budget = files.limits.maximumManifestFiles
        for name in Self.manifestFolders where files.kind(ProjectFiles.join(folder, name)) == .directory {
            manifests(in: ProjectFiles.join(folder, name), depth: 0, budget: &budget, signals: &signals)
        }
    }

    static func isComposeFile(_ name: String) -> Bool {
        let lower = name.lowercased()
        guard lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") else { return false }
        return lower.hasPrefix("docker-compose") || lower.hasPrefix("compose.") || lower == "compose.yml"
    }

    private func dockerfile(_ path: String, signals: inout [Signal], versions: inout [NodeVersionHint]) {
        guard let text = files.text(path) else { return }
        signals.append(
            Signal(technology: "docker", confidence: .high, evidence: .init(file: path, detail: "Dockerfile")))
        // Only the last stage runs in production.
        var stageUser: (Int, String)?
        var command: (Int, String)?
        var lastNode: NodeVersionHint?
        for (number, line) in TextLines.numbered(text) {
            let upper = line.uppercased()
            if upper.hasPrefix("FROM ") {
                stageUser = nil
                command = nil
                let image = line.dropFirst(5).split(separator: " ").first.map(String.init) ?? ""
                if let major = Self.nodeMajor(inImage: image) {
                    lastNode = NodeVersionHint(
                        major: major, text: image, evidence: .init(file: path, line: number, detail: "FROM \(image)"),
                        rank: 0)
                }
            } else if upper.hasPrefix("USER ") {
                stageUser = (number, String(line.dropFirst(5)).trimmingCharacters(in: .whitespaces))
            } else if upper.hasPrefix("CMD ") || upper.hasPrefix("ENTRYPOINT ") {
                if command == nil || upper.hasPrefix("CMD ") { command = (number, line) }
            }
        }
        if let lastNode { versions.append(lastNode) }
        if let (number, user) = stageUser, !["root", "0", "0:0", "root:root"].contains(user.lowercased()) {
            signals.append(
                Signal(
                    technology: "non-root-container", confidence: .high,
                    evidence: .init(file: path, line: number, detail: "USER \(user)")))
        }
        if let (number, line) = command {
            let lower = line.lowercased()
            let technology: String
            if lower.contains("pm2") {
                technology = "pm2"
            } else if lower.contains("npm ") || lower.contains("\"npm\"") || lower.contains("yarn")
                || lower.contains("pnpm")
                || lower.contains("\"sh\"") || lower.contains("bash")
            {
                technology = "npm-start"
            } else if lower.contains("node") {
                // The shell form (`CMD node server.js`) runs under `sh -c`, which does not forward SIGTERM.
                let execForm = line.split(separator: " ", maxSplits: 1).last.map { $0.hasPrefix("[") } ?? false
                technology = execForm ? "node-direct-start" : "npm-start"
            } else {
                return
            }
            signals.append(
                Signal(
                    technology: technology, confidence: .medium, evidence: .init(file: path, line: number, detail: line)
                ))
        }
    }

    /// `node:20-alpine` -> 20, `gcr.io/distroless/nodejs22-debian12` -> 22, `node:lts` -> nil.
    static func nodeMajor(inImage image: String) -> Int? {
        let lower = image.lowercased()
        let name = lower.split(separator: ":").first.map(String.init) ?? lower
        let last = name.split(separator: "/").last.map(String.init) ?? name
        if last == "node", let tag = lower.split(separator: ":").dropFirst().first {
            return Int(tag.prefix { $0.isNumber })
        }
        if last.hasPrefix("nodejs") { return Int(last.dropFirst(6).prefix { $0.isNumber }) }
        return nil
    }

    private func compose(_ path: String, signals: inout [Signal]) {
        guard let text = files.text(path) else { return }
        signals.append(
            Signal(technology: "docker-compose", confidence: .high, evidence: .init(file: path, detail: "compose file"))
        )
        imageSignals(text, path: path, detail: "runs next to the service", signals: &signals)
    }

    /// Technologies whose container images a compose file or manifest runs: low confidence, since a stack there
    /// may serve local development only.
    private func imageSignals(_ text: String, path: String, detail: String, signals: inout [Signal]) {
        for (number, line) in TextLines.numbered(text) {
            guard let image = TextLines.value(of: "image", in: line), let technology = images[Self.normalised(image)]
            else { continue }
            signals.append(
                Signal(
                    technology: technology, confidence: .low,
                    evidence: .init(file: path, line: number, detail: "image \(image) \(detail)")))
        }
    }

    /// `docker.io/library/postgres:16-alpine@sha256:...` -> `postgres`.
    static func normalised(_ image: String) -> String {
        var name = image.lowercased()
        if let at = name.firstIndex(of: "@") { name = String(name[..<at]) }
        if let colon = name.lastIndex(of: ":"), !name[colon...].contains("/") { name = String(name[..<colon]) }
        for prefix in [
            "docker.io/library/", "index.docker.io/library/", "docker.io/", "library/",
            "public.ecr.aws/docker/library/",
        ]
        where name.hasPrefix(prefix) {
            name.removeFirst(prefix.count)
            break
        }
        return name
    }

    private func manifests(in folder: String, depth: Int, budget: inout Int, signals: inout [Signal]) {
        guard depth < 5, budget > 0 else { return }
        for entry in files.entries(folder) {
            let path = ProjectFiles.join(folder, entry.name)
            if entry.isDirectory {
                if !entry.name.hasPrefix("."), entry.name != "node_modules" {
                    manifests(in: path, depth: depth + 1, budget: &budget, signals: &signals)
                }
                continue
            }
            if entry.name == "Chart.yaml" {
                signals.append(
                    Signal(technology: "helm", confidence: .high, evidence: .init(file: path, detail: "Helm chart")))
                continue
            }
            let lower = entry.name.lowercased()
            guard lower.hasSuffix(".yaml") || lower.hasSuffix(".yml"), budget > 0 else { continue }
            budget -= 1
            guard let text = files.text(path) else { continue }
            let lines = TextLines.numbered(text)
            let hasAPIVersion = lines.contains { $0.1.hasPrefix("apiVersion:") }
            if hasAPIVersion,
                let (number, kind) = lines.lazy.compactMap({ n, l in TextLines.value(of: "kind", in: l).map { (n, $0) }
                }).first,
                Self.kubernetesKinds.contains(kind)
            {
                signals.append(
                    Signal(
                        technology: "kubernetes", confidence: .high,
                        evidence: .init(file: path, line: number, detail: "Kubernetes \(kind)")))
                imageSignals(text, path: path, detail: "deployed next to the service", signals: &signals)
            }
        }
    }

    static let kubernetesKinds: Set<String> = [
        "Deployment", "StatefulSet", "DaemonSet", "Service", "Ingress", "CronJob", "Job", "Pod", "ConfigMap",
        "HorizontalPodAutoscaler", "Kustomization", "Rollout",
    ]
}
