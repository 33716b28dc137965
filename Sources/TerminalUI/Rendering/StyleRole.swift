/// What a piece of text is, not how it looks: the curses layer maps roles to colours (or, in monochrome, to
/// bold/reverse/underline), so views never decide colours.
public enum StyleRole: String, Sendable, CaseIterable, Equatable {
    case normal
    /// Screen and pane titles.
    case title
    /// Box lines and separators.
    case border
    /// Secondary text: descriptions, help.
    case dim
    /// The focused row or field.
    case focused
    /// A chosen option or ticked item.
    case selected
    /// The current section in the sidebar, the active tab.
    case active
    /// Errors, high-severity findings.
    case error
    /// Warnings, tensions, flagged answers.
    case warning
    /// Completed progress, accepted risks.
    case success
    /// Something that just changed.
    case changed
    /// The key-hint bar at the bottom.
    case statusBar
    /// Key names inside hints.
    case key
}
