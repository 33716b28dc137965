import Testing

@testable import TerminalUI

@Suite struct ScreenTests {
    @Test func wideCharactersTakeTwoCellsAndKeepColumnsAligned() {
        var screen = Screen(width: 20, height: 2)
        screen.write("支付|", row: 0, column: 0)
        screen.write("ab|", row: 1, column: 2)
        #expect(screen[0, 4].text == "|")
        #expect(screen[1, 4].text == "|")
        #expect(screen[0, 1].isContinuation)
    }

    @Test func combiningCharactersTakeNoExtraColumn() {
        var screen = Screen(width: 10, height: 1)
        screen.write("e\u{301}x", row: 0, column: 0)
        #expect(screen[0, 1].text == "x")
        #expect(TextWidth.of("e\u{301}") == 1)
    }

    @Test func textIsClippedWithAnEllipsis() {
        var screen = Screen(width: 8, height: 1)
        screen.write("abcdefghij", row: 0, column: 0)
        #expect(screen.line(0) == "abcdefg…")
    }

    @Test func controlSequencesNeverReachTheScreen() {
        var screen = Screen(width: 30, height: 1)
        screen.write("a\u{1B}[31mred\u{7}\u{9B}2J", row: 0, column: 0)
        #expect(screen.text == "a[31mred2J")
    }

    @Test func wrapBreaksOnWordsAndSplitsLongWords() {
        #expect(TextWidth.wrap("one two three", width: 7) == ["one two", "three"])
        #expect(TextWidth.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWidth.wrap("支付服务", width: 5) == ["支付", "服务"])
    }
}
