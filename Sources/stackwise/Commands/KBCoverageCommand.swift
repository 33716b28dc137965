import ArgumentParser
import Foundation
import KnowledgeModel

/// `stackwise kb coverage`: how much of each reference catalogue the knowledge base covers.
struct KBCoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Report, per reference catalogue (OWASP API Top 10 2023, Twelve-Factor, ...), the items covered.",
        discussion: """
            An item is covered when a rule or checklist item cites it in 'refs' (e.g. owasp-api-2023:API3). \
            JSON: {"sets":[{"id","title","total","covered","missing":[...]}]}.
            """
    )

    @OptionGroup var knowledge: KnowledgeBaseOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let coverage = ReferenceCoverage(try knowledge.loadValid())
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            Output.print(String(decoding: try encoder.encode(coverage), as: UTF8.self))
        case .text:
            for set in coverage.sets {
                let percent = set.total == 0 ? 100 : set.covered * 100 / set.total
                Output.print("\(set.id): \(set.covered)/\(set.total) (\(percent)%)  \(set.title)")
                if !set.missing.isEmpty { Output.print("  missing: \(set.missing.joined(separator: ", "))") }
            }
            let total = coverage.total
            let percent = total == 0 ? 100 : coverage.covered * 100 / total
            Output.print("overall: \(coverage.covered)/\(total) (\(percent)%)")
        }
    }
}
