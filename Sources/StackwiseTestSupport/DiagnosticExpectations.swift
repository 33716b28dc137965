// Only for test builds: release builds of the benchmarks (which use the rest of this module) have no Testing.
#if canImport(Testing)
    import KnowledgeModel
    import Testing

    /// Expects a diagnostic whose rendering contains `fragment` (and, when given, starts with `position`).
    public func expectDiagnostic(
        _ diagnostics: [Diagnostic], _ fragment: String, at position: String? = nil,
        severity: Diagnostic.Severity = .error,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let match = diagnostics.first { diagnostic in
            diagnostic.severity == severity && diagnostic.description.contains(fragment)
                && (position.map { diagnostic.description.hasPrefix($0 + ":") } ?? true)
        }
        #expect(
            match != nil,
            "expected \(severity) '\(fragment)' at \(position ?? "?"), got:\n\(diagnostics.map(\.description).joined(separator: "\n"))",
            sourceLocation: sourceLocation)
    }
#endif
