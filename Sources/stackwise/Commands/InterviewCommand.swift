import ArgumentParser
import CursesTerminal
import Foundation
import KnowledgeModel
import RecommendationEngine
import TerminalUI

/// `stackwise interview` (also what `stackwise` alone runs): the full-screen interview and review, or the plain
/// line mode.
struct InterviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview",
        abstract: "Answer the reviewer's questions in a full-screen interface (the default command).",
        discussion: """
            Every answer is saved at once to a session file (an answers file) in $XDG_STATE_HOME/stackwise/sessions \
            (default ~/.local/state/stackwise/sessions), or to --session FILE (an existing file is edited in place \
            from the first change on: its comments and anything Stackwise does not understand are kept). On exit, \
            stackwise prints where the session is and the 'stackwise review' command that reproduces the result; \
            when answers could not be saved it says so and exits 3. 'stackwise sessions' lists them. Needs a terminal; use --plain \
            (automatic when TERM=dumb) for numbered prompts on standard input and output.
            """)

    @Flag(help: "Numbered prompts on stdin/stdout, no full-screen interface (for screen readers and scripts).")
    var plain = false

    @Option(
        help: ArgumentHelp("Save the session to this file (continue it if it exists).", valueName: "file"),
        completion: .file(extensions: ["yaml", "yml", "json"]))
    var session: String?

    @Flag(help: "Continue the most recent session that has answers (wherever it was saved; see 'stackwise sessions').")
    var resume = false

    @Option(
        help: ArgumentHelp("Start from the answers in this file (the file itself is not changed).", valueName: "file"),
        completion: .file(extensions: ["yaml", "yml", "json"]))
    var answers: String?

    @Option(
        name: .customLong("from"),
        help: ArgumentHelp(
            "Review an existing project: scan this folder and pre-fill the current-stack answers (marked as detected, "
                + "for you to confirm or correct).", valueName: "dir"),
        completion: .directory)
    var projectFolder: String?

    @Flag(name: .customLong("no-color"), help: "Monochrome (also when NO_COLOR is set).")
    var noColor = false

    @OptionGroup var knowledgeBaseOptions: KnowledgeBaseOptions

    func validate() throws {
        if resume, session != nil { throw ValidationError("use either --resume or --session, not both") }
    }

    func run() throws {
        var usePlain = plain || ProcessInfo.processInfo.environment["TERM"] == "dumb"
        if !usePlain, isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0 {
            Output.error(
                "error: the interactive review needs a terminal; use 'stackwise review --answers FILE' "
                    + "(scripted) or 'stackwise interview --plain'")
            throw ExitCode(ExitStatus.badInput)
        }
        if !usePlain, !CursesTerminal.terminalIsKnown() {
            let name = UntrustedText.escaped(ProcessInfo.processInfo.environment["TERM"] ?? "", limit: 40)
            Output.error("notice: unknown terminal type '\(name)' (TERM); using the plain mode")
            usePlain = true
        }
        let knowledgeBase = try knowledgeBaseOptions.loadValid()
        let engine = RecommendationEngine(knowledgeBase: knowledgeBase)
        let store = SessionStore(knowledgeBase: knowledgeBase)
        var start = try startingPoint(store)
        if usePlain { start.startScreen = false }
        let runner = InterviewRunner(engine: engine, store: store)
        let colors = Theme.wantsColor(noColorFlag: noColor, environment: ProcessInfo.processInfo.environment)
        let status = usePlain ? try runner.runPlain(start) : try runner.runFullScreen(start, colors: colors)
        if status != 0 { throw ExitCode(status) }
    }

    /// The session to use and the answers to start from.
    private func startingPoint(_ store: SessionStore) throws -> SessionStart {
        var start = SessionStart(path: session ?? SessionStore.newSessionPath())
        if resume {
            guard let last = store.mostRecentWithAnswers() else {
                Output.error(
                    "error: no session with answers to resume (see 'stackwise sessions'; sessions are saved in "
                        + "\(SessionStore.directory.path) or where --session said)")
                throw ExitCode(ExitStatus.badInput)
            }
            start.path = last.path
        }
        if resume || session != nil, FileManager.default.fileExists(atPath: start.path) {
            guard let loaded = store.load(start.path) else {
                Output.error("error: cannot read the session file '\(start.path)'")
                throw ExitCode(ExitStatus.ioFailure)
            }
            start.answers = loaded.answers
            start.notices = loaded.notices
        }
        if let answers {
            start.answers = try AnswersInput.load(answers, knowledgeBase: store.knowledgeBase)
        }
        if let projectFolder {
            let (report, _) = try DetectedAnswersPrefill.detect(scanning: projectFolder, store.knowledgeBase)
            start.scan = InterviewRunner.scanResult(report, folder: projectFolder, store.knowledgeBase)
        }
        start.startScreen = !resume && session == nil && answers == nil && projectFolder == nil
        return start
    }
}

/// Where an interview starts.
struct SessionStart {
    var path: String
    var answers = AnswerSet()
    var notices: [String] = []
    /// Show the start screen (new / resume / open) instead of going straight to the questions.
    var startScreen = false
    /// `--from DIR`: the project scan whose detected answers fill the unanswered questions.
    var scan: ProjectScanResult?
}
