import Foundation

/// Reads CI configuration (GitHub Actions, GitLab CI, CircleCI, Azure Pipelines, Bitbucket, Jenkins) and
/// dependency-update bots: which CI runs, whether it runs tests or dependency scans, and the Node.js version it uses.
struct CISignals {
    let files: ProjectFiles

    static let testCommands = [
        "npm test", "npm run test", "yarn test", "yarn run test", "pnpm test", "pnpm run test", "npx jest",
        "npx vitest",
        "jest ", "vitest", "mocha", "bun test", "npm run test:", "pnpm -r test", "turbo run test", "turbo test",
        "nx test", "nx affected",
    ]
    static let scanCommands = [
        "npm audit", "yarn audit", "pnpm audit", "snyk", "codeql", "dependency-review-action", "trivy", "osv-scanner",
        "socket ",
    ]

    func scan(folder: String, signals: inout [Signal], versions: inout [NodeVersionHint]) {
        var ciFiles: [(String, String)] = []
        let workflows = ProjectFiles.join(folder, ".github/workflows")
        if files.kind(workflows) == .directory {
            for entry in files.entries(workflows) where !entry.isDirectory {
                let lower = entry.name.lowercased()
                if lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") {
                    ciFiles.append((ProjectFiles.join(workflows, entry.name), "github-actions"))
                }
            }
        }
        let others = [
            (".gitlab-ci.yml", "gitlab-ci"), (".circleci/config.yml", "circleci"),
            ("azure-pipelines.yml", "azure-pipelines"),
            ("bitbucket-pipelines.yml", "bitbucket-pipelines"), ("Jenkinsfile", "jenkins"),
        ]
        for (name, technology) in others where files.kind(ProjectFiles.join(folder, name)) == .file {
            ciFiles.append((ProjectFiles.join(folder, name), technology))
        }
        for (path, technology) in ciFiles.prefix(50) {
            guard let text = files.text(path) else { continue }
            signals.append(
                Signal(technology: technology, confidence: .high, evidence: .init(file: path, detail: "CI pipeline")))
            for (number, line) in TextLines.numbered(text) {
                let lower = line.lowercased()
                if lower.hasPrefix("#") { continue }
                if let command = Self.testCommands.first(where: { lower.contains($0) }) {
                    signals.append(
                        Signal(
                            technology: "ci-tests", confidence: .medium,
                            evidence: .init(
                                file: path, line: number,
                                detail: "runs '\(command.trimmingCharacters(in: .whitespaces))'")))
                }
                if let command = Self.scanCommands.first(where: { lower.contains($0) }) {
                    signals.append(
                        Signal(
                            technology: "dependency-scanning", confidence: .medium,
                            evidence: .init(
                                file: path, line: number, detail: "runs \(command.trimmingCharacters(in: .whitespaces))"
                            )))
                }
                if let value = TextLines.value(of: "node-version", in: line)
                    ?? TextLines.value(of: "node_version", in: line),
                    let major = majorVersion(of: value.trimmingCharacters(in: CharacterSet(charactersIn: "[]")))
                {
                    versions.append(
                        NodeVersionHint(
                            major: major, text: value, evidence: .init(file: path, line: number, detail: line), rank: 3)
                    )
                }
            }
        }
        let bots = [
            ".github/dependabot.yml", ".github/dependabot.yaml", "renovate.json", ".renovaterc", ".renovaterc.json",
            ".github/renovate.json", ".snyk",
        ]
        for name in bots where files.kind(ProjectFiles.join(folder, name)) == .file {
            signals.append(
                Signal(
                    technology: "dependency-scanning", confidence: .high,
                    evidence: .init(file: ProjectFiles.join(folder, name), detail: "dependency update or scanning bot"))
            )
        }
    }
}
