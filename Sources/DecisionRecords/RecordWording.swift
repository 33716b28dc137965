import KnowledgeModel

/// How a knowledge-base phrase continues a MADR bullet ("Good, because …", "Bad, because …") or "because …":
/// its first word in lower case when it is an ordinary word ("A document store" -> "a document store"), kept
/// when it is a name ("Atlas adds …", "NestJS", "API"); a phrase that already starts with the bullet's own words
/// (`kb lint` warns about those) does not get them twice.
struct RecordWording {
    /// Capitalised words the knowledge base uses as names: the words of option names written in title case
    /// ("Google Cloud Run", "Redis"), and words written capitalised inside a sentence ("MongoDB Atlas") but never
    /// in lower case.
    let names: Set<String>

    init(_ knowledgeBase: KnowledgeBase) {
        var optionNames: Set<String> = []
        var capitalisedInside: Set<String> = []
        var lowerCase: Set<String> = []
        for decision in knowledgeBase.decisions {
            for option in decision.options {
                let words = option.name.split { !$0.isLetter && !$0.isNumber }.map(String.init)
                if words.allSatisfy({ $0.first?.isUppercase == true || $0.first?.isNumber == true }) {
                    optionNames.formUnion(words)
                }
                for text in [option.summary] + option.pros + option.cons + option.pickWhen + option.avoidWhen {
                    let words = text.split(separator: " ")
                    for (index, word) in words.enumerated() {
                        let letters = String(word.prefix { $0.isLetter })
                        guard let first = letters.first else { continue }
                        if first.isLowercase {
                            lowerCase.insert(letters)
                        } else if index > 0, words[index - 1].last.map({ !".!?:".contains($0) }) == true {
                            capitalisedInside.insert(letters)
                        }
                    }
                }
            }
        }
        names = optionNames.union(capitalisedInside.filter { !lowerCase.contains($0.lowercased()) })
    }

    /// `text` continuing "Good, because" (`lead` is the bullet's words, removed when the text repeats them).
    func continuing(_ text: String, after lead: String = "") -> String {
        var text = Substring(text)
        for prefix in [lead + ", because ", lead + " because "] where !lead.isEmpty {
            if text.lowercased().hasPrefix(prefix.lowercased()) { text = text.dropFirst(prefix.count) }
        }
        if text.lowercased().hasPrefix("because ") { text = text.dropFirst("because ".count) }
        let word = text.prefix { $0.isLetter }
        // "A" is the article; other single capitals ("N+1") and words with more capitals ("NestJS") stay.
        guard let first = word.first, first.isUppercase, word.dropFirst().allSatisfy(\.isLowercase),
            word.count > 1 || word == "A", !names.contains(String(word))
        else { return String(text) }
        return first.lowercased() + text.dropFirst()
    }
}
