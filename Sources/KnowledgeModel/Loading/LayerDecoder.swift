import RuleLanguage

/// Decodes the YAML documents of one layer into model values, reporting every schema problem with its position.
public struct LayerDecoder {
    /// The keys a knowledge-base file may have at its top level.
    public static let topLevelKeys = [
        "sections", "questions", "decisions", "rules", "checklist", "sources", "references", "remove", "detection",
        "contradictions",
    ]

    let sink: DiagnosticSink

    public init(sink: DiagnosticSink) {
        self.sink = sink
    }

    /// Adds the entities of one file's root node to `layer`.
    public func decode(_ root: YAMLNode, into layer: inout KnowledgeBaseLayer) {
        guard let fields = Fields(root, kind: "a knowledge-base file", allowed: Self.topLevelKeys, sink: sink) else {
            return
        }
        for node in fields.list("sections") { decodeSection(node).map { layer.sections.append($0) } }
        for node in fields.list("questions") {
            guard let (question, isOverride) = decodeQuestion(node) else { continue }
            layer.questions.append(question)
            if isOverride { layer.overrides.insert("question:\(question.id)") }
        }
        for node in fields.list("decisions") {
            guard let (decision, mode) = decodeDecision(node) else { continue }
            switch mode {
            case .extend: layer.extensions.append(decision)
            case .override:
                layer.decisions.append(decision)
                layer.overrides.insert("decision:\(decision.id)")
            case .plain: layer.decisions.append(decision)
            }
        }
        for node in fields.list("rules") {
            guard let (rule, isOverride) = decodeRule(node) else { continue }
            layer.rules.append(rule)
            if isOverride { layer.overrides.insert("rule:\(rule.id)") }
        }
        for node in fields.list("contradictions") {
            guard let (contradiction, isOverride) = decodeContradiction(node) else { continue }
            layer.contradictions.append(contradiction)
            if isOverride { layer.overrides.insert("contradiction:\(contradiction.id)") }
        }
        for node in fields.list("checklist") {
            guard let (item, isOverride) = decodeChecklistItem(node) else { continue }
            layer.checklist.append(item)
            if isOverride { layer.overrides.insert("checklist:\(item.id)") }
        }
        for node in fields.list("sources") {
            guard let (source, isOverride) = decodeSource(node) else { continue }
            layer.sources.append(source)
            if isOverride { layer.overrides.insert("source:\(source.id)") }
        }
        for node in fields.list("references") { decodeReferenceSet(node).map { layer.references.append($0) } }
        if let remove = fields.value("remove") { decodeRemovals(remove, into: &layer) }
        if let detection = fields.value("detection") { DetectionDecoder(sink: sink).decode(detection, into: &layer) }
    }

    // MARK: - Sections and questions

    private func decodeSection(_ node: YAMLNode) -> Section? {
        guard let f = Fields(node, kind: "a section", allowed: ["id", "title", "order", "causes"], sink: sink) else {
            return nil
        }
        guard let id = f.identifier("id"), let title = f.string("title", required: true) else { return nil }
        return Section(
            id: id, title: title, order: f.integer("order") ?? 0, holdsCauses: f.bool("causes") ?? false,
            location: node.location)
    }

    private func decodeQuestion(_ node: YAMLNode) -> (Question, Bool)? {
        let keys = [
            "id", "section", "prompt", "help", "type", "options", "unit", "range", "min", "max", "default",
            "notSure", "required", "askIf", "observed", "formerly", "override",
        ]
        guard let f = Fields(node, kind: "a question", allowed: keys, sink: sink) else { return nil }
        let id = f.identifier("id", allowDots: true)
        let section = f.identifier("section")
        let prompt = f.string("prompt", required: true)
        let help = f.string("help", required: true)
        let type = f.enumeration("type", QuestionType.self)
        let options = f.list("options").compactMap(decodeQuestionOption)
        var minimum = f.number("min")
        var maximum = f.number("max")
        if let range = f.value("range") {
            let bounds = Fields.strings(in: range, key: "range", sink: sink).compactMap(Fields.parseNumber)
            if bounds.count == 2 {
                minimum = bounds[0]
                maximum = bounds[1]
            } else {
                sink.error("'range' must be two numbers: [min, max]", at: range.location)
            }
        }
        let askIf = f.condition("askIf")
        guard let id, let section, let prompt, let help, let type else { return nil }
        var question = Question(
            id: id, section: section, prompt: prompt, help: help, type: type, options: options,
            unit: f.string("unit"), minimum: minimum, maximum: maximum, defaultValue: nil,
            allowsNotSure: f.bool("notSure") ?? false, required: f.bool("required") ?? false, askIf: askIf,
            observed: f.bool("observed") ?? false, formerly: f.stringList("formerly"), location: node.location)
        if let defaultNode = f.value("default") {
            question.defaultValue = AnswerParsing.value(defaultNode, for: question, sink: sink, role: "default")
        }
        return (question, f.bool("override") ?? false)
    }

