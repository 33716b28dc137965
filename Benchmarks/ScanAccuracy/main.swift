import EmbeddedKnowledgeBase
import Foundation
import StackScanner

// Scan accuracy on the hand-labelled set of real public Node.js backends: per-category recall and precision.
// `swift run ScanAccuracy [folder] [--verbose]` (default folder: this benchmark's own).
let arguments = CommandLine.arguments.dropFirst()
let verbose = arguments.contains("--verbose")
let folder =
    arguments.first { !$0.hasPrefix("--") }.map { URL(fileURLWithPath: $0) }
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let set = try LabelledSet(folder: folder)
let scores = try set.score(catalog: StackwiseKnowledge.embedded.detection)
print("Scan accuracy on \(set.entries.count) labelled projects (goal: recall >= 95%, precision >= 98% per category)")
print("category             labels  found  recall  precision")
func percent(_ value: Double) -> String { String(format: "%5.1f%%", value * 100) }
for score in scores {
    let name = score.category.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)
    let labels = String(score.truePositives + score.falseNegatives)
    let found = String(score.truePositives + score.falsePositives)
    print(
        "\(name) \(String(repeating: " ", count: max(0, 6 - labels.count)))\(labels) "
            + "\(String(repeating: " ", count: max(0, 6 - found.count)))\(found)  \(percent(score.recall))  "
            + "\(percent(score.precision))")
    if verbose {
        for miss in score.misses { print("    missed \(miss)") }
        for extra in score.extras { print("    extra  \(extra)") }
    }
}
let total = scores.reduce((0, 0, 0)) { ($0.0 + $1.truePositives, $0.1 + $1.falseNegatives, $0.2 + $1.falsePositives) }
print(
    "all                  \(total.0 + total.1)  \(total.0 + total.2)  "
        + "\(percent(Double(total.0) / Double(max(1, total.0 + total.1))))  "
        + "\(percent(Double(total.0) / Double(max(1, total.0 + total.2))))")
