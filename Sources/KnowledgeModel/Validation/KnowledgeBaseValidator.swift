/// One check over a merged knowledge base (the swift-format pattern: small rules, registered from data).
public protocol KnowledgeBaseCheck: Sendable {
    /// Reports problems in `knowledgeBase` to `sink`.
    func check(_ knowledgeBase: KnowledgeBase, sink: DiagnosticSink)
}

/// Runs every check over a merged knowledge base.
public struct KnowledgeBaseValidator {
    /// The checks, in the order they run.
    public static let checks: [any KnowledgeBaseCheck] = [
        QuestionShapeCheck(),
        ReferenceCheck(),
        ConditionCheck(),
        InterpolationCheck(),
        RuleEffectCheck(),
        CitationCheck(),
        ClaimSourceCheck(),
        UsageCheck(),
        FeasibilityCheck(),
        DecisionJudgementCheck(),
        DetectionCheck(),
        JudgementCheck(),
    ]

    public init() {}

    /// All diagnostics for `knowledgeBase`.
    public func validate(_ knowledgeBase: KnowledgeBase) -> [Diagnostic] {
        let sink = DiagnosticSink()
        for check in Self.checks { check.check(knowledgeBase, sink: sink) }
        return sink.diagnostics
    }
}

/// The whole pipeline: load layers, merge, validate.
public enum KnowledgeBaseBuilder {
    /// Merges layers (base first) and validates the result. The knowledge base is returned even when there are
    /// errors, so callers can show statistics; use it for reviews only when `diagnostics.hasErrors` is false.
    public static func build(
        layers: [KnowledgeBaseLayer], loadDiagnostics: [Diagnostic] = []
    )
        -> (KnowledgeBase, [Diagnostic])
    {
        let sink = DiagnosticSink()
        sink.append(contentsOf: loadDiagnostics)
        let merged = LayerMerger(sink: sink).merge(layers)
        sink.append(contentsOf: KnowledgeBaseValidator().validate(merged))
        return (merged, unique(sink.diagnostics).sortedForDisplay)
    }

    private static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return diagnostics.filter { seen.insert($0).inserted }
    }
}

extension KnowledgeBaseLayer {
    /// A layer holding everything in `knowledgeBase` (used to put overlays on top of the embedded base).
    public init(wholeOf knowledgeBase: KnowledgeBase, name: String) {
        self.init(name: name)
        sections = knowledgeBase.sections
        questions = knowledgeBase.questions
        decisions = knowledgeBase.decisions
        rules = knowledgeBase.rules
        checklist = knowledgeBase.checklist
        contradictions = knowledgeBase.contradictions
        sources = knowledgeBase.sources
        references = knowledgeBase.references
        detectionTechnologies = knowledgeBase.detection.technologies
        detectionPackages = knowledgeBase.detection.packages
    }
}
