/// A set of slots (decisions, rules, questions) that is emptied in O(1) between uses (a generation stamp per slot).
struct SlotMarks: Sendable {
    private var stamps: [UInt32] = []
    private var generation: UInt32 = 0

    /// Empties the set, sized for `count` slots.
    mutating func reset(count: Int) {
        if stamps.count != count { stamps = [UInt32](repeating: 0, count: count) }
        generation &+= 1
        if generation == 0 {
            stamps = [UInt32](repeating: 0, count: count)
            generation = 1
        }
    }

    /// Adds `slot`; returns whether it was new.
    mutating func insert(_ slot: Int) -> Bool {
        if stamps[slot] == generation { return false }
        stamps[slot] = generation
        return true
    }

    func contains(_ slot: Int) -> Bool { stamps[slot] == generation }
}
