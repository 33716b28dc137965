import EmbeddedKnowledgeBase
import Testing

@testable import ReviewRendering

/// The standard review shows each decision's decisive reason as its first clause: every scoring rule's reason must
/// still say something when cut there ("A platform team can run" and "Business work" did not: a parenthesis came
/// before the verb).
@Suite struct ReasonClauseTests {
    @Test func everyScoringReasonKeepsItsMeaningInItsFirstClause() {
        let dangling: Set = [
            "a", "an", "the", "to", "of", "for", "with", "and", "or", "can", "be", "is", "are", "by", "at", "that",
            "than", "as", "from",
        ]
        for rule in StackwiseKnowledge.embedded.rules where !rule.scores.isEmpty {
            let clause = ReviewText.firstClause(rule.because)
            let words = clause.split(separator: " ").map { $0.lowercased() }
            #expect(words.count >= 3, "\(rule.id): '\(clause)'")
            #expect(!dangling.contains(words.last ?? ""), "\(rule.id): '\(clause)'")
            #expect(words.suffix(2) != ["can", "run"], "\(rule.id): '\(clause)'")
        }
    }
}
