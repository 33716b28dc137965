extension DetectionCatalog {
    func write(to writer: inout BinaryWriter) {
        writer.array(technologies) { $1.write(to: &$0) }
        writer.array(packages) { $1.write(to: &$0) }
    }

    init(reading reader: inout BinaryReader) throws(KnowledgeBaseBinaryError) {
        self.init(
            technologies: try reader.array { reader throws(KnowledgeBaseBinaryError) in
                try Technology(reading: &reader)
            },
            packages: try reader.array { reader throws(KnowledgeBaseBinaryError) in
                try PackageMapping(reading: &reader)
            })
    }
}

extension Technology {
    func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.string(title)
        writer.string(category.rawValue)
        writer.bool(driver)
        writer.bool(embedded)
        writer.strings(caveats)
        writer.array(answers) { writer, answer in
            writer.string(answer.question)
            writer.string(answer.option)
            writer.optional(answer.versions) { writer, versions in
                writer.optional(versions.minimum) { $0.int($1) }
                writer.optional(versions.upperBound) { $0.int($1) }
            }
            writer.int(answer.priority)
            writer.location(answer.location)
        }
        writer.strings(images)
        writer.strings(decides.map(\.description))
        writer.location(location)
    }

    init(reading reader: inout BinaryReader) throws(KnowledgeBaseBinaryError) {
        self.init(
            id: try reader.string(), title: try reader.string(),
            category: try reader.rawValue(DetectionCategory.self), driver: try reader.bool(),
            embedded: try reader.bool(), caveats: try reader.strings(),
            answers: try reader.array { reader throws(KnowledgeBaseBinaryError) in
                DetectionAnswer(
                    question: try reader.string(), option: try reader.string(),
                    versions: try reader.optional { reader throws(KnowledgeBaseBinaryError) in
                        MajorVersionRange(
                            minimum: try reader.optional { reader throws(KnowledgeBaseBinaryError) in try reader.int()
                            },
                            upperBound: try reader.optional { reader throws(KnowledgeBaseBinaryError) in
                                try reader.int()
                            })
                    },
                    priority: try reader.int(), location: try reader.location())
            },
            images: try reader.strings(),
            decides: try reader.strings().map(DecisionChoiceRef.init(parsing:)), location: try reader.location())
    }
}

extension PackageMapping {
    func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.strings(detects)
        writer.strings(talksTo)
        writer.optional(adapts) { $0.string($1) }
        writer.bool(builtin)
        writer.bool(implicit)
        writer.bool(client)
        writer.strings(caveats)
        writer.location(location)
    }

    init(reading reader: inout BinaryReader) throws(KnowledgeBaseBinaryError) {
        self.init(
            id: try reader.string(), detects: try reader.strings(), talksTo: try reader.strings(),
            adapts: try reader.optional { reader throws(KnowledgeBaseBinaryError) in try reader.string() },
            builtin: try reader.bool(), implicit: try reader.bool(), client: try reader.bool(),
            caveats: try reader.strings(),
            location: try reader.location())
    }
}
