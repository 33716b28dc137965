import KnowledgeModel

/// The form `a` opens on a finding: why the risk is acceptable (required), and optionally what it covers (a path or
/// component), who answers for it and the last day it holds (`YYYY-MM-DD`; from the next day the finding shows again).
public struct RiskForm: Sendable, Equatable {
    /// The fields, in the order shown (Tab and ↓ go to the next, Shift-Tab and ↑ to the previous).
    public enum Field: Int, Sendable, CaseIterable, Equatable {
        case reason, scope, owner, expires

        public var label: String {
            switch self {
            case .reason: return "Reason"
            case .scope: return "Scope"
            case .owner: return "Owner"
            case .expires: return "Expires"
            }
        }

        /// What goes in the field.
        public var hint: String {
            switch self {
            case .reason: return "why this risk is acceptable (required)"
            case .scope: return "optional: a path (services/legacy/) or a component (mongodb)"
            case .owner: return "optional: who answers for it"
            case .expires: return "optional: last day it holds, YYYY-MM-DD"
            }
        }
    }

    public var reason = TextField()
    public var scope = TextField()
    public var owner = TextField()
    public var expires = TextField()
    /// The field keys go into.
    public var focus = Field.reason
    /// Why the form was not accepted (shown under it until the next edit).
    public var problem: String?

    public init() {}

    /// The form filled from an earlier acceptance (to change, renew or un-accept it).
    public init(_ risk: AcceptedRisk?) {
        guard let risk else { return }
        reason = TextField(risk.reason)
        scope = TextField(risk.scope ?? "")
        owner = TextField(risk.owner ?? "")
        expires = TextField(risk.expires ?? "")
    }

    public subscript(field: Field) -> TextField {
        get {
            switch field {
            case .reason: return reason
            case .scope: return scope
            case .owner: return owner
            case .expires: return expires
            }
        }
        set {
            switch field {
            case .reason: reason = newValue
            case .scope: scope = newValue
            case .owner: owner = newValue
            case .expires: expires = newValue
            }
        }
    }

    /// The trimmed text of a field; nil when empty.
    public func value(_ field: Field) -> String? {
        let text = self[field].text.trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }

    /// Why `text` is not a usable expiry date on `today` (both `YYYY-MM-DD`), or nil: it must be a real calendar
    /// date, and not already past (an acceptance that has run out would hide nothing).
    public static func expiryProblem(_ text: String, today: String?) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return "'\(text)' is not a date in the form YYYY-MM-DD (e.g. 2027-03-31)" }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month) else { return "\(text) is not a date: there is no month \(month)" }
        guard (1...days[month - 1]).contains(day) else {
            return "\(text) is not a date: \(Self.monthNames[month - 1]) \(year) has \(days[month - 1]) days"
        }
        if let today, text < today {
            return "\(text) is already past (today is \(today)): the acceptance would hide nothing"
        }
        return nil
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
}
