/// What `stackwise scan` can recognise in a repository: technologies (canonical names with a category) and the npm
/// packages that reveal them. Authored under `KnowledgeBase/detection/` (top-level key `detection`).
public struct DetectionCatalog: Sendable, Codable, Equatable {
    /// Canonical technologies, in authored order.
    public var technologies: [Technology]
    /// npm packages (and Node.js built-in modules) mapped to technologies, in authored order.
    public var packages: [PackageMapping]

    public init(technologies: [Technology] = [], packages: [PackageMapping] = []) {
        self.technologies = technologies
        self.packages = packages
    }

    /// The technology with this canonical id.
    public func technology(_ id: String) -> Technology? { technologies.first { $0.id == id } }

    /// Packages by name, for fast lookup while scanning.
    public var packagesByName: [String: PackageMapping] {
        var result: [String: PackageMapping] = [:]
        for mapping in packages where result[mapping.id] == nil { result[mapping.id] = mapping }
        return result
    }

    /// Technologies by id.
    public var technologiesByID: [String: Technology] {
        var result: [String: Technology] = [:]
        for technology in technologies where result[technology.id] == nil { result[technology.id] = technology }
        return result
    }
}

/// The fixed categories a scan reports (the keys of `stackwise scan --format json`), plus three that are
/// recognised but reported apart: systems the service only talks to, practices, and build tooling.
public enum DetectionCategory: String, Sendable, Codable, CaseIterable, Comparable {
    case framework, language, apiStyle, databases, dataAccess, cache, jobs, messaging, realtime, auth, validation
    case logging, observability, testing, docs, securityMiddleware, deployment
    /// A system the service talks to or monitors but does not own (payment APIs, object storage, a log cluster).
    case external
    /// A practice the repository shows (health checks, non-root container, dependency scanning).
    case practice
    /// Anything else worth knowing (upload parsing, process managers).
    case other
    /// Build and developer tooling (compilers, linters): recognised so it is not reported as unknown.
    case tooling

    /// The categories that appear as lists in the scan report, in display order.
    public static let reported: [DetectionCategory] = [
        .framework, .language, .apiStyle, .databases, .dataAccess, .cache, .jobs, .messaging, .realtime, .auth,
        .validation, .logging, .observability, .testing, .docs, .securityMiddleware, .deployment,
    ]

    /// Whether a package found only in devDependencies still describes the project (test runners, compilers).
    public var countsFromDevDependencies: Bool {
        switch self {
        case .testing, .language, .tooling: return true
        default: return false
        }
    }

    /// How the category reads to a person.
    public var title: String {
        switch self {
        case .framework: return "Framework"
        case .language: return "Language"
        case .apiStyle: return "API style"
        case .databases: return "Databases"
        case .dataAccess: return "Data access"
        case .cache: return "Cache"
        case .jobs: return "Background jobs"
        case .messaging: return "Messaging"
        case .realtime: return "Realtime"
        case .auth: return "Authentication"
        case .validation: return "Validation"
        case .logging: return "Logging"
        case .observability: return "Observability"
        case .testing: return "Testing"
        case .docs: return "API docs"
        case .securityMiddleware: return "Security middleware"
        case .deployment: return "Deployment"
        case .external: return "Talks to"
        case .practice: return "Practices"
        case .other: return "Other"
        case .tooling: return "Tooling"
        }
    }

    public static func < (lhs: DetectionCategory, rhs: DetectionCategory) -> Bool {
        let order = allCases
        return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
}

/// A canonical technology (`express`, `postgresql`, `rate-limit`) and the current-stack answers it implies.
public struct Technology: Sendable, Codable, Equatable, Identifiable {
    /// Canonical lower-case name, as reported by `scan --format json`.
    public var id: String
    /// How it reads to a person ("PostgreSQL").
    public var title: String
    public var category: DetectionCategory
    /// A low-level driver (`pg`, `mysql2`): listed under data access only when no library above it is found.
    public var driver: Bool
    /// A store that runs inside the service's own process (SQLite, an in-process cache): never a remote system
    /// the service only connects to, so a tool that connects to many systems keeps it as its own.
    public var embedded: Bool
    /// Things a reviewer should know when this is found (shown with the detection).
    public var caveats: [String]
    /// The answers this technology implies when the service uses it.
    public var answers: [DetectionAnswer]
    /// Container image names that run it (`postgres`, `bitnami/postgresql`), recognised in compose files and
    /// Kubernetes manifests.
    public var images: [String]
    /// The decisions this technology settles in code, as `decision.option` (the option it is) or `decision` (a
    /// choice for that decision that is none of its options), for `stackwise check`: using it while a record
    /// chose another option is drift.
    public var decides: [DecisionChoiceRef]
    public var location: SourceLocation?