    private func decodeQuestionOption(_ node: YAMLNode) -> QuestionOption? {
        guard
            let f = Fields(
                node, kind: "a question option", allowed: ["id", "label", "description", "exclusive"], sink: sink)
        else { return nil }
        guard let id = f.identifier("id"), let label = f.string("label", required: true) else { return nil }
        return QuestionOption(
            id: id, label: label, description: f.string("description") ?? "", exclusive: f.bool("exclusive") ?? false)
    }

    // MARK: - Decisions

    enum DecisionMode { case plain, override, extend }

    private func decodeDecision(_ node: YAMLNode) -> (Decision, DecisionMode)? {
        let keys = [
            "id", "title", "problem", "order", "appliesIf", "options", "complements", "current", "switchingCost",
            "override", "extend",
        ]
        guard let f = Fields(node, kind: "a decision", allowed: keys, sink: sink) else { return nil }
        let mode: DecisionMode =
            f.bool("extend") == true ? .extend : f.bool("override") == true ? .override : .plain
        guard let id = f.identifier("id") else { return nil }
        let options = f.list("options", required: true).compactMap(decodeDecisionOption)
        let complements = f.list("complements").compactMap(decodeComplement)
        if mode == .extend {
            let decision = Decision(
                id: id, title: "", problem: "", order: 0, options: options, complements: complements,
                location: node.location)
            return (decision, mode)
        }
        guard let title = f.string("title", required: true), let problem = f.string("problem", required: true) else {
            return nil
        }
        let decision = Decision(
            id: id, title: title, problem: problem, order: f.integer("order") ?? 0, appliesIf: f.condition("appliesIf"),
            options: options, complements: complements, current: f.value("current").flatMap(decodeCurrentStackLink),
            switchingCost: f.string("switchingCost"), location: node.location)
        return (decision, mode)
    }

    private func decodeDecisionOption(_ node: YAMLNode) -> DecisionOption? {
        let keys = [
            "id", "name", "summary", "pros", "cons", "pickWhen", "avoidWhen", "sources", "requires", "conflicts",
            "whenNot", "override",
        ]
        guard let f = Fields(node, kind: "a decision option", allowed: keys, sink: sink) else { return nil }
        guard let id = f.identifier("id"), let name = f.string("name", required: true),
            let summary = f.string("summary", required: true)
        else { return nil }
        let requires = f.list("requires").compactMap { node -> Requirement? in
            guard
                let r = Fields(node, kind: "a requirement", allowed: ["decision", "anyOf", "reason"], sink: sink),
                let decision = r.identifier("decision"), let reason = r.string("reason", required: true)
            else { return nil }
            return Requirement(
                decision: decision, anyOf: r.stringList("anyOf", required: true), reason: reason,
                location: node.location)
        }
        let conflicts = f.list("conflicts").compactMap { node -> Conflict? in
            guard let c = Fields(node, kind: "a conflict", allowed: ["option", "reason"], sink: sink),
                let text = c.string("option", required: true), let reason = c.string("reason", required: true)
            else { return nil }
            guard let ref = OptionRef(text) else {
                sink.error("'option' must be written decision.option, found '\(text)'", at: c.value("option")?.location)
                return nil
            }
            return Conflict(option: ref, reason: reason, location: node.location)
        }
        lintRecordWording(f, option: id)
        return DecisionOption(
            id: id, name: name, summary: summary, pros: f.stringList("pros"), cons: f.stringList("cons"),
            pickWhen: f.stringList("pickWhen"), avoidWhen: f.stringList("avoidWhen"), sources: f.stringList("sources"),
            requires: requires, conflicts: conflicts, whenNot: f.list("whenNot").compactMap(decodeCounterindication),
            location: node.location)
    }

    /// Pros and cons become MADR bullets "Good, because …" and "Bad, because …": a phrase that starts with those
    /// words (or "because") would read twice, so it is a warning at the phrase.
    private func lintRecordWording(_ f: Fields, option: String) {
        for (key, lead) in [("pros", "Good"), ("cons", "Bad")] {
            guard case .sequence(let items)? = f.value(key)?.content else { continue }
            for item in items {
                guard let text = item.scalar else { continue }
                let repeated = ["good, because", "bad, because", "good because", "bad because", "because "].first {
                    text.lowercased().hasPrefix($0)
                }
                guard let repeated else { continue }
                let written = text.prefix(repeated.count).trimmingCharacters(in: .whitespaces)
                sink.warning(
                    "\(key) of option '\(option)' starts with '\(written)'; "
                        + "records write '\(lead), because' before it: write the reason alone",
                    at: item.location)
            }
        }
    }

