/// Where a fact comes from. Every option, checklist item and factual rule cites one.
public struct Source: Sendable, Codable, Hashable, Identifiable {
    public var id: String
    public var title: String
    public var publisher: String
    /// The address, as text (never fetched).
    public var url: String
    /// When someone last checked the source still says this: `YYYY-MM-DD`.
    public var verified: String
    /// The heading of the part of the document the facts come from ("Pool options"), for a source that stands
    /// for one section; nil for a whole document. Numeric and dated claims cite a source with a section.
    public var section: String?
    /// The id of the whole-document source this section belongs to, if the knowledge base has one.
    public var partOf: String?
    public var location: SourceLocation?

    public init(
        id: String, title: String, publisher: String, url: String, verified: String, section: String? = nil,
        partOf: String? = nil, location: SourceLocation? = nil
    ) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.url = url
        self.verified = verified
        self.section = section
        self.partOf = partOf
        self.location = location
    }
}

/// A reference catalogue (OWASP API Top 10 2023, Twelve-Factor...) whose items rules and checklist items cite
/// as `set:item` (`owasp-api-2023:API3`).
public struct ReferenceSet: Sendable, Codable, Hashable, Identifiable {
    public var id: String
    public var title: String
    /// The source that defines the catalogue.
    public var source: String?
    public var items: [ReferenceItem]
    public var location: SourceLocation?

    public init(id: String, title: String, source: String?, items: [ReferenceItem], location: SourceLocation? = nil) {
        self.id = id
        self.title = title
        self.source = source
        self.items = items
        self.location = location
    }
}

/// One item of a reference catalogue.
public struct ReferenceItem: Sendable, Codable, Hashable, Identifiable {
    public var id: String
    public var title: String

    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}
