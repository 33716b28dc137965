import KnowledgeModel
import RecommendationEngine

// The "contradictions" section of every review format: answers that cannot all be true. Kept apart from the
// renderers' main bodies so each format adds it with one call.

extension ReviewText {
    /// `CONTRADICTIONS` with one line per contradiction and the answers involved.
    func contradictionsSection(_ report: ReviewReport, _ lines: inout [String]) {
        let contradictions = report.review.contradictions
        guard !contradictions.isEmpty else { return }
        section("CONTRADICTIONS (answers that cannot all be true)", &lines)
        for raised in contradictions {
            lines += wrap(raised.message, first: "  ! ", rest: "    ", .red)
            let answers = raised.answers.map(\.description).joined(separator: "; ")
            if !answers.isEmpty { lines += wrap("answers: " + answers, first: "    ", rest: "      ") }
        }
    }
}

extension ReviewMarkdown {
    /// `## Contradictions` as a list, with the answers involved in code spans.
    func contradictionsSection(_ report: ReviewReport, _ out: inout [String]) {
        let contradictions = report.review.contradictions
        guard !contradictions.isEmpty else { return }
        out += ["", "## Contradictions", ""]
        for raised in contradictions {
            let answers = raised.answers.map { MarkdownText.code($0.description) }.joined(separator: ", ")
            out.append(
                "- \(MarkdownText.inline(raised.message))" + (answers.isEmpty ? "" : " (\(answers))"))
        }
    }
}

extension ReviewJSON {
    /// One entry of the top-level `contradictions` array.
    struct ContradictionJSON: Encodable {
        var id: String
        var message: String
        var answers: [FactJSON]

        init(_ raised: RaisedContradiction) {
            id = raised.id
            message = raised.message
            answers = raised.answers.map(FactJSON.init)
        }
    }
}
