import ArgumentParser
import KnowledgeModel
import RuleLanguage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the command line with the documented exit codes (README.md, "Exit codes") instead of ArgumentParser's:
/// usage errors exit 2 (not 64), every message starts with a lower-case `error:`, all output goes through
/// ``Output`` (so a failed write is never a trap), and a mistyped command gets "did you mean" instead of the
/// default command's usage.
enum CommandLineEntry {
    static func run(_ arguments: [String]) -> Never {
        Output.prepare()
        if let message = unknownCommandMessage(arguments) {
            Output.error(message)
            exit(ExitStatus.badInput)
        }
        do {
            var command = try Stackwise.parseAsRoot(arguments)
            try command.run()
            exit(ExitStatus.ok)
        } catch {
            let code = Stackwise.exitCode(for: error).rawValue
            let message = Stackwise.fullMessage(for: error)
            if code == ExitStatus.ok {
                // --help and --version.
                if !message.isEmpty { Output.raw(message + "\n", toStandardError: false) }
                exit(ExitStatus.ok)
            }
            if !message.isEmpty { Output.raw(lowerCasePrefix(message) + "\n", toStandardError: true) }
            exit(code == 64 ? ExitStatus.badInput : code)
        }
    }

    /// `Error: x` -> `error: x` (ArgumentParser's spelling differs from every other message of the tool).
    static func lowerCasePrefix(_ message: String) -> String {
        message.hasPrefix("Error: ") ? "error: " + message.dropFirst("Error: ".count) : message
    }

    /// The message for a first argument that looks like a command but is none (the default command, `interview`,
    /// takes no positional arguments, so a bare word is always a mistyped command).
    static func unknownCommandMessage(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        let names = Stackwise.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        if names.contains(first) { return nil }
        let shown = "'" + UntrustedText.escaped(first, limit: 60) + "'"
        if let suggestion = Suggestions.closest(to: first, in: names) {
            return "error: unknown command \(shown); did you mean '\(suggestion)'? (see 'stackwise --help')"
        }
        return
            "error: unknown command \(shown); the commands are \(names.filter { $0 != "help" }.joined(separator: ", "))"
    }
}
