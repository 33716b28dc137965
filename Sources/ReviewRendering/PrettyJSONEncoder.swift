/// Encodes an `Encodable` value as Foundation's `JSONEncoder` does with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]`, byte for byte (two-space indents, `"key" : value`, empty containers as `[\n\n]`, keys
/// in byte order, doubles without a trailing `.0`), but without that encoder's per-value dynamic casts
/// and boxing, which were a fifth of `stackwise review --format json` from process start to exit.
///
/// Only what review documents use is supported: strings, booleans, integers, finite doubles, optionals, arrays and
/// nested objects. A non-finite double throws, as `JSONEncoder` does by default.
struct PrettyJSONEncoder {
    /// A value that cannot be written as JSON (a NaN or infinite number).
    struct InvalidValue: Error {
        var description: String
    }

    func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = NodeEncoder()
        try value.encode(to: encoder)
        var out: [UInt8] = []
        out.reserveCapacity(1 << 17)
        Self.write(encoder.storage.node ?? .object(ObjectBox()), indent: 0, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Writing (bytes: appending small strings one by one was most of the cost)

    private static func write(_ node: Node, indent: Int, to out: inout [UInt8]) {
        switch node {
        case .null: out += "null".utf8
        case .bool(let flag): out += (flag ? "true" : "false").utf8
        case .number(let text): out += text.utf8
        case .string(let text): writeString(text, to: &out)
        case .array(let box):
            writeContainer("[", "]", box.items, indent: indent, to: &out) { item, out in
                write(item.node ?? .object(ObjectBox()), indent: indent + 2, to: &out)
            }
        case .object(let box):
            let sorted = box.pairs.sorted { lhs, rhs in keyPrecedes(lhs.key, rhs.key) }
            writeContainer("{", "}", sorted, indent: indent, to: &out) { pair, out in
                writeString(pair.key, to: &out)
                out += " : ".utf8
                write(pair.value.node ?? .object(ObjectBox()), indent: indent + 2, to: &out)
            }
        }
    }

    /// `[`, one element per line indented two more, `]` on its own line; an empty one as `[\n\n]`.
    private static func writeContainer<Element>(
        _ open: Unicode.Scalar, _ close: Unicode.Scalar, _ elements: [Element], indent: Int, to out: inout [UInt8],
        element: (Element, inout [UInt8]) -> Void
    ) {
        out.append(UInt8(ascii: open))
        out.append(UInt8(ascii: "\n"))
        if elements.isEmpty { out.append(UInt8(ascii: "\n")) }
        for (index, item) in elements.enumerated() {
            if index > 0 { out += ",\n".utf8 }
            spaces(indent + 2, &out)
            element(item, &out)
        }
        if !elements.isEmpty { out.append(UInt8(ascii: "\n")) }
        spaces(indent, &out)
        out.append(UInt8(ascii: close))
    }

    private static func spaces(_ count: Int, _ out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    /// `JSONEncoder`'s `.sortedKeys` order on Linux: by UTF-8 bytes (`A10` < `B` < `_x` < `a10` < `a2`).
    private static func keyPrecedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    /// A JSON string: quotes, backslashes and control characters escaped (`\n`, `\t`... or `\u001b`), `/` and
    /// everything from U+0020 on written as is.
    private static func writeString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Runs without anything to escape are copied whole (strings are most of a review's bytes).
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var runStart = 0
            for index in bytes.indices where needsEscape(bytes[index]) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                escape(bytes[index], to: &out)
                runStart = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        if copied == nil {
            for byte in text.utf8 {
                if needsEscape(byte) { escape(byte, to: &out) } else { out.append(byte) }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    @inline(__always) private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static func escape(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): out += "\\\"".utf8
        case UInt8(ascii: "\\"): out += "\\\\".utf8
        case 0x0A: out += "\\n".utf8
        case 0x0D: out += "\\r".utf8
        case 0x09: out += "\\t".utf8
        case 0x08: out += "\\b".utf8
        case 0x0C: out += "\\f".utf8
        default:
            let digits = Array("0123456789abcdef".utf8)
            out += "\\u00".utf8
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
    }

    // MARK: - The tree an encoding builds

    fileprivate indirect enum Node {
        case null
        case bool(Bool)
        case number(String)
        case string(String)
        case array(ArrayBox)
        case object(ObjectBox)
    }

    /// Where one value goes (set once by a single-value container, or filled by a nested container).
    fileprivate final class Slot {
        var node: Node?
    }

    fileprivate final class ArrayBox {
        var items: [Slot] = []
    }

    fileprivate final class ObjectBox {
        var pairs: [(key: String, value: Slot)] = []
        /// Re-encoding a key replaces its value, as `JSONEncoder` does.
        func slot(for key: String) -> Slot {
            if let existing = pairs.first(where: { $0.key == key }) { return existing.value }
            let slot = Slot()
            pairs.append((key, slot))
            return slot
        }
    }

    fileprivate static func number<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) throws -> Node {
        guard value.isFinite else { throw InvalidValue(description: "\(value) is not a valid JSON number") }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return .number(text)
    }

    // MARK: - Encoder

    fileprivate final class NodeEncoder: Encoder {
        let storage: Slot
        let codingPath: [CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        init(storage: Slot = Slot(), codingPath: [CodingKey] = []) {
            self.storage = storage
            self.codingPath = codingPath
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(KeyedContainer<Key>(object(), codingPath))
        }

        func unkeyedContainer() -> UnkeyedEncodingContainer { UnkeyedContainer(array(), codingPath) }

        func singleValueContainer() -> SingleValueEncodingContainer { SingleValueContainer(storage, codingPath) }

        /// The object in this slot, made on first use (a type may ask for its keyed container more than once).
        private func object() -> ObjectBox {
            if case .object(let box)? = storage.node { return box }
            let box = ObjectBox()
            storage.node = .object(box)
            return box
        }

        private func array() -> ArrayBox {
            if case .array(let box)? = storage.node { return box }
            let box = ArrayBox()
            storage.node = .array(box)
            return box
        }
    }

    fileprivate struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: ObjectBox
        let codingPath: [CodingKey]

        init(_ box: ObjectBox, _ codingPath: [CodingKey]) {
            self.box = box
            self.codingPath = codingPath
        }

        private func set(_ node: Node, _ key: Key) { box.slot(for: key.stringValue).node = node }

        mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
        mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { set(try PrettyJSONEncoder.number(value), key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { set(try PrettyJSONEncoder.number(value), key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { set(.number(String(value)), key) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { set(.number(String(value)), key) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { set(.number(String(value)), key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { set(.number(String(value)), key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { set(.number(String(value)), key) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { set(.number(String(value)), key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { set(.number(String(value)), key) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { set(.number(String(value)), key) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { set(.number(String(value)), key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { set(.number(String(value)), key) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            let slot = box.slot(for: key.stringValue)
            try value.encode(to: NodeEncoder(storage: slot, codingPath: codingPath + [key]))
            if slot.node == nil { slot.node = .object(ObjectBox()) }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            NodeEncoder(storage: box.slot(for: key.stringValue), codingPath: codingPath + [key]).container(
                keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            NodeEncoder(storage: box.slot(for: key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
        }

        mutating func superEncoder() -> Encoder {
            NodeEncoder(storage: box.slot(for: "super"), codingPath: codingPath)
        }

        mutating func superEncoder(forKey key: Key) -> Encoder {
            NodeEncoder(storage: box.slot(for: key.stringValue), codingPath: codingPath + [key])
        }
    }

    fileprivate struct UnkeyedContainer: UnkeyedEncodingContainer {
        let box: ArrayBox
        let codingPath: [CodingKey]
        var count: Int { box.items.count }

        init(_ box: ArrayBox, _ codingPath: [CodingKey]) {
            self.box = box
            self.codingPath = codingPath
        }

        private func append(_ node: Node) {
            let slot = Slot()
            slot.node = node
            box.items.append(slot)
        }

        private func nextSlot() -> Slot {
            let slot = Slot()
            box.items.append(slot)
            return slot
        }

        mutating func encodeNil() throws { append(.null) }
        mutating func encode(_ value: Bool) throws { append(.bool(value)) }
        mutating func encode(_ value: String) throws { append(.string(value)) }
        mutating func encode(_ value: Double) throws { append(try PrettyJSONEncoder.number(value)) }
        mutating func encode(_ value: Float) throws { append(try PrettyJSONEncoder.number(value)) }
        mutating func encode(_ value: Int) throws { append(.number(String(value))) }
        mutating func encode(_ value: Int8) throws { append(.number(String(value))) }
        mutating func encode(_ value: Int16) throws { append(.number(String(value))) }
        mutating func encode(_ value: Int32) throws { append(.number(String(value))) }
        mutating func encode(_ value: Int64) throws { append(.number(String(value))) }
        mutating func encode(_ value: UInt) throws { append(.number(String(value))) }
        mutating func encode(_ value: UInt8) throws { append(.number(String(value))) }
        mutating func encode(_ value: UInt16) throws { append(.number(String(value))) }
        mutating func encode(_ value: UInt32) throws { append(.number(String(value))) }
        mutating func encode(_ value: UInt64) throws { append(.number(String(value))) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            let slot = nextSlot()
            try value.encode(to: NodeEncoder(storage: slot, codingPath: codingPath))
            if slot.node == nil { slot.node = .object(ObjectBox()) }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type
        )
            -> KeyedEncodingContainer<NestedKey>
        {
            NodeEncoder(storage: nextSlot(), codingPath: codingPath).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
            NodeEncoder(storage: nextSlot(), codingPath: codingPath).unkeyedContainer()
        }

        mutating func superEncoder() -> Encoder { NodeEncoder(storage: nextSlot(), codingPath: codingPath) }
    }

    fileprivate struct SingleValueContainer: SingleValueEncodingContainer {
        let slot: Slot
        let codingPath: [CodingKey]

        init(_ slot: Slot, _ codingPath: [CodingKey]) {
            self.slot = slot
            self.codingPath = codingPath
        }

        mutating func encodeNil() throws { slot.node = .null }
        mutating func encode(_ value: Bool) throws { slot.node = .bool(value) }
        mutating func encode(_ value: String) throws { slot.node = .string(value) }
        mutating func encode(_ value: Double) throws { slot.node = try PrettyJSONEncoder.number(value) }
        mutating func encode(_ value: Float) throws { slot.node = try PrettyJSONEncoder.number(value) }
        mutating func encode(_ value: Int) throws { slot.node = .number(String(value)) }
        mutating func encode(_ value: Int8) throws { slot.node = .number(String(value)) }
        mutating func encode(_ value: Int16) throws { slot.node = .number(String(value)) }
        mutating func encode(_ value: Int32) throws { slot.node = .number(String(value)) }
        mutating func encode(_ value: Int64) throws { slot.node = .number(String(value)) }
        mutating func encode(_ value: UInt) throws { slot.node = .number(String(value)) }
        mutating func encode(_ value: UInt8) throws { slot.node = .number(String(value)) }
        mutating func encode(_ value: UInt16) throws { slot.node = .number(String(value)) }
        mutating func encode(_ value: UInt32) throws { slot.node = .number(String(value)) }
        mutating func encode(_ value: UInt64) throws { slot.node = .number(String(value)) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            try value.encode(to: NodeEncoder(storage: slot, codingPath: codingPath))
            if slot.node == nil { slot.node = .object(ObjectBox()) }
        }
    }
}
