#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One result list per chunk of a parallel loop, each written by exactly one thread (then read after the loop).
final class ChunkResults<Element>: @unchecked Sendable {
    private let lists: UnsafeMutableBufferPointer<[Element]>

    init(count: Int) {
        lists = .allocate(capacity: count)
        lists.initialize(repeating: [])
    }

    deinit {
        lists.deinitialize()
        lists.deallocate()
    }

    func set(_ chunk: Int, _ list: [Element]) { lists[chunk] = list }

    func joined() -> [Element] { Array(lists.joined()) }
}

/// The number of processors online (at least 1).
enum Processors {
    static let online: Int = {
        #if canImport(Glibc)
            return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #elseif canImport(Darwin)
            return max(1, Int(sysconf(_SC_NPROCESSORS_ONLN)))
        #else
            return 1
        #endif
    }()
}
