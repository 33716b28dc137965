import AnswersFile
import ArgumentParser

/// `stackwise answers`: tools for answers files.
struct AnswersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answers",
        abstract: "Work with answers files (the input of scripted reviews, and what the TUI saves).",
        subcommands: [AnswersTemplateCommand.self, AnswersCheckCommand.self]
    )
}

/// `stackwise answers template`: a commented answers file with every question left blank.
struct AnswersTemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Print a commented answers file with every question (prompt, allowed values, default).",
        discussion: "Save it, fill in what you know, then run 'stackwise review --answers FILE'."
    )

    @OptionGroup var knowledge: KnowledgeBaseOptions

    func run() throws {
        Output.print(AnswersTemplate(knowledgeBase: try knowledge.loadValid()).yaml(), terminator: "")
    }
}

/// `stackwise answers check`: validates an answers file without reviewing.
struct AnswersCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check an answers file: every problem, compiler style; exit 2 when there are errors."
    )

    @OptionGroup var knowledge: KnowledgeBaseOptions

    @Argument(help: ArgumentHelp("The answers file (YAML or JSON); '-' reads standard input.", valueName: "file"))
    var file: String

    func run() throws {
        let knowledgeBase = try knowledge.loadValid()
        let answerSet = try AnswersInput.load(file, knowledgeBase: knowledgeBase)
        Output.print("\(file): OK (\(answerSet.answers.count) answers)")
    }
}
