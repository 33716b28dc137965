import EmbeddedKnowledgeBase
import KnowledgeModel

/// Shell completion for values that come from the knowledge base (`--generate-completion-script bash|zsh|fish`):
/// `--set` offers `question.id=` for every question, then that question's values; `--propose` offers
/// `decision=` for every decision, then its option ids. Uses the embedded knowledge base.
enum Completions {
    /// Completions for `--set id=value`, given the prefix typed so far.
    @Sendable static func assignments(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        assignments(prefix: prefix, in: StackwiseKnowledge.embedded)
    }

    /// Completions for `--propose decision=option`, given the prefix typed so far.
    @Sendable static func proposals(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        proposals(prefix: prefix, in: StackwiseKnowledge.embedded)
    }

    static func assignments(prefix: String, in knowledgeBase: KnowledgeBase) -> [String] {
        guard let equals = prefix.firstIndex(of: "=") else {
            let ids = knowledgeBase.questionsInInterviewOrder.map { $0.id + "=" }.filter { $0.hasPrefix(prefix) }
            // One question left: its values at once (bash splits words at '=', so it cannot ask again after it).
            if ids.count == 1 {
                let values = assignments(prefix: ids[0], in: knowledgeBase)
                if !values.isEmpty { return values }
            }
            return ids
        }
        guard let question = knowledgeBase.question(String(prefix[..<equals])) else { return [] }
        let values: [String]
        switch question.type {
        case .single, .multi: values = question.options.map(\.id)
        case .yesno: values = ["yes", "no"]
        case .number: values = question.defaultValue.map { [$0.description] } ?? []
        case .text: values = []
        }
        return listCompletions(prefix: prefix, after: equals, values: values, several: question.type == .multi)
    }

    static func proposals(prefix: String, in knowledgeBase: KnowledgeBase) -> [String] {
        guard let equals = prefix.firstIndex(of: "=") else {
            return knowledgeBase.decisions.map { $0.id + "=" }.filter { $0.hasPrefix(prefix) }
        }
        guard let decision = knowledgeBase.decision(String(prefix[..<equals])) else { return [] }
        return listCompletions(
            prefix: prefix, after: equals, values: decision.options.map(\.id) + ["none"],
            several: !decision.complements.isEmpty)
    }

    /// `key=` plus each value (for a list, appended after the values already typed, comma-separated).
    private static func listCompletions(
        prefix: String, after equals: String.Index, values: [String], several: Bool
    )
        -> [String]
    {
        var head = String(prefix[...equals])
        var typed = String(prefix[prefix.index(after: equals)...])
        if several, let comma = typed.lastIndex(of: ",") {
            head += typed[...comma]
            typed = String(typed[typed.index(after: comma)...])
        }
        return values.filter { $0.hasPrefix(typed) }.map { head + $0 }
    }
}
