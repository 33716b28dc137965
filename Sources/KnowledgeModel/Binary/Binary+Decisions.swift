extension Decision {
    func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.string(title)
        writer.string(problem)
        writer.int(order)
        writer.optional(appliesIf) { $1.write(to: &$0) }
        writer.array(options) { $1.write(to: &$0) }
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
