import Foundation

/// What a user said: the input of a review, and the content of an answers file and of a TUI session.
public struct AnswerSet: Sendable, Codable, Equatable {
    /// The service under review, for titles and records.
    public var serviceName: String?
    /// Answers keyed by question id.
    public var answers: [String: Answer]
    /// Checklist items the user ticked as done.
    public var checklistDone: Set<String>
    /// Findings the user accepted as risks, with the reason.
    public var acceptedRisks: [AcceptedRisk]
    /// What the user plans or has decided, per decision id: one option id, or several where the decision has
    /// complements. Each gets a verdict in the review; proposals never change the recommendation itself.
    public var proposed: [String: [String]]

    public init(
        serviceName: String? = nil, answers: [String: Answer] = [:], checklistDone: Set<String> = [],
        acceptedRisks: [AcceptedRisk] = [], proposed: [String: [String]] = [:]
    ) {
        self.serviceName = serviceName
        self.answers = answers
        self.checklistDone = checklistDone
        self.acceptedRisks = acceptedRisks
        self.proposed = proposed
    }

    /// Sets (or replaces) the answer to a question, keeping its note.
    public mutating func set(_ questionID: String, to value: AnswerValue) {
        var answer = answers[questionID] ?? Answer()
        answer.value = value
        answer.notSure = false
        answers[questionID] = answer
    }

    /// Marks a question "not sure" (its default, if any, is used and listed as an assumption).
    public mutating func markNotSure(_ questionID: String) {
        var answer = answers[questionID] ?? Answer()
        answer.value = nil
        answer.notSure = true
        answers[questionID] = answer
    }

    /// The user's own value for a question (nil when unanswered or "not sure").
    public func value(of questionID: String) -> AnswerValue? {
        guard let answer = answers[questionID], !answer.notSure else { return nil }
        return answer.value
    }

    /// The accepted risk for a finding, if any.
    public func acceptedRisk(for findingID: String) -> AcceptedRisk? {
        acceptedRisks.first { $0.findingID == findingID }
    }
}

/// One answer.
public struct Answer: Sendable, Codable, Equatable {
    public var value: AnswerValue?
    /// "Not sure": the question's default (if any) is used and listed as an assumption.
    public var notSure: Bool
    /// The user's note, kept with the answer and shown in records.
    public var note: String?
    /// Where the answer came from when it was not typed by the user (e.g. "detected in package.json").
    public var origin: String?

    public init(value: AnswerValue? = nil, notSure: Bool = false, note: String? = nil, origin: String? = nil) {
        self.value = value
        self.notSure = notSure
        self.note = note
        self.origin = origin
    }
}

/// A finding the user accepts as a known risk: accountable (who, when, until when) and optionally narrowed to a
/// path or a component.
public struct AcceptedRisk: Sendable, Codable, Equatable {
    /// A knowledge-base finding id, or one of `checkResultKinds` (a `stackwise check` result).
    public var findingID: String
    public var reason: String
    /// Who accepted it.
    public var by: String?
    /// When, `YYYY-MM-DD`.
    public var date: String?
    /// What it covers: a path prefix in the repository (`services/legacy/`) or a component (a technology or decision
    /// id such as `mongodb`); nil covers every occurrence.
    public var scope: String?
    /// Who answers for it (may differ from who accepted it).
    public var owner: String?
    /// The last day it holds, `YYYY-MM-DD`; from the next day it no longer hides its finding.
    public var expires: String?

    /// The ids of `stackwise check` results that can be accepted like findings.
    public static let checkResultKinds = ["drift", "stale", "unrecorded"]

    public init(
        findingID: String, reason: String, by: String? = nil, date: String? = nil, scope: String? = nil,
        owner: String? = nil, expires: String? = nil
    ) {
        self.findingID = findingID
        self.reason = reason
        self.by = by
        self.date = date
        self.scope = scope
        self.owner = owner
        self.expires = expires
    }

    /// Whether the acceptance has run out on `today` (`YYYY-MM-DD`; dates in this form compare as text).
    public func isExpired(today: String) -> Bool {
        guard let expires else { return false }
        return expires < today
    }

    /// Whether the acceptance covers an occurrence at `path` (a file relative to the repository) that concerns
    /// `components` (technology and decision ids). Without a scope it covers everything.
    public func covers(path: String?, components: [String]) -> Bool {
        guard let scope, !scope.isEmpty else { return true }
        if components.contains(scope) { return true }
        guard let path else { return false }
        let prefix = scope.hasSuffix("/") ? scope : scope + "/"
        return path == scope || path.hasPrefix(prefix)
    }
}

extension AnswerSet {
    /// Today's date in UTC as `YYYY-MM-DD`, the form `expires` is compared with.
    public static func today(_ date: Date = Date()) -> String {
        // Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's civil_from_days): no Calendar, whose
        // set-up is a visible part of start-up.
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let days = Int((seconds / 86_400).rounded(.down)) + 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    /// The answers without the acceptances that expired before `today`, and those expired acceptances: what a
    /// review uses so an expired acceptance stops hiding its finding.
    public func withoutExpiredAcceptances(today: String) -> (answers: AnswerSet, expired: [AcceptedRisk]) {
        var copy = self
        copy.acceptedRisks = acceptedRisks.filter { !$0.isExpired(today: today) }
        return (copy, acceptedRisks.filter { $0.isExpired(today: today) })
    }
}
