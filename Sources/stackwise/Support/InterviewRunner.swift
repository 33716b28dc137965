import CursesTerminal
import DecisionRecords
import Foundation
import KnowledgeModel
import RecommendationEngine
import ReviewRendering
import StackScanner
import TerminalUI

/// Runs an interview (full-screen or plain), performs its effects, and prints where the session is on exit.
struct InterviewRunner {
    let engine: RecommendationEngine
    let store: SessionStore

    /// Returns the exit status (0; 3 when answers could not be saved; or 128 + signal number).
    func runFullScreen(_ start: SessionStart, colors: Bool) throws -> Int32 {
        let reducer = TUIReducer(advisor: engine, reviewer: Reviewer(name: Self.userName(), today: ExportCommand.today))
        let view = TUIView(knowledgeBase: engine.knowledgeBase)
        let lastSession = start.startScreen ? store.mostRecentWithAnswers().map(describeSession) : nil
        var state = TUIState(
            mode: start.startScreen ? .start : .interview, answers: start.answers, sessionPath: start.path,
            lastSession: lastSession)
        state = reducer.initialState(state)
        if let scan = start.scan { _ = reducer.reduce(&state, .projectScanned(scan)) }
        if !start.notices.isEmpty { state.overlay = .notice(title: "Some answers are not used", lines: start.notices) }
        // Started on a session (`--session`, `--resume`, an answers file) without a service name: ask for it first
        // (the start screen's "New review" asks it itself).
        if !start.startScreen { reducer.askServiceNameIfMissing(&state) }
        let session = SessionFile(path: start.path, store: store)
        // Only answers that differ from the file's are written (a file opened as it is stays untouched).
        session.save(state.answers)
        state.saveProblem = session.problem
        let app = TUIApp(reducer: reducer, view: view) { effect in
            switch effect {
            case .save(let answers):
                session.save(answers)
                return [session.problem.map(TUIEvent.saveFailed) ?? .saved]
            case .openAnswersFile(let path):
                guard let loaded = store.load(path) else { return [.loadFailed("Cannot read '\(path)'.")] }
                return [.loaded(loaded.answers, notices: loaded.notices, sessionPath: session.path)]
            case .resumeLastSession:
                guard let last = store.mostRecentWithAnswers(), let loaded = store.load(last.path) else {
                    return [.loadFailed("There is no session to resume.")]
                }
                session.open(last.path)
                return [.loaded(loaded.answers, notices: loaded.notices, sessionPath: last.path)]
            case .scanProject(let folder):
                do throws(ScanError) {
                    let report = try ProjectScan.scan(
                        directory: folder, package: nil, knowledgeBase: engine.knowledgeBase)
                    return [.projectScanned(Self.scanResult(report, folder: folder, engine.knowledgeBase))]
                } catch {
                    return [.scanFailed(ProjectScan.message(for: error, directory: folder))]
                }
            case .previewExport(let settings, let answers):
                return exportEvents(settings, answers: answers, write: false)
            case .writeExport(let settings, let answers):
                return exportEvents(settings, answers: answers, write: true)
            case .quit:
                return []
            }
        }
        let terminal = CursesTerminal(colors: colors)
        let (final, exit) = app.run(state, on: terminal)
        terminal.stop()
        let saved = printSessionNotice(session, final.answers)
        switch exit {
        case .quit: return saved ? 0 : ExitStatus.ioFailure
        case .signal(let number): return 128 + number
        case .terminalClosed: return 128 + SIGHUP
        }
    }

    /// Returns the exit status (0, or 3 when answers could not be saved).
    func runPlain(_ start: SessionStart) throws -> Int32 {
        for notice in start.notices { Output.print(notice) }
        var initial = start.answers
        if let scan = start.scan {
            let filled = initial.fillUnanswered(from: scan.answers)
            Output.print(
                "Detected \(counted(filled.count, "current-stack answer")) in \(scan.folder); "
                    + "each is shown as \"Detected\": Enter confirms it, an answer corrects it.")
            for warning in scan.warnings { Output.print(warning) }
        }
        let session = SessionFile(path: start.path, store: store)
        session.save(initial)
        if let problem = session.problem { Output.error("error: \(problem)") }
        var interview = PlainInterview(advisor: engine) { answers in
            session.save(answers)
            return session.problem
        }
        interview.width = Terminal.columns
        // The plan step at the end of each section reads a line: only offered to a person at a terminal, so
        // scripted input (expect, pipes) is never read as a plan.
        interview.offersSectionPlans = isatty(STDIN_FILENO) == 1
        let (answers, _) = interview.run(initial, io: StandardLineIO())
        return printSessionNotice(session, answers) ? 0 : ExitStatus.ioFailure
    }

