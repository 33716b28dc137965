import Testing

@testable import RuleLanguage

@Suite struct SuggestionsTests {
    @Test func suggestsTheClosestKey() {
        #expect(Suggestions.closest(to: "wieght", in: ["weight", "when", "id"]) == "weight")
        #expect(Suggestions.closest(to: "becuase", in: ["because", "sources"]) == "because")
    }

    /// The first word of a longer id is suggested when exactly one id continues it after a separator.
    @Test func suggestsTheOneIdThatAWordBegins() {
        let options = ["kubernetes", "managed-containers", "paas", "serverless-functions", "vms"]
        #expect(Suggestions.closest(to: "serverless", in: options) == "serverless-functions")
        #expect(Suggestions.closest(to: "Managed", in: options) == "managed-containers")
        // A typo still wins over a longer id, two longer ids are no suggestion, and short words get none.
        #expect(Suggestions.closest(to: "pass", in: options) == "paas")
        #expect(Suggestions.closest(to: "serverless", in: ["serverless-functions", "serverless-containers"]) == nil)
        #expect(Suggestions.closest(to: "vm", in: ["vm-large"]) == nil)
        #expect(Suggestions.closest(to: "serverless", in: ["serverlessfunctions"]) == nil)
    }

    @Test func staysQuietWhenNothingIsClose() {
        #expect(Suggestions.closest(to: "zzzzzz", in: ["weight", "when"]) == nil)
    }

    @Test func theBoundedDistanceAgreesWithTheFullOneWithinItsCutoff() {
        // Words with transpositions, insertions, repeated letters and non-ASCII characters.
        let words = [
            "", "a", "ab", "ba", "abc", "acb", "weight", "wieght", "wiehgt", "traffic.peak_rps", "trafic.peak_rsp",
            "data.shape", "data.shpae", "dätä", "data", "aaaa", "aaab", "ca", "abc.def.ghi", "ab.cdef.ghi",
        ]
        var rows = Suggestions.DistanceRows(capacity: 1)
        for a in words {
            for b in words {
                let full = Suggestions.editDistance(a, b)
                for cutoff in 0...6 {
                    let expected = full <= cutoff ? full : nil
                    let bounded = Suggestions.boundedEditDistance(Array(a), Array(b), cutoff: cutoff, rows: &rows)
                    #expect(bounded == expected, "\(a) \(b) cutoff \(cutoff)")
                    if let asciiA = Suggestions.asciiLowercased(a), let asciiB = Suggestions.asciiLowercased(b) {
                        let bytes = Suggestions.boundedEditDistance(asciiA, asciiB, cutoff: cutoff, rows: &rows)
                        #expect(bytes == expected, "\(a) \(b) cutoff \(cutoff) as bytes")
                    }
                }
            }
        }
    }

    @Test func theFirstOfEquallyCloseCandidatesWins() {
        #expect(Suggestions.closest(to: "cat", in: ["bat", "cut", "car"]) == "bat")
        #expect(Suggestions.closest(to: "Wieght", in: ["height", "weight"]) == "weight")
        // Other text is compared by characters: "é" written as e + U+0301 is one (by scalars "cafex" would be
        // closer), and so is CR LF (by bytes "crlf\nid" would be closer).
        #expect(Suggestions.closest(to: "cafe\u{301}", in: ["cafex", "caf\u{E9}"]) == "caf\u{E9}")
        #expect(Suggestions.closest(to: "crlf\r\nid", in: ["crlfXid", "crlf\nid"]) == "crlfXid")
    }
}
