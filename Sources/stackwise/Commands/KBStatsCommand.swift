import ArgumentParser
import Foundation
import KnowledgeModel

/// `stackwise kb stats`: how big the knowledge base is, overall and per decision area.
struct KBStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count questions, decisions, options, rules, checklist items, tensions, findings and sources."
    )

    @OptionGroup var knowledge: KnowledgeBaseOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let stats = KnowledgeBaseStatistics(try knowledge.loadValid())
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            Output.print(String(decoding: try encoder.encode(stats), as: UTF8.self))
        case .text:
            Output.print(stats.textReport)
        }
    }
}

/// Text or JSON output.
enum OutputFormat: String, WordArgument {
    case text, json
}
