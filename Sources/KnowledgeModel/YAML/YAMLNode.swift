/// A YAML node with its position, independent of the YAML library.
///
/// Scalars keep their text; typing (numbers, booleans) is decided by the reader that expects them, so that an
/// option id such as `1x` or `yes` is never silently turned into something else.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        /// A scalar; `plain` is false for quoted and block scalars.
        case scalar(String, plain: Bool)
        case mapping([(key: YAMLNode, value: YAMLNode)])
        case sequence([YAMLNode])
        case null
    }

    public var content: Content
    public var location: SourceLocation
    /// True for a block scalar (`>-`, `|`): its text starts on a later line than ``location``.
    public var isBlockScalar = false

    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// The scalar text, if this is a scalar.
    public var scalar: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// Where the text of a scalar starts: one column further for quoted scalars.
    public var textLocation: SourceLocation {
        if case .scalar(_, let plain) = content, !plain { return location.advanced(by: 1) }
        return location
    }

    /// A short description of the node's kind for error messages.
    public var kindName: String {
        switch content {
        case .scalar: return "a scalar"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .null: return "nothing"
        }
    }

    /// Looks up a key in a mapping.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.first { $0.key.scalar == key }?.value
    }
}
