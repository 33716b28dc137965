extension TUIView {
    /// The slice of a text field that fits in `width` columns with the cursor visible, and the cursor's column
    /// within that slice (the text scrolls horizontally as the cursor moves).
    static func visibleSlice(of field: TextField, width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        let characters = Array(field.text)
        var start = 0
        var beforeCursor = characters[0..<field.cursor].reduce(0) { $0 + TextWidth.of($1) }
        while beforeCursor > width - 1, start < field.cursor {
            beforeCursor -= TextWidth.of(characters[start])
            start += 1
        }
        var shown = ""
        var used = 0
        for character in characters[start...] {
            let columns = TextWidth.of(character)
            if used + columns > width { break }
            shown.append(character)
            used += columns
        }
        return (shown, beforeCursor)
    }

    /// Draws a text field at a position, padded to `width`, and puts the terminal cursor in it when `focused`.
    @discardableResult
    func drawField(
        _ field: TextField, row: Int, column: Int, width: Int, focused: Bool, role: StyleRole, _ screen: inout Screen
    ) -> Int {
        let slice = Self.visibleSlice(of: field, width: width)
        screen.write(TextWidth.pad(slice.text, to: width), row: row, column: column, limit: width, role: role)
        if focused { screen.cursor = (row, column + slice.cursorColumn) }
        return width
    }
}
