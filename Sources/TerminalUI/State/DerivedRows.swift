import Synchronization

/// What the review screen derives from the advice alone (a tab's rows, a detail's lines, column widths), computed on
/// first use and kept until the advice changes: a cursor move or a redraw never recomputes what depends only on the
/// review. ``Advice`` replaces it with an empty one whenever the review, the what-if table or the insights change,
/// so copies of a state can share it and it never serves rows of an older review.
final class DerivedRows: Sendable, Equatable {
    private struct Storage {
        var overview: [OverviewRow]?
        var issues: [IssueRow]?
        var checklist: (filter: String, indices: [Int])?
        var details: [DetailSubject: [DetailLine]] = [:]
        /// A detail's lines wrapped to a width (each with the index of the line it comes from).
        var wrapped: [WrapKey: [WrappedLine]] = [:]
        /// Widths and counts, by what they measure (e.g. the Decisions tab's columns at a width).
        var numbers: [String: Int] = [:]
    }

    /// A detail wrapped to a width.
    struct WrapKey: Hashable {
        var subject: DetailSubject
        var width: Int
    }

    /// One wrapped line of a detail: its text and role, and the index of the detail line it belongs to.
    struct WrappedLine: Equatable {
        var text: String
        var role: StyleRole
        var line: Int
    }

    private let storage = Mutex(Storage())

    init() {}

    /// Derived data carries no state of its own: two states with the same advice are equal whatever was cached.
    static func == (lhs: DerivedRows, rhs: DerivedRows) -> Bool { true }

    func overview(_ compute: () -> [OverviewRow]) -> [OverviewRow] {
        if let rows = storage.withLock({ $0.overview }) { return rows }
        let rows = compute()
        storage.withLock { $0.overview = rows }
        return rows
    }

    func issues(_ compute: () -> [IssueRow]) -> [IssueRow] {
        if let rows = storage.withLock({ $0.issues }) { return rows }
        let rows = compute()
        storage.withLock { $0.issues = rows }
        return rows
    }

    /// The checklist indices matching `filter` (the last filter's are kept).
    func checklist(filter: String, _ compute: () -> [Int]) -> [Int] {
        if let cached = storage.withLock({ $0.checklist }), cached.filter == filter { return cached.indices }
        let indices = compute()
        storage.withLock { $0.checklist = (filter, indices) }
        return indices
    }

    func detail(_ subject: DetailSubject, _ compute: () -> [DetailLine]) -> [DetailLine] {
        if let lines = storage.withLock({ $0.details[subject] }) { return lines }
        let lines = compute()
        storage.withLock { $0.details[subject] = lines }
        return lines
    }

    func wrapped(_ subject: DetailSubject, width: Int, _ compute: () -> [WrappedLine]) -> [WrappedLine] {
        let key = WrapKey(subject: subject, width: width)
        if let lines = storage.withLock({ $0.wrapped[key] }) { return lines }
        let lines = compute()
        storage.withLock { $0.wrapped[key] = lines }
        return lines
    }

    func number(_ key: String, _ compute: () -> Int) -> Int {
        if let value = storage.withLock({ $0.numbers[key] }) { return value }
        let value = compute()
        storage.withLock { $0.numbers[key] = value }
        return value
    }
}
