/// Text with `{expression}` interpolations of numbers, as rule reasons, findings and tensions may contain:
/// `{operations.instances * data.pool_size} connections`.
///
/// A `{` starts an interpolation only when a letter, digit, `_`, `(` or `-` follows it at once, so literal braces
/// in prose (`{"$ne": null}`) stay text; `{{` is a literal `{` wherever it is needed.
public struct InterpolatedText: Equatable, Sendable {
    /// A piece of the text.
    public enum Part: Equatable, Sendable {
        case text(String)
        /// An interpolated expression; `offset` is where its text starts (the character after `{`) in the whole text.
        case expression(Expression, offset: Int)
    }

    public var parts: [Part]

    public init(parts: [Part]) { self.parts = parts }

    /// Whether `text` has any `{` at all (texts without one are plain and need no parsing).
    public static func mayInterpolate(_ text: String) -> Bool {
        // Over the contiguous bytes when the string has them (native strings do): the generic scan of the UTF-8
        // view is several times slower, and every rule text is checked when an engine is made.
        let brace = UInt8(ascii: "{")
        if let found = text.utf8.withContiguousStorageIfAvailable({ $0.contains(brace) }) { return found }
        return text.utf8.contains(brace)
    }

    /// Parses `text`; errors are positioned by character offset within the whole text.
    ///
    /// Works on Unicode scalars (every delimiter is ASCII, and scalars need no grapheme breaking, which made this
    /// a measurable part of start-up); offsets are converted to characters only where they are reported.
    public static func parse(_ text: String) throws(ConditionError) -> InterpolatedText {
        let scalars = Array(text.unicodeScalars)
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        /// The character offset of scalar offset `offset` (they differ only after combining sequences).
        func characterOffset(_ offset: Int) -> Int {
            if ascii { return offset }
            return String(String.UnicodeScalarView(scalars[..<min(offset, scalars.count)])).count
        }
        func startsExpression(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || "_(-".unicodeScalars.contains(scalar)
        }
        var parts: [Part] = []
        var literal = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if scalar == "{", next == "{" {
                literal.append("{")
                index += 2
                continue
            }
            guard scalar == "{", let next, startsExpression(next) else {
                literal.append(scalar)
                index += 1
                continue
            }
            // An interpolation runs to the next '}' outside a quoted string.
            var end = index + 1
            var quote: Unicode.Scalar?
            while end < scalars.count {
                let inner = scalars[end]
                if let open = quote {
                    if inner == open { quote = nil }
                } else if inner == "\"" || inner == "'" {
                    quote = inner
                } else if inner == "}" || inner == "{" {
                    break
                }
                end += 1
            }
            guard end < scalars.count, scalars[end] == "}" else {
                throw ConditionError(
                    offset: characterOffset(index),
                    message: "'{' starts an interpolation that is never closed with '}'; write '{{' for a brace")
            }
            let source = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
            let start = characterOffset(index + 1)
            do {
                let expression = try ConditionParser.parse(source)
                if !literal.isEmpty { parts.append(.text(String(literal))) }
                literal = String.UnicodeScalarView()
                parts.append(.expression(expression, offset: start))
            } catch {
                throw ConditionError(offset: start + error.offset, message: error.message)
            }
            index = end + 1
        }
        if !literal.isEmpty { parts.append(.text(String(literal))) }
        return InterpolatedText(parts: parts)
    }

    /// The interpolated expressions with their offsets in the whole text.
    public var expressions: [(expression: Expression, offset: Int)] {
        parts.compactMap { if case .expression(let e, let offset) = $0 { return (e, offset) } else { return nil } }
    }

    /// Every question id the interpolations read, without repeats.
    public var questionIDs: [String] {
        var seen: [String] = []
        for (expression, _) in expressions {
            for id in expression.questionIDs where !seen.contains(id) { seen.append(id) }
        }
        return seen
    }

    /// The unit an expression's value is in: the unit of its operands where they agree (`a + b` of two `ms`
    /// questions is in `ms`, `a * 2` keeps `a`'s unit), none where they differ (`instances * connections`) or
    /// where the result is a ratio (`ms / ms`). `unitOf` gives a question's unit.
    public static func unit(of expression: Expression, unitOf: (String) -> String?) -> String? {
        if case .unit(let unit) = dimension(of: expression, unitOf: unitOf) { return unit }
        return nil
    }

    private enum Dimension: Equatable {
        /// A constant: takes the unit of what it is combined with.
        case neutral
        case unit(String)
        /// Mixed or unknown units.
        case none
    }

    private static func dimension(of expression: Expression, unitOf: (String) -> String?) -> Dimension {
        func combine(_ values: [Dimension]) -> Dimension {
            var result = Dimension.neutral
            for value in values {
                switch (result, value) {
                case (_, .neutral): continue
                case (.neutral, _): result = value
                case (.unit(let a), .unit(let b)) where a == b: continue
                default: return .none
                }
            }
            return result
        }
        switch expression {
        case .literal: return .neutral
        case .answer(let id, _): return unitOf(id).map(Dimension.unit) ?? .none
        case .negate(let inner, _): return dimension(of: inner, unitOf: unitOf)
        case .function(_, let arguments, _): return combine(arguments.map { dimension(of: $0, unitOf: unitOf) })
        case .arithmetic(let first, let terms):
            var result = dimension(of: first, unitOf: unitOf)
            for term in terms {
                let operand = dimension(of: term.operand, unitOf: unitOf)
                switch term.operation {
                case .plus, .minus: result = combine([result, operand])
                case .times: result = result == .neutral ? operand : operand == .neutral ? result : .none
                case .divide: result = operand == .neutral ? result : .none
                }
            }
            return result
        default: return .none
        }
    }
}

