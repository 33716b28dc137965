import RuleLanguage

/// Decoding of the judgement parts of a decision: an option's `whenNot` entries, a decision's `complements` and
/// its `current` link to the current-stack question.
extension LayerDecoder {
    /// `whenNot: [{when, title?, because, advice, severity?, sources?}]` on a decision option.
    func decodeCounterindication(_ node: YAMLNode) -> Counterindication? {
        let keys = ["when", "title", "because", "advice", "severity", "sources"]
        guard let f = Fields(node, kind: "a whenNot entry", allowed: keys, sink: sink) else { return nil }
        let when = f.condition("when", required: true)
        let because = f.string("because", required: true)
        let advice = f.string("advice", required: true)
        let severity = f.value("severity") == nil ? .medium : f.enumeration("severity", Severity.self)
        guard let when, let because, let advice, let severity else { return nil }
        return Counterindication(
            when: when, title: f.string("title"), because: because, advice: advice, severity: severity,
            sources: f.stringList("sources"),
            location: node.location)
    }

    /// `complements: [{option, with?, when?, because}]` on a decision.
    func decodeComplement(_ node: YAMLNode) -> Complement? {
        let keys = ["option", "with", "when", "because"]
        guard let f = Fields(node, kind: "a complement", allowed: keys, sink: sink) else { return nil }
        let option = f.identifier("option")
        let because = f.string("because", required: true)
        let when = f.condition("when")
        guard let option, let because else { return nil }
        return Complement(
            option: option, with: f.stringList("with"), when: when, because: because, location: node.location)
    }

    /// `current: {question, options: {answer-option: decision-option}}` on a decision.
    func decodeCurrentStackLink(_ node: YAMLNode) -> CurrentStackLink? {
        guard let f = Fields(node, kind: "a current-stack link", allowed: ["question", "options"], sink: sink),
            let question = f.identifier("question", allowDots: true)
        else { return nil }
        var options: [String: String] = [:]
        if let mapping = f.value("options") {
            guard case .mapping(let pairs) = mapping.content else {
                sink.error(
                    "'options' must map current-stack answer options to decision options, found \(mapping.kindName)",
                    at: mapping.location)
                return nil
            }
            for (key, value) in pairs {
                guard let answer = key.scalar, let option = value.scalar else {
                    sink.error("'options' entries are written answer-option: decision-option", at: key.location)
                    continue
                }
                if options[answer] != nil {
                    sink.error("'\(answer)' is mapped twice in 'options'", at: key.location)
                }
                options[answer] = option
            }
        } else {
            sink.error("a current-stack link is missing required key 'options'", at: node.location)
        }
        return CurrentStackLink(question: question, options: options, location: node.location)
    }
}
