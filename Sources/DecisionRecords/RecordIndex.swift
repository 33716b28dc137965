import ReviewRendering

/// `index.md`: every record in the folder (Stackwise's and anyone else's), superseded ones struck through.
enum RecordIndex {
    static func render(_ records: [ExistingRecord], report: ReviewReport) -> String {
        var out = [
            "# Architecture decision records", "",
            "Decisions for \(MarkdownText.inline(report.serviceTitle)). The summary is in "
                + "[design-review.md](design-review.md).", "",
            "| Record | Title | Status |", "|---|---|---|",
        ]
        for record in records {
            let label = "ADR-" + RecordNaming.paddedNumber(record.number)
            let safeName = record.fileName.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || "-_.".unicodeScalars.contains($0)
            }
            let reference = safeName ? "[\(label)](\(record.fileName))" : label
            var title = MarkdownText.inline(record.title ?? record.fileName)
            if record.isSuperseded { title = "~~\(title)~~" }
            out.append("| \(reference) | \(title) | \(MarkdownText.inline(record.status ?? "—")) |")
        }
        out += ["", Signature.commentPrefix + Signature.placeholder + " -->", ""]
        return Signature.sign(out.joined(separator: "\n"))
    }
}
