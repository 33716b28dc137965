import ArgumentParser

/// The `stackwise` command: reviews the design of a Node.js backend service.
@main
struct Stackwise: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "stackwise",
        abstract:
            "Review the design of a Node.js backend service: clarifying questions, explained recommendations, checklists.",
        usage: """
            stackwise [--plain] [--resume | --session <file>] [--answers <file>]
                      [--from <dir>] [--no-color] [--kb <dir> ...] [--base <dir>]
            stackwise <subcommand> [<options>]
            """,
        discussion: """
            Stackwise asks what a senior Node.js reviewer would ask, then a rules-based recommender over an \
            embedded knowledge base answers with architecture choices, trade-offs, risks and checklists.

            Without a subcommand, stackwise runs the interview ('stackwise interview'):
              --plain             numbered prompts on standard input and output
              --resume            continue the most recent session that has answers
              --session <file>    save the session to this file (continue it if it exists)
              --answers <file>    start from the answers in this file (it is not changed)
              --from <dir>        scan this project and pre-fill the current-stack answers
              --no-color          monochrome (also when NO_COLOR is set)
              --kb <dir>          a YAML folder layered on the knowledge base (repeatable)
              --base <dir>        this folder as the base knowledge base (for KB authors)


            """ + ExitStatus.helpTable,
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
            ManCommand.self,
        ],
        defaultSubcommand: InterviewCommand.self
    )

    /// Runs with the documented exit codes and failure-safe output (see ``CommandLineEntry``).
    static func main() {
        CommandLineEntry.run(Array(CommandLine.arguments.dropFirst()))
    }
}
