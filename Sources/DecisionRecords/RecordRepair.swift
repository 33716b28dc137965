/// Repairs and reports what a broken export (an older version racing another, a copy, a merge) can leave in a
/// records folder. Policy in docs/decisions/0014.
enum RecordRepair {
    /// Two or more records with one number: reported, never renumbered (other records, commits and people
    /// refer to `ADR-NNNN`; renaming a file would break those links silently).
    static func numberConflicts(_ records: [ExistingRecord]) -> [ExportAction] {
        var actions: [ExportAction] = []
        var first: [Int: String] = [:]
        for record in records {
            guard let owner = first[record.number] else {
                first[record.number] = record.fileName
                continue
            }
            actions.append(
                ExportAction(
                    kind: .conflict, fileName: record.fileName,
                    detail: "has the number of \(owner); renumber one of them by hand and fix links to "
                        + "ADR-\(RecordNaming.paddedNumber(record.number))"))
        }
        return actions
    }

    /// Decisions with more than one active (not superseded) readable Stackwise record: the newest (highest
    /// number) stays active and every other one is marked superseded by it, in `records` and as an action.
    /// Returns the actions and the one active record per decision.
    static func activeDuplicates(
        _ records: inout [ExistingRecord]
    ) -> (actions: [ExportAction], active: [String: ExistingRecord]) {
        var groups: [String: [Int]] = [:]
        for (index, record) in records.enumerated() where !record.isSuperseded && record.text != nil {
            guard let decision = record.decisionID else { continue }
            groups[decision, default: []].append(index)
        }
        var actions: [ExportAction] = []
        var active: [String: ExistingRecord] = [:]
        for (decision, indices) in groups.sorted(by: { $0.key < $1.key }) {
            // `records` is sorted by number then name: the last one is the newest.
            let keeper = records[indices[indices.count - 1]]
            active[decision] = keeper
            let link = RecordLink(
                number: keeper.number, fileName: keeper.fileName, title: keeper.title ?? keeper.fileName)
            for index in indices.dropLast() {
                guard let text = records[index].text else { continue }
                let marked = Signature.matchingLineEndings(
                    DecisionRecordExporter.markSuperseded(text, by: link), of: text)
                actions.append(
                    ExportAction(
                        kind: .superseded, fileName: records[index].fileName,
                        detail: "a second active record for the same decision; superseded by \(keeper.fileName)",
                        contents: marked))
                records[index] = RecordFolder.record(
                    fileName: records[index].fileName, number: records[index].number, text: marked)
            }
        }
        return (actions, active)
    }
}
