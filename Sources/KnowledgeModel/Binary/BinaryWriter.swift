/// Writes the compact binary form of a knowledge base (see ``KnowledgeBaseBinary`` for the layout).
///
/// Every number is a varint of printable ASCII digits and every string is an index into a string table, so the
/// whole payload is valid UTF-8 text that a Swift string literal holds exactly.
struct BinaryWriter {
    private var body: [UInt8] = []
    private var strings: [String] = []
    private var stringIndex: [String: Int] = [:]

    init() {}

    /// A non-negative integer (a count, an index, a tag).
    mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 32 {
            body.append(BinaryDigits.continuationBase + UInt8(truncatingIfNeeded: rest & 31))
            rest >>= 5
        }
        body.append(BinaryDigits.finalBase + UInt8(truncatingIfNeeded: rest))
    }

    /// A count or an index; never negative.
    mutating func count(_ value: Int) {
        precondition(value >= 0, "negative count \(value)")
        unsigned(UInt64(value))
    }

    /// A non-negative integer that is not a size (an offset inside a condition's text).
    mutating func natural(_ value: Int) { count(value) }

    /// Any integer, zigzag-encoded so that small negative numbers stay short.
    mutating func int(_ value: Int) {
        let wide = Int64(value)
        unsigned(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    /// The tag that says which case of an enumeration follows.
    mutating func tag<Tag: RawRepresentable>(_ tag: Tag) where Tag.RawValue == Int { count(tag.rawValue) }

    mutating func bool(_ value: Bool) { unsigned(value ? 1 : 0) }

    /// A double, exactly (its IEEE 754 bit pattern).
    mutating func double(_ value: Double) { unsigned(value.bitPattern) }

    /// A string, as its index in the string table (each distinct string is stored once).
    mutating func string(_ value: String) {
        if let index = stringIndex[value] {
            count(index)
        } else {
            stringIndex[value] = strings.count
            count(strings.count)
            strings.append(value)
        }
    }

    mutating func optional<Value>(_ value: Value?, _ write: (inout BinaryWriter, Value) -> Void) {
        if let value {
            bool(true)
            write(&self, value)
        } else {
            bool(false)
        }
    }

    mutating func array<Element>(_ values: [Element], _ write: (inout BinaryWriter, Element) -> Void) {
        count(values.count)
        for value in values { write(&self, value) }
    }

    mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }

    /// The finished payload: magic, format version, string table, body.
    func payload() -> [UInt8] {
        var header = BinaryWriter()
        header.body.append(contentsOf: KnowledgeBaseBinary.magic)
        header.count(KnowledgeBaseBinary.formatVersion)
        header.count(strings.count)
        for string in strings {
            let utf8 = Array(string.utf8)
            header.count(utf8.count)
            header.body.append(contentsOf: utf8)
        }
        return header.body + body
    }
}

/// The two digit ranges of the varint encoding: 5 bits per printable ASCII character, least significant first.
/// Neither range holds `"`, `#` or `\`, so numbers never need escaping in a raw string literal.
enum BinaryDigits {
    /// `$`...`C`: a digit followed by more digits.
    static let continuationBase: UInt8 = 0x24
    /// `]`...`|`: the last digit of a number.
    static let finalBase: UInt8 = 0x5D
}
