import ArgumentParser
import EmbeddedKnowledgeBase
import Foundation
import KnowledgeModel

/// `--kb DIR` (repeatable) and `--base DIR`: which knowledge base a command uses.
struct KnowledgeBaseOptions: ParsableArguments {
    @Option(
        name: .customLong("kb"),
        help: ArgumentHelp(
            "A folder of YAML layered on the embedded knowledge base (repeatable; a later one wins).",
            valueName: "dir"), completion: .directory)
    var overlays: [String] = []

    @Option(
        name: .customLong("base"),
        help: ArgumentHelp(
            "Use this folder as the base knowledge base instead of the embedded one (for knowledge-base authors).",
            valueName: "dir"), completion: .directory)
    var base: String?

    /// Loads the knowledge base with its overlays; returns it with every diagnostic.
    func load() -> (KnowledgeBase, [Diagnostic]) {
        let urls = overlays.map { URL(fileURLWithPath: $0) }
        return StackwiseKnowledge.load(
            overlays: urls, overlayNames: overlays.map(Self.display), base: base.map { URL(fileURLWithPath: $0) })
    }

    /// Loads the knowledge base for a command that needs a valid one: prints errors and exits 2 when it has any.
    func loadValid() throws -> KnowledgeBase {
        let (knowledgeBase, diagnostics) = load()
        if diagnostics.hasErrors {
            for diagnostic in diagnostics where diagnostic.severity == .error {
                Output.error(diagnostic.description)
            }
            Output.error("error: the knowledge base has errors (run 'stackwise kb lint' to see them all)")
            throw ExitCode(ExitStatus.badInput)
        }
        return knowledgeBase
    }

    private static func display(_ path: String) -> String {
        var trimmed = path
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed
    }
}
