import ArgumentParser

/// The `stackwise` command: reviews the design of a Node.js backend service.
@main
struct Stackwise: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "stackwise",
        abstract:
            "Review the design of a Node.js backend service: clarifying questions, explained recommendations, checklists.",
        discussion: """
            Stackwise asks what a senior Node.js reviewer would ask, then a rules-based recommender over an \
            embedded knowledge base answers with architecture choices, trade-offs, risks and checklists.
            """,
        version: version,
        subcommands: [
            KBCommand.self,
            AnswersCommand.self,
            QuestionsCommand.self,
            SchemaCommand.self,
            ReviewCommand.self,
            CheckCommand.self,
            ExportCommand.self,
            InterviewCommand.self,
            ScanCommand.self,
            SessionsCommand.self,
        ],
        defaultSubcommand: InterviewCommand.self
    )
}
