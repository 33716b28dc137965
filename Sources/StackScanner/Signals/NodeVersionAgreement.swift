/// Whether the Node.js versions a project states agree: the Dockerfile's `FROM node:NN`, `.nvmrc` /
/// `.node-version` / `.tool-versions`, the CI workflow's `node-version` and `engines.node`. Production runs one
/// of them while developers and CI use another, so a disagreement is worth a warning.
enum NodeVersionAgreement {
    /// One line per disagreement (empty when they agree), naming each version and where it is stated.
    static func disagreements(_ hints: [NodeVersionHint]) -> [(message: String, evidence: Evidence)] {
        let exact = hints.filter { $0.rank != 2 }
        let engines = hints.filter { $0.rank == 2 }
        var result: [(String, Evidence)] = []
        let majors = Set(exact.map(\.major))
        if majors.count > 1, let first = exact.first {
            let list = exact.map { "Node.js \($0.major) in \($0.evidence.place) (\(source($0)))" }
            result.append(("Node.js versions disagree: " + list.joined(separator: ", "), first.evidence))
        }
        for range in engines {
            guard let minimum = minimumMajor(of: range.text) else { continue }
            for hint in exact where hint.major < minimum {
                result.append(
                    (
                        "\(hint.evidence.place) uses Node.js \(hint.major) (\(source(hint))), below engines.node "
                            + "'\(range.text)' in \(range.evidence.file)", hint.evidence
                    ))
            }
        }
        return result
    }

    /// The lowest major an `engines.node` range allows (`>=20.12 <21 || 22` -> 20); nil for `*` or text.
    static func minimumMajor(of range: String) -> Int? {
        let alternatives = range.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        let minimums = alternatives.compactMap { part -> Int? in
            let first = part.split(separator: " ").first.map(String.init) ?? part
            if first.hasPrefix("<") { return 0 }
            return majorVersion(of: first)
        }
        return minimums.count == alternatives.count ? minimums.min() : nil
    }

    private static func source(_ hint: NodeVersionHint) -> String {
        switch hint.rank {
        case 0: return "container image"
        case 1: return "version file"
        case 3: return "CI"
        default: return "stated"
        }
    }
}
