import AnswersFile
import ArgumentParser
import Foundation
import KnowledgeModel
import RecommendationEngine
import StackScanner

/// The options that say what to review: `--answers FILE|-`, `--set id=value` and the knowledge base.
struct ReviewInputOptions: ParsableArguments {
    @OptionGroup var knowledge: KnowledgeBaseOptions

    @Option(
        name: .customLong("answers"),
        help: ArgumentHelp("The answers file (YAML or JSON); '-' reads standard input.", valueName: "file"),
        completion: .file(extensions: ["yaml", "yml", "json"]))
    var answersFile: String?

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Set one answer, overriding the file (repeatable): question-id=value, e.g. traffic.peak_rps=500.",
            valueName: "id=value"),
        completion: .custom(Completions.assignments))
    var assignments: [String] = []

    @Option(
        name: .customLong("propose"),
        help: ArgumentHelp(
            "What you plan to use for a decision (repeatable), judged by the review: decision=option, e.g."
                + " database=mongodb; several options where the decision has complements: rate_limiting=a,b.",
            valueName: "decision=option"),
        completion: .custom(Completions.proposals))
    var proposals: [String] = []

    @Option(
        name: .customLong("from"),
        help: ArgumentHelp(
            "Pre-fill the current-stack answers by scanning this project folder (answers in the file and --set win).",
            valueName: "dir"),
        completion: .directory)
    var projectFolder: String?

    /// The knowledge base, an engine over it and the answers with the overrides applied; exits 2 or 3 on bad
    /// input, after printing every problem.
    func load() throws -> (RecommendationEngine, AnswerSet) {
        let knowledgeBase = try knowledge.loadValid()
        let engine = RecommendationEngine(knowledgeBase: knowledgeBase)
        var answers = try answersFile.map { try AnswersInput.load($0, engine: engine) } ?? AnswerSet()
        let filled =
            try projectFolder.map { try DetectedAnswersPrefill.apply(scanning: $0, to: &answers, knowledgeBase) } ?? []
        let diagnostics =
            AnswerOverrides.apply(assignments, to: &answers, knowledgeBase: knowledgeBase)
            + Proposals.apply(proposals, to: &answers, knowledgeBase: knowledgeBase)
        for diagnostic in diagnostics { Output.error(diagnostic.description) }
        if diagnostics.hasErrors { throw ExitCode(ExitStatus.badInput) }
        if let projectFolder {
            try DetectedAnswersPrefill.refuseIgnored(filled, folder: projectFolder, answers: answers, engine: engine)
        }
        return (engine, answers)
    }
}

/// `--from DIR`: the scan's answers fill the questions the user has not answered, marked `detected` in their origin.
/// The TUI's "review an existing project" and `interview --from` use the same scan and the same filling.
enum DetectedAnswersPrefill {
    /// Fills the unanswered questions from a scan of `folder`; returns the ids it filled.
    static func apply(
        scanning folder: String, to answers: inout AnswerSet, _ knowledgeBase: KnowledgeBase
    ) throws -> [String] {
        let (report, detected) = try detect(scanning: folder, knowledgeBase)
        for warning in report.warnings { Output.error(warning.description) }
        return answers.fillUnanswered(from: detected)
    }

    /// Prints how many detected answers are used; exits 2 when some would be ignored because the other answers
    /// make their questions moot (a service said to be new): `--from` is never silently ignored.
    static func refuseIgnored(
        _ filled: [String], folder: String, answers: AnswerSet, engine: RecommendationEngine
    ) throws {
        let ignored = filled.filter { answers.answers[$0]?.isDetected == true && !engine.isApplicable($0, answers) }
        if !ignored.isEmpty {
            let stage = answers.answers["service.stage"]?.value.map { " (service.stage = \($0))" } ?? ""
            Output.error(
                "error: --from \(folder): the scan found \(ignored.count) current-stack answer"
                    + "\(ignored.count == 1 ? "" : "s") (\(ignored.joined(separator: ", "))), but the answers say the "
                    + "service is not an existing one\(stage), so they would be ignored; answer service.stage: existing "
                    + "(or --set service.stage=existing), or drop --from")
            throw ExitCode(ExitStatus.badInput)
        }
        let count = filled.filter { answers.answers[$0]?.isDetected == true }.count
        Output.error(
            "note: \(counted(count, "current-stack answer")) detected in \(folder) "
                + "(see them with 'stackwise scan \(folder)'; save and correct them with --answers-out FILE)")
    }

    /// Scans a project and returns the report and the current-stack answers it supports (marked as detected).
    /// Prints only when the scan fails (one line, then exits 2 or 3).
    static func detect(scanning folder: String, _ knowledgeBase: KnowledgeBase) throws -> (ScanReport, AnswerSet) {
        let report = try ProjectScan.run(directory: folder, package: nil, knowledgeBase: knowledgeBase)
        return (report, answers(for: report, knowledgeBase))
    }

    /// The current-stack answers a scan supports, limited to questions that would be asked.
    static func answers(for report: ScanReport, _ knowledgeBase: KnowledgeBase) -> AnswerSet {
        DetectedAnswers.answers(
            for: report, knowledgeBase: knowledgeBase,
            isApplicable: RecommendationEngine(knowledgeBase: knowledgeBase).isApplicable)
    }
}
