import CNcursesw
import CShim
import TerminalUI

/// Maps style roles to curses colour pairs and attributes; in monochrome, to attributes only.
struct CursesTheme {
    struct Style {
        var attributes: UInt32
        var pair: Int16
    }

    private var styles: [StyleRole: Style] = [:]

    init(colors: Bool) {
        let bold = cs_attr_bold()
        let reverse = cs_attr_reverse()
        let underline = cs_attr_underline()
        let dim = cs_attr_dim()
        // (foreground, background, attributes with colour, attributes without)
        let table: [(StyleRole, Int32, Int32, UInt32, UInt32)] = [
            (.normal, -1, -1, 0, 0),
            (.title, Int32(COLOR_CYAN), -1, bold, bold),
            (.border, Int32(COLOR_BLUE), -1, 0, 0),
            (.dim, -1, -1, dim, dim),
            (.focused, Int32(COLOR_BLACK), Int32(COLOR_CYAN), 0, reverse),
            (.selected, Int32(COLOR_GREEN), -1, bold, bold),
            (.active, Int32(COLOR_BLACK), Int32(COLOR_YELLOW), bold, reverse | bold),
            (.error, Int32(COLOR_RED), -1, bold, bold | underline),
            (.warning, Int32(COLOR_YELLOW), -1, 0, bold),
            (.success, Int32(COLOR_GREEN), -1, 0, 0),
            (.changed, Int32(COLOR_MAGENTA), -1, bold, bold | underline),
            (.statusBar, Int32(COLOR_WHITE), Int32(COLOR_BLUE), 0, reverse),
            (.key, Int32(COLOR_YELLOW), Int32(COLOR_BLUE), bold, reverse | bold),
        ]
        for (index, entry) in table.enumerated() {
            let (role, foreground, background, colorAttributes, monoAttributes) = entry
            if colors {
                let pair = Int16(index + 1)
                init_pair(pair, Int16(foreground), Int16(background))
                styles[role] = Style(attributes: colorAttributes, pair: pair)
            } else {
                styles[role] = Style(attributes: monoAttributes, pair: 0)
            }
        }
    }

    func style(for role: StyleRole) -> Style { styles[role] ?? Style(attributes: 0, pair: 0) }
}
