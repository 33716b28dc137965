/// "When not to use" an option, as a condition over the answers: when it holds and the option is still chosen,
/// the review raises a tension ("X chosen although ..."); when the user proposed the option, a finding naming the
/// proposal.
public struct Counterindication: Sendable, Codable, Hashable {
    /// When the option is a poor fit.
    public var when: Condition
    /// A short title for the finding raised against a proposal ("microservices for a small team"); the review
    /// falls back to `because`.
    public var title: String?
    /// Why, as a sentence a user reads ("a report job runs longer than the platform allows").
    public var because: String
    /// What to do about it when the option is chosen or planned anyway.
    public var advice: String
    /// How serious a proposal of the option is when this holds (default medium).
    public var severity: Severity
    public var sources: [String]
    public var location: SourceLocation?

    public init(
        when: Condition, title: String? = nil, because: String, advice: String, severity: Severity = .medium,
        sources: [String] = [], location: SourceLocation? = nil
    ) {
        self.when = when
        self.title = title
        self.because = because
        self.advice = advice
        self.severity = severity
        self.sources = sources
        self.location = location
    }
}

/// An option recommended alongside the primary choice of the same decision ("edge rate limiting *and* per-user
/// limits in the app"): layered concerns that one option cannot cover.
public struct Complement: Sendable, Codable, Hashable {
    /// The option added alongside the primary choice.
    public var option: String
    /// Primary options it complements (empty: any other option).
    public var with: [String]
    /// When it is recommended (absent: whenever the primary is one of `with`).
    public var when: Condition?
    /// Why, as a sentence a user reads.
    public var because: String
    public var location: SourceLocation?

    public init(
        option: String, with: [String] = [], when: Condition? = nil, because: String, location: SourceLocation? = nil
    ) {
        self.option = option
        self.with = with
        self.when = when
        self.because = because
        self.location = location
    }
}

/// Which current-stack question tells what a running service uses for a decision: its answer is treated like a
/// proposal ("you run X": keep, migrate or replace).
public struct CurrentStackLink: Sendable, Codable, Hashable {
    /// The current-stack question (single or multiple choice).
    public var question: String
    /// Question option id -> decision option id; question options not listed do not map to an option.
    public var options: [String: String]
    public var location: SourceLocation?

    public init(question: String, options: [String: String], location: SourceLocation? = nil) {
        self.question = question
        self.options = options
        self.location = location
    }

    /// The decision option an answer's option id stands for, if any.
    public func option(forAnswer id: String) -> String? { options[id] }
}
