/// The eight standard terminal colours.
public enum TerminalColor: Int, Sendable, Equatable {
    case black = 0, red, green, yellow, blue, magenta, cyan, white
}

/// How one style role looks: colours (nil: the terminal's default) and attributes.
public struct RoleAppearance: Sendable, Equatable {
    public var foreground: TerminalColor?
    public var background: TerminalColor?
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false

    public var usesColor: Bool { foreground != nil || background != nil }
}

/// The interface's colour decisions, which the curses layer follows: whether to use colour at all, and how each
/// role looks with colour and in monochrome (attributes only, so focus and errors stay visible).
public enum Theme {
    /// Colour unless `--no-color` was given or `NO_COLOR` is set to anything non-empty (https://no-color.org).
    public static func wantsColor(noColorFlag: Bool, environment: [String: String]) -> Bool {
        !noColorFlag && (environment["NO_COLOR"] ?? "").isEmpty
    }

    public static func appearance(of role: StyleRole, colors: Bool) -> RoleAppearance {
        colors ? colored(role) : monochrome(role)
    }

    private static func colored(_ role: StyleRole) -> RoleAppearance {
        switch role {
        case .normal: return RoleAppearance()
        case .title: return RoleAppearance(foreground: .cyan, bold: true)
        case .border: return RoleAppearance(foreground: .blue)
        case .dim: return RoleAppearance(dim: true)
        case .focused: return RoleAppearance(foreground: .black, background: .cyan)
        case .selected: return RoleAppearance(foreground: .green, bold: true)
        case .active: return RoleAppearance(foreground: .black, background: .yellow, bold: true)
        case .error: return RoleAppearance(foreground: .red, bold: true)
        case .warning: return RoleAppearance(foreground: .yellow)
        case .success: return RoleAppearance(foreground: .green)
        case .changed: return RoleAppearance(foreground: .magenta, bold: true)
        case .statusBar: return RoleAppearance(foreground: .white, background: .blue)
        case .key: return RoleAppearance(foreground: .yellow, background: .blue, bold: true)
        }
    }

    private static func monochrome(_ role: StyleRole) -> RoleAppearance {
        switch role {
        case .normal, .border, .success: return RoleAppearance()
        case .title, .selected, .warning: return RoleAppearance(bold: true)
        case .dim: return RoleAppearance(dim: true)
        case .focused, .statusBar: return RoleAppearance(reverse: true)
        case .active, .key: return RoleAppearance(bold: true, reverse: true)
        case .error, .changed: return RoleAppearance(bold: true, underline: true)
        }
    }
}
