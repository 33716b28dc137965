import ArgumentParser
import EmbeddedKnowledgeBase
import Foundation
import KnowledgeModel
import RecommendationEngine
import ScenarioTesting

/// `stackwise kb test`: runs the scenario tests of the knowledge base and of every overlay.
struct KBTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the knowledge base's scenario tests (tests/*.yaml), and those of each --kb overlay.",
        discussion: """
            Each scenario is a set of answers plus expected properties of the review (a decision is / is one of / \
            is not, checklist items, findings and tensions present or absent). Exits 1 when a scenario fails, \
            2 when a scenario file or the knowledge base has errors.
            """
    )

    @OptionGroup var knowledge: KnowledgeBaseOptions

    @Option(help: ArgumentHelp("Run only scenarios whose id contains this text.", valueName: "text"))
    var filter: String?

    @Flag(help: "List every scenario, not only the failing ones.")
    var verbose = false

    func run() throws {
        let kb = try knowledge.loadValid()
        var files: [(path: String, text: String)] = []
        do {
            if let base = knowledge.base {
                files += try StackwiseKnowledge.scenarioFiles(in: URL(fileURLWithPath: base), displayPrefix: base)
            } else {
                files += StackwiseKnowledge.embeddedScenarioFiles
            }
            for overlay in knowledge.overlays {
                files += try StackwiseKnowledge.scenarioFiles(in: URL(fileURLWithPath: overlay), displayPrefix: overlay)
            }
        } catch {
            for diagnostic in error.diagnostics { Output.error(diagnostic.description) }
            throw ExitCode(ExitStatus.badInput)
        }
        let (decoded, diagnostics) = ScenarioDecoder(knowledgeBase: kb).decode(files: files)
        for diagnostic in diagnostics { Output.error(diagnostic.description) }
        if diagnostics.hasErrors { throw ExitCode(ExitStatus.badInput) }
        let scenarios = decoded.filter { scenario in filter.map { scenario.id.contains($0) } ?? true }
        if scenarios.isEmpty {
            Output.print("no scenarios to run")
            return
        }
        let results = ScenarioRunner(engine: RecommendationEngine(knowledgeBase: kb)).run(scenarios)
        for result in results where verbose || !result.passed {
            Output.print("\(result.passed ? "PASS" : "FAIL") \(result.scenario.id): \(result.scenario.title)")
            for failure in result.failures { Output.print("  \(result.scenario.location): \(failure)") }
        }
        let failed = results.filter { !$0.passed }.count
        Output.print("\(results.count - failed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(ExitStatus.failed) }
    }
}