    // MARK: - Rules

    private func decodeRule(_ node: YAMLNode) -> (Rule, Bool)? {
        let keys = [
            "id", "when", "because", "sources", "refs", "score", "exclude", "include", "finding", "tension", "override",
        ]
        guard let f = Fields(node, kind: "a rule", allowed: keys, sink: sink) else { return nil }
        let id = f.identifier("id", allowDots: true)
        let when = f.condition("when", required: true)
        let because = f.string("because", required: true)
        let scores = f.value("score").map(decodeScores) ?? []
        let excludes =
            f.value("exclude").map { node in
                Fields.strings(in: node, key: "exclude", sink: sink).compactMap { text -> OptionRef? in
                    guard let ref = OptionRef(text) else {
                        sink.error("'exclude' items are written decision.option, found '\(text)'", at: node.location)
                        return nil
                    }
                    return ref
                }
            } ?? []
        let finding = f.value("finding").flatMap(decodeFinding)
        let tension = f.value("tension").flatMap(decodeTension)
        guard let id, let when, let because else { return nil }
        var textPositions: [String: TextPosition] = [:]
        for (field, path) in [
            ("because", ["because"]), ("finding.title", ["finding", "title"]),
            ("finding.remediation", ["finding", "remediation"]), ("tension.title", ["tension", "title"]),
            ("tension.advice", ["tension", "advice"]),
        ] {
            var value: YAMLNode? = node
            for key in path { value = value?[key] }
            guard let value, let text = value.scalar, InterpolatedText.mayInterpolate(text) else { continue }
            textPositions[field] = TextPosition(
                location: value.textLocation, spansLines: value.isBlockScalar || text.contains("\n"))
        }
        let rule = Rule(
            id: id, when: when, because: because, sources: f.stringList("sources"), refs: f.stringList("refs"),
            scores: scores, excludes: excludes, includes: f.stringList("include"), finding: finding, tension: tension,
            location: node.location, textPositions: textPositions)
        return (rule, f.bool("override") ?? false)
    }

    /// `score:` is either a mapping (`database.postgresql: 3`) or a list of `{option, weight}` entries.
    private func decodeScores(_ node: YAMLNode) -> [ScoreEffect] {
        var entries: [(key: YAMLNode, weight: YAMLNode)] = []
        switch node.content {
        case .mapping(let pairs): entries = pairs.map { ($0.key, $0.value) }
        case .sequence(let items):
            for item in items {
                guard let e = Fields(item, kind: "a score entry", allowed: ["option", "weight"], sink: sink) else {
                    continue
                }
                guard let option = e.value("option") else {
                    sink.error("a score entry is missing required key 'option'", at: item.location)
                    continue
                }
                guard let weight = e.value("weight") else {
                    sink.error("a score entry is missing required key 'weight'", at: item.location)
                    continue
                }
                entries.append((option, weight))
            }
        default:
            sink.error(
                "'score' must map decision.option to a weight (database.postgresql: 3), found \(node.kindName)",
                at: node.location)
        }
        return entries.compactMap { key, value in
            guard let text = key.scalar, let ref = OptionRef(text) else {
                sink.error(
                    "options are written decision.option (e.g. database.postgresql), found '\(key.scalar ?? key.kindName)'",
                    at: key.location)
                return nil
            }
            guard let weightText = value.scalar, let weight = Int(weightText), weight != 0, abs(weight) <= 10 else {
                sink.error(
                    "the weight of '\(text)' must be a whole number from -10 to 10 other than 0, found '\(value.scalar ?? value.kindName)'",
                    at: value.location)
                return nil
            }
            return ScoreEffect(target: ref, weight: weight, location: key.location)
        }
    }

    private func decodeFinding(_ node: YAMLNode) -> Finding? {
        let keys = ["id", "title", "severity", "remediation", "irreversible"]
        guard let f = Fields(node, kind: "a finding", allowed: keys, sink: sink) else { return nil }
        guard let id = f.identifier("id", allowDots: true), let title = f.string("title", required: true),
            let severity = f.enumeration("severity", Severity.self),
            let remediation = f.string("remediation", required: true)
        else { return nil }
        return Finding(
            id: id, title: title, severity: severity, remediation: remediation,
            irreversible: f.bool("irreversible") ?? false)
    }

    private func decodeTension(_ node: YAMLNode) -> Tension? {
        let keys = ["id", "title", "advice", "between", "severity"]
        guard let f = Fields(node, kind: "a tension", allowed: keys, sink: sink) else { return nil }
        guard let id = f.identifier("id", allowDots: true), let title = f.string("title", required: true),
            let advice = f.string("advice", required: true)
        else { return nil }
        let severity = f.value("severity") == nil ? .medium : f.enumeration("severity", Severity.self)
        guard let severity else { return nil }
        return Tension(id: id, title: title, advice: advice, between: f.stringList("between"), severity: severity)
    }

