import Testing

@testable import TerminalUI

@Suite struct ThemeTests {
    @Test func noColorAndTheFlagTurnColourOff() {
        #expect(Theme.wantsColor(noColorFlag: false, environment: [:]))
        #expect(!Theme.wantsColor(noColorFlag: true, environment: [:]))
        #expect(!Theme.wantsColor(noColorFlag: false, environment: ["NO_COLOR": "1"]))
        #expect(!Theme.wantsColor(noColorFlag: false, environment: ["NO_COLOR": "yes please"]))
        #expect(Theme.wantsColor(noColorFlag: false, environment: ["NO_COLOR": ""]), "empty means unset (no-color.org)")
    }

    @Test func monochromeUsesNoColourForAnyRole() {
        for role in StyleRole.allCases {
            let look = Theme.appearance(of: role, colors: false)
            #expect(look.foreground == nil && look.background == nil, "\(role) has a colour in monochrome")
        }
        #expect(StyleRole.allCases.contains { Theme.appearance(of: $0, colors: true).usesColor })
    }

    @Test func monochromeKeepsFocusErrorsAndChangesVisible() {
        #expect(Theme.appearance(of: .focused, colors: false).reverse)
        #expect(Theme.appearance(of: .statusBar, colors: false).reverse)
        let error = Theme.appearance(of: .error, colors: false)
        #expect(error.bold && error.underline)
        #expect(Theme.appearance(of: .changed, colors: false) != Theme.appearance(of: .normal, colors: false))
    }
}
