import ArgumentParser
import KnowledgeModel

/// `stackwise kb lint`: every problem in the knowledge base and its overlays, compiler style.
struct KBLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the knowledge base and overlays: schema, ids, references, conditions, constraints.",
        discussion: """
            Prints each problem as 'path:line:col: error|warning: message' and exits 1 when there are errors. \
            With --kb, the overlays are checked merged on top of the embedded knowledge base.
            """
    )

    @OptionGroup var knowledge: KnowledgeBaseOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let (_, diagnostics) = knowledge.load()
        for diagnostic in diagnostics { Output.print(diagnostic.description) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if diagnostics.isEmpty {
            Output.print("knowledge base OK: no errors, no warnings")
        } else {
            Output.print("\(counted(errors, "error")), \(counted(warnings, "warning"))")
        }
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(ExitStatus.failed) }
    }
}
