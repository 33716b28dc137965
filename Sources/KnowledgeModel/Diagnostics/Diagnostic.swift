/// A problem found in a knowledge base or an answers file, in the compiler style users know:
/// `path:line:col: error: message`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    public var severity: Severity
    /// Where the problem is; nil for problems that have no single place (e.g. a missing folder).
    public var location: SourceLocation?
    public var message: String

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    public static func error(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    public static func warning(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    /// Longest message shown, in characters (a message quoting a 1 MB line is cut, not echoed whole).
    public static let maximumShownLength = 1_000

    /// The one-line, compiler-style rendering. The message and the file name are escaped (line breaks, control
    /// and bidirectional characters; see ``UntrustedText/escaped(_:limit:)``), so text quoted from a file can never
    /// fake another line of output.
    public var description: String {
        let place = location.map { UntrustedText.escaped($0.description, limit: 500) + ": " } ?? ""
        return "\(place)\(severity.rawValue): \(UntrustedText.escaped(message, limit: Self.maximumShownLength))"
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line and column (diagnostics without a place first), then message: stable output.
    public var sortedForDisplay: [Diagnostic] {
        sorted { lhs, rhs in
            switch (lhs.location, rhs.location) {
            case (nil, nil): return lhs.message < rhs.message
            case (nil, _): return true
            case (_, nil): return false
            case (let l?, let r?): return l == r ? lhs.message < rhs.message : l < r
            }
        }
    }
}

/// Thrown when loading cannot go on; carries every diagnostic found so far.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.sortedForDisplay.map(\.description).joined(separator: "\n") }
}
