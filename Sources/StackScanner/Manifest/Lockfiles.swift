import Foundation

/// The versions a lockfile resolves for the project's direct dependencies, for comparing two versions of a
/// lockfile (`stackwise check --base`). Each reader is a bounded single pass over the text: nothing is installed
/// or run, and a lockfile that does not parse gives an empty result rather than a guess.
public enum Lockfiles {
    /// The lockfile names `check --base` reads.
    public static let names: Set<String> = ["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml"]

    /// Direct dependency name -> resolved version, from a lockfile's text; `declared` (name -> specifier, from the
    /// project's manifests) tells yarn.lock's direct entries from transitive ones (yarn.lock does not mark them).
    public static func lockedVersions(file name: String, text: String, declared: [String: String]) -> [String: String] {
        switch name {
        case "yarn.lock": return yarnLock(text, declared: declared)
        case "pnpm-lock.yaml": return pnpmLock(text)
        default: return packageLock(text)
        }
    }

    /// The part of a version that changes when it breaks compatibility under semantic versioning: the major
    /// version, or `0.minor` below 1.0.0; nil for what is not a version (`link:../lib`, a git URL).
    public static func compatibilityLine(of version: String) -> String? {
        let parts = version.split(separator: ".", maxSplits: 2)
        guard let major = parts.first.flatMap({ Int($0) }) else { return nil }
        if major == 0, parts.count > 1, let minor = Int(parts[1].prefix { $0.isNumber }) { return "0.\(minor)" }
        return String(major)
    }

    // MARK: - npm

    /// `package-lock.json` / `npm-shrinkwrap.json`: lockfile v2/v3 `packages` (the direct dependencies of the root
    /// and of each workspace, resolved from the nearest `node_modules`), or v1 `dependencies` (top level).
    static func packageLock(_ text: String) -> [String: String] {
        guard let json = try? JSONParser.parse(text) else { return [:] }
        var result: [String: String] = [:]
        let packages = json["packages"]?.objectPairs ?? []
        if !packages.isEmpty {
            var entries: [String: JSONValue] = [:]
            for (path, entry) in packages { entries[path] = entry }
            for (path, entry) in packages where !path.split(separator: "/").contains("node_modules") {
                for kind in PackageManifest.DependencyKind.allCases {
                    for (name, _) in entry[kind.rawValue]?.objectPairs ?? [] {
                        let nested = path.isEmpty ? "node_modules/\(name)" : "\(path)/node_modules/\(name)"
                        if let version = (entries[nested] ?? entries["node_modules/\(name)"])?["version"]?.string {
                            result[name] = version
                        }
                    }
                }
            }
            return result
        }
        for (name, entry) in json["dependencies"]?.objectPairs ?? [] {
            if let version = entry["version"]?.string { result[name] = version }
        }
        return result
    }

    // MARK: - yarn

