import AnswersFile
import ArgumentParser
import DecisionRecords
import Foundation
import KnowledgeModel
import RecommendationEngine
import ReviewRendering

/// `stackwise export`: MADR 4.0 decision records, an index and design-review.md, never losing an edit.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the decisions as MADR 4.0 records (plus index.md and design-review.md) into a folder.",
        discussion: """
            Re-running with the same answers changes no byte. A record edited by hand is never overwritten: when its \
            decision changes, a new record supersedes it (links both ways; its text is kept). Unedited Stackwise \
            records are updated in place when only their context changes, and superseded when the chosen option \
            changes. A record updated in place keeps its status and people unless --status, --decision-makers, \
            --consulted or --informed is given. Only one export writes a folder at a time (a lock file, \
            .stackwise-export.lock); temporary files an interrupted export left are removed. Exit codes: 0 ok, \
            2 bad usage or input, 3 the folder cannot be written or another export kept it locked.
            """
    )

    @OptionGroup var input: ReviewInputOptions

    @Option(
        help: ArgumentHelp(
            "How much design-review.md shows: brief, standard (full lists folded in <details>) or full.",
            valueName: "level"))
    var detail: ReviewDetail = .standard

    @Option(help: ArgumentHelp("The records folder.", valueName: "dir"), completion: .directory)
    var out: String = "docs/decisions"

    @Flag(
        name: .customLong("dry-run"),
        help: "List what would be created, updated, superseded or left alone; write nothing.")
    var dryRun = false

    @Option(
        help: ArgumentHelp(
            "Status of the records (MADR): proposed, accepted, ... (default: proposed for new records; "
                + "records updated in place keep theirs)."))
    var status: String?

    @Option(
        name: .customLong("decision-makers"),
        help: ArgumentHelp("Comma-separated names for the decision-makers field.", valueName: "names"))
    var decisionMakers: String?

    @Option(help: ArgumentHelp("Comma-separated names for the consulted field.", valueName: "names"))
    var consulted: String?

    @Option(help: ArgumentHelp("Comma-separated names for the informed field.", valueName: "names"))
    var informed: String?

    @Option(
        name: .customLong("lock-timeout"),
        help: ArgumentHelp(
            "How long to wait for another export writing the same folder, in seconds.", valueName: "seconds"))
    var lockTimeout: Double = 10

    @Option(help: ArgumentHelp("Date of new and updated records, YYYY-MM-DD (default: today).", valueName: "date"))
    var date: String?

    func validate() throws {
        if out.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--out needs a folder name, e.g. --out docs/decisions")
        }
        if let date, !AnswersFileReader.isCalendarDate(date) {
            throw ValidationError("--date must be a date written YYYY-MM-DD, found '\(date)'")
        }
        if !(0...3600).contains(lockTimeout) {
            throw ValidationError("--lock-timeout must be between 0 and 3600 seconds")
        }
        guard let status else { return }
        let trimmed = status.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.count > 100 || trimmed.contains(where: { $0.isNewline }) {
            throw ValidationError("--status must be one short line, e.g. proposed or accepted")
        }
    }

    func run() throws {
        let (engine, answers) = try input.load()
        let report = ReviewReport(engine: engine, answers: answers)
        let people = RecordPeople(
            status: status?.trimmingCharacters(in: .whitespaces), decisionMakers: decisionMakers.map(names),
            consulted: consulted.map(names), informed: informed.map(names))
        let exporter = DecisionRecordExporter(
            report: report, people: people, date: date ?? Self.today(), detail: detail,
            whatIf: engine.whatIf(answers))
        let folder = URL(fileURLWithPath: out)
        do {
            let actions = try exporter.export(to: folder, dryRun: dryRun, lockTimeout: lockTimeout)
            for action in actions {
                let verb = dryRun ? "would be \(action.kind.rawValue)" : action.kind.rawValue
                let detail = action.detail.map { " (\($0))" } ?? ""
                Output.print(
                    "\(verb.padding(toLength: dryRun ? 21 : 10, withPad: " ", startingAt: 0)) \(out)/\(action.fileName)\(detail)"
                )
            }
            let changed = actions.filter { $0.contents != nil }.count
            for conflict in actions where conflict.kind == .conflict {
                Output.error("warning: \(out)/\(conflict.fileName) \(conflict.detail ?? "")")
            }
            Output.print(
                dryRun
                    ? "dry run: \(counted(changed, "file")) would be written; nothing was written"
                    : "\(counted(changed, "file")) written")
        } catch {
            Output.error("error: \(error.message)")
            throw ExitCode(error.isIO ? ExitStatus.ioFailure : ExitStatus.badInput)
        }
    }

    private func names(_ list: String) -> [String] {
        list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Today as YYYY-MM-DD (also used by the interactive export).
    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
