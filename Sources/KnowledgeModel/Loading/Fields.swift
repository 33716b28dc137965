import Foundation
import RuleLanguage

/// Collects diagnostics while decoding YAML nodes.
public final class DiagnosticSink {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public func error(_ message: String, at location: SourceLocation?) {
        diagnostics.append(.error(message, at: location))
    }

    public func warning(_ message: String, at location: SourceLocation?) {
        diagnostics.append(.warning(message, at: location))
    }

    public func append(contentsOf more: [Diagnostic]) { diagnostics.append(contentsOf: more) }
}

/// The keys of one YAML mapping, read with checks: unknown keys (with "did you mean"), missing required keys,
/// wrong value types. Every problem becomes a positioned diagnostic; reading goes on so all problems are reported.
public struct Fields {
    public let node: YAMLNode
    private let pairs: [(key: YAMLNode, value: YAMLNode)]
    private let kind: String
    private let sink: DiagnosticSink

    /// Checks that `node` is a mapping whose keys are all in `allowed`; returns nil (after reporting) otherwise.
    public init?(_ node: YAMLNode, kind: String, allowed: [String], sink: DiagnosticSink) {
        guard case .mapping(let pairs) = node.content else {
            sink.error("\(kind) must be a mapping of keys to values, found \(node.kindName)", at: node.location)
            return nil
        }
        self.node = node
        self.pairs = pairs
        self.kind = kind
        self.sink = sink
        for (key, _) in pairs {
            guard let name = key.scalar else {
                sink.error("keys in \(kind) must be plain words", at: key.location)
                continue
            }
            if !allowed.contains(name) {
                sink.error(
                    "unknown key '\(name)' in \(kind)\(Suggestions.hint(for: name, in: allowed))"
                        + " (allowed: \(allowed.joined(separator: ", ")))", at: key.location)
            }
        }
    }

    /// The value node of `key`, if present.
    public func value(_ key: String) -> YAMLNode? {
        pairs.first { $0.key.scalar == key }.flatMap { pair in
            if case .null = pair.value.content { return nil }
            return pair.value
        }
    }

    /// The position of `key` itself (for "missing" and "duplicate" messages), or the mapping's.
    public func location(ofKey key: String) -> SourceLocation {
        pairs.first { $0.key.scalar == key }?.key.location ?? node.location
    }

    private func missing(_ key: String) {
        sink.error("\(kind) is missing required key '\(key)'", at: node.location)
    }

    /// A required or optional string.
    public func string(_ key: String, required: Bool = false) -> String? {
        guard let value = value(key) else {
            if required { missing(key) }
            return nil
        }
        guard let text = value.scalar else {
            sink.error("'\(key)' must be text, found \(value.kindName)", at: value.location)
            return nil
        }
        if required, text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            sink.error("'\(key)' must not be empty", at: value.location)
            return nil
        }
        return text
    }

    /// An id: lower-case letters, digits, `_`, `-` and (when `allowDots`) `.`.
    public func identifier(_ key: String, required: Bool = true, allowDots: Bool = false) -> String? {
        guard let text = string(key, required: required) else { return nil }
        if !Self.isIdentifier(text, allowDots: allowDots) {
            let allowedCharacters =
                allowDots ? "lower-case letters, digits, '_', '-' and '.'" : "lower-case letters, digits, '_' and '-'"
            sink.error(
                "'\(text)' is not a valid id: use \(allowedCharacters), starting with a letter",
                at: value(key)?.location)
            return nil
        }
        return text
    }

    /// Whether `text` is a valid id.
    public static func isIdentifier(_ text: String, allowDots: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
                || (allowDots && scalar == ".")
        }
    }

    /// A list of strings; a single string is accepted as a one-item list.
    public func stringList(_ key: String, required: Bool = false) -> [String] {
        guard let value = value(key) else {
            if required { missing(key) }
            return []
        }
        return Self.strings(in: value, key: key, sink: sink)
    }

    static func strings(in value: YAMLNode, key: String, sink: DiagnosticSink) -> [String] {
        switch value.content {
        case .scalar(let text, _): return [text]
        case .sequence(let items):
            return items.compactMap { item in
                guard let text = item.scalar else {
                    sink.error("items of '\(key)' must be text, found \(item.kindName)", at: item.location)
                    return nil
                }
                return text
            }
        default:
            sink.error("'\(key)' must be a list of text, found \(value.kindName)", at: value.location)
            return []
        }
    }

    /// A list whose items are mappings (or anything), each handed to `body`.
    public func list(_ key: String, required: Bool = false) -> [YAMLNode] {
        guard let value = value(key) else {
            if required { missing(key) }
            return []
        }
        guard case .sequence(let items) = value.content else {
            sink.error("'\(key)' must be a list, found \(value.kindName)", at: value.location)
            return []
        }
        return items
    }

    /// `true`/`false` (also `yes`/`no`).
    public func bool(_ key: String) -> Bool? {
        guard let value = value(key) else { return nil }
        guard let text = value.scalar, let flag = Self.parseBool(text) else {
            sink.error("'\(key)' must be true or false, found '\(value.scalar ?? value.kindName)'", at: value.location)
            return nil
        }
        return flag
    }

    /// `true`/`yes`/`on` and `false`/`no`/`off` (any case); nil for anything else.
    public static func parseBool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// A finite number.
    public func number(_ key: String) -> Double? {
        guard let value = value(key) else { return nil }
        guard let text = value.scalar, let number = Self.parseNumber(text) else {
            sink.error("'\(key)' must be a number, found '\(value.scalar ?? value.kindName)'", at: value.location)
            return nil
        }
        return number
    }

    /// An integer.
    public func integer(_ key: String) -> Int? {
        guard let value = value(key) else { return nil }
        guard let text = value.scalar, let number = Int(text.replacingOccurrences(of: "_", with: "")) else {
            sink.error("'\(key)' must be a whole number, found '\(value.scalar ?? value.kindName)'", at: value.location)
            return nil
        }
        return number
    }

    static func parseNumber(_ text: String) -> Double? {
        let cleaned = text.replacingOccurrences(of: "_", with: "")
        guard let number = Double(cleaned), number.isFinite else { return nil }
        return number
    }

    /// One of an enumeration's raw values.
    public func enumeration<T: RawRepresentable & CaseIterable>(
        _ key: String, _ type: T.Type, required: Bool = true
    )
        -> T?
    where T.RawValue == String {
        guard let text = string(key, required: required) else { return nil }
        guard let result = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue)
            sink.error(
                "'\(key)' must be one of \(allowed.joined(separator: ", ")), found '\(text)'"
                    + Suggestions.hint(for: text, in: allowed), at: value(key)?.location)
            return nil
        }
        return result
    }

    /// A condition, parsed (syntax errors are reported with their exact column).
    public func condition(_ key: String, required: Bool = false) -> Condition? {
        guard let value = value(key) else {
            if required { missing(key) }
            return nil
        }
        let text: String
        switch value.content {
        case .scalar(let scalar, _): text = scalar
        default:
            sink.error("'\(key)' must be a condition written as text, found \(value.kindName)", at: value.location)
            return nil
        }
        // A block scalar (`>-`) folds its lines into one: its offsets no longer map to columns of the first line.
        let spansLines = value.isBlockScalar || text.utf8.contains(UInt8(ascii: "\n"))
        do {
            return try Condition(parsing: text, at: value.textLocation, spansLines: spansLines)
        } catch {
            let location = spansLines ? value.textLocation : value.textLocation.advanced(by: error.offset)
            sink.error("bad condition: \(error.message)", at: location)
            return nil
        }
    }
}
