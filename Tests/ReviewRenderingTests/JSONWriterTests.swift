import AnswersFile
import EmbeddedKnowledgeBase
import Foundation
import KnowledgeModel
import RecommendationEngine
import Testing

@testable import ReviewRendering

/// The review's JSON writer is a faster stand-in for Foundation's JSONEncoder: its output must be the same bytes.
@Suite struct JSONWriterTests {
    static func foundation<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    struct Tricky: Encodable, JSONWritable {
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

        func write(to writer: inout JSONWriter) {
            writer.object {
                $0.field("empty", empty)
                $0.field("emptyObject", emptyObject)
                $0.field("flags", flags)
                $0.field("integers", integers)
                $0.field("keyed", keyed)
                $0.field("missing", missing)
                $0.field("nested", nested)
                $0.field("numbers", numbers)
                $0.field("present", present)
                $0.field("text", text)
            }
        }
    }

    @Test func trickyValuesMatchJSONEncoderByteForByte() throws {
        let value = Tricky()
        #expect(JSONWriter.document(value) == (try Self.foundation(value)))
        #expect(JSONWriter.document([Tricky(), Tricky()]) == (try Self.foundation([Tricky(), Tricky()])))
        #expect(JSONWriter.document([String]()) == (try Self.foundation([String]())))
    }

    /// Strings are scanned eight bytes at a time: a character to escape at every position of every length.
    @Test func escapesAtEveryPositionMatchJSONEncoder() throws {
        for special in ["\"", "\\", "\n", "\u{1F}", "\u{0}", "\u{7F}", "é", "/", " ", "\u{202E}"] {
            var strings: [String] = []
            for length in 0..<20 {
                for position in 0...length {
                    strings.append(
                        String(repeating: "a", count: position) + special
                            + String(repeating: "b", count: length - position))
                }
            }
            #expect(JSONWriter.document(strings) == (try Self.foundation(strings)))
        }
    }

    @Test func nonFiniteNumbersMakeNoDocumentLikeJSONEncoderThrows() {
        #expect(JSONWriter.document([Double.nan]) == nil)
        #expect(JSONWriter.document([1, Double.infinity]) == nil)
        #expect(throws: (any Error).self) { try Self.foundation([Double.nan]) }
    }

    @Test(arguments: ReviewLayoutTests.examples) func everyExampleReviewMatchesJSONEncoder(_ name: String) throws {
        let report = try ReviewLayoutTests.report(name)
        #expect(ReviewJSON.render(report) == (try Self.foundation(ReviewJSON.Document(report))))
    }
}
