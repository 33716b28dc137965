import ArgumentParser
import ReviewRendering

/// `stackwise questions`: every question, in interview order.
struct QuestionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "questions",
        abstract: "List the questions (id, section, type, prompt, options, default, when asked).",
        discussion: """
            --format json prints an array of objects with id, section, type, prompt, options ([{id, label}]), \
            default and askIf (null when absent), plus help, unit, min, max, required and notSure.
            """
    )

    @OptionGroup var knowledge: KnowledgeBaseOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let catalog = QuestionCatalog(knowledgeBase: try knowledge.loadValid())
        switch format {
        case .text: Output.print(catalog.text())
        case .json: Output.print(catalog.json())
        }
    }
}