    private func decodeContradiction(_ node: YAMLNode) -> (Contradiction, Bool)? {
        let keys = ["id", "when", "message", "override"]
        guard let f = Fields(node, kind: "a contradiction", allowed: keys, sink: sink) else { return nil }
        let id = f.identifier("id", allowDots: true)
        let when = f.condition("when", required: true)
        let message = f.string("message", required: true)
        guard let id, let when, let message else { return nil }
        return (
            Contradiction(id: id, when: when, message: message, location: node.location), f.bool("override") ?? false
        )
    }

    // MARK: - Checklist, sources, references

    private func decodeChecklistItem(_ node: YAMLNode) -> (ChecklistItem, Bool)? {
        let keys = [
            "id", "text", "category", "priority", "baseline", "irreversible", "appliesIf", "sources", "refs",
            "override",
        ]
        guard let f = Fields(node, kind: "a checklist item", allowed: keys, sink: sink) else { return nil }
        let id = f.identifier("id", allowDots: true)
        let text = f.string("text", required: true)
        let category = f.enumeration("category", ChecklistCategory.self)
        let priority = f.enumeration("priority", Priority.self)
        let appliesIf = f.condition("appliesIf")
        guard let id, let text, let category, let priority else { return nil }
        let item = ChecklistItem(
            id: id, text: text, category: category, priority: priority, baseline: f.bool("baseline") ?? false,
            irreversible: f.bool("irreversible") ?? false, appliesIf: appliesIf, sources: f.stringList("sources"),
            refs: f.stringList("refs"), location: node.location)
        return (item, f.bool("override") ?? false)
    }

    private func decodeSource(_ node: YAMLNode) -> (Source, Bool)? {
        let keys = ["id", "title", "publisher", "url", "verified", "section", "partOf", "override"]
        guard let f = Fields(node, kind: "a source", allowed: keys, sink: sink) else { return nil }
        guard let id = f.identifier("id", allowDots: true), let title = f.string("title", required: true),
            let publisher = f.string("publisher", required: true), let url = f.string("url", required: true),
            let verified = f.string("verified", required: true)
        else { return nil }
        if !Self.isDate(verified) {
            sink.error(
                "'verified' must be a date written YYYY-MM-DD, found '\(verified)'", at: f.value("verified")?.location)
        }
        if !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            sink.error("'url' must start with https:// or http://, found '\(url)'", at: f.value("url")?.location)
        } else if url.unicodeScalars.contains(where: {
            $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F
        })
            || url.count <= "https://".count
        {
            sink.error(
                "'url' must be one web address without spaces or control characters, found '\(url)'",
                at: f.value("url")?.location)
        }
        let section = f.string("section", required: f.value("section") != nil)
        let partOf = f.identifier("partOf", required: false, allowDots: true)
        if partOf != nil, section == nil {
            sink.error(
                "a source with 'partOf' stands for one section of that document: add 'section' (its heading)",
                at: f.value("partOf")?.location)
        }
        return (
            Source(
                id: id, title: title, publisher: publisher, url: url, verified: verified, section: section,
                partOf: partOf, location: node.location),
            f.bool("override") ?? false
        )
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return false }
        return (1990...2100).contains(year) && (1...12).contains(month) && (1...31).contains(day)
    }

    private func decodeReferenceSet(_ node: YAMLNode) -> ReferenceSet? {
        guard let f = Fields(node, kind: "a reference set", allowed: ["id", "title", "source", "items"], sink: sink)
        else { return nil }
        guard let id = f.identifier("id"), let title = f.string("title", required: true) else { return nil }
        let items = f.list("items", required: true).compactMap { item -> ReferenceItem? in
            guard let i = Fields(item, kind: "a reference item", allowed: ["id", "title"], sink: sink),
                let itemID = i.string("id", required: true), let itemTitle = i.string("title", required: true)
            else { return nil }
            return ReferenceItem(id: itemID, title: itemTitle)
        }
        return ReferenceSet(id: id, title: title, source: f.string("source"), items: items, location: node.location)
    }

    private func decodeRemovals(_ node: YAMLNode, into layer: inout KnowledgeBaseLayer) {
        let kinds = KnowledgeBaseLayer.Removal.Kind.allCases.map(\.rawValue)
        guard let f = Fields(node, kind: "'remove'", allowed: kinds, sink: sink) else { return }
        for kind in KnowledgeBaseLayer.Removal.Kind.allCases {
            guard let list = f.value(kind.rawValue) else { continue }
            for id in Fields.strings(in: list, key: kind.rawValue, sink: sink) {
                layer.removals.append(.init(kind: kind, id: id, location: list.location))
            }
        }
    }
}
