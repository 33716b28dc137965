import ArgumentParser

/// An option value that is one word of a fixed set (`--format json`, `--fail-on high`).
///
/// The same parsing, help and completions as ArgumentParser's defaults for string-backed `CaseIterable` enums, but
/// written for each concrete type: the library's defaults are generic code that builds type metadata and looks up
/// conformances the first time it runs, part of every start-up (ADR-0024).
protocol WordArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

// Public because the library protocol's requirements are public (ReviewDetail and Severity are public types).
extension WordArgument {
    public init?(argument: String) { self.init(rawValue: argument) }

    public var defaultValueDescription: String { rawValue }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }

    /// No value has a description of its own (the library's default finds none for string-backed enums either).
    public static var allValueDescriptions: [String: String] { [:] }

    public static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}
