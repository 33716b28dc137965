/// The per-node work of ``ComponentSearch``: the scan that yields the simple bound and the branching decision, the
/// pairing bound, and arc-consistency propagation. Everything reads and writes the search's preallocated buffers.
extension ComponentSearch {
    /// One pass over a node's domains: the simple bound (decided decisions exactly, undecided ones their best
    /// option) and the undecided decision with the largest regret (best minus second-best score; ties: fewer
    /// options, then the first), or -1 when every decision is decided. Fills `open`, `tops` and `topMasks`.
    func scan(_ domains: UnsafeMutablePointer<UInt64>) -> (simple: Int, branch: Int) {
        var simple = 0
        var branch = -1
        var branchRegret = -1
        var branchSize = Int.max
        for u in 0..<count {
            let domain = domains[u]
            let base = u * stride
            if domain & (domain &- 1) == 0 {
                open[u] = false
                simple += scores[base + domain.trailingZeroBitCount]
                continue
            }
            open[u] = true
            let options = optionCount[u]
            var i = 0
            while domain & (1 << UInt64(preference[base + i])) == 0 { i += 1 }
            let first = Int(preference[base + i])
            let top = scores[base + first]
            var mask: UInt64 = 1 << UInt64(first)
            var second = Int.min
            i += 1
            while i < options {
                let option = Int(preference[base + i])
                let bit: UInt64 = 1 << UInt64(option)
                if domain & bit != 0 {
                    let score = scores[base + option]
                    if second == Int.min { second = score }
                    guard score == top else { break }
                    mask |= bit
                }
                i += 1
            }
            tops[u] = top
            topMasks[u] = mask
            simple += top
            let regret = top - second
            let size = domain.nonzeroBitCount
            if regret > branchRegret || (regret == branchRegret && size < branchSize) {
                branch = u
                branchRegret = regret
                branchSize = size
            }
        }
        return (simple, branch)
    }

    /// An upper bound on the best total within `domains`, never above `simple` (the bound ``scan(_:)`` returned
    /// for the same domains, whose scratch it reads): undecided decisions are paired with undecided neighbours and
    /// count the best *compatible* pair of options, the rest count their best option. Pairs are chosen greedily by
    /// how much pairing lowers the bound (the sum of the two best options minus the best compatible pair; ties: the
    /// first pair in member order), which catches the common case where favourite options exclude each other.
    /// Neighbours with a compatible pair of best options lower nothing and are skipped after one mask test.
    /// Clears `open` for the paired decisions.
    func pairBound(_ domains: UnsafeMutablePointer<UInt64>, simple: Int) -> Int {
        var pairCount = 0
        for u in 0..<count where open[u] {
            let topMask = topMasks[u]
            for entry in Int(structure.adjacencyStart[u])..<Int(structure.adjacencyStart[u + 1]) {
                let v = Int(structure.adjacencyList[entry])
                guard v > u, open[v] else { continue }
                let row = structure.adjacencyMasks + entry * stride
                let partnerTops = topMasks[v]
                var rest = topMask
                var compatible = false
                while rest != 0 {
                    if row[rest.trailingZeroBitCount] & partnerTops != 0 {
                        compatible = true
                        break
                    }
                    rest &= rest &- 1
                }
                if compatible { continue }
                let gain = tops[u] + tops[v] - bestPair(u, row, v, domains)
                // Insertion by gain, descending; among equal gains the earlier pair stays first.
                var i = pairCount
                while i > 0, pairs[i - 1].gain < gain {
                    pairs[i] = pairs[i - 1]
                    i -= 1
                }
                pairs[i] = (gain, Int32(u), Int32(v))
                pairCount += 1
            }
        }
        var total = simple
        for index in 0..<pairCount {
            let pair = pairs[index]
            let u = Int(pair.u)
            let v = Int(pair.v)
            if open[u] && open[v] {
                open[u] = false
                open[v] = false
                total -= pair.gain
            }
        }
        return total
    }

    /// The best score of a compatible pair of options of u and its neighbour v (`row`: u's compatibility masks
    /// towards v). Options of u are tried best first and the loop stops once no remaining one can do better.
    private func bestPair(
        _ u: Int, _ row: UnsafeMutablePointer<UInt64>, _ v: Int, _ domains: UnsafeMutablePointer<UInt64>
    )
        -> Int
    {
        var best = Int.min / 4
        let domain = domains[u]
        let partners = domains[v]
        let partnerTop = tops[v]
        let base = u * stride
        for i in 0..<optionCount[u] {
            let option = Int(preference[base + i])
            guard domain & (1 << UInt64(option)) != 0 else { continue }
            let score = scores[base + option]
            if score + partnerTop <= best { break }
            let partner = partners & row[option]
            guard partner != 0 else { continue }
            let total = score + topScore(v, partner)
            if total > best { best = total }
        }
        return best
    }

    /// The best score among the options `mask` of u (not empty).
    private func topScore(_ u: Int, _ mask: UInt64) -> Int {
        let base = u * stride
        var i = 0
        while mask & (1 << UInt64(preference[base + i])) == 0 { i += 1 }
        return scores[base + Int(preference[base + i])]
    }

    /// Arc consistency for "source option chosen => target in allowed": drops source options whose target has no
    /// allowed option left, and narrows targets of decided sources. Starts from the constraints touching `changed`
    /// (all constraints when -1) and follows the decisions whose options shrink. Returns false when one empties.
    func propagate(_ domains: UnsafeMutablePointer<UInt64>, changed: Int) -> Bool {
        let capacity = constraintCount
        guard capacity > 0 else { return true }
        let constraints = structure.constraintBuffer
        let touchingStart = structure.touchingStart
        let touchingList = structure.touchingList
        var head = 0
        var size = 0
        func enqueue(touching variable: Int) {
            for position in Int(touchingStart[variable])..<Int(touchingStart[variable + 1]) {
                let index = Int(touchingList[position])
                if queued[index] { continue }
                queued[index] = true
                var tail = head + size
                if tail >= capacity { tail -= capacity }
                queue[tail] = Int32(index)
                size += 1
            }
        }
        if changed >= 0 {
            enqueue(touching: changed)
        } else {
            for index in 0..<capacity {
                queued[index] = true
                queue[index] = Int32(index)
            }
            size = capacity
        }
        while size > 0 {
            let index = Int(queue[head])
            head += 1
            if head == capacity { head = 0 }
            size -= 1
            queued[index] = false
            let constraint = constraints[index]
            let source = domains[constraint.source]
            guard source & constraint.sourceBit != 0 else { continue }
            let target = domains[constraint.target]
            if target & constraint.allowed == 0 {
                let narrowed = source & ~constraint.sourceBit
                domains[constraint.source] = narrowed
                if narrowed == 0 {
                    // Leave the queue empty for the next call.
                    while size > 0 {
                        queued[Int(queue[head])] = false
                        head += 1
                        if head == capacity { head = 0 }
                        size -= 1
                    }
                    return false
                }
                enqueue(touching: constraint.source)
            } else if source == constraint.sourceBit, target & ~constraint.allowed != 0 {
                domains[constraint.target] = target & constraint.allowed
                enqueue(touching: constraint.target)
            }
        }
        return true
    }
}
