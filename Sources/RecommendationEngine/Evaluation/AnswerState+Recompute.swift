import KnowledgeModel
import RuleLanguage

extension AnswerState {
    /// A question's state before a change, to undo it.
    struct Saved {
        let slot: Int
        let value: Value?
        let kind: UInt8
        let code: UInt64
        let applicable: Bool
        let answered: Bool
        let assumed: Bool
    }

    /// Recomputes the questions in `seeds` and every question whose askIf reads one of them (transitively), in an
    /// order where each askIf sees its inputs already updated. A question takes `userValue(slot)` when it applies
    /// and the user answered it, else its default. Appends every question visited to `visited`, and the ones whose
    /// state changed to `changed` (with their previous state in `undo`).
    mutating func recompute(
        seeds: [Int], userValue: (Int) -> Value?, compiled: CompiledKnowledgeBase, rank: [Int],
        visited: inout [Int], changed: inout [Int], undo: inout [Saved]
    ) {
        var order = seeds
        if seeds.contains(where: { !compiled.askIfDependents[$0].isEmpty }) {
            var seen = Set(seeds)
            var next = 0
            while next < order.count {
                for dependent in compiled.askIfDependents[order[next]] where seen.insert(dependent).inserted {
                    order.append(dependent)
                }
                next += 1
            }
        }
        if order.count > 1 { order.sort { rank[$0] < rank[$1] } }
        for slot in order {
            visited.append(slot)
            let isApplicable = compiled.fastAskIf[slot].map { $0.evaluate(self) == .yes } ?? true
            let user = isApplicable ? userValue(slot) : nil
            let value: Value? = isApplicable ? (user ?? compiled.defaults[slot]) : nil
            let isAnswered = user != nil
            let isAssumed = isApplicable && user == nil && value != nil
            guard
                isApplicable != applicable[slot] || value != values[slot] || isAnswered != answered[slot]
                    || isAssumed != assumed[slot]
            else { continue }
            undo.append(
                Saved(
                    slot: slot, value: values[slot], kind: kinds[slot], code: codes[slot], applicable: applicable[slot],
                    answered: answered[slot], assumed: assumed[slot]))
            applicable[slot] = isApplicable
            store(value, at: slot, compiled: compiled)
            answered[slot] = isAnswered
            assumed[slot] = isAssumed
            changed.append(slot)
        }
    }

    /// Undoes ``recompute(seeds:userValue:compiled:rank:visited:changed:undo:)``.
    mutating func restore(_ undo: [Saved]) {
        for saved in undo.reversed() {
            restore(saved.value, kind: saved.kind, code: saved.code, at: saved.slot)
            applicable[saved.slot] = saved.applicable
            answered[saved.slot] = saved.answered
            assumed[saved.slot] = saved.assumed
        }
    }
}
