/// Decodes the `detection:` top-level key (technologies and package mappings used by `stackwise scan`).
struct DetectionDecoder {
    let sink: DiagnosticSink

    /// Adds the technologies and packages of one `detection:` mapping to `layer`.
    func decode(_ node: YAMLNode, into layer: inout KnowledgeBaseLayer) {
        guard let f = Fields(node, kind: "'detection'", allowed: ["technologies", "packages"], sink: sink) else {
            return
        }
        for item in f.list("technologies") {
            guard let (technology, isOverride) = decodeTechnology(item) else { continue }
            layer.detectionTechnologies.append(technology)
            if isOverride { layer.overrides.insert("technology:\(technology.id)") }
        }
        for item in f.list("packages") {
            guard let (mapping, isOverride) = decodePackage(item) else { continue }
            layer.detectionPackages.append(mapping)
            if isOverride { layer.overrides.insert("package:\(mapping.id)") }
        }
    }

    private func decodeTechnology(_ node: YAMLNode) -> (Technology, Bool)? {
        let keys = [
            "id", "title", "category", "driver", "embedded", "caveats", "answers", "images", "decides",
            "override",
        ]
        guard let f = Fields(node, kind: "a technology", allowed: keys, sink: sink) else { return nil }
        let id = f.identifier("id")
        let title = f.string("title", required: true)
        let category = f.enumeration("category", DetectionCategory.self)
        let answers = f.value("answers").map(decodeAnswers) ?? []
        guard let id, let title, let category else { return nil }
        let technology = Technology(
            id: id, title: title, category: category, driver: f.bool("driver") ?? false,
            embedded: f.bool("embedded") ?? false,
            caveats: f.stringList("caveats"), answers: answers, images: f.stringList("images"),
            decides: f.stringList("decides").map(DecisionChoiceRef.init(parsing:)), location: node.location)
        return (technology, f.bool("override") ?? false)
    }

    /// `answers:` is a mapping (`current.database: postgresql`) or a list of
    /// `{question, option, versions, priority}` entries.
    private func decodeAnswers(_ node: YAMLNode) -> [DetectionAnswer] {
        switch node.content {
        case .mapping(let pairs):
            return pairs.compactMap { key, value in
                guard let question = key.scalar, let option = value.scalar else {
                    sink.error(
                        "'answers' maps a question id to an option id (current.database: postgresql)",
                        at: key.location)
                    return nil
                }
                return DetectionAnswer(question: question, option: option, location: key.location)
            }
        case .sequence(let items):
            return items.compactMap { item in
                let keys = ["question", "option", "versions", "priority"]
                guard let e = Fields(item, kind: "an answer mapping", allowed: keys, sink: sink),
                    let question = e.string("question", required: true),
                    let option = e.string("option", required: true)
                else { return nil }
                var versions: MajorVersionRange?
                if let text = e.string("versions") {
                    versions = MajorVersionRange(parsing: text)
                    if versions == nil {
                        sink.error(
                            "'versions' must be a range of major versions such as '<5', '>=5', '4' or '>=4 <6',"
                                + " found '\(text)'", at: e.value("versions")?.location)
                    }
                }
                return DetectionAnswer(
                    question: question, option: option, versions: versions, priority: e.integer("priority") ?? 0,
                    location: item.location)
            }
        default:
            sink.error(
                "'answers' must map question ids to option ids, found \(node.kindName)", at: node.location)
            return []
        }
    }

    private func decodePackage(_ node: YAMLNode) -> (PackageMapping, Bool)? {
        let keys = ["package", "detects", "talksTo", "adapts", "builtin", "implicit", "client", "caveats", "override"]
        guard let f = Fields(node, kind: "a package mapping", allowed: keys, sink: sink) else { return nil }
        guard let name = f.string("package", required: true) else { return nil }
        let builtin = f.bool("builtin") ?? false
        if builtin ? !Self.isPackageName(String(name.trimmingPrefix("node:"))) : !Self.isPackageName(name) {
            sink.error(
                builtin
                    ? "'\(name)' is not a Node.js module name (write it as imported, e.g. cluster or node:test)"
                    : "'\(name)' is not an npm package name: use lower case, optionally scoped as @scope/name",
                at: f.value("package")?.location)
            return nil
        }
        let detects = f.stringList("detects")
        let talksTo = f.stringList("talksTo")
        if detects.isEmpty, talksTo.isEmpty {
            sink.error(
                "package '\(name)' needs 'detects' or 'talksTo' (the technologies it reveals)", at: node.location)
        }
        let mapping = PackageMapping(
            id: name, detects: detects, talksTo: talksTo, adapts: f.string("adapts"), builtin: builtin,
            implicit: f.bool("implicit") ?? false, client: f.bool("client") ?? false, caveats: f.stringList("caveats"),
            location: node.location)
        return (mapping, f.bool("override") ?? false)
    }

    /// npm's rules for new package names: lower case, URL-safe, at most 214 characters, optionally `@scope/name`.
    static func isPackageName(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= 214 else { return false }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        let bare: [Substring]
        if name.hasPrefix("@") {
            guard parts.count == 2, parts[0].count > 1 else { return false }
            bare = [parts[0].dropFirst(), parts[1]]
        } else {
            guard parts.count == 1 else { return false }
            bare = parts
        }
        return bare.allSatisfy { part in
            guard let first = part.unicodeScalars.first, first != ".", first != "_" else { return false }
            return part.unicodeScalars.allSatisfy { scalar in
                ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || "-._~".unicodeScalars.contains(scalar)
            }
        }
    }
}
