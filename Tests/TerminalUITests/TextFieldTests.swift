import KnowledgeModel
import Testing

@testable import TerminalUI

@Suite struct TextFieldTests {
    @Test func editsInTheMiddleOfTheText() {
        var field = TextField("1200")
        #expect(field.cursor == 4)
        field.apply(.cursorLeft)
        field.apply(.cursorLeft)
        field.insert("5")
        #expect(field.text == "12500" && field.cursor == 3)
        field.apply(.deleteBackward)
        field.apply(.deleteBackward)
        #expect(field.text == "100" && field.cursor == 1)
        field.apply(.deleteForward)
        #expect(field.text == "10")
        field.apply(.textStart)
        field.apply(.deleteBackward)  // nothing before the cursor
        field.insert("9")
        #expect(field.text == "910")
        field.apply(.textEnd)
        field.apply(.deleteForward)  // nothing after the cursor
        field.apply(.cursorRight)
        #expect(field.text == "910" && field.cursor == 3)
        field.apply(.clearText)
        #expect(field.isEmpty && field.cursor == 0)
    }

    @Test func wideCharactersMoveByCharacterAndTheLengthIsBounded() {
        var field = TextField("支付")
        field.apply(.cursorLeft)
        field.insert("x")
        #expect(field.text == "支x付")
        var long = TextField(String(repeating: "a", count: 600))
        #expect(long.text.count == TextField.maximumLength)
        long.insert("b")
        #expect(!long.text.contains("b"))
    }

    @Test func aLongFieldScrollsSoTheCursorStaysVisible() {
        var field = TextField(String(repeating: "a", count: 30) + "END")
        var slice = TUIView.visibleSlice(of: field, width: 10)
        #expect(slice.text.hasSuffix("END") && slice.cursorColumn == 9)
        field.apply(.textStart)
        slice = TUIView.visibleSlice(of: field, width: 10)
        #expect(slice.text == String(repeating: "a", count: 10) && slice.cursorColumn == 0)
    }

    @Test func inANumberFieldArrowsMoveTheCursorAndEscOrShiftTabGoBack() {
        for back in [Key.escape, .backTab] {
            var harness = Harness()
            harness.send(.enter, .enter)
            #expect(harness.question == "data.rps")
            harness.type("100")
            harness.send(.left, .left, .backspace)
            harness.type("2")
            harness.send(.home)
            harness.type("1")
            harness.send(.end, .delete)
            #expect(harness.state.interview.input.text == "1200")
            #expect(harness.question == "data.rps", "← and Home edit; they do not leave the question")
            let screen = harness.screen
            #expect(screen.cursor != nil)
            harness.send(back)
            #expect(harness.question == "data.tx")
        }
    }

    @Test func theHelpOverlayInAFieldListsTheEditingKeysAndEscForBack() {
        var harness = Harness()
        harness.send(.enter, .enter, .function(1))
        let screen = harness.screen
        #expect(screen.contains("move the text cursor left"))
        #expect(screen.contains("delete before the cursor"))
        #expect(screen.contains("Esc/Shift-Tab"))
        #expect(!screen.contains("←/Shift-Tab/Esc"), "← does not go back in a text field")
        let bindings = KeyMap.standard.bindings(for: .textField)
        #expect(bindings.first { $0.keys.contains(.left) }?.action == .cursorLeft)
        #expect(bindings.first { $0.keys.contains(.home) }?.action == .textStart)
        #expect(KeyMap.standard.action(for: .left, in: .interview) == .back, "outside a field ← still goes back")
    }

    @Test func theFilterAndTheAcceptRiskReasonEditInTheMiddleToo() {
        var harness = Harness(
            answers: AnswerSet(answers: [
                "current.exists": Answer(value: .bool(true)), "current.stack": Answer(value: .choices(["socketio"])),
            ]))
        harness.send(.character("r"), .character("3"), .character("a"))
        harness.type("single instnce")
        harness.send(.left, .left, .left)
        harness.type("a")
        harness.send(.enter)
        #expect(harness.lastSaved?.acceptedRisks.first?.reason == "single instance")
    }
}
