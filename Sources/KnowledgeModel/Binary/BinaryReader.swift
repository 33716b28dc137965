/// Why a knowledge-base payload cannot be read: where it stops making sense and what was expected there.
public struct KnowledgeBaseBinaryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Byte offset in the payload.
    public var offset: Int
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "corrupt knowledge-base payload at byte \(offset): \(message)" }
}

/// Reads the compact binary form written by ``BinaryWriter``. Total: every malformed, truncated or oversized input
/// is reported as a ``KnowledgeBaseBinaryError``; nothing traps, allocates more than the payload justifies, or
/// recurses deeper than ``maximumDepth``.
struct BinaryReader {
    /// How deeply values (condition expressions) may nest.
    static let maximumDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0
    private var table: [String] = []
    private var depth = 0

    /// Reads the header (magic, format version) and the string table; the reader is then at the body.
    ///
    /// `strings`, when given, is the payload's string table made elsewhere (the embedded knowledge base's table is
    /// compiled into the binary as string literals, which need no allocation or validation at start-up): the
    /// payload's table is then only walked, and each entry's length checked against it.
    init(_ bytes: UnsafeBufferPointer<UInt8>, strings: [String]? = nil) throws(KnowledgeBaseBinaryError) {
        self.bytes = bytes
        let magic = KnowledgeBaseBinary.magic
        guard bytes.count >= magic.count, bytes.prefix(magic.count).elementsEqual(magic) else {
            throw KnowledgeBaseBinaryError(offset: 0, message: "not a knowledge-base payload (no 'SWKB' header)")
        }
        position = magic.count
        let versionOffset = position
        let version = try unsigned()
        guard version == KnowledgeBaseBinary.formatVersion else {
            throw KnowledgeBaseBinaryError(
                offset: versionOffset,
                message: "format version \(version), this build reads version \(KnowledgeBaseBinary.formatVersion)")
        }
        let stringCount = try count()
        if let strings {
            try skipTable(count: stringCount, matching: strings)
            return
        }
        table.reserveCapacity(stringCount)
        for _ in 0..<stringCount {
            let start = position
            let length = try count()
            let utf8 = UnsafeBufferPointer(rebasing: bytes[position..<position + length])
            guard let string = Self.validatedString(utf8) else {
                throw KnowledgeBaseBinaryError(offset: start, message: "a string table entry is not valid UTF-8")
            }
            table.append(string)
            position += length
        }
    }

    /// Moves past the payload's string table, which must have the count and lengths of `strings`; `strings` becomes
    /// the table.
    private mutating func skipTable(count: Int, matching strings: [String]) throws(KnowledgeBaseBinaryError) {
        guard count == strings.count else {
            throw failure("the string table has \(count) entries, the given table \(strings.count)")
        }
        for string in strings {
            let start = position
            let length = try self.count()
            guard length == string.utf8.count else {
                throw KnowledgeBaseBinaryError(
                    offset: start, message: "a string table entry differs from the given one")
            }
            position += length
        }
        table = strings
    }

    /// The string table alone (the payload's header and table; the body is not read).
    static func stringTable(_ bytes: UnsafeBufferPointer<UInt8>) throws(KnowledgeBaseBinaryError) -> [String] {
        try BinaryReader(bytes).table
    }

