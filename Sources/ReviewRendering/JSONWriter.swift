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
    private let bytes: ByteBuffer
    /// False once a value could not be written (a NaN or infinite number).
    private(set) var isValid = true
    private var indent = 0
    private var needsComma = false
    #if DEBUG
        /// The last key written in each open object, to check that keys come in byte order.
        private var lastKeys: [[UInt8]] = []
    #endif

    init(capacity: Int = 1 << 12) { bytes = ByteBuffer(capacity: capacity) }

    /// `value` as a JSON document, or nil when it holds a value JSON cannot express.
    static func document(_ value: some JSONWritable, capacity: Int = 1 << 16) -> String? {
        var writer = JSONWriter(capacity: capacity)
        value.write(to: &writer)
        return writer.isValid ? writer.bytes.string() : nil
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
        key.withUTF8Buffer { bytes.append($0) }
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
        let spaces: StaticString = "                                                                "
        var left = count
        while left > 0 {
            let chunk = min(left, spaces.utf8CodeUnitCount)
            spaces.withUTF8Buffer { bytes.append(UnsafeBufferPointer(rebasing: $0.prefix(chunk))) }
            left -= chunk
        }
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append($0) }
    }

    // MARK: - Scalars

    mutating func bool(_ flag: Bool) { flag ? append("true") : append("false") }

    mutating func integer(_ value: some BinaryInteger) { bytes.append(String(value)) }

    /// A finite double as `JSONEncoder` writes it (`0.5`, `100`, `1e+16`); a NaN or infinity invalidates the document.
    mutating func number(_ value: Double) {
        guard value.isFinite else {
            isValid = false
            append("null")
            return
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(text)
    }

    /// A JSON string: quotes, backslashes and control characters escaped (`\n`, `\t`... or `\u001b`), `/` and
    /// everything from U+0020 on written as is.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // Runs without anything to escape are copied whole (strings are most of a review's bytes), found eight
        // bytes at a time.
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { source in
            guard let base = source.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            var runStart = 0
            var index = 0
            while index < source.count {
                if source.count - index >= 8,
                    !Self.mayNeedEscape(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                {
                    index += 8
                    continue
                }
                if Self.needsEscape(source[index]) {
                    bytes.append(UnsafeBufferPointer(rebasing: source[runStart..<index]))
                    escape(source[index])
                    runStart = index + 1
                }
                index += 1
            }
            bytes.append(UnsafeBufferPointer(rebasing: source[runStart...]))
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

    /// Whether one of the eight bytes in `word` may need escaping (false means none does): a byte below 0x20,
    /// a quote or a backslash, tested on all eight at once.
    @inline(__always) private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let below20 = (word &- ones &* 0x20) & ~word & highs != 0
        return below20 || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
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

/// A growing buffer of bytes: appends are copies into memory it owns, without the uniqueness checks and generic
/// paths of an array's appends (a review document is a few hundred thousand small appends).
private final class ByteBuffer {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    @inline(__always) func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        start[count] = byte
        count += 1
    }

    func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let from = source.baseAddress, !source.isEmpty else { return }
        if count + source.count > capacity { grow(to: count + source.count) }
        (start + count).update(from: from, count: source.count)
        count += source.count
    }

    func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    private func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: start, count: count)
        start.deallocate()
        start = grown
        capacity = newCapacity
    }

    /// The bytes as a string (they are UTF-8: every piece written was).
    func string() -> String {
        String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
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
