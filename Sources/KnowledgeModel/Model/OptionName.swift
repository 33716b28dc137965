/// Option names as compact views show them.
public enum OptionName {
    /// "Managed containers (AWS ECS on Fargate, ...)" -> "Managed containers": the name up to its first " (" (a
    /// name that starts with one is kept whole). " (" is ASCII, so cutting at its bytes keeps any UTF-8 text whole.
    public static func short(_ name: String) -> String {
        let bytes = name.utf8
        var previous: UInt8 = 0
        for index in bytes.indices {
            if previous == UInt8(ascii: " "), bytes[index] == UInt8(ascii: "(") {
                let open = bytes.index(before: index)
                return open == bytes.startIndex ? name : String(name[..<open])
            }
            previous = bytes[index]
        }
        return name
    }
}