    /// `yarn.lock`, classic (v1: `"name@^1.0.0", name@~1.1.0:` then `  version "1.1.2"`) or Berry (v2+:
    /// `"name@npm:^1.0.0":` then `  version: 1.1.2`). An entry is direct when one of its descriptors is a
    /// declared dependency's name and specifier; a name declared but locked only under other ranges takes the
    /// version when all its entries agree.
    static func yarnLock(_ text: String, declared: [String: String]) -> [String: String] {
        var exact: [String: String] = [:]
        var byName: [String: Set<String>] = [:]
        var descriptors: [(name: String, range: String)] = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty || line.hasPrefix("#") { continue }
            if !line.hasPrefix(" ") {
                descriptors = line.hasSuffix(":") ? yarnDescriptors(line.dropLast()) : []
                continue
            }
            let trimmed = line.drop { $0 == " " }
            guard !descriptors.isEmpty, line.prefix(while: { $0 == " " }).count == 2, trimmed.hasPrefix("version")
            else { continue }
            var value = trimmed.dropFirst("version".count)
            if value.first == ":" { value = value.dropFirst() }
            guard value.first == " " else { continue }
            let version = unquote(value.trimmingCharacters(in: .whitespaces))
            for descriptor in descriptors {
                byName[descriptor.name, default: []].insert(version)
                if let specifier = declared[descriptor.name],
                    descriptor.range == specifier || descriptor.range == "npm:" + specifier
                {
                    exact[descriptor.name] = version
                }
            }
            descriptors = []
        }
        for name in declared.keys where exact[name] == nil {
            if let versions = byName[name], versions.count == 1 { exact[name] = versions.first }
        }
        return exact
    }

    /// `"a@^1", a@~1.1` -> [(a, ^1), (a, ~1.1)]; a scoped name keeps its leading `@`.
    private static func yarnDescriptors(_ key: Substring) -> [(name: String, range: String)] {
        key.split(separator: ",").compactMap { part in
            let descriptor = unquote(part.trimmingCharacters(in: .whitespaces))
            let searchStart = descriptor.index(descriptor.startIndex, offsetBy: descriptor.hasPrefix("@") ? 1 : 0)
            guard let at = descriptor[searchStart...].firstIndex(of: "@") else { return nil }
            return (String(descriptor[..<at]), String(descriptor[descriptor.index(after: at)...]))
        }
    }

    // MARK: - pnpm

    /// `pnpm-lock.yaml`: `importers` (each workspace's `dependencies` / `devDependencies` /
    /// `optionalDependencies` with `version:`, or a plain version in lockfile v5), or the same sections at the top
    /// level for a single project. The version loses pnpm's peer suffix (`8.4.0(react@18.2.0)`, `1.0.0_react@18`).
    /// Reading stops at `packages:`, where only transitive entries follow.
    static func pnpmLock(_ text: String) -> [String: String] {
        let sections: Set<String> = ["dependencies", "devDependencies", "optionalDependencies"]
        var result: [String: String] = [:]
        var stack: [(indent: Int, key: String)] = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let indent = line.prefix { $0 == " " }.count
            let content = line.dropFirst(indent)
            if content.isEmpty || content.hasPrefix("#") || content.hasPrefix("- ") { continue }
            guard let colon = yamlKeyEnd(content) else { continue }
            let key = unquote(content[..<colon].trimmingCharacters(in: .whitespaces))
            let value = content[content.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if indent == 0, key == "packages" || key == "snapshots" { break }
            while let last = stack.last, last.indent >= indent { stack.removeLast() }
            let path = stack.map(\.key) + [key]
            // [importers, folder, section, name(, version)] or [section, name(, version)]
            let tail = path.first == "importers" ? Array(path.dropFirst(2)) : path
            if tail.count == 2, sections.contains(tail[0]), !value.isEmpty, !value.hasPrefix("{") {
                result[key] = pnpmVersion(value)
            } else if tail.count == 3, sections.contains(tail[0]), key == "version", !value.isEmpty {
                result[tail[1]] = pnpmVersion(value)
            }
            if value.isEmpty { stack.append((indent, key)) }
        }
        return result
    }

    /// The end of a YAML mapping key on a line (`name:` or `'@scope/name':`), outside quotes.
    private static func yamlKeyEnd(_ content: Substring) -> Substring.Index? {
        var quote: Character?
        var index = content.startIndex
        while index < content.endIndex {
            let character = content[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == ":" {
                let next = content.index(after: index)
                if next == content.endIndex || content[next] == " " { return index }
            }
            index = content.index(after: index)
        }
        return nil
    }

    private static func pnpmVersion(_ value: String) -> String {
        let plain = unquote(value)
        let end = plain.firstIndex { $0 == "(" || $0 == "_" } ?? plain.endIndex
        return String(plain[..<end])
    }

    private static func unquote(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first else {
            return text
        }
        return String(text.dropFirst().dropLast())
    }
}
