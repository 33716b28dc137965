import CNcursesw
import CShim
import Foundation
import TerminalUI

/// The ncursesw driver: sets the terminal up, reads keys, draws screens, and restores the terminal.
///
/// Only this type talks to curses. Call ``stop()`` before printing to the normal screen; it is idempotent.
public final class CursesTerminal: TerminalDevice {
    private let theme: CursesTheme
    private var stopped = false
    private var lastError = Date.distantPast
    private var errorsInARow = 0

    /// Starts curses on the current terminal. `colors: false` (or NO_COLOR) forces the monochrome theme.
    /// Whether the terminal named by TERM has a terminfo description (curses' `initscr` would otherwise end the
    /// program with "Error opening terminal").
    public static func terminalIsKnown() -> Bool {
        cs_terminal_is_known() != 0
    }

    public init(colors: Bool) {
        _ = setlocale(LC_ALL, "")
        _ = initscr()
        cbreak()
        noecho()
        nonl()
        _ = keypad(cs_stdscr(), true)
        set_escdelay(25)
        let useColors = colors && has_colors()
        if useColors {
            start_color()
            use_default_colors()
        }
        theme = CursesTheme(colors: useColors)
        cs_install_signal_handlers()
        timeout(100)
        curs_set(0)
    }

    deinit { stop() }

    /// Restores the terminal (normal screen, echo, cursor).
    public func stop() {
        guard !stopped else { return }
        stopped = true
        curs_set(1)
        endwin()
    }

    public var width: Int {
        var rows: Int32 = 0
        var columns: Int32 = 0
        cs_getmaxyx(cs_stdscr(), &rows, &columns)
        return Int(columns)
    }

    public var height: Int {
        var rows: Int32 = 0
        var columns: Int32 = 0
        cs_getmaxyx(cs_stdscr(), &rows, &columns)
        return Int(rows)
    }

    public func read() -> TerminalInput {
        let signal = cs_take_signal()
        if signal != 0 { return .signal(signal) }
        var character: wint_t = 0
        let result = get_wch(&character)
        if result == ERR {
            let signal = cs_take_signal()
            if signal != 0 { return .signal(signal) }
            // An orphaned process (its pty closed) gets ERR at once, forever: stop instead of spinning.
            if isatty(0) == 0 { return .closed }
            errorsInARow = Date().timeIntervalSince(lastError) < 0.05 ? errorsInARow + 1 : 0
            lastError = Date()
            return errorsInARow > 200 ? .closed : .idle
        }
        errorsInARow = 0
        if result == KEY_CODE_YES {
            if Int32(character) == KEY_RESIZE { return .resize(width: width, height: height) }
            return KeyDecoding.key(forCode: Int32(character)).map(TerminalInput.key) ?? .idle
        }
        return KeyDecoding.key(forCharacter: UInt32(character)).map(TerminalInput.key) ?? .idle
    }

    public func draw(_ screen: Screen) {
        guard !stopped else { return }
        erase()
        var codepoints: [UInt32] = []
        for row in 0..<min(screen.height, height) {
            for column in 0..<min(screen.width, width) {
                let cell = screen[row, column]
                if cell.isContinuation { continue }
                codepoints.removeAll(keepingCapacity: true)
                for scalar in cell.text.unicodeScalars.prefix(5) { codepoints.append(scalar.value) }
                let style = theme.style(for: cell.role)
                move(Int32(row), Int32(column))
                _ = cs_add_grapheme(codepoints, Int32(codepoints.count), style.attributes, style.pair)
            }
        }
        if let cursor = screen.cursor {
            curs_set(1)
            move(Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        refresh()
    }
}
