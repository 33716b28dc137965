import Foundation
import RuleLanguage

/// Turns a YAML value into an answer for a given question, with the errors a user can act on: the allowed
/// options, the accepted range, the unit. Shared by question defaults and answers files.
public enum AnswerParsing {
    /// Parses `node` as an answer to `question`; reports problems to `sink` and returns nil on error.
    /// `role` names the value in messages ("default", "answer").
    public static func value(
        _ node: YAMLNode, for question: Question, sink: DiagnosticSink, role: String
    )
        -> AnswerValue?
    {
        switch parse(node, for: question) {
        case .success(let value):
            if let concern = unusualNumber(value, for: question) {
                // A default is the author's own value and must lie in the range; an answer is the user's and is kept.
                guard role != "default" else {
                    sink.error("\(role) for '\(question.id)': \(concern)", at: node.location)
                    return nil
                }
                sink.warning("\(role) for '\(question.id)': \(concern); kept as written", at: node.location)
            }
            return value
        case .failure(let problem):
            sink.error("\(role) for '\(question.id)': \(problem.message)", at: problem.location ?? node.location)
            return nil
        }
    }

    /// A problem with an answer value.
    public struct Problem: Error, Sendable {
        public var message: String
        public var location: SourceLocation?
    }

    /// Parses `node` as an answer to `question`.
    public static func parse(_ node: YAMLNode, for question: Question) -> Result<AnswerValue, Problem> {
        switch question.type {
        case .multi:
            let items: [YAMLNode]
            switch node.content {
            case .sequence(let list): items = list
            case .scalar: items = [node]
            default:
                return .failure(Problem(message: "expected a list of option ids", location: node.location))
            }
            var ids: [String] = []
            for item in items {
                guard let text = item.scalar else {
                    return .failure(
                        Problem(message: "expected option ids, found \(item.kindName)", location: item.location))
                }
                if case .failure(let problem) = checkOption(text, of: question, at: item.location) {
                    return .failure(problem)
                }
                if ids.contains(text) {
                    return .failure(Problem(message: "option '\(text)' is listed twice", location: item.location))
                }
                ids.append(text)
            }
            return .success(.choices(ids))
        default:
            guard let text = node.scalar else {
                return .failure(
                    Problem(
                        message: "expected a single \(question.type.displayName) value, found \(node.kindName)",
                        location: node.location))
            }
            return parse(text: text, for: question, at: node.location)
        }
    }

    /// Parses text (from YAML or `--set id=value`) as an answer to `question`.
    public static func parse(
        text: String, for question: Question, at location: SourceLocation?
    )
        -> Result<AnswerValue, Problem>
    {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch question.type {
        case .yesno:
            guard let flag = Fields.parseBool(trimmed) else {
                return .failure(Problem(message: "expected yes or no, found '\(trimmed)'", location: location))
            }
            return .success(.bool(flag))
        case .number:
            return parseNumber(trimmed, for: question, at: location).map(AnswerValue.number)
        case .text:
            if trimmed.count > 500 {
                return .failure(Problem(message: "text is longer than 500 characters", location: location))
            }
            return .success(.text(text))
        case .single:
            return checkOption(trimmed, of: question, at: location).map { AnswerValue.choice(trimmed) }
        case .multi:
            // `[a, b]` (the YAML list syntax, also what README shows for --set) or `a, b`.
            var list = Substring(trimmed)
            if list.hasPrefix("["), list.hasSuffix("]") { list = list.dropFirst().dropLast() }
            let ids = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
            for id in ids {
                if case .failure(let problem) = checkOption(id, of: question, at: location) { return .failure(problem) }
            }
            return .success(.choices(ids))
        }
    }

    private static func checkOption(
        _ id: String, of question: Question, at location: SourceLocation?
    )
        -> Result<Void, Problem>
    {
        let ids = question.options.map(\.id)
        if ids.contains(id) { return .success(()) }
        return .failure(
            Problem(
                message:
                    "'\(id)' is not an option\(Suggestions.hint(for: id, in: ids)); allowed: \(ids.joined(separator: ", "))",
                location: location))
    }

