/// A Swift raw string literal whose UTF-8 bytes are exactly `payload` (which must be valid UTF-8).
///
/// Printable ASCII is written as is, everything else (control characters, non-ASCII) as a `\#u{...}` escape,
/// which the compiler turns back into the same UTF-8 bytes. The `#` delimiter is made long enough that no `"` or
/// `\` in the payload can end the literal or start an escape.
func payloadLiteral(_ payload: [UInt8]) -> String {
    let text = String(decoding: payload, as: UTF8.self)
    precondition(Array(text.utf8) == payload, "the payload is not valid UTF-8")
    var delimiter = "#"
    while text.contains("\"" + delimiter) || text.contains("\\" + delimiter) { delimiter += "#" }
    var literal = delimiter + "\""
    literal.reserveCapacity(payload.count + payload.count / 8)
    for scalar in text.unicodeScalars {
        if scalar.value >= 0x20, scalar.value < 0x7F {
            literal.unicodeScalars.append(scalar)
        } else {
            literal += "\\" + delimiter + "u{" + String(scalar.value, radix: 16) + "}"
        }
    }
    return literal + "\"" + delimiter
}
