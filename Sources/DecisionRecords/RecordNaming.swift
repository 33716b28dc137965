/// File names of decision records: `NNNN-kebab-title.md` (the adr-tools/MADR convention). Names are built only
/// from ASCII letters, digits and `-`, so they can never leave the output folder.
public enum RecordNaming {
    /// `7` -> `0007`.
    public static func paddedNumber(_ number: Int) -> String {
        let digits = String(number)
        return digits.count >= 4 ? digits : String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// `Primary database: PostgreSQL` -> `primary-database-postgresql` (at most 60 characters; `decision` when
    /// nothing usable is left).
    public static func slug(_ title: String) -> String {
        var slug = ""
        for scalar in title.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.count > 60 {
            slug = String(slug.prefix(60))
            while slug.hasSuffix("-") { slug.removeLast() }
        }
        return slug.isEmpty ? "decision" : slug
    }

    /// `0007-primary-database-postgresql.md`
    public static func fileName(number: Int, title: String) -> String {
        "\(paddedNumber(number))-\(slug(title)).md"
    }

    /// The record number of a file name `NNNN-....md`, if it is one.
    public static func number(ofFileName name: String) -> Int? {
        guard name.hasSuffix(".md") else { return nil }
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard digits.count >= 1, digits.count <= 9, name.dropFirst(digits.count).first == "-" else { return nil }
        return Int(digits)
    }
}
