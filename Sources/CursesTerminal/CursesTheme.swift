import CNcursesw
import CShim
import TerminalUI

/// Maps style roles to curses colour pairs and attributes, following ``Theme`` (in monochrome: attributes only,
/// and no colour pair is ever set up).
struct CursesTheme {
    struct Style {
        var attributes: UInt32
        var pair: Int16
    }

    private var styles: [StyleRole: Style] = [:]

    init(colors: Bool) {
        for (index, role) in StyleRole.allCases.enumerated() {
            let look = Theme.appearance(of: role, colors: colors)
            var attributes: UInt32 = 0
            if look.bold { attributes |= cs_attr_bold() }
            if look.reverse { attributes |= cs_attr_reverse() }
            if look.underline { attributes |= cs_attr_underline() }
            if look.dim { attributes |= cs_attr_dim() }
            var pair: Int16 = 0
            if colors, look.usesColor {
                pair = Int16(index + 1)
                init_pair(pair, Int16(look.foreground?.rawValue ?? -1), Int16(look.background?.rawValue ?? -1))
            }
            styles[role] = Style(attributes: attributes, pair: pair)
        }
    }

    func style(for role: StyleRole) -> Style { styles[role] ?? Style(attributes: 0, pair: 0) }
}