    /// The scripted export's code path (`stackwise export`): plan, then write when asked.
    private func exportEvents(_ settings: ExportSettings, answers: AnswerSet, write: Bool) -> [TUIEvent] {
        let report = ReviewReport(engine: engine, answers: answers)
        // The form starts at "proposed" and empty names: those keep what records updated in place say.
        let people = RecordPeople(
            status: settings.status == RecordPeople.defaultStatus ? nil : settings.status,
            decisionMakers: settings.decisionMakers.isEmpty ? nil : settings.decisionMakers,
            consulted: settings.consulted.isEmpty ? nil : settings.consulted,
            informed: settings.informed.isEmpty ? nil : settings.informed)
        let exporter = DecisionRecordExporter(
            report: report, people: people, date: ExportCommand.today(), whatIf: engine.whatIf(answers))
        let folder = settings.folder
        let url = URL(fileURLWithPath: folder)
        do {
            let actions = try exporter.export(to: url, dryRun: !write)
            let lines = actions.map { action in
                "\(action.kind.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(folder)/\(action.fileName)"
                    + (action.detail.map { " (\($0))" } ?? "")
            }
            return [write ? .exportWritten(lines) : .exportPreviewed(lines)]
        } catch {
            return [.exportFailed("Export failed: \(error.message)")]
        }
    }

    /// A scan as the interface shows it: the detected answers (the same as `review --from`) and the readable report.
    static func scanResult(_ report: ScanReport, folder: String, _ knowledgeBase: KnowledgeBase) -> ProjectScanResult {
        ProjectScanResult(
            folder: folder, answers: DetectedAnswersPrefill.answers(for: report, knowledgeBase),
            summary: ScanTextReport(report: report).text.components(separatedBy: "\n"),
            warnings: report.warnings.map(\.description))
    }

    /// Who accepts risks: git's user.name when git answers at once, else $USER; nil when neither is known.
    static func userName() -> String? {
        if let name = gitUserName(), !name.isEmpty { return name }
        let user = ProcessInfo.processInfo.environment["USER"] ?? ""
        return user.isEmpty ? nil : user
    }

    private static func gitUserName() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "config", "--get", "user.name"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let name = String(decoding: data.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return name.contains(where: { $0.isNewline || $0.asciiValue.map { $0 < 0x20 } == true }) ? nil : name
    }

    /// Says where the answers are on exit; false when some could not be saved (then a copy is attempted in the
    /// default session folder, and the exit status is non-zero).
    private func printSessionNotice(_ session: SessionFile, _ answers: AnswerSet) -> Bool {
        if session.isUnsaved(answers) {
            Output.error("error: \(session.problem ?? "could not save the session to \(session.path)")")
            let rescue = SessionFile(path: SessionStore.newSessionPath(), store: store)
            if !SessionStore.isInDirectory(session.path) {
                rescue.save(answers)
                if rescue.problem == nil, rescue.exists {
                    Output.error(
                        (answers.answers.count == 1
                            ? "Your 1 answer was" : "Your \(answers.answers.count) answers were")
                            + " saved to \(rescue.path) instead.")
                    Output.error("Continue it: stackwise --session \(shellQuoted(rescue.path))")
                    return false
                }
            }
            Output.error("Your answers were NOT saved.")
            return false
        }
        guard session.exists else {
            Output.print("No answers given; no session was saved.")
            return true
        }
        Output.print("Session saved: \(session.path) (\(counted(answers.answers.count, "answer")))")
        Output.print("Reproduce it: stackwise review --answers \(shellQuoted(session.path))")
        Output.print("Continue it:  stackwise --resume")
        return true
    }

    private func describeSession(_ info: SessionStore.Info) -> String {
        "\(info.path) (\(counted(info.answerCount, "answer")))"
    }
}

/// Quotes a path for a POSIX shell when it needs it.
func shellQuoted(_ text: String) -> String {
    let safe = text.unicodeScalars.allSatisfy {
        CharacterSet.alphanumerics.contains($0) || "/._-+:@".unicodeScalars.contains($0)
    }
    return safe ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// Standard input and output for the plain mode (output flushed at once, so prompts show before reading).
struct StandardLineIO: LineIO {
    func readLine() -> String? { Swift.readLine(strippingNewline: true) }
    func write(_ text: String) { Output.emit(Output.sanitized(text), to: STDOUT_FILENO) }
}
