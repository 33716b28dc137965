/// A decoded key press, independent of the terminal library.
public enum Key: Sendable, Equatable, Hashable, CustomStringConvertible {
    case character(Character)
    case up, down, left, right
    case enter, tab, backTab, escape, backspace, delete
    case home, end, pageUp, pageDown
    case function(Int)
    /// Ctrl plus a letter (lowercase).
    case control(Character)

    public var description: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let number): return "F\(number)"
        case .control(let letter): return "Ctrl-\(letter.uppercased())"
        }
    }

    /// The printable character, if this key types one.
    public var printable: Character? {
        if case .character(let character) = self { return character }
        return nil
    }
}
