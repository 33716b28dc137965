import CursesTerminal
import DecisionRecords
import Foundation
import KnowledgeModel
import RecommendationEngine
import ReviewRendering
import TerminalUI

/// Runs an interview (full-screen or plain), performs its effects, and prints where the session is on exit.
struct InterviewRunner {
    let engine: RecommendationEngine
    let store: SessionStore

    /// Returns the exit status (0, or 128 + signal number).
    func runFullScreen(_ start: SessionStart, colors: Bool) throws -> Int32 {
        let wantsColor = colors && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let reducer = TUIReducer(advisor: engine)
        let view = TUIView(knowledgeBase: engine.knowledgeBase)
        let lastSession = start.startScreen ? SessionStore.lastSessionPath().map(describeSession) : nil
        var state = TUIState(
            mode: start.startScreen ? .start : .interview, answers: start.answers, sessionPath: start.path,
            lastSession: lastSession)
        state = reducer.initialState(state)
        if !start.notices.isEmpty { state.overlay = .notice(title: "Some answers were dropped", lines: start.notices) }
        var savedOnce = !start.startScreen
        if savedOnce { try? store.save(state.answers, to: start.path) }
        var sessionPath = start.path
        let app = TUIApp(reducer: reducer, view: view) { effect in
            switch effect {
            case .save(let answers):
                do {
                    try store.save(answers, to: sessionPath)
                    savedOnce = true
                    return []
                } catch {
                    return [.saveFailed("Could not save the session to \(sessionPath): \(error.localizedDescription)")]
                }
            case .openAnswersFile(let path):
                guard let loaded = store.load(path) else { return [.loadFailed("Cannot read '\(path)'.")] }
                return [.loaded(loaded.answers, notices: loaded.notices, sessionPath: sessionPath)]
            case .resumeLastSession:
                guard let last = SessionStore.lastSessionPath(), let loaded = store.load(last) else {
                    return [.loadFailed("There is no session to resume.")]
                }
                sessionPath = last
                return [.loaded(loaded.answers, notices: loaded.notices, sessionPath: last)]
            case .previewExport(let folder, let answers):
                return exportEvents(folder: folder, answers: answers, write: false)
            case .writeExport(let folder, let answers):
                return exportEvents(folder: folder, answers: answers, write: true)
            case .quit:
                return []
            }
        }
        let terminal = CursesTerminal(colors: wantsColor)
        let (final, exit) = app.run(state, on: terminal)
        terminal.stop()
        if savedOnce { printSessionNotice(sessionPath, final.answers) }
        switch exit {
        case .quit: return 0
        case .signal(let number): return 128 + number
        case .terminalClosed: return 128 + SIGHUP
        }
    }

    /// Returns the exit status (0).
    func runPlain(_ start: SessionStart) throws -> Int32 {
        for notice in start.notices { Output.print(notice) }
        var saveError: String?
        let interview = PlainInterview(advisor: engine) { answers in
            do { try store.save(answers, to: start.path) } catch { saveError = error.localizedDescription }
        }
        try? store.save(start.answers, to: start.path)
        let (answers, _) = interview.run(start.answers, io: StandardLineIO())
        if let saveError { Output.error("error: could not save the session: \(saveError)") }
        printSessionNotice(start.path, answers)
        return 0
    }

    /// The scripted export's code path (`stackwise export`): plan, then write when asked.
    private func exportEvents(folder: String, answers: AnswerSet, write: Bool) -> [TUIEvent] {
        let report = ReviewReport(engine: engine, answers: answers)
        let exporter = DecisionRecordExporter(
            report: report, people: RecordPeople(status: "proposed"), date: ExportCommand.today())
        let url = URL(fileURLWithPath: folder)
        do {
            let actions = try exporter.plan(folder: url)
            if write { try exporter.write(actions, to: url) }
            let lines = actions.map { action in
                "\(action.kind.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(folder)/\(action.fileName)"
                    + (action.detail.map { " (\($0))" } ?? "")
            }
            return [write ? .exportWritten(lines) : .exportPreviewed(lines)]
        } catch {
            return [.exportFailed("Export failed: \(error.message)")]
        }
    }

    private func printSessionNotice(_ path: String, _ answers: AnswerSet) {
        Output.print("Session saved: \(path) (\(answers.answers.count) answers)")
        Output.print("Reproduce it: stackwise review --answers \(shellQuoted(path))")
        Output.print("Continue it:  stackwise --resume")
    }

    private func describeSession(_ path: String) -> String {
        let count = store.load(path)?.answers.answers.count ?? 0
        return "\(path) (\(count) answers)"
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
    func write(_ text: String) { FileHandle.standardOutput.write(Data(Output.sanitized(text).utf8)) }
}
