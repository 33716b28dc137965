import Foundation
import KnowledgeModel

/// Where each answer and accepted risk is written in an answers file, so CI reports (SARIF, annotations) can point
/// at the line of the answer that triggered a finding.
public struct AnswerLocations: Sendable, Equatable {
    /// The position of each answer's key under `answers:`, by question id.
    public var answers: [String: SourceLocation]
    /// The position of each entry of `acceptedRisks:`, in file order.
    public var acceptedRisks: [SourceLocation]
    /// The position of each option id written for a choice answer (`current.database: [postgresql, redis]`), by
    /// question id then option id; missing for answers written as a single scalar on the key's line.
    public var options: [String: [String: SourceLocation]]
    /// The position of each proposal's key under `proposed:`, by decision id.
    public var proposed: [String: SourceLocation]

    public init(
        answers: [String: SourceLocation] = [:], acceptedRisks: [SourceLocation] = [],
        options: [String: [String: SourceLocation]] = [:], proposed: [String: SourceLocation] = [:]
    ) {
        self.answers = answers
        self.acceptedRisks = acceptedRisks
        self.options = options
        self.proposed = proposed
    }

    /// Reads the positions from an answers file's text; empty when it is not a YAML mapping (the reader reports
    /// why).
    public init(text: String, displayPath: String) {
        self.init()
        let reader = YAMLReader(maximumBytes: AnswersFileReader.maximumBytes, maximumNodes: 100_000, maximumDepth: 20)
        guard let root = try? reader.read(text: text, displayPath: displayPath) else { return }
        if case .mapping(let pairs) = root["answers"]?.content {
            for (key, value) in pairs {
                guard let id = key.scalar else { continue }
                answers[id] = key.location
                var node = value
                if case .mapping = value.content, let inner = value["value"] { node = inner }
                switch node.content {
                case .scalar(let option, _): options[id, default: [:]][option] = node.textLocation
                case .sequence(let items):
                    for item in items {
                        if let option = item.scalar { options[id, default: [:]][option] = item.textLocation }
                    }
                default: break
                }
            }
        }
        if case .mapping(let pairs) = root["proposed"]?.content {
            for (key, _) in pairs {
                if let id = key.scalar { proposed[id] = key.location }
            }
        }
        if case .sequence(let items) = root["acceptedRisks"]?.content {
            acceptedRisks = items.map(\.location)
        }
    }

    /// The position of an answer's option when written, else of the answer.
    public func location(of questionID: String, option: String? = nil) -> SourceLocation? {
        if let option, let place = options[questionID]?[option] { return place }
        return answers[questionID]
    }
}
