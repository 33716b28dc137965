/// What the cheap source scan found in one package: the packages its files import or require, the language
/// mix, and a few textual signals. Only the first bytes of each file are read; nothing is parsed or executed.
struct SourceFacts {
    /// Imported package roots (`express`, `@nestjs/core`, `node:cluster`) -> the first file importing it.
    var imports: [String: String] = [:]
    /// The line of that first import, by package root.
    var importLines: [String: Int] = [:]
    var typeScriptFiles = 0
    var javaScriptFiles = 0
    /// A JavaScript file with `// @ts-check` (JSDoc types checked by TypeScript).
    var checkedJavaScriptFile: String?
    /// A file that writes `text/event-stream` (server-sent events by hand).
    var eventStreamFile: String?
    var filesRead = 0

    mutating func merge(_ other: SourceFacts) {
        for (name, file) in other.imports where imports[name] == nil {
            imports[name] = file
            importLines[name] = other.importLines[name]
        }
        typeScriptFiles += other.typeScriptFiles
        javaScriptFiles += other.javaScriptFiles
        checkedJavaScriptFile = checkedJavaScriptFile ?? other.checkedJavaScriptFile
        eventStreamFile = eventStreamFile ?? other.eventStreamFile
        filesRead += other.filesRead
    }
}

/// Walks a package's source files (skipping dependencies, build output and nested workspace packages).
struct ImportScanner {
    let files: ProjectFiles

    static let sourceExtensions: Set<String> = ["js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx"]
    static let skippedFolders: Set<String> = [
        "node_modules", "dist", "build", "coverage", "out", "lib-cov", "tmp", "vendor", "bower_components",
    ]

    /// Scans `folder`, not entering `excluded` folders (other workspace packages). `budget` is shared by all
    /// packages of one scan.
    func scan(folder: String, excluded: Set<String>, budget: inout Int) -> SourceFacts {
        var facts = SourceFacts()
        var visited: Set<String> = []
        walk(folder, depth: 0, excluded: excluded, visited: &visited, budget: &budget, facts: &facts)
        return facts
    }

    private func walk(
        _ folder: String, depth: Int, excluded: Set<String>, visited: inout Set<String>, budget: inout Int,
        facts: inout SourceFacts
    ) {
        guard depth <= 24, budget > 0, visited.insert(files.realPath(folder)).inserted else { return }
        for entry in files.entries(folder) {
            if budget <= 0 { return }
            let path = ProjectFiles.join(folder, entry.name)
            if entry.isDirectory {
                if entry.name.hasPrefix(".") || Self.skippedFolders.contains(entry.name) || excluded.contains(path) {
                    continue
                }
                walk(path, depth: depth + 1, excluded: excluded, visited: &visited, budget: &budget, facts: &facts)
                continue
            }
            let ext = entry.name.split(separator: ".").last.map { String($0).lowercased() } ?? ""
            guard Self.sourceExtensions.contains(ext), !entry.name.hasSuffix(".d.ts"), !entry.name.contains(".min.")
            else { continue }
            budget -= 1
            guard let text = files.sourcePrefix(path) else { continue }
            facts.filesRead += 1
            let isTypeScript = ["ts", "mts", "cts", "tsx"].contains(ext)
            if isTypeScript { facts.typeScriptFiles += 1 } else { facts.javaScriptFiles += 1 }
            if facts.checkedJavaScriptFile == nil, !isTypeScript, text.contains("@ts-check") {
                facts.checkedJavaScriptFile = path
            }
            if facts.eventStreamFile == nil, text.contains("text/event-stream") { facts.eventStreamFile = path }
            for (specifier, line) in Self.specifiersWithLines(in: text) {
                guard let root = Self.packageRoot(of: specifier) else { continue }
                if facts.imports[root] == nil {
                    facts.imports[root] = path
                    facts.importLines[root] = line
                }
            }
        }
    }

    /// The package a module specifier names: `@scope/name/sub` -> `@scope/name`, `lodash/fp` -> `lodash`,
    /// `node:fs/promises` -> `node:fs`; nil for relative paths, URLs and aliases such as `@/x` or `~/x`.
    static func packageRoot(of specifier: String) -> String? {
        guard let first = specifier.first, first != ".", first != "/", first != "~", first != "#" else { return nil }
        if specifier.contains("://") { return nil }
        let parts = specifier.split(separator: "/", omittingEmptySubsequences: false)
        if first == "@" {
            guard parts.count >= 2, parts[0].count > 1, !parts[1].isEmpty else { return nil }
            return parts[0] + "/" + parts[1]
        }
        return String(parts[0])
    }

    /// Module specifiers in `import ... from "x"`, `import "x"`, `import("x")`, `require("x")`, `export ... from "x"`.
    static func specifiers(in text: String) -> [String] {
        specifiersWithLines(in: text).map(\.0)
    }

    /// The specifiers with the 1-based line each is written on.
    static func specifiersWithLines(in text: String) -> [(String, Int)] {
        let bytes = Array(text.utf8)
        var result: [(String, Int)] = []
        var index = 0
        var counted = 0
        var line = 1
        func lineOf(_ position: Int) -> Int {
            while counted < position, counted < bytes.count {
                if bytes[counted] == UInt8(ascii: "\n") { line += 1 }
                counted += 1
            }
            return line
        }
        func isIdentifier(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "$")
        }
        func word(at position: Int, _ word: String) -> Bool {
            let w = Array(word.utf8)
            guard position + w.count <= bytes.count, Array(bytes[position..<position + w.count]) == w else {
                return false
            }
            if position > 0, isIdentifier(bytes[position - 1]) || bytes[position - 1] == UInt8(ascii: ".") {
                return false
            }
            return position + w.count == bytes.count || !isIdentifier(bytes[position + w.count])
        }
        func quoted(from position: Int) -> String? {
            var p = position
            while p < bytes.count,
                bytes[p] == UInt8(ascii: " ") || bytes[p] == UInt8(ascii: "\t")
                    || bytes[p] == UInt8(ascii: "\n") || bytes[p] == UInt8(ascii: "\r")
            {
                p += 1
            }
            guard p < bytes.count else { return nil }
            let quote = bytes[p]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") || quote == UInt8(ascii: "`") else {
                return nil
            }
            var end = p + 1
            while end < bytes.count, bytes[end] != quote, bytes[end] != UInt8(ascii: "\n"), end - p < 256 { end += 1 }
            guard end < bytes.count, bytes[end] == quote, end > p + 1 else { return nil }
            return String(decoding: bytes[(p + 1)..<end], as: UTF8.self)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "f"), word(at: index, "from"), let name = quoted(from: index + 4) {
                result.append((name, lineOf(index)))
            } else if byte == UInt8(ascii: "r"), word(at: index, "require") {
                var p = index + 7
                while p < bytes.count, bytes[p] == UInt8(ascii: " ") { p += 1 }
                if p < bytes.count, bytes[p] == UInt8(ascii: "("), let name = quoted(from: p + 1) {
                    result.append((name, lineOf(index)))
                }
            } else if byte == UInt8(ascii: "i"), word(at: index, "import") {
                var p = index + 6
                while p < bytes.count, bytes[p] == UInt8(ascii: " ") { p += 1 }
                if p < bytes.count, bytes[p] == UInt8(ascii: "(") {
                    if let name = quoted(from: p + 1) { result.append((name, lineOf(index))) }
                } else if let name = quoted(from: index + 6) {
                    result.append((name, lineOf(index)))
                }
            }
            index += 1
        }
        return result
    }
}
