/// A count with its noun in the right number: `counted(1, "answer")` is "1 answer", `counted(2, "answer")` is
/// "2 answers", `counted(2, "entry", "entries")` is "2 entries". Every layer that prints a count uses it.
public func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
}
