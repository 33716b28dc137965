import AnswersFile
import EmbeddedKnowledgeBase
import Foundation
import KnowledgeModel
import RecommendationEngine
import Testing

@testable import ReviewRendering

/// The review's JSON writer is a faster stand-in for Foundation's JSONEncoder: its output must be the same bytes.
@Suite struct PrettyJSONEncoderTests {
    static func foundation<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    struct Tricky: Encodable {
        var text =
            "quote \" backslash \\ slash / tab \t newline \n cr \r bell \u{07} esc \u{1B} nul \u{0} del \u{7F} "
            + "bidi \u{202E} line sep \u{2028} emoji 🙂 é"
        var numbers: [Double] = [0, 1, -1, 0.5, 100, 1e15, 1e16, 1.5e-7, 123456.789, -0.0]
        var integers: [Int64] = [0, -42, 9_007_199_254_740_993]
        var flags = [true, false]
        var missing: String? = nil
        var present: String? = "here"
        var empty: [String] = []
        var emptyObject: [String: Int] = [:]
        var nested: [[String: [Int]]] = [["b": [1], "a": []], [:]]
        var keyed: [String: Int] = ["b": 2, "B": 3, "a": 1, "A10": 4, "a2": 5, "a10": 6, "_x": 7, "Zed": 8, "zed": 9]
    }

    @Test func trickyValuesMatchJSONEncoderByteForByte() throws {
        let value = Tricky()
        #expect(try PrettyJSONEncoder().encode(value) == Self.foundation(value))
        #expect(try PrettyJSONEncoder().encode([Tricky(), Tricky()]) == Self.foundation([Tricky(), Tricky()]))
        #expect(try PrettyJSONEncoder().encode([String]()) == Self.foundation([String]()))
    }

    @Test func nonFiniteNumbersThrowLikeJSONEncoder() {
        #expect(throws: PrettyJSONEncoder.InvalidValue.self) { try PrettyJSONEncoder().encode([Double.nan]) }
        #expect(throws: (any Error).self) { try Self.foundation([Double.nan]) }
    }

    @Test(arguments: ReviewLayoutTests.examples) func everyExampleReviewMatchesJSONEncoder(_ name: String) throws {
        let report = try ReviewLayoutTests.report(name)
        let document = ReviewJSON.Document(report)
        #expect(try PrettyJSONEncoder().encode(document) == Self.foundation(document))
    }
}
