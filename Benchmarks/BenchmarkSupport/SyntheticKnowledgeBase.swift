import KnowledgeModel
import RuleLanguage

/// Knowledge bases N times the size of a real one, in the same proportions: every question, decision, rule,
/// checklist item and constraint is copied N times with renamed ids (copy 0 keeps the original ids).
public enum SyntheticKnowledgeBase {
    public static func scaled(_ kb: KnowledgeBase, by factor: Int) -> KnowledgeBase {
        guard factor > 1 else { return kb }
        let questionIDs = Set(kb.questions.map(\.id))
        let decisionIDs = Set(kb.decisions.map(\.id))
        var sections: [Section] = []
        var questions: [Question] = []
        var decisions: [Decision] = []
        var rules: [Rule] = []
        var checklist: [ChecklistItem] = []
        var contradictions: [Contradiction] = []
        for copy in 0..<factor {
            let suffix = copy == 0 ? "" : "_x\(copy)"
            func rename(_ condition: Condition?) -> Condition? {
                guard let condition else { return nil }
                let renamed = renameIdentifiers(in: condition.source) { name in
                    questionIDs.contains(name) || decisionIDs.contains(name) ? name + suffix : name
                }
                return try? Condition(parsing: renamed, at: nil)
            }
            // Interpolations (`{a.b * 2}`) in rule texts read this copy's questions too.
            func renameText(_ text: String) -> String {
                renameInterpolations(in: text) { name in questionIDs.contains(name) ? name + suffix : name }
            }
            func ref(_ ref: OptionRef) -> OptionRef { OptionRef(decision: ref.decision + suffix, option: ref.option) }
            for section in kb.sections {
                sections.append(
                    Section(id: section.id + suffix, title: section.title, order: section.order + copy * 1000))
            }
            for var question in kb.questions {
                question.id += suffix
                question.section += suffix
                question.askIf = rename(question.askIf)
                question.formerly = question.formerly.map { $0 + suffix }
                questions.append(question)
            }
            for var decision in kb.decisions {
                decision.id += suffix
                decision.appliesIf = rename(decision.appliesIf)
                decision.order += copy * 1000
                decision.options = decision.options.map { option in
                    var option = option
                    option.requires = option.requires.map {
                        Requirement(decision: $0.decision + suffix, anyOf: $0.anyOf, reason: $0.reason)
                    }
                    option.conflicts = option.conflicts.map { Conflict(option: ref($0.option), reason: $0.reason) }
                    option.whenNot = option.whenNot.map { entry in
                        var entry = entry
                        entry.when = rename(entry.when) ?? entry.when
                        return entry
                    }
                    return option
                }
                decision.complements = decision.complements.map { complement in
                    var complement = complement
                    complement.when = rename(complement.when)
                    return complement
                }
                decision.current?.question += suffix
                decisions.append(decision)
            }
            for var rule in kb.rules {
                rule.id += suffix
                rule.when = rename(rule.when) ?? rule.when
                rule.scores = rule.scores.map { ScoreEffect(target: ref($0.target), weight: $0.weight) }
                rule.excludes = rule.excludes.map(ref)
                rule.includes = rule.includes.map { $0 + suffix }
                rule.because = renameText(rule.because)
                if var finding = rule.finding {
                    finding.id += suffix
                    finding.title = renameText(finding.title)
                    finding.remediation = renameText(finding.remediation)
                    rule.finding = finding
                }
                if var tension = rule.tension {
                    tension.id += suffix
                    tension.title = renameText(tension.title)
                    tension.advice = renameText(tension.advice)
                    tension.between = tension.between.map { $0 + suffix }
                    rule.tension = tension
                }
                rules.append(rule)
            }
            for var item in kb.checklist {
                item.id += suffix
                item.appliesIf = rename(item.appliesIf)
                checklist.append(item)
            }
            for var contradiction in kb.contradictions {
                contradiction.id += suffix
                contradiction.when = rename(contradiction.when) ?? contradiction.when
                contradictions.append(contradiction)
            }
        }
        return KnowledgeBase(
            sections: sections, questions: questions, decisions: decisions, rules: rules, checklist: checklist,
            sources: kb.sources, references: kb.references, contradictions: contradictions)
    }

    /// Rewrites the identifiers inside each `{...}` interpolation of a rule text through `transform`.
    public static func renameInterpolations(in text: String, _ transform: (String) -> String) -> String {
        guard InterpolatedText.mayInterpolate(text), let parsed = try? InterpolatedText.parse(text) else { return text }
        var characters = Array(text)
        // From the last interpolation backwards, so earlier offsets stay valid.
        for (_, offset) in parsed.expressions.reversed() {
            var end = offset
            while end < characters.count, characters[end] != "}" { end += 1 }
            let renamed = renameIdentifiers(in: String(characters[offset..<end]), transform)
            characters.replaceSubrange(offset..<end, with: Array(renamed))
        }
        return String(characters)
    }

    /// Proposals for a benchmark's answers, so verdicts, proposal findings and complements are computed: every third
    /// decision proposes its last option, and a decision with complements proposes a primary with its complement.
    public static func proposals(for kb: KnowledgeBase) -> [String: [String]] {
        var proposed: [String: [String]] = [:]
        for (index, decision) in kb.decisions.enumerated() {
            if let complement = decision.complements.first, let primary = complement.with.first {
                proposed[decision.id] = [primary, complement.option]
            } else if index % 3 == 0, let last = decision.options.last {
                proposed[decision.id] = [last.id]
            }
        }
        return proposed
    }

    /// Rewrites identifier tokens (question ids, and ids inside answered()/chosen()) through `transform`.
    public static func renameIdentifiers(in text: String, _ transform: (String) -> String) -> String {
        guard let tokens = try? Lexer.tokenize(text) else { return text }
        var characters = Array(text)
        for token in tokens.reversed() {
            guard case .identifier(let name) = token.kind else { continue }
            let replacement = transform(name)
            if replacement != name {
                characters.replaceSubrange(token.offset..<token.offset + token.length, with: Array(replacement))
            }
        }
        return String(characters)
    }
}
