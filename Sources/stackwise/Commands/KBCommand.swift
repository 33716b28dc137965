import ArgumentParser

/// `stackwise kb`: tools for the knowledge base.
struct KBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "Check and describe the knowledge base (embedded, plus your overlays).",
        subcommands: [KBLintCommand.self, KBStatsCommand.self, KBCoverageCommand.self, KBTestCommand.self]
    )
}
