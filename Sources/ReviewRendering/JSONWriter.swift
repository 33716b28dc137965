/// Writes JSON as Foundation's `JSONEncoder` does with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`,
/// byte for byte (two-space indents, `"key" : value`, empty containers as `[\n\n]`, keys in byte order, doubles
/// without a trailing `.0`), straight from the values: each ``JSONWritable`` type writes its fields in key order,
/// with no intermediate tree, no boxing and no `Codable` containers (those were most of
/// `stackwise review --format json` after start-up).
///
/// Only what review documents use is supported: strings, booleans, integers, finite doubles, optionals (a `nil`
/// field is left out, as synthesized `Encodable` does), arrays, string-keyed dictionaries and objects. A non-finite
/// double makes the document invalid (``isValid``), as `JSONEncoder` throws for it by default.
struct JSONWriter {
    /// The UTF-8 bytes written so far.
    private(set) var bytes: [UInt8] = []
    /// False once a value could not be written (a NaN or infinite number).
    private(set) var isValid = true
    private var indent = 0
    private var needsComma = false
    #if DEBUG
        /// The last key written in each open object, to check that keys come in byte order.
        private var lastKeys: [[UInt8]] = []
    #endif

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// `value` as a JSON document, or nil when it holds a value JSON cannot express.
    static func document(_ value: some JSONWritable, capacity: Int = 1 << 16) -> String? {
        var writer = JSONWriter(capacity: capacity)
        value.write(to: &writer)
        return writer.isValid ? String(decoding: writer.bytes, as: UTF8.self) : nil
    }

    // MARK: - Containers

    /// An object whose fields `body` writes with ``field(_:_:)`` in byte order of their keys.
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        #if DEBUG
            lastKeys.append([])
        #endif
        body(&self)
        #if DEBUG
            lastKeys.removeLast()
        #endif
        close(UInt8(ascii: "}"))
    }

    /// An array of `elements`.
    mutating func array<S: Sequence>(_ elements: S) where S.Element: JSONWritable {
        open(UInt8(ascii: "["))
        for element in elements {
            startElement()
            element.write(to: &self)
        }
        close(UInt8(ascii: "]"))
    }

    /// An object with the dictionary's keys in byte order.
    mutating func dictionary<Value: JSONWritable>(_ dictionary: [String: Value]) {
        open(UInt8(ascii: "{"))
        for (key, value) in dictionary.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            startElement()
            string(key)
            append(" : ")
            value.write(to: &self)
        }
        close(UInt8(ascii: "}"))
    }

    /// One field of the object being written; keys must come in byte order (checked in debug builds).
    mutating func field<Value: JSONWritable>(_ key: StaticString, _ value: Value) {
        startField(key)
        value.write(to: &self)
    }

    /// One field of the object being written, left out when `value` is nil.
    mutating func field<Value: JSONWritable>(_ key: StaticString, _ value: Value?) {
        guard let value else { return }
        field(key, value)
    }

    private mutating func startField(_ key: StaticString) {
        #if DEBUG
            let keyBytes = key.withUTF8Buffer { Array($0) }
            assert(
                lastKeys[lastKeys.count - 1].isEmpty
                    || lastKeys[lastKeys.count - 1].lexicographicallyPrecedes(keyBytes),
                "JSON keys out of byte order: \(key)")
            lastKeys[lastKeys.count - 1] = keyBytes
        #endif
        startElement()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        append("\" : ")
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        bytes.append(UInt8(ascii: "\n"))
        indent += 2
        needsComma = false
    }

    /// `,` and a line break after the previous element, then the indent.
    private mutating func startElement() {
        if needsComma {
            bytes.append(UInt8(ascii: ","))
            bytes.append(UInt8(ascii: "\n"))
        }
        spaces(indent)
        needsComma = true
    }

    /// An empty container is `[`, two line breaks and `]`; a full one has its last element's line break.
    private mutating func close(_ bracket: UInt8) {
        bytes.append(UInt8(ascii: "\n"))
        indent -= 2
        spaces(indent)
        bytes.append(bracket)
        needsComma = true
    }

    private mutating func spaces(_ count: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    // MARK: - Scalars

    mutating func bool(_ flag: Bool) { flag ? append("true") : append("false") }

    mutating func integer(_ value: some BinaryInteger) { bytes.append(contentsOf: String(value).utf8) }

    /// A finite double as `JSONEncoder` writes it (`0.5`, `100`, `1e+16`); a NaN or infinity invalidates the document.
    mutating func number(_ value: Double) {
        guard value.isFinite else {
            isValid = false
            bytes.append(contentsOf: "null".utf8)
            return
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// A JSON string: quotes, backslashes and control characters escaped (`\n`, `\t`... or `\u001b`), `/` and
    /// everything from U+0020 on written as is.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // Runs without anything to escape are copied whole (strings are most of a review's bytes).
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { source in
            var runStart = 0
            for index in source.indices where Self.needsEscape(source[index]) {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                escape(source[index])
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...]))
        }
        if copied == nil {
            for byte in text.utf8 {
                if Self.needsEscape(byte) { escape(byte) } else { bytes.append(byte) }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    @inline(__always) private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        default:
            let digits: StaticString = "0123456789abcdef"
            append("\\u00")
            digits.withUTF8Buffer { digits in
                bytes.append(digits[Int(byte >> 4)])
                bytes.append(digits[Int(byte & 0x0F)])
            }
        }
    }
}

/// A value ``JSONWriter`` can write.
protocol JSONWritable {
    func write(to writer: inout JSONWriter)
}

extension String: JSONWritable {
    func write(to writer: inout JSONWriter) { writer.string(self) }
}

extension Bool: JSONWritable {
    func write(to writer: inout JSONWriter) { writer.bool(self) }
}

extension Int: JSONWritable {
    func write(to writer: inout JSONWriter) { writer.integer(self) }
}

extension Int64: JSONWritable {
    func write(to writer: inout JSONWriter) { writer.integer(self) }
}

extension Double: JSONWritable {
    func write(to writer: inout JSONWriter) { writer.number(self) }
}

extension Array: JSONWritable where Element: JSONWritable {
    func write(to writer: inout JSONWriter) { writer.array(self) }
}

extension Dictionary: JSONWritable where Key == String, Value: JSONWritable {
    func write(to writer: inout JSONWriter) { writer.dictionary(self) }
}
