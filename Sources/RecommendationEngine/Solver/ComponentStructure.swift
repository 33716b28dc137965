/// The constraint structure of one component, which depends only on its members (not on scores or exclusions):
/// local constraints, adjacency and pairwise compatibility masks, in flat buffers the search reads without bounds
/// checks. Built once and reused: ``SolverComponents`` builds the components of the full constraint graph when the
/// knowledge base is compiled, and what-if caches the structures of the components it meets.
///
/// `@unchecked Sendable`: the buffers are written only in `init` and freed only in `deinit`; in between they are
/// read-only, so sharing an instance between threads is safe.
final class ComponentStructure: @unchecked Sendable {
    struct LocalConstraint: Sendable {
        let source: Int
        let sourceBit: UInt64
        let target: Int
        let allowed: UInt64
    }

    /// Decision slots, ascending; local index = position.
    let members: [Int]
    let constraints: [LocalConstraint]
    /// Options per member (at most 64), and the largest: the row length of ``adjacencyMasks``.
    let optionCounts: [Int]
    let stride: Int

    /// The constraints, in ``constraints`` order.
    let constraintBuffer: UnsafeMutablePointer<LocalConstraint>
    /// touchingList[touchingStart[u] ..< touchingStart[u + 1]]: the constraints whose source or target is u (what to
    /// re-check when u's options shrink).
    let touchingStart: UnsafeMutablePointer<Int32>
    let touchingList: UnsafeMutablePointer<Int32>
    /// adjacencyList[adjacencyStart[u] ..< adjacencyStart[u + 1]]: the other members a constraint links to u,
    /// ascending. For such an entry e linking u to v, adjacencyMasks[e * stride + a] holds the options of v
    /// compatible with option a of u.
    let adjacencyStart: UnsafeMutablePointer<Int32>
    let adjacencyList: UnsafeMutablePointer<Int32>
    let adjacencyMasks: UnsafeMutablePointer<UInt64>

    /// Builds the structure of `members` (decision slots, ascending) from the knowledge base's constraints.
    convenience init(members: [Int], compiled: CompiledKnowledgeBase) {
        self.init(
            members: members, constraints: compiled.constraints, constraintsBySource: compiled.constraintsBySource,
            optionCounts: compiled.optionCounts)
    }

    /// Builds the structure from the pieces of a knowledge base being compiled (see ``SolverComponents``).
    init(
        members: [Int], constraints allConstraints: [CompiledKnowledgeBase.Constraint], constraintsBySource: [[Int]],
        optionCounts allOptionCounts: [Int]
    ) {
        self.members = members
        let count = members.count
        var local = [Int: Int](minimumCapacity: count)
        for (position, slot) in members.enumerated() { local[slot] = position }
        var constraints: [LocalConstraint] = []
        for (position, slot) in members.enumerated() {
            for index in constraintsBySource[slot] {
                let constraint = allConstraints[index]
                guard let target = local[constraint.targetDecision] else { continue }
                constraints.append(
                    LocalConstraint(
                        source: position, sourceBit: 1 << UInt64(constraint.sourceOption), target: target,
                        allowed: constraint.allowed))
            }
        }
        self.constraints = constraints
        optionCounts = members.map { allOptionCounts[$0] }
        stride = max(1, optionCounts.max() ?? 1)
        constraintBuffer = Self.copy(constraints)

        // Touching lists (compressed rows).
        var touchingCount = [Int32](repeating: 0, count: count + 1)
        for constraint in constraints {
            touchingCount[constraint.source] += 1
            if constraint.target != constraint.source { touchingCount[constraint.target] += 1 }
        }
        var touching = [Int32](repeating: 0, count: Int(touchingCount.reduce(0, +)))
        var touchingStart = [Int32](repeating: 0, count: count + 1)
        for u in 0..<count { touchingStart[u + 1] = touchingStart[u] + touchingCount[u] }
        var fill = touchingStart
        for (index, constraint) in constraints.enumerated() {
            touching[Int(fill[constraint.source])] = Int32(index)
            fill[constraint.source] += 1
            if constraint.target != constraint.source {
                touching[Int(fill[constraint.target])] = Int32(index)
                fill[constraint.target] += 1
            }
        }
        self.touchingStart = Self.copy(touchingStart)
        touchingList = Self.copy(touching)

        // Adjacency (both directions, deduplicated, ascending) and compatibility masks.
        var links: [Int] = []
        for constraint in constraints where constraint.source != constraint.target {
            links.append(constraint.source * count + constraint.target)
            links.append(constraint.target * count + constraint.source)
        }
        links.sort()
        var adjacency: [Int32] = []
        var adjacencyStart = [Int32](repeating: 0, count: count + 1)
        var previous = -1
        for link in links where link != previous {
            previous = link
            adjacency.append(Int32(link % count))
            adjacencyStart[link / count + 1] += 1
        }
        for u in 0..<count { adjacencyStart[u + 1] += adjacencyStart[u] }
        var masks = [UInt64](repeating: ~0, count: adjacency.count * stride)
        func entry(_ u: Int, _ v: Int) -> Int {
            var low = Int(adjacencyStart[u])
            var high = Int(adjacencyStart[u + 1])
            while low < high {
                let middle = (low + high) / 2
                if adjacency[middle] < v { low = middle + 1 } else { high = middle }
            }
            return low
        }
        for constraint in constraints where constraint.source != constraint.target {
            let option = constraint.sourceBit.trailingZeroBitCount
            // source = option  =>  target in allowed
            masks[entry(constraint.source, constraint.target) * stride + option] &= constraint.allowed
            // seen from the target: every target option outside `allowed` excludes this source option
            let back = entry(constraint.target, constraint.source) * stride
            for targetOption in 0..<optionCounts[constraint.target]
            where constraint.allowed & (1 << UInt64(targetOption)) == 0 {
                masks[back + targetOption] &= ~constraint.sourceBit
            }
        }
        self.adjacencyStart = Self.copy(adjacencyStart)
        adjacencyList = Self.copy(adjacency)
        adjacencyMasks = Self.copy(masks)
    }

    deinit {
        constraintBuffer.deallocate()
        touchingStart.deallocate()
        touchingList.deallocate()
        adjacencyStart.deallocate()
        adjacencyList.deallocate()
        adjacencyMasks.deallocate()
    }

    /// A new buffer holding `elements` (never zero-sized, so it can always be deallocated).
    private static func copy<Element>(_ elements: [Element]) -> UnsafeMutablePointer<Element> {
        let buffer = UnsafeMutablePointer<Element>.allocate(capacity: max(1, elements.count))
        _ = UnsafeMutableBufferPointer(start: buffer, count: elements.count).initialize(from: elements)
        return buffer
    }
}
