import RuleLanguage

/// Sources that stand for a section are well formed, and every numeric or dated claim cites one: a text a user
/// reads that states a number with a unit, a year, a date or a version (see ``ClaimFinder``) must cite at least
/// one source with a `section`, so the claim carries the heading it comes from and the date it was checked.
struct ClaimSourceCheck: KnowledgeBaseCheck {
    func check(_ kb: KnowledgeBase, sink: DiagnosticSink) {
        let documentIDs = kb.sources.filter { $0.section == nil }.map(\.id)
        for source in kb.sources {
            guard let partOf = source.partOf else { continue }
            guard let whole = kb.source(partOf) else {
                sink.error(
                    "source '\(source.id)' is partOf unknown source '\(partOf)'"
                        + Suggestions.hint(for: partOf, in: documentIDs), at: source.location)
                continue
            }
            if whole.section != nil {
                sink.error(
                    "source '\(source.id)' is partOf '\(partOf)', which is itself a section: name the whole document",
                    at: source.location)
            }
        }

        func hasSection(_ ids: [String]) -> Bool { ids.contains { kb.source($0)?.section != nil } }
        func check(_ text: String, owner: String, sources: [String], at location: SourceLocation?) {
            guard !hasSection(sources) else { return }
            let claims = ClaimFinder.claims(in: text)
            guard !claims.isEmpty else { return }
            let listed = claims.prefix(4).map { "'\($0)'" }.joined(separator: ", ")
            sink.warning(
                "\(owner) states \(listed) but \(Diagnostic.unsourcedClaimMarker): cite the section and its verified date",
                at: location)
        }

        for rule in kb.rules {
            for (field, text) in rule.texts {
                check(
                    text, owner: "rule '\(rule.id)' \(field)", sources: rule.sources,
                    at: rule.textPositions[field]?.location ?? rule.location)
            }
        }
        for decision in kb.decisions {
            for option in decision.options {
                let owner = "option '\(decision.id).\(option.id)'"
                let texts =
                    [("summary", option.summary)] + option.pros.map { ("pro", $0) } + option.cons.map { ("con", $0) }
                    + option.pickWhen.map { ("pickWhen", $0) } + option.avoidWhen.map { ("avoidWhen", $0) }
                for (field, text) in texts {
                    check(text, owner: "\(owner) \(field)", sources: option.sources, at: option.location)
                }
                for entry in option.whenNot {
                    for text in [entry.title ?? "", entry.because, entry.advice] {
                        check(
                            text, owner: "whenNot of \(owner)", sources: entry.sources + option.sources,
                            at: entry.location)
                    }
                }
            }
        }
        for item in kb.checklist {
            check(item.text, owner: "checklist item '\(item.id)'", sources: item.sources, at: item.location)
        }
    }
}

extension Diagnostic {
    /// The words every unsourced-claim warning carries.
    static let unsourcedClaimMarker = "cites no source with a section"

    /// Whether this is the warning for a numeric or dated claim without a section source: `kb lint` lists these,
    /// the build step only counts them (so a build stays free of warnings while content is being sourced).
    public var isUnsourcedClaim: Bool { severity == .warning && message.contains(Self.unsourcedClaimMarker) }
}