    /// The string these bytes encode, or nil when they are not valid UTF-8.
    private static func validatedString(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
        // Almost every string is ASCII, which is valid as is; the generic validator is ten times slower.
        if isASCII(utf8) { return String(decoding: utf8, as: UTF8.self) }
        if #available(macOS 15, *) {
            return String(validating: utf8, as: UTF8.self)
        }
        let string = String(decoding: utf8, as: UTF8.self)
        return string.utf8.elementsEqual(utf8) ? string : nil
    }

    /// Whether every byte is below 0x80, eight bytes at a time.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            if raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            offset += 8
        }
        while offset < bytes.count {
            if bytes[offset] >= 0x80 { return false }
            offset += 1
        }
        return true
    }

    func failure(_ message: String, at offset: Int? = nil) -> KnowledgeBaseBinaryError {
        KnowledgeBaseBinaryError(offset: offset ?? position, message: message)
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool { position == bytes.count }

    /// A non-negative integer: 5-bit digits, least significant first, the last one from the final-digit range.
    mutating func unsigned() throws(KnowledgeBaseBinaryError) -> UInt64 {
        // Most numbers (string indexes, flags, tags, counts) are one final digit.
        if position < bytes.count {
            let digit = bytes[position] &- BinaryDigits.finalBase
            if digit < 32 {
                position += 1
                return UInt64(digit)
            }
        }
        let start = position
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count else { throw failure("the payload ends inside a number", at: start) }
            let byte = bytes[position]
            let digit: UInt64
            let isLast: Bool
            if byte >= BinaryDigits.finalBase, byte < BinaryDigits.finalBase + 32 {
                digit = UInt64(byte - BinaryDigits.finalBase)
                isLast = true
            } else if byte >= BinaryDigits.continuationBase, byte < BinaryDigits.continuationBase + 32 {
                digit = UInt64(byte - BinaryDigits.continuationBase)
                isLast = false
            } else {
                throw failure("expected a number digit, found byte \(byte)")
            }
            guard shift < 60 || (shift == 60 && digit < 16) else {
                throw failure("a number does not fit in 64 bits", at: start)
            }
            value |= digit << shift
            shift += 5
            position += 1
            if isLast { return value }
        }
    }

    /// A count, an index or a length: never more than the bytes left, so nothing is allocated that the payload
    /// cannot fill.
    mutating func count() throws(KnowledgeBaseBinaryError) -> Int {
        let start = position
        let value = try unsigned()
        guard value <= UInt64(bytes.count - position) else {
            throw failure("a count of \(value) exceeds the \(bytes.count - position) bytes left", at: start)
        }
        return Int(value)
    }

    /// A non-negative integer that is not a size (an offset inside a condition's text).
    mutating func natural() throws(KnowledgeBaseBinaryError) -> Int {
        let start = position
        let value = try unsigned()
        guard value <= UInt64(Int.max) else { throw failure("\(value) is out of range", at: start) }
        return Int(value)
    }

    /// Any integer (zigzag-encoded).
    mutating func int() throws(KnowledgeBaseBinaryError) -> Int {
        let value = try unsigned()
        return Int(truncatingIfNeeded: Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1))
    }

    mutating func bool() throws(KnowledgeBaseBinaryError) -> Bool {
        let start = position
        switch try unsigned() {
        case 0: return false
        case 1: return true
        case let value: throw failure("expected a flag (0 or 1), found \(value)", at: start)
        }
    }

    mutating func double() throws(KnowledgeBaseBinaryError) -> Double { Double(bitPattern: try unsigned()) }

    mutating func string() throws(KnowledgeBaseBinaryError) -> String {
        let start = position
        let index = try unsigned()
        guard index < UInt64(table.count) else {
            throw failure("string \(index) is not in the table of \(table.count)", at: start)
        }
        return table[Int(index)]
    }

    /// A string-backed enumeration case.
    mutating func rawValue<Value: RawRepresentable>(
        _ type: Value.Type
    ) throws(KnowledgeBaseBinaryError) -> Value where Value.RawValue == String {
        let start = position
        let raw = try string()
        guard let value = Value(rawValue: raw) else {
            throw failure("'\(raw)' is not a \(Value.self)", at: start)
        }
        return value
    }

    /// The tag that selects which case of an enumeration follows.
    mutating func tag<Tag: RawRepresentable>(
        _ type: Tag.Type, of kind: String
    ) throws(KnowledgeBaseBinaryError) -> Tag where Tag.RawValue == Int {
        let start = position
        let raw = try unsigned()
        guard raw <= UInt64(Int.max), let tag = Tag(rawValue: Int(raw)) else {
            throw failure("unknown \(kind) tag \(raw)", at: start)
        }
        return tag
    }

    mutating func optional<Value>(
        _ read: (inout BinaryReader) throws(KnowledgeBaseBinaryError) -> Value
    ) throws(KnowledgeBaseBinaryError) -> Value? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<Element>(
        _ read: (inout BinaryReader) throws(KnowledgeBaseBinaryError) -> Element
    ) throws(KnowledgeBaseBinaryError) -> [Element] {
        let count = try count()
        var result: [Element] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try read(&self)) }
        return result
    }

    mutating func strings() throws(KnowledgeBaseBinaryError) -> [String] {
        try array { reader throws(KnowledgeBaseBinaryError) in try reader.string() }
    }

    /// Reads a value nested inside another (a sub-expression), refusing to recurse past ``maximumDepth``.
    mutating func nested<Value>(
        _ read: (inout BinaryReader) throws(KnowledgeBaseBinaryError) -> Value
    ) throws(KnowledgeBaseBinaryError) -> Value {
        guard depth < Self.maximumDepth else {
            throw failure("values nest deeper than \(Self.maximumDepth) levels")
        }
        depth += 1
        defer { depth -= 1 }
        return try read(&self)
    }
}
