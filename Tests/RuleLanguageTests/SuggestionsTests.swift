import Testing

@testable import RuleLanguage

@Suite struct SuggestionsTests {
    @Test func suggestsTheClosestKey() {
        #expect(Suggestions.closest(to: "wieght", in: ["weight", "when", "id"]) == "weight")
        #expect(Suggestions.closest(to: "becuase", in: ["because", "sources"]) == "because")
    }

    @Test func staysQuietWhenNothingIsClose() {
        #expect(Suggestions.closest(to: "zzzzzz", in: ["weight", "when"]) == nil)
    }
}
