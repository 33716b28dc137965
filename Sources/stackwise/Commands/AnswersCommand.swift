import AnswersFile
import ArgumentParser
import KnowledgeModel
import RecommendationEngine

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
        abstract: "Check an answers file: every problem, compiler style; exit 2 when there are errors.",
        discussion: """
            Answers that contradict each other (a "none" option chosen with another, or a combination the knowledge \
            base declares contradictory) are warnings; with --strict they are errors (exit 2).
            """
    )

    @OptionGroup var knowledge: KnowledgeBaseOptions

    @Argument(
        help: ArgumentHelp("The answers file (YAML or JSON); '-' reads standard input.", valueName: "file"),
        completion: .file(extensions: ["yaml", "yml", "json"]))
    var file: String

    @Flag(help: "Treat contradictory answers as errors (exit 2).")
    var strict = false

    func run() throws {
        let knowledgeBase = try knowledge.loadValid()
        let engine = RecommendationEngine(knowledgeBase: knowledgeBase)
        let answerSet = try AnswersInput.load(file, engine: engine)
        let contradictions = engine.contradictions(answerSet)
        let severity = strict ? "error" : "warning"
        let shown = file == "-" ? "<stdin>" : file
        for contradiction in contradictions {
            Output.error("\(shown): \(severity): contradictory answers [\(contradiction.id)]: \(contradiction.message)")
        }
        if strict, !contradictions.isEmpty {
            let count = contradictions.count
            Output.error(
                "error: the answers contradict each other in \(counted(count, "place")) (--strict)")
            throw ExitCode(ExitStatus.badInput)
        }
        Output.print(
            "\(file): OK (\(counted(answerSet.answers.count, "answer"))"
                + (contradictions.isEmpty
                    ? ")" : ", \(counted(contradictions.count, "contradiction")))"))
    }
}
