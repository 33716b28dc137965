/// One terminal cell: a grapheme cluster and its role. The right half of a two-column character is a
/// continuation cell with empty text.
public struct Cell: Sendable, Equatable {
    public var text: String
    public var role: StyleRole

    public init(text: String, role: StyleRole) {
        self.text = text
        self.role = role
    }

    public static let blank = Cell(text: " ", role: .normal)
    /// Whether this is the right half of a wide character.
    public var isContinuation: Bool { text.isEmpty }
}

/// A rectangle of cells.
public struct Rect: Sendable, Equatable {
    public var row: Int
    public var column: Int
    public var width: Int
    public var height: Int

    public init(row: Int, column: Int, width: Int, height: Int) {
        self.row = row
        self.column = column
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var bottom: Int { row + height }
    public var right: Int { column + width }

    /// The rectangle shrunk by `amount` on every side.
    public func inset(by amount: Int) -> Rect {
        Rect(row: row + amount, column: column + amount, width: width - 2 * amount, height: height - 2 * amount)
    }
}

/// An in-memory screen: what views draw into and what the curses layer copies to the terminal. Tests read it as
/// text. All text written is stripped of control characters, so nothing drawn can reach the terminal as an escape
/// sequence.
public struct Screen: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (a text field being edited), or nil to hide it.
    public var cursor: (row: Int, column: Int)? {
        get { cursorRow.map { ($0, cursorColumn) } }
        set {
            cursorRow = newValue?.row
            cursorColumn = newValue?.column ?? 0
        }
    }
    private var cursorRow: Int?
    private var cursorColumn = 0

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * width + column]
    }

    /// Fills a rectangle with spaces of a role.
    public mutating func fill(_ rect: Rect, role: StyleRole = .normal) {
        for row in max(0, rect.row)..<min(height, rect.bottom) {
            for column in max(0, rect.column)..<min(width, rect.right) {
                set(row, column, Cell(text: " ", role: role))
            }
        }
    }

    /// Writes `text` at a position, clipped to `limit` columns (and the screen); cut text ends with `…`.
    /// Returns the number of columns written.
    @discardableResult
    public mutating func write(
        _ text: String, row: Int, column: Int, limit: Int? = nil, role: StyleRole = .normal
    ) -> Int {
        guard row >= 0, row < height, column < width else { return 0 }
        let available = min(limit ?? (width - column), width - column)
        guard available > 0 else { return 0 }
        let clean = TextWidth.truncate(sanitizedForTerminal(text), to: available)
        var position = column
        for character in clean {
            let columns = TextWidth.of(character)
            if columns == 0 { continue }
            if position < 0 {
                position += columns
                continue
            }
            set(row, position, Cell(text: String(character), role: role))
            if columns == 2 { set(row, position + 1, Cell(text: "", role: role)) }
            position += columns
        }
        return position - column
    }

    /// Draws a box with single lines around `rect`, with an optional title in the top edge.
    public mutating func box(
        _ rect: Rect, title: String? = nil, role: StyleRole = .border, titleRole: StyleRole = .title
    ) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let horizontal = String(repeating: "─", count: rect.width - 2)
        write("┌" + horizontal + "┐", row: rect.row, column: rect.column, limit: rect.width, role: role)
        for row in rect.row + 1..<rect.bottom - 1 {
            write("│", row: row, column: rect.column, role: role)
            write("│", row: row, column: rect.right - 1, role: role)
        }
        write("└" + horizontal + "┘", row: rect.bottom - 1, column: rect.column, limit: rect.width, role: role)
        if let title, rect.width > 6 {
            write(" \(title) ", row: rect.row, column: rect.column + 2, limit: rect.width - 4, role: titleRole)
        }
    }

    /// The text of one row (continuation cells omitted, trailing spaces kept).
    public func line(_ row: Int) -> String {
        var result = ""
        for column in 0..<width {
            let cell = self[row, column]
            if !cell.isContinuation { result += cell.text }
        }
        return result
    }

    /// The whole screen as text, one line per row, trailing spaces trimmed.
    public var text: String {
        (0..<height).map { row in
            var line = self.line(row)
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// Whether any row contains `fragment`.
    public func contains(_ fragment: String) -> Bool { (0..<height).contains { line($0).contains(fragment) } }

    /// The roles of the cells where `fragment` first appears, or nil.
    public func role(of fragment: String) -> StyleRole? {
        for row in 0..<height {
            let text = line(row)
            guard let range = text.range(of: fragment) else { continue }
            let prefixWidth = TextWidth.of(String(text[..<range.lowerBound]))
            return self[row, prefixWidth].role
        }
        return nil
    }

    private mutating func set(_ row: Int, _ column: Int, _ cell: Cell) {
        guard row >= 0, row < height, column >= 0, column < width else { return }
        let index = row * width + column
        // Overwriting half of a wide character blanks the other half.
        if cells[index].isContinuation, column > 0 { cells[index - 1] = Cell(text: " ", role: cells[index - 1].role) }
        if !cells[index].isContinuation, TextWidth.of(cells[index].text) == 2, column + 1 < width, !cell.isContinuation
        {
            cells[index + 1] = Cell(text: " ", role: cells[index].role)
        }
        cells[index] = cell
    }

    public static func == (lhs: Screen, rhs: Screen) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells && lhs.cursorRow == rhs.cursorRow
            && lhs.cursorColumn == rhs.cursorColumn
    }
}

extension Screen: CustomStringConvertible {
    public var description: String { text }
}
