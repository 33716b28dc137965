/// Counts that describe a knowledge base (`stackwise kb stats`).
public struct KnowledgeBaseStatistics: Sendable, Codable, Equatable {
    public var questions: Int
    public var sections: Int
    public var decisions: Int
    public var options: Int
    public var rules: Int
    public var checklistItems: Int
    public var tensions: Int
    public var findings: Int
    public var sources: Int
    public var referenceSets: Int
    public var constraints: Int
    public var areas: [Area]

    /// Per decision area.
    public struct Area: Sendable, Codable, Equatable {
        public var id: String
        public var title: String
        public var options: Int
        /// Rules that score or exclude an option of this decision.
        public var rules: Int
        /// Compatibility constraints starting from an option of this decision.
        public var constraints: Int
    }

    public init(_ kb: KnowledgeBase) {
        let constraints = CompatibilityConstraint.all(in: kb)
        questions = kb.questions.count
        sections = kb.sections.count
        decisions = kb.decisions.count
        options = kb.decisions.reduce(0) { $0 + $1.options.count }
        rules = kb.rules.count
        checklistItems = kb.checklist.count
        tensions = kb.tensions.count
        findings = kb.findings.count
        sources = kb.sources.count
        referenceSets = kb.references.count
        self.constraints = constraints.count
        areas = kb.decisions.map { decision in
            let ruleCount = kb.rules.filter { rule in
                rule.scores.contains { $0.target.decision == decision.id }
                    || rule.excludes.contains { $0.decision == decision.id }
            }.count
            return Area(
                id: decision.id, title: decision.title, options: decision.options.count, rules: ruleCount,
                constraints: constraints.filter { $0.source.decision == decision.id }.count)
        }
    }

    /// The human-readable report.
    public var textReport: String {
        var lines = [
            "questions       \(questions) (in \(counted(sections, "section")))",
            "decisions       \(decisions) (\(counted(options, "option")), "
                + "\(counted(constraints, "compatibility constraint")))",
            "rules           \(rules)",
            "checklist items \(checklistItems)",
            "tensions        \(tensions)",
            "findings        \(findings)",
            "sources         \(sources) (\(counted(referenceSets, "reference set")))",
            "",
            "decision area".padding(28) + "options  rules  constraints",
        ]
        for area in areas {
            lines.append(
                area.id.padding(28) + String(area.options).padding(9) + String(area.rules).padding(7)
                    + String(area.constraints))
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