/// An ``InterpolatedText`` with names resolved to slots and units resolved, ready to render for any answers.
public struct CompiledText: Sendable {
    enum Part: Sendable {
        case text(String)
        case number(CompiledCondition, unit: String?)
    }

    let parts: [Part]

    /// What an interpolation whose value is unknown (an unanswered operand, a division by zero, an overflow) reads
    /// as: `an unknown number`, followed by `of` when a unit or a word follows (`an unknown number of connections`).
    public static let unknownNumber = "an unknown number"

    public init(
        _ text: InterpolatedText, questionSlot: (String) -> Int?, unitOf: (String) -> String?
    ) {
        parts = text.parts.map { part in
            switch part {
            case .text(let literal): return .text(literal)
            case .expression(let expression, _):
                return .number(
                    CompiledCondition(expression, questionSlot: questionSlot),
                    unit: InterpolatedText.unit(of: expression, unitOf: unitOf))
            }
        }
    }

    /// The text with every interpolation replaced by its value (and unit) for `source`.
    public func render<Source: ValueSource>(_ source: Source) -> String {
        var result = ""
        for (index, part) in parts.enumerated() {
            switch part {
            case .text(let literal): result += literal
            case .number(let expression, let unit):
                if let value = expression.number(source) {
                    result += Self.format(value) + (unit.map { " " + $0 } ?? "")
                } else {
                    result += Self.unknownNumber
                    if let unit {
                        result += " of " + unit
                    } else if index + 1 < parts.count, case .text(let following) = parts[index + 1],
                        following.first == " ", following.dropFirst().first?.isLetter == true
                    {
                        result += " of"
                    }
                }
            }
        }
        return result
    }

    /// Whole numbers as written (`1200`); others from 10 up rounded to whole (`166.67` -> `167`: a review speaks
    /// of requests and connections, not hundredths of them), below 10 to two decimals (`0.33`); huge ones in
    /// exponent form.
    public static func format(_ value: Double) -> String {
        guard abs(value) < 1e15 else { return String(value) }
        if abs(value) >= 10 {
            let whole = Int64(value.rounded(.toNearestOrAwayFromZero))
            return String(whole)
        }
        let hundredths = Int64((abs(value) * 100).rounded())
        let sign = value < 0 && hundredths != 0 ? "-" : ""
        let whole = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return sign + String(whole) }
        var decimals = fraction < 10 ? "0" + String(fraction) : String(fraction)
        if decimals.hasSuffix("0") { decimals.removeLast() }
        return sign + String(whole) + "." + decimals
    }
}
