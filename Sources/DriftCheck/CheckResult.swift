import KnowledgeModel

/// The three ways the code and the recorded decisions can disagree.
public enum CheckResultKind: String, Sendable, Codable, CaseIterable {
    /// The code uses something a decision rules out, or that no decision or answer names.
    case drift
    /// A declared answer or record that the code no longer supports.
    case stale
    /// A significant choice in the code with no record and no answer.
    case unrecorded

    /// How serious each kind is, for `--fail-on`.
    public var severity: Severity {
        switch self {
        case .drift: return .high
        case .stale: return .medium
        case .unrecorded: return .low
        }
    }
}

/// A position in a file of the repository (paths relative to the folder the command runs in).
public struct FilePosition: Sendable, Codable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based; nil when the file as a whole is meant.
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        guard let line else { return file }
        return column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)"
    }
}

/// Where a choice was declared: an accepted decision record, an answer in the answers file, or a proposal.
public struct DeclaredChoice: Sendable, Codable, Hashable {
    public enum Source: String, Sendable, Codable {
        case record, answer, proposal
    }

    public var source: Source
    /// The decision (records, proposals) or question (answers) it settles.
    public var subject: String
    /// The option(s) chosen, by id.
    public var options: [String]
    /// How the choice reads ("PostgreSQL").
    public var label: String
    /// The record's title, for records.
    public var title: String?
    public var position: FilePosition

    public init(
        source: Source, subject: String, options: [String], label: String, title: String? = nil,
        position: FilePosition
    ) {
        self.source = source
        self.subject = subject
        self.options = options
        self.label = label
        self.title = title
        self.position = position
    }
}

/// One difference between what is declared and what the code does.
public struct CheckResult: Sendable, Codable, Equatable {
    public var kind: CheckResultKind
    /// The technology found (drift, unrecorded) or expected (stale), by detection id.
    public var technology: String
    public var technologyTitle: String
    /// The decision concerned, when the technology settles one.
    public var decision: String?
    /// One sentence: what differs.
    public var message: String
    /// The evidence line (drift, unrecorded) or the declaration that no longer holds (stale).
    public var position: FilePosition
    /// The npm package behind the evidence, when there is one.
    public var package: String?
    /// Other evidence (the import line, a compose file).
    public var related: [FilePosition]
    /// The record or answer it contradicts (drift), or that went stale.
    public var contradicts: DeclaredChoice?
    /// Line-independent identity, stable across runs: kind, technology, decision and file.
    public var fingerprint: String
    /// The acceptance that covers it, if any (not expired).
    public var accepted: AcceptedRisk?

    public var severity: Severity { kind.severity }

    /// The components an acceptance's `scope` may name.
    public var components: [String] { [technology] + (decision.map { [$0] } ?? []) + (package.map { [$0] } ?? []) }
}

/// Bad input for `stackwise check` (exit 2), or a file that could not be read (exit 3).
public struct CheckInputError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var isIO: Bool

    public init(_ message: String, isIO: Bool = false) {
        self.message = message
        self.isIO = isIO
    }

    public var description: String { message }
}
