import KnowledgeModel

/// How sure the scan is that the service uses something.
public enum Confidence: String, Sendable, Codable, Comparable, CaseIterable {
    /// Declared but not seen in use, or seen only next to the service (a compose file).
    case low
    /// Declared as a runtime dependency, or found in configuration.
    case medium
    /// Declared and imported by the service's code, or stated by a config file that decides it (prisma schema).
    case high

    public static func < (lhs: Confidence, rhs: Confidence) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Whether a detection describes the running service.
public enum UsageStatus: String, Sendable, Codable, Comparable, CaseIterable {
    /// Only in devDependencies (tests, tooling): not part of the running service.
    case devOnly = "dev-only"
    /// A client of a system the service talks to or monitors; not one of its own stores.
    case talksTo = "talks-to"
    /// A runtime dependency no source file imports: probably unused.
    case declared
    /// The service uses it.
    case used

    public static func < (lhs: UsageStatus, rhs: UsageStatus) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Where a detection comes from.
public struct Evidence: Sendable, Codable, Hashable {
    /// The file, relative to the scanned folder.
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// The npm package, when the evidence is a dependency or an import.
    public var package: String?
    /// What the file says (`dependencies: ^4.18.2`, `FROM node:20-alpine`).
    public var detail: String

    public init(file: String, line: Int? = nil, package: String? = nil, detail: String) {
        self.file = file
        self.line = line
        self.package = package
        self.detail = detail
    }

    /// `file:line` or `file`.
    public var place: String { line.map { "\(file):\($0)" } ?? file }
}

/// One technology found in the project.
public struct Detection: Sendable, Codable {
    /// Canonical lower-case name (`express`, `postgresql`, `rate-limit`).
    public var name: String
    public var title: String
    public var category: DetectionCategory
    public var status: UsageStatus
    public var confidence: Confidence
    public var evidence: [Evidence]
    /// Reviewer notes from the knowledge base (technology and package caveats).
    public var caveats: [String]
    /// Adapter packages it came through (`koa-helmet` for helmet on Koa).
    public var via: [String]
    /// The lowest major version declared, when a dependency states one.
    public var major: Int?
    /// Whether it appears in its category's list (a driver under an ORM does not).
    public var listed: Bool = true

    /// Whether it is part of the running service.
    public var isInUse: Bool { status == .used }
}

/// The Node.js version the project runs, and where that was read.
public struct NodeVersionFinding: Sendable, Codable {
    public var major: Int
    /// The text as written (`20.11`, `>=18`, `node:20-alpine`).
    public var text: String
    public var evidence: Evidence
}

/// Everything `stackwise scan` found.
public struct ScanReport: Sendable {
    /// The scanned folder as given.
    public var root: String
    /// The service's package name, when package.json names it.
    public var serviceName: String?
    /// npm, yarn, pnpm or bun, from the lockfile (or `packageManager`).
    public var packageManager: String?
    /// The lockfile the package manager came from.
    public var lockfile: String?
    /// Workspace package folders (empty for a single-package project).
    public var workspacePackages: [String]
    /// The package folders treated as the service ("" is the root).
    public var servicePackages: [String]
    public var nodeVersion: NodeVersionFinding?
    /// Every detection, including dev-only, declared and talks-to ones.
    public var detections: [Detection]
    /// Things deliberately not counted (`@types/x` without `x`).
    public var ignored: [Evidence]
    /// Problems met while scanning (unreadable folders, malformed files), as positioned warnings.
    public var warnings: [Diagnostic]
    /// How many source files were read for imports.
    public var sourceFilesRead: Int

    /// The names the service uses in a category, in detection order.
    public func names(in category: DetectionCategory) -> [String] {
        detections.filter { $0.category == category && $0.isInUse && $0.listed }.map(\.name)
    }

    /// Names of the systems the service only talks to.
    public var talksTo: [String] {
        detections.filter { $0.status == .talksTo }.map(\.name)
    }

    /// The detection with this name.
    public func detection(_ name: String) -> Detection? { detections.first { $0.name == name } }
}
