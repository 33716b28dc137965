import KnowledgeModel
import Testing

@testable import TerminalUI

@Suite struct ViewTests {
    @Test func belowTheMinimumSizeAMessageIsShownInsteadOfTheLayout() {
        var harness = Harness(width: 59, height: 18)
        #expect(harness.screen.contains("Terminal too small: 59×18"))
        harness.send(.resize(width: 60, height: 18))
        #expect(harness.screen.contains("What does the data look like?"))
        #expect(!harness.screen.contains("too small"))
    }

    @Test func resizeKeepsTheStateAndReLaysOut() {
        var harness = Harness(width: 120, height: 32)
        harness.send(.down)
        #expect(harness.screen.contains("Sections"))
        harness.send(.resize(width: 70, height: 20))
        #expect(harness.state.interview.cursor == 1)
        #expect(!harness.screen.contains("Sections"))
        #expect(harness.screen.contains("› ( ) Documents"))
    }

    @Test(arguments: [(60, 18), (80, 24), (120, 32), (200, 60)])
    func everyRowFitsTheScreenWidth(size: (Int, Int)) {
        var answers = AnswerSet(serviceName: "Zahlungsdienst 支付服务 🚀")
        answers.set("current.exists", to: .bool(true))
        var harness = Harness(answers: answers, width: size.0, height: size.1)
        for keys in [[Key](), [.tab, .down], [.character("r")], [.character("?")]] {
            for key in keys { harness.send(key) }
            let screen = harness.screen
            for row in 0..<screen.height {
                #expect(TextWidth.of(screen.line(row)) == size.0, "row \(row) at \(size): \(screen.line(row))")
            }
        }
    }

    @Test func hintBarComesFromTheKeyMapAndShowsOnlyKeysThatWorkHere() {
        let harness = Harness()
        let view = harness.view
        let hints = KeyMap.standard.hints(for: .interview, actions: view.hintActions(harness.state, .interview))
        let bar = harness.screen.line(harness.state.height - 1)
        #expect(hints.count > 3)
        for hint in hints.prefix(4) { #expect(bar.contains(hint.key + " " + hint.help)) }
        #expect(!bar.contains("toggle"), "Space toggles only in multiple choice")
    }

    @Test func theHintBarKeepsKeysAndQuitAtAnyWidth() {
        for width in [60, 80, 200] {
            var harness = Harness(width: width, height: 24)
            for keys in [[Key](), [.character("r")], [.character("r"), .character("4")]] {
                harness.send(keys)
                let bar = harness.screen.line(harness.state.height - 1)
                #expect(bar.contains("? keys") && bar.contains("q quit"), "\(width): \(bar)")
            }
        }
    }

    @Test func inATextFieldTheHintsNameNonPrintableKeys() {
        let hints = KeyMap.standard.hints(for: .textField)
        #expect(hints.contains { $0.key == "F1" })
        #expect(!hints.contains { $0.key == "q" || $0.key == "?" })
    }
}
