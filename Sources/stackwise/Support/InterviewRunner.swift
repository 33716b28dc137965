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

    /// Returns the exit status (0, or 128 + signal number).
    func runFullScreen(_ start: SessionStart, colors: Bool) throws -> Int32 {
        let reducer = TUIReducer(advisor: engine, reviewer: Reviewer(name: Self.userName(), today: ExportCommand.today))
        let view = TUIView(knowledgeBase: engine.knowledgeBase)
        let lastSession = start.startScreen ? SessionStore.lastSessionPath().map(describeSession) : nil
        var state = TUIState(
            mode: start.startScreen ? .start : .interview, answers: start.answers, sessionPath: start.path,
            lastSession: lastSession)
        state = reducer.initialState(state)
        if let scan = start.scan { _ = reducer.reduce(&state, .projectScanned(scan)) }
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
        var initial = start.answers
        if let scan = start.scan {
            let filled = initial.fillUnanswered(from: scan.answers)
            Output.print(
                "Detected \(filled.count) current-stack answer\(filled.count == 1 ? "" : "s") in \(scan.folder); "
                    + "each is shown as \"Detected\": Enter confirms it, an answer corrects it.")
            for warning in scan.warnings { Output.print(warning) }
        }
        var saveError: String?
        let interview = PlainInterview(advisor: engine) { answers in
            do { try store.save(answers, to: start.path) } catch { saveError = error.localizedDescription }
        }
        try? store.save(initial, to: start.path)
        let (answers, _) = interview.run(initial, io: StandardLineIO())
        if let saveError { Output.error("error: could not save the session: \(saveError)") }
        printSessionNotice(start.path, answers)
        return 0
    }

    /// The scripted export's code path (`stackwise export`): plan, then write when asked.
    private func exportEvents(_ settings: ExportSettings, answers: AnswerSet, write: Bool) -> [TUIEvent] {
        let report = ReviewReport(engine: engine, answers: answers)
        let people = RecordPeople(
            status: settings.status, decisionMakers: settings.decisionMakers, consulted: settings.consulted,
            informed: settings.informed)
        let exporter = DecisionRecordExporter(
            report: report, people: people, date: ExportCommand.today(), whatIf: engine.whatIf(answers))
        let folder = settings.folder
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