    private static func parseNumber(
        _ text: String, for question: Question, at location: SourceLocation?
    )
        -> Result<Double, Problem>
    {
        var body = text
        if let unit = question.unit, !unit.isEmpty {
            if body.hasSuffix(unit) {
                body = String(body.dropLast(unit.count)).trimmingCharacters(in: .whitespaces)
            }
        }
        let cleaned = body.replacingOccurrences(of: "_", with: "")
        if let problem = notationProblem(cleaned, text: text, location: location) { return .failure(problem) }
        let bare = cleaned.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "+-."))
        if ["inf", "infinity", "nan"].contains(bare) {
            return .failure(Problem(message: "'\(text)' is not a finite number", location: location))
        }
        guard !cleaned.isEmpty, cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
            let number = Double(cleaned)
        else {
            if cleaned.contains(where: \.isNumber),
                cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
                cleaned.lowercased().split(separator: "e").count == 2
            {
                // A well-formed number out of Double's range (1e400).
                return .failure(
                    Problem(
                        message: "'\(Self.shortened(text))' is too large; numbers up to 9,007,199,254,740,992 (2^53) "
                            + "are accepted \(rangeText(question))", location: location))
            }
            let unitHint = question.unit.map { " in \($0)" } ?? ""
            let trailing = body.drop { $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" }.trimmingCharacters(
                in: .whitespaces)
            if !trailing.isEmpty, Double(body.dropLast(trailing.count).trimmingCharacters(in: .whitespaces)) != nil {
                let accepted = question.unit.map { "'\($0)'" } ?? "no unit"
                return .failure(
                    Problem(
                        message: "unit '\(trailing)' is not accepted here; this question takes \(accepted)",
                        location: location))
            }
            return .failure(Problem(message: "expected a number\(unitHint), found '\(text)'", location: location))
        }
        guard number.isFinite, abs(number) <= 9.007_199_254_740_992e15 else {
            // 2^53: larger numbers cannot all be held exactly, and no question needs them.
            return .failure(
                Problem(
                    message: "'\(Self.shortened(text))' is too large; numbers up to 9,007,199,254,740,992 (2^53) are "
                        + "accepted \(rangeText(question))", location: location))
        }
        if let minimum = question.minimum, minimum >= 0, number < 0 {
            return .failure(
                Problem(
                    message: "\(formatNumber(number)) is negative; negative numbers make no sense here "
                        + rangeText(question), location: location))
        }
        // Outside the range but possible: accepted here; `unusualNumber` says so (the interview asks to confirm).
        return .success(number)
    }

    /// Why a number answer is unusual for `question` (outside its `range`, which is the usual range, not a hard
    /// limit: 2,000,000 req/s is rare but real), or nil. The interview asks the user to confirm such a number;
    /// answers files and `--set` keep it with a warning.
    public static func unusualNumber(_ value: AnswerValue, for question: Question) -> String? {
        guard let direction = unusualness(value, for: question), case .number(let number) = value else { return nil }
        let unit = question.unit.map { " \($0)" } ?? ""
        let low = question.minimum.map(formatNumber) ?? "-∞"
        let high = question.maximum.map(formatNumber) ?? "∞"
        return
            "\(formatNumber(number))\(unit) is unusually \(direction.rawValue) (the usual range is \(low) to \(high)\(unit))"
    }

    /// Which side of a number question's usual range `value` lies on; nil inside it (or for other questions).
    public static func unusualness(_ value: AnswerValue, for question: Question) -> Unusual? {
        guard question.type == .number, case .number(let number) = value else { return nil }
        if let maximum = question.maximum, number > maximum { return .high }
        if let minimum = question.minimum, number < minimum { return .low }
        return nil
    }

    /// A number above or below its question's usual range.
    public enum Unusual: String, Sendable {
        case high, low
    }

    /// A clear message for numbers written with thousands separators (`1,000`) or a multiplier suffix (`2k`),
    /// which would otherwise read as a number followed by an unknown unit; nil for anything else.
    private static func notationProblem(_ cleaned: String, text: String, location: SourceLocation?) -> Problem? {
        let digits = cleaned.drop { $0 == "-" || $0 == "+" }
        let groups = digits.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1, groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
            return Problem(
                message: "'\(text)': write the number without separators (\(groups.joined()) or "
                    + "\(groups.joined(separator: "_")))", location: location)
        }
        if let last = digits.last, "kKmM".contains(last), let value = Double(digits.dropLast()), value.isFinite {
            let factor: Double = "kK".contains(last) ? 1_000 : 1_000_000
            return Problem(
                message: "'\(text)': write the number in full (\(formatNumber(value * factor))); multipliers such as "
                    + "k and M are not read", location: location)
        }
        return nil
    }

    /// At most 40 characters of `text` (a value echoed in a message).
    static func shortened(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(37)) + "..."
    }

    private static func rangeText(_ question: Question) -> String {
        let unit = question.unit.map { " \($0)" } ?? ""
        let low = question.minimum.map(formatNumber) ?? "-∞"
        let high = question.maximum.map(formatNumber) ?? "∞"
        return "(allowed: \(low) to \(high)\(unit))"
    }
}