    public init(
        id: String, title: String, category: DetectionCategory, driver: Bool = false, embedded: Bool = false,
        caveats: [String] = [], answers: [DetectionAnswer] = [], images: [String] = [],
        decides: [DecisionChoiceRef] = [], location: SourceLocation? = nil
    ) {
        self.id = id
        self.title = title
        self.category = category
        self.driver = driver
        self.embedded = embedded
        self.caveats = caveats
        self.answers = answers
        self.images = images
        self.decides = decides
        self.location = location
    }
}

/// A decision a technology settles: `database.mongodb` (that option) or `logging` (none of its options).
public struct DecisionChoiceRef: Sendable, Codable, Equatable, Hashable, CustomStringConvertible {
    public var decision: String
    /// nil: the technology is a choice for the decision that is none of its options.
    public var option: String?

    public init(decision: String, option: String?) {
        self.decision = decision
        self.option = option
    }

    /// Parses `decision.option` or `decision`.
    public init(parsing text: String) {
        if let dot = text.firstIndex(of: ".") {
            self.init(decision: String(text[..<dot]), option: String(text[text.index(after: dot)...]))
        } else {
            self.init(decision: text, option: nil)
        }
    }

    public var description: String { option.map { "\(decision).\($0)" } ?? decision }
}

/// "Using this technology means answering `question` with `option`" (for a multiple-choice question: the option
/// is ticked). `versions` limits it to some major versions of the package that revealed it.
public struct DetectionAnswer: Sendable, Codable, Equatable {
    public var question: String
    public var option: String
    public var versions: MajorVersionRange?
    /// For a single-choice question that several detections answer, the highest priority wins (default 0).
    public var priority: Int
    public var location: SourceLocation?

    public init(
        question: String, option: String, versions: MajorVersionRange? = nil, priority: Int = 0,
        location: SourceLocation? = nil
    ) {
        self.question = question
        self.option = option
        self.versions = versions
        self.priority = priority
        self.location = location
    }
}

/// A range of major versions written `<5`, `>=5`, `4`, `>=4 <6`.
public struct MajorVersionRange: Sendable, Codable, Equatable, CustomStringConvertible {
    /// Lowest major version included.
    public var minimum: Int?
    /// First major version excluded.
    public var upperBound: Int?

    public init(minimum: Int?, upperBound: Int?) {
        self.minimum = minimum
        self.upperBound = upperBound
    }

    /// Parses `<5`, `<=4`, `>=5`, `>4`, `4` or two of them separated by a space; nil when malformed.
    public init?(parsing text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard !parts.isEmpty, parts.count <= 2 else { return nil }
        var minimum: Int?
        var upperBound: Int?
        for part in parts {
            let operators = [">=", "<=", ">", "<", "="]
            let op = operators.first { part.hasPrefix($0) } ?? ""
            guard let number = Int(part.dropFirst(op.count)), number >= 0 else { return nil }
            switch op {
            case ">=": minimum = number
            case ">": minimum = number + 1
            case "<=": upperBound = number + 1
            case "<": upperBound = number
            default:
                minimum = number
                upperBound = number + 1
            }
        }
        if let minimum, let upperBound, minimum >= upperBound { return nil }
        self.init(minimum: minimum, upperBound: upperBound)
    }

    /// Whether a major version is in the range.
    public func contains(_ major: Int) -> Bool {
        (minimum.map { major >= $0 } ?? true) && (upperBound.map { major < $0 } ?? true)
    }

    public var description: String {
        [minimum.map { ">=\($0)" }, upperBound.map { "<\($0)" }].compactMap { $0 }.joined(separator: " ")
    }
}

/// An npm package (or a Node.js built-in module such as `cluster`) and what finding it means.
public struct PackageMapping: Sendable, Codable, Equatable, Identifiable {
    /// The package name as written in package.json (`@nestjs/throttler`), or a built-in module name.
    public var id: String
    /// Technologies the service uses when it depends on this package (`@nestjs/mongoose` -> mongoose, mongodb).
    public var detects: [String]
    /// Technologies this package is only a client of: the service talks to them or monitors them, it does not
    /// own them (`winston-elasticsearch` ships logs to Elasticsearch; it is not the service's database).
    public var talksTo: [String]
    /// The framework this package adapts something to (`koa-helmet` adapts helmet to koa), for the report.
    public var adapts: String?
    /// A Node.js built-in module: found by its imports, never in package.json.
    public var builtin: Bool
    /// Loaded by name by another library or a CLI (drivers, transports), so no import of it is expected; it is
    /// never flagged as declared-but-unused.
    public var implicit: Bool
    /// Also a client of the protocol it implements (`ws`, `@grpc/grpc-js`): in a tool that connects to systems
    /// its users name, it may connect out rather than serve.
    public var client: Bool
    /// Things a reviewer should know when this package is found.
    public var caveats: [String]
    public var location: SourceLocation?

    public init(
        id: String, detects: [String], talksTo: [String] = [], adapts: String? = nil, builtin: Bool = false,
        implicit: Bool = false, client: Bool = false, caveats: [String] = [], location: SourceLocation? = nil
    ) {
        self.id = id
        self.detects = detects
        self.talksTo = talksTo
        self.adapts = adapts
        self.builtin = builtin
        self.implicit = implicit
        self.client = client
        self.caveats = caveats
        self.location = location
    }
}
