/// A one-line text field: the text and the insertion point (in characters), edited with the text-field keys of
/// ``KeyMap`` (←/→, Home/End, Backspace and Delete anywhere in the text, Ctrl-U clears).
public struct TextField: Sendable, Equatable, ExpressibleByStringLiteral {
    /// The longest text a field takes.
    public static let maximumLength = 500

    public private(set) var text: String
    /// Characters before the insertion point (0 ... text.count).
    public private(set) var cursor: Int

    /// A field holding `text`, the cursor at its end.
    public init(_ text: String = "") {
        self.text = String(text.prefix(Self.maximumLength))
        cursor = self.text.count
    }

    public init(stringLiteral value: String) { self.init(value) }

    public var isEmpty: Bool { text.isEmpty }

    /// The text before the cursor (where the terminal cursor goes).
    public var beforeCursor: Substring { text.prefix(cursor) }

    /// Types a character at the cursor.
    public mutating func insert(_ character: Character) {
        guard text.count < Self.maximumLength else { return }
        text.insert(character, at: index(cursor))
        cursor += 1
    }

    /// Applies an editing action; returns false when the action is not a text edit.
    @discardableResult
    public mutating func apply(_ action: Action) -> Bool {
        switch action {
        case .cursorLeft: cursor = max(0, cursor - 1)
        case .cursorRight: cursor = min(text.count, cursor + 1)
        case .textStart: cursor = 0
        case .textEnd: cursor = text.count
        case .deleteBackward:
            guard cursor > 0 else { return true }
            text.remove(at: index(cursor - 1))
            cursor -= 1
        case .deleteForward:
            guard cursor < text.count else { return true }
            text.remove(at: index(cursor))
        case .clearText:
            text = ""
            cursor = 0
        default: return false
        }
        return true
    }

    private func index(_ offset: Int) -> String.Index { text.index(text.startIndex, offsetBy: offset) }
}
