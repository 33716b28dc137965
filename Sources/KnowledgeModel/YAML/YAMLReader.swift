import Foundation
import Yams

/// Reads YAML (or JSON, which is YAML) text into ``YAMLNode`` trees, defending against hostile input:
/// files that are too large or binary, nesting too deep for the parser, and aliases that expand exponentially.
public struct YAMLReader: Sendable {
    /// Largest accepted file, in bytes.
    public var maximumBytes: Int
    /// Most nodes one document may expand to (aliases count every time they are used).
    public var maximumNodes: Int
    /// Deepest accepted nesting.
    public var maximumDepth: Int

    public init(maximumBytes: Int = 8 << 20, maximumNodes: Int = 1_000_000, maximumDepth: Int = 64) {
        self.maximumBytes = maximumBytes
        self.maximumNodes = maximumNodes
        self.maximumDepth = maximumDepth
    }

    /// Reads a file from disk; `displayPath` is how positions name it.
    public func read(fileAt url: URL, displayPath: String) throws(DiagnosticsError) -> YAMLNode? {
        let start = SourceLocation(file: displayPath, line: 1, column: 1)
        let data: Data
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            // ELOOP (a link loop) and the like: the system's words, not Foundation's "error 256".
            throw DiagnosticsError([.error("cannot read file: \(String(cString: strerror(errno)))", at: start)])
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw DiagnosticsError([
                .error("cannot read file: not a regular file (a folder, device or pipe)", at: start)
            ])
        }
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            if let size = attributes[.size] as? Int, size > maximumBytes {
                throw DiagnosticsError([tooLarge(size, at: start)])
            }
            data = try Data(contentsOf: url)
        } catch let error as DiagnosticsError {
            throw error
        } catch {
            throw DiagnosticsError([.error("cannot read file: \(Self.reason(error))", at: start)])
        }
        return try read(data: data, displayPath: displayPath)
    }

    /// Reads YAML from raw bytes.
    public func read(data: Data, displayPath: String) throws(DiagnosticsError) -> YAMLNode? {
        let start = SourceLocation(file: displayPath, line: 1, column: 1)
        if data.count > maximumBytes { throw DiagnosticsError([tooLarge(data.count, at: start)]) }
        if data.contains(0) {
            throw DiagnosticsError([.error("this is a binary file, not YAML text", at: start)])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticsError([.error("the file is not valid UTF-8 text", at: start)])
        }
        return try read(text: text, displayPath: displayPath)
    }

    /// Reads YAML from text. Returns nil for an empty document.
    public func read(text: String, displayPath: String) throws(DiagnosticsError) -> YAMLNode? {
        if text.utf8.count > maximumBytes {
            throw DiagnosticsError([
                tooLarge(text.utf8.count, at: SourceLocation(file: displayPath, line: 1, column: 1))
            ])
        }
        if let unsafe = UntrustedText.firstUnsafe(in: text, allowingLineBreaks: true) {
            throw DiagnosticsError([
                .error(
                    "\(UntrustedText.name(unsafe.scalar)) is not allowed here; remove it (control and bidirectional "
                        + "characters can make text display differently from what it is)",
                    at: SourceLocation(file: displayPath, line: unsafe.line, column: unsafe.column))
            ])
        }
        if let location = NestingScan.firstTooDeep(in: text, limit: maximumDepth, file: displayPath) {
            throw DiagnosticsError([
                .error("nesting is deeper than \(maximumDepth) levels; flatten the structure", at: location)
            ])
        }
        let root: Node?
        do {
            // The basic resolver: tags are never read here (scalars stay text; null is recognised below), and the
            // default one compiles seven regular expressions at first use, a tenth of a short command's start-up.
            // The encoding is given: Yams' default reads the whole environment on every parse (and prints to
            // standard output when YAMS_DEFAULT_ENCODING is set). Swift strings are UTF-8.
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw DiagnosticsError([Self.diagnostic(for: error, file: displayPath)])
        } catch {
            throw DiagnosticsError([.error("cannot parse YAML: \(error)", at: nil)])
        }
        guard let root else { return nil }
        var budget = maximumNodes
        var unsafe: SourceLocation?
        guard let node = convert(root, file: displayPath, budget: &budget, unsafe: &unsafe) else {
            // Every node written out takes at least two bytes, so a short text over the limit must repeat aliases.
            let message =
                text.utf8.count < maximumNodes * 2
                ? "the document expands to more than \(maximumNodes) nodes because YAML aliases (*name) repeat "
                    + "large parts of it; write the parts out or use fewer aliases"
                : "the document has more than \(maximumNodes) values; split it into several files"
            throw DiagnosticsError([.error(message, at: start(root, file: displayPath))])
        }
        if let unsafe {
            throw DiagnosticsError([
                .error(
                    "this value spells a bidirectional control character as an escape; remove it (it can make "
                        + "text display differently from what it is)", at: unsafe)
            ])
        }
        return node
    }

    private func tooLarge(_ size: Int, at location: SourceLocation) -> Diagnostic {
        .error("file is too large (\(size) bytes; the limit is \(maximumBytes) bytes)", at: location)
    }

    private func start(_ node: Node, file: String) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    /// `unsafe` receives the place of the first scalar holding a control or bidirectional character (which the
    /// raw-text check cannot see when it is written as an escape such as `"\u202E"`).
    private func convert(_ node: Node, file: String, budget: inout Int, unsafe: inout SourceLocation?) -> YAMLNode? {
        budget -= 1
        if budget < 0 { return nil }
        let location = start(node, file: file)
        switch node {
        case .scalar(let scalar):
            let plain = scalar.style == .plain || scalar.style == .any
            if plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return YAMLNode(.null, at: location)
            }
            if unsafe == nil, !plain, scalar.string.unicodeScalars.contains(where: Self.isUnsafeInValue) {
                unsafe = location
            }
            var result = YAMLNode(.scalar(scalar.string, plain: plain), at: location)
            result.isBlockScalar = scalar.style == .literal || scalar.style == .folded
            return result
        case .mapping(let mapping):
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            pairs.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                guard let key = convert(key, file: file, budget: &budget, unsafe: &unsafe),
                    let value = convert(value, file: file, budget: &budget, unsafe: &unsafe)
                else { return nil }
                pairs.append((key, value))
            }
            return YAMLNode(.mapping(pairs), at: location)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence {
                guard let converted = convert(item, file: file, budget: &budget, unsafe: &unsafe) else { return nil }
                items.append(converted)
            }
            return YAMLNode(.sequence(items), at: location)
        case .alias:
            return YAMLNode(.null, at: location)
        }
    }

    /// Unsafe in a value: a bidirectional control spelled as an escape (`"\u202E"`; raw ones are caught before
    /// parsing). Escaped C0 controls such as `\e` are kept as written (a session may hold them): every output
    /// strips or escapes them.
    private static func isUnsafeInValue(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value > 0x7F && UntrustedText.isUnsafe(scalar, allowingLineBreaks: false)
            && !(0x80...0x9F).contains(scalar.value)
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        func describe(_ context: YamlError.Context?, _ problem: String) -> String {
            guard let context, !context.text.isEmpty else { return problem }
            return "\(problem) (\(context.text))"
        }
        switch error {
        case .scanner(let context, let problem, let mark, _):
            return .error("YAML syntax error: \(describe(context, problem))", at: at(mark))
        case .parser(let context, let problem, let mark, _):
            return .error("YAML syntax error: \(describe(context, problem))", at: at(mark))
        case .composer(let context, let problem, let mark, _):
            return .error("YAML error: \(describe(context, problem))", at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error("duplicate key \(keys) in the same mapping", at: at(context.mark))
        case .reader(let problem, let offset, _, _):
            return .error("cannot read YAML: \(problem)\(offset.map { " at byte \($0)" } ?? "")", at: nil)
        default:
            return .error("cannot parse YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        switch nsError.code {
        case NSFileReadNoSuchFileError: return "no such file"
        case NSFileReadNoPermissionError: return "permission denied"
        default: return nsError.localizedDescription
        }
    }
}

/// A cheap, conservative pre-scan for nesting depth, so that the recursive YAML composer never sees input deep
/// enough to exhaust the stack.
enum NestingScan {
    static func firstTooDeep(in text: String, limit: Int, file: String) -> SourceLocation? {
        let newline = UInt8(ascii: "\n")
        let space = UInt8(ascii: " ")
        var flowDepth = 0
        var line = 1
        var column = 0
        var atLineStart = true
        var blockWidth = 0
        var quote: UInt8? = nil
        var previous = newline
        for byte in text.utf8 {
            column += 1
            defer { previous = byte }
            if byte == newline {
                line += 1
                column = 0
                atLineStart = true
                blockWidth = 0
                if quote == newline { quote = nil }
                continue
            }
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            if atLineStart {
                if byte == space || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "?") {
                    blockWidth += 1
                    continue
                }
                atLineStart = false
                if blockWidth > limit * 4 { return SourceLocation(file: file, line: line, column: column) }
            }
            let startsToken = [
                space, newline, UInt8(ascii: ":"), UInt8(ascii: "["), UInt8(ascii: "{"),
                UInt8(ascii: ","), UInt8(ascii: "-"),
            ].contains(previous)
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if startsToken { quote = byte }
            case UInt8(ascii: "#"):
                if previous == space || previous == newline { quote = newline }  // a comment: skip to end of line
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flowDepth += 1
                if flowDepth > limit { return SourceLocation(file: file, line: line, column: column) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): flowDepth = max(0, flowDepth - 1)
            default: break
            }
        }
        return nil
    }
}
