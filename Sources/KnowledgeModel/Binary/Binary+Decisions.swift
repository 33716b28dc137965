extension Decision {
    func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.string(title)
        writer.string(problem)
        writer.int(order)
        writer.optional(appliesIf) { $1.write(to: &$0) }
        writer.array(options) { $1.write(to: &$0) }
        writer.array(complements) { writer, complement in
            writer.string(complement.option)
            writer.strings(complement.with)
            writer.optional(complement.when) { $1.write(to: &$0) }
            writer.string(complement.because)
            writer.location(complement.location)
        }
        writer.optional(current) { writer, link in
            writer.string(link.question)
            let pairs = link.options.sorted { $0.key < $1.key }
            writer.strings(pairs.map(\.key))
            writer.strings(pairs.map(\.value))
            writer.location(link.location)
        }
        writer.optional(switchingCost) { $0.string($1) }
        writer.location(location)
    }

    init(reading reader: inout BinaryReader) throws(KnowledgeBaseBinaryError) {
        self.init(
            id: try reader.string(), title: try reader.string(), problem: try reader.string(), order: try reader.int(),
            appliesIf: try reader.optional { reader throws(KnowledgeBaseBinaryError) in
                try Condition(reading: &reader)
            },
            options: try reader.array { reader throws(KnowledgeBaseBinaryError) in
                try DecisionOption(reading: &reader)
            },
            complements: try reader.array { reader throws(KnowledgeBaseBinaryError) in
                Complement(
                    option: try reader.string(), with: try reader.strings(),
                    when: try reader.optional { reader throws(KnowledgeBaseBinaryError) in
                        try Condition(reading: &reader)
                    },
                    because: try reader.string(), location: try reader.location())
            },
            current: try reader.optional { reader throws(KnowledgeBaseBinaryError) in
                let question = try reader.string()
                let keys = try reader.strings()
                let values = try reader.strings()
                guard keys.count == values.count else {
                    throw KnowledgeBaseBinaryError(
                        offset: reader.position, message: "a current-stack link is malformed")
                }
                return CurrentStackLink(
                    question: question, options: Dictionary(zip(keys, values)) { first, _ in first },
                    location: try reader.location())
            },
            switchingCost: try reader.optional { reader throws(KnowledgeBaseBinaryError) in try reader.string() },
            location: try reader.location())
    }
}

extension DecisionOption {
    func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.string(name)
        writer.string(summary)
        writer.strings(pros)
        writer.strings(cons)
        writer.strings(pickWhen)
        writer.strings(avoidWhen)
        writer.strings(sources)
        writer.array(requires) { writer, requirement in
            writer.string(requirement.decision)
            writer.strings(requirement.anyOf)
            writer.string(requirement.reason)
            writer.location(requirement.location)
        }
        writer.array(conflicts) { writer, conflict in
            conflict.option.write(to: &writer)
            writer.string(conflict.reason)
            writer.location(conflict.location)
        }
        writer.array(whenNot) { writer, entry in
            entry.when.write(to: &writer)
            writer.optional(entry.title) { $0.string($1) }
            writer.string(entry.because)
            writer.string(entry.advice)
            writer.string(entry.severity.rawValue)
            writer.strings(entry.sources)
            writer.location(entry.location)
        }
        writer.location(location)
    }

    init(reading reader: inout BinaryReader) throws(KnowledgeBaseBinaryError) {
        self.init(
            id: try reader.string(), name: try reader.string(), summary: try reader.string(),
            pros: try reader.strings(), cons: try reader.strings(), pickWhen: try reader.strings(),
            avoidWhen: try reader.strings(), sources: try reader.strings(),
            requires: try reader.array { reader throws(KnowledgeBaseBinaryError) in
                Requirement(
                    decision: try reader.string(), anyOf: try reader.strings(), reason: try reader.string(),
                    location: try reader.location())
            },
            conflicts: try reader.array { reader throws(KnowledgeBaseBinaryError) in
                Conflict(
                    option: try OptionRef(reading: &reader), reason: try reader.string(),
                    location: try reader.location())
            },
            whenNot: try reader.array { reader throws(KnowledgeBaseBinaryError) in
                Counterindication(
                    when: try Condition(reading: &reader),
                    title: try reader.optional { reader throws(KnowledgeBaseBinaryError) in try reader.string() },
                    because: try reader.string(), advice: try reader.string(),
                    severity: try reader.rawValue(Severity.self), sources: try reader.strings(),
                    location: try reader.location())
            },
            location: try reader.location())
    }
}

extension OptionRef {
    func write(to writer: inout BinaryWriter) {
        writer.string(decision)
        writer.string(option)
    }

    init(reading reader: inout BinaryReader) throws(KnowledgeBaseBinaryError) {
        self.init(decision: try reader.string(), option: try reader.string())
    }
}
