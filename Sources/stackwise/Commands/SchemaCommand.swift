import AnswersFile
import ArgumentParser

/// `stackwise schema`: JSON Schemas of the files and output Stackwise reads and writes.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print a JSON Schema, for editors and validators.",
        subcommands: [SchemaAnswersCommand.self]
    )
}

/// `stackwise schema answers`: the JSON Schema of the answers file.
struct SchemaAnswersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answers",
        abstract: "The JSON Schema of the answers file (question ids, allowed values, ranges).",
        discussion: """
            Save it next to your answers file and add '# yaml-language-server: $schema=answers.schema.json' at the \
            top so editors validate and complete it.
            """
    )

    @OptionGroup var knowledge: KnowledgeBaseOptions

    func run() throws {
        Output.print(AnswersSchema(knowledgeBase: try knowledge.loadValid()).json())
    }
}
