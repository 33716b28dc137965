import AnswersFile
import ArgumentParser
import KnowledgeModel
import RecommendationEngine

/// The options that say what to review: `--answers FILE|-`, `--set id=value` and the knowledge base.
struct ReviewInputOptions: ParsableArguments {
    @OptionGroup var knowledge: KnowledgeBaseOptions

    @Option(
        name: .customLong("answers"),
        help: ArgumentHelp("The answers file (YAML or JSON); '-' reads standard input.", valueName: "file"))
    var answersFile: String?

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Set one answer, overriding the file (repeatable): question-id=value, e.g. traffic.peak_rps=500.",
            valueName: "id=value"))
    var assignments: [String] = []

    /// The knowledge base, an engine over it and the answers with the overrides applied; exits 2 or 3 on bad
    /// input, after printing every problem.
    func load() throws -> (RecommendationEngine, AnswerSet) {
        let knowledgeBase = try knowledge.loadValid()
        let engine = RecommendationEngine(knowledgeBase: knowledgeBase)
        var answers = try answersFile.map { try AnswersInput.load($0, knowledgeBase: knowledgeBase) } ?? AnswerSet()
        let diagnostics = AnswerOverrides.apply(assignments, to: &answers, knowledgeBase: knowledgeBase)
        for diagnostic in diagnostics { Output.error(diagnostic.description) }
        if diagnostics.hasErrors { throw ExitCode(ExitStatus.badInput) }
        return (engine, answers)
    }
}
