extension Question {
    func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.string(section)
        writer.string(prompt)
        writer.string(help)
        writer.string(type.rawValue)
        writer.array(options) { writer, option in
            writer.string(option.id)
            writer.string(option.label)
            writer.string(option.description)
            writer.bool(option.exclusive)
        }
        writer.optional(unit) { $0.string($1) }
        writer.optional(minimum) { $0.double($1) }
        writer.optional(maximum) { $0.double($1) }
        writer.optional(defaultValue) { $1.write(to: &$0) }
        writer.bool(allowsNotSure)
        writer.bool(required)
        writer.optional(askIf) { $1.write(to: &$0) }
        writer.bool(observed)
        writer.array(formerly) { $0.string($1) }
        writer.location(location)
    }

    init(reading reader: inout BinaryReader) throws(KnowledgeBaseBinaryError) {
        self.init(
            id: try reader.string(), section: try reader.string(), prompt: try reader.string(),
            help: try reader.string(), type: try reader.rawValue(QuestionType.self),
            options: try reader.array { reader throws(KnowledgeBaseBinaryError) in
                QuestionOption(
                    id: try reader.string(), label: try reader.string(), description: try reader.string(),
                    exclusive: try reader.bool())
            },
            unit: try reader.optional { reader throws(KnowledgeBaseBinaryError) in try reader.string() },
            minimum: try reader.optional { reader throws(KnowledgeBaseBinaryError) in try reader.double() },
            maximum: try reader.optional { reader throws(KnowledgeBaseBinaryError) in try reader.double() },
            defaultValue: try reader.optional { reader throws(KnowledgeBaseBinaryError) in
                try AnswerValue(reading: &reader)
            },
            allowsNotSure: try reader.bool(), required: try reader.bool(),
            askIf: try reader.optional { reader throws(KnowledgeBaseBinaryError) in try Condition(reading: &reader) },
            observed: try reader.bool(),
            formerly: try reader.array { reader throws(KnowledgeBaseBinaryError) in try reader.string() },
            location: try reader.location())
    }
}

extension AnswerValue {
    private enum Tag: Int {
        case bool, number, text, choice, choices
    }

    func write(to writer: inout BinaryWriter) {
        switch self {
        case .bool(let flag):
            writer.tag(Tag.bool)
            writer.bool(flag)
        case .number(let number):
            writer.tag(Tag.number)
            writer.double(number)
        case .text(let text):
            writer.tag(Tag.text)
            writer.string(text)
        case .choice(let id):
            writer.tag(Tag.choice)
            writer.string(id)
        case .choices(let ids):
            writer.tag(Tag.choices)
            writer.strings(ids)
        }
    }

    init(reading reader: inout BinaryReader) throws(KnowledgeBaseBinaryError) {
        switch try reader.tag(Tag.self, of: "answer value") {
        case .bool: self = .bool(try reader.bool())
        case .number: self = .number(try reader.double())
        case .text: self = .text(try reader.string())
        case .choice: self = .choice(try reader.string())
        case .choices: self = .choices(try reader.strings())
        }
    }
}
