import ArgumentParser
import Foundation
import KnowledgeModel

/// `stackwise sessions`: list, show and delete saved interview sessions.
struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List, show or delete saved interview sessions (most recent first).",
        discussion: """
            Sessions are saved in $XDG_STATE_HOME/stackwise/sessions (default ~/.local/state/stackwise/sessions) \
            and wherever --session FILE saved one. 'stackwise --resume' continues the most recent one with answers; \
            'stackwise --session PATH' continues any of them. A session is named by its number in the list or by \
            its path.
            """,
        subcommands: [List.self, Show.self, Delete.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the sessions.")

        @OptionGroup var knowledgeBaseOptions: KnowledgeBaseOptions

        func run() throws {
            let sessions = try SessionsCommand.store(knowledgeBaseOptions).sessions()
            guard !sessions.isEmpty else {
                Output.print("No sessions yet. Start one with: stackwise")
                return
            }
            Output.print("  #  Saved             Answers  Service               Path")
            for (index, session) in sessions.enumerated() {
                let number = String(index + 1)
                let answers = String(session.answerCount)
                let service = String((session.serviceName ?? "—").prefix(20))
                Output.print(
                    String(repeating: " ", count: max(0, 3 - number.count)) + number + "  "
                        + SessionsCommand.format(session.modified) + "  "
                        + String(repeating: " ", count: max(0, 7 - answers.count)) + answers + "  "
                        + service.padding(toLength: 20, withPad: " ", startingAt: 0) + "  " + session.path)
            }
            Output.print("Continue one: stackwise --session PATH (the most recent with answers: stackwise --resume)")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Print a session: where it is, when it was saved, its answers file.")

        @Argument(
            help: ArgumentHelp("The session's number in 'stackwise sessions', or its path.", valueName: "session"))
        var session: String

        @OptionGroup var knowledgeBaseOptions: KnowledgeBaseOptions

        func run() throws {
            let store = try SessionsCommand.store(knowledgeBaseOptions)
            let info = try SessionsCommand.find(session, in: store.sessions())
            Output.print("Session: \(info.path)")
            Output.print(
                "Saved: \(SessionsCommand.format(info.modified)); \(counted(info.answerCount, "answer")); service: "
                    + (info.serviceName ?? "—"))
            Output.print("Continue it:  stackwise --session \(shellQuoted(info.path))")
            Output.print("Reproduce it: stackwise review --answers \(shellQuoted(info.path))")
            Output.print("")
            guard let text = store.load(info.path)?.text else {
                Output.error("error: cannot read '\(info.path)'")
                throw ExitCode(ExitStatus.ioFailure)
            }
            Output.print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete a session (one saved elsewhere with --session is only removed from the list).")

        @Argument(
            help: ArgumentHelp("The session's number in 'stackwise sessions', or its path.", valueName: "session"))
        var session: String

        @OptionGroup var knowledgeBaseOptions: KnowledgeBaseOptions

        func run() throws {
            let store = try SessionsCommand.store(knowledgeBaseOptions)
            let info = try SessionsCommand.find(session, in: store.sessions())
            guard info.isInDirectory else {
                SessionStore.forget(info.path)
                Output.print(
                    "Removed \(info.path) from the list; the file itself was left in place (it was saved with "
                        + "--session; delete it yourself if you want it gone).")
                return
            }
            do {
                try FileManager.default.removeItem(atPath: info.path)
            } catch {
                Output.error("error: cannot delete '\(info.path)': \(error.localizedDescription)")
                throw ExitCode(ExitStatus.ioFailure)
            }
            Output.print("Deleted \(info.path)")
        }
    }

    static func store(_ options: KnowledgeBaseOptions) throws -> SessionStore {
        SessionStore(knowledgeBase: try options.loadValid())
    }

    /// A session by number (1 = most recent) or path; exits 2 with what exists when there is no such session.
    static func find(_ name: String, in sessions: [SessionStore.Info]) throws -> SessionStore.Info {
        if let number = Int(name) {
            guard (1...max(1, sessions.count)).contains(number), sessions.indices.contains(number - 1) else {
                Output.error(
                    "error: there is no session \(number); 'stackwise sessions' lists "
                        + (sessions.isEmpty ? "none" : "1-\(sessions.count)"))
                throw ExitCode(ExitStatus.badInput)
            }
            return sessions[number - 1]
        }
        let absolute = URL(fileURLWithPath: name).standardizedFileURL.path
        guard let info = sessions.first(where: { URL(fileURLWithPath: $0.path).standardizedFileURL.path == absolute })
        else {
            Output.error("error: '\(name)' is not a known session; 'stackwise sessions' lists them")
            throw ExitCode(ExitStatus.badInput)
        }
        return info
    }

    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
