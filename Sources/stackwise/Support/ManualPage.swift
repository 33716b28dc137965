import ArgumentParser
import Foundation

/// The man page (roff, `man(7)` macros) generated from the command definitions: the same description of every
/// command and option that `--help` prints, read from ArgumentParser's `--experimental-dump-help` JSON, plus the
/// sections a man page has and help has not (files, environment, exit status).
struct ManualPage {
    /// The subset of ArgumentParser's tool-info JSON (serialization version 0) the page uses.
    struct Command: Decodable {
        var commandName: String
        var abstract: String?
        var discussion: String?
        var defaultSubcommand: String?
        var arguments: [Argument]?
        var subcommands: [Command]?
    }

    struct Argument: Decodable {
        struct Name: Decodable {
            var kind: String
            var name: String
        }
        var kind: String
        var names: [Name]?
        var valueName: String?
        var abstract: String?
        var discussion: String?
        var defaultValue: String?
        var allValues: [String]?
        var isOptional: Bool
        var isRepeating: Bool
        var shouldDisplay: Bool
    }

    private struct ToolInfo: Decodable { var command: Command }

    let root: Command
    let version: String
    /// The date in the page's title line (YYYY-MM-DD).
    let date: String

    /// Reads the command tree of `Stackwise` (nil when ArgumentParser does not describe it, never expected).
    static func generate(date: String) -> ManualPage? {
        var json = ""
        do {
            _ = try Stackwise.parseAsRoot(["--experimental-dump-help"])
        } catch {
            json = Stackwise.fullMessage(for: error)
        }
        guard let info = try? JSONDecoder().decode(ToolInfo.self, from: Data(json.utf8)) else { return nil }
        return ManualPage(root: info.command, version: Stackwise.version, date: date)
    }

    /// The page as roff.
    var roff: String {
        var out: [String] = []
        out.append(".TH STACKWISE 1 \"\(date)\" \"stackwise \(version)\" \"User Commands\"")
        // No hyphenation and ragged right: option names are never split across lines.
        out += [".nh", ".ad l"]
        out.append(".SH NAME")
        out.append("stackwise \\- " + Self.escaped(root.abstract ?? ""))
        out.append(".SH SYNOPSIS")
        // `stackwise` alone runs the default command: its options first, as `stackwise --help` lists them.
        if let name = root.defaultSubcommand, let command = root.subcommands?.first(where: { $0.commandName == name }) {
            out += synopsis(command, path: ["stackwise"])
        }
        out += synopsis(root, path: ["stackwise"])
        for command in visibleSubcommands(root) {
            out += synopsis(command, path: ["stackwise", command.commandName])
        }
        out.append(".SH DESCRIPTION")
        out += paragraphs(root.discussion ?? "")
        if let name = root.defaultSubcommand {
            out.append(".PP")
            out.append(
                "With no command, \\fBstackwise\\fR runs \\fB\(Self.escaped(name))\\fR; its options can be given "
                    + "directly, e.g. \\fBstackwise \\-\\-plain\\fR.")
        }
        out.append(".SH OPTIONS")
        out += options(root)
        out.append(".SH COMMANDS")
        for command in visibleSubcommands(root) {
            out += section(command, path: [command.commandName])
        }
        out += Self.closingSections
        return out.joined(separator: "\n") + "\n"
    }

    private func visibleSubcommands(_ command: Command) -> [Command] {
        (command.subcommands ?? []).filter { $0.commandName != "help" }
    }

    /// A `.SS` block per command (subcommands nested by their full path).
    private func section(_ command: Command, path: [String]) -> [String] {
        var out = [".SS " + Self.escaped(path.joined(separator: " "))]
        if let abstract = command.abstract { out += [".PP", Self.escaped(abstract)] }
        if let discussion = command.discussion, !discussion.isEmpty { out += paragraphs(discussion) }
        out += options(command, helpAndVersion: false)
        for sub in visibleSubcommands(command) { out += section(sub, path: path + [sub.commandName]) }
        return out
    }

    private func synopsis(_ command: Command, path: [String]) -> [String] {
        var line = ".B " + path.joined(separator: " ")
        let shown = (command.arguments ?? []).filter { $0.shouldDisplay && !Self.isHelpOrVersion($0) }
        let subcommands = visibleSubcommands(command)
        var words: [String] = []
        for argument in shown { words.append(Self.synopsisWord(argument)) }
        if !subcommands.isEmpty { words.append("\\fI<command>\\fR") }
        if !words.isEmpty { line += "\n" + words.joined(separator: " ") }
        return [".PP", line]
    }

    private func options(_ command: Command, helpAndVersion: Bool = true) -> [String] {
        var out: [String] = []
        for argument in command.arguments ?? []
        where argument.shouldDisplay && (helpAndVersion || !Self.isHelpOrVersion(argument)) {
            out.append(".TP")
            out.append(Self.label(argument))
            var notes: [String] = []
            if let values = argument.allValues, !values.isEmpty, argument.kind != "flag" {
                notes.append("values: " + values.map(Self.escaped).joined(separator: ", "))
            }
            if let value = argument.defaultValue, !value.isEmpty, argument.kind == "option" {
                notes.append("default: " + Self.escaped(value))
            }
            let text = Self.escaped(argument.abstract ?? "")
            out.append(notes.isEmpty ? text : text + " (" + notes.joined(separator: "; ") + ")")
            if let discussion = argument.discussion, !discussion.isEmpty { out += paragraphs(discussion) }
        }
        return out
    }

    /// Discussion text as paragraphs; indented lines (tables, examples) keep their layout (`.nf`).
    private func paragraphs(_ text: String) -> [String] {
        enum Mode { case none, filled, verbatim }
        var out: [String] = []
        var mode = Mode.none
        for line in text.components(separatedBy: "\n") {
            let verbatim = line.hasPrefix("  ")
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if mode == .verbatim { out.append(".fi") }
                mode = .none
                continue
            }
            if verbatim, mode != .verbatim {
                out += [".PP", ".nf"]
                mode = .verbatim
            } else if !verbatim, mode != .filled {
                if mode == .verbatim { out.append(".fi") }
                out.append(".PP")
                mode = .filled
            }
            out.append(Self.escaped(line))
        }
        if mode == .verbatim { out.append(".fi") }
        return out
    }

    private static func isHelpOrVersion(_ argument: Argument) -> Bool {
        let names = (argument.names ?? []).map(\.name)
        return names.contains("help") || names.contains("version")
    }

    private static func flagName(_ name: Argument.Name) -> String {
        (name.kind == "short" ? "\\-" : "\\-\\-") + escaped(name.name)
    }

    private static func label(_ argument: Argument) -> String {
        let value = argument.valueName.map { "\\fI<" + escaped($0) + ">\\fR" } ?? ""
        guard argument.kind != "positional" else { return value }
        let names = (argument.names ?? []).map { "\\fB" + flagName($0) + "\\fR" }.joined(separator: ", ")
        return argument.kind == "option" ? names + " " + value : names
    }

    private static func synopsisWord(_ argument: Argument) -> String {
        var word = label(argument)
        if let preferred = argument.names?.last, argument.kind != "positional" {
            let value = argument.valueName.map { " \\fI<" + escaped($0) + ">\\fR" } ?? ""
            word = "\\fB" + flagName(preferred) + "\\fR" + (argument.kind == "option" ? value : "")
        }
        if argument.isRepeating { word += " ..." }
        return argument.isOptional ? "[" + word + "]" : word
    }

    /// Text as roff: backslashes and hyphens escaped, and a line never starts with a control character.
    static func escaped(_ text: String) -> String {
        var result = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        if result.hasPrefix(".") || result.hasPrefix("'") { result = "\\&" + result }
        return result
    }

    private static let closingSections = [
        ".SH ENVIRONMENT",
        ".TP", "\\fBXDG_STATE_HOME\\fR",
        "Where interview sessions are saved: \\fI$XDG_STATE_HOME/stackwise/sessions\\fR "
            + "(default \\fI~/.local/state/stackwise/sessions\\fR).",
        ".TP", "\\fBXDG_DATA_HOME\\fR",
        "Where \\fBstackwise man \\-\\-install\\fR puts this page: \\fI$XDG_DATA_HOME/man/man1\\fR "
            + "(default \\fI~/.local/share/man/man1\\fR).",
        ".TP", "\\fBNO_COLOR\\fR, \\fBCLICOLOR_FORCE\\fR",
        "Turn colour off (any non\\-empty value) or force it on, as described at https://no\\-color.org.",
        ".TP", "\\fBPAGER\\fR",
        "The pager for long text output on a terminal (default \\fBless \\-FRX\\fR); \\fB\\-\\-no\\-pager\\fR "
            + "turns it off.",
        ".TP", "\\fBCOLUMNS\\fR",
        "The width the plain interview wraps at (else the terminal's width, else 80).",
        ".TP", "\\fBTERM\\fR",
        "\\fBdumb\\fR or an unknown terminal type selects the plain interview.",
        ".SH EXIT STATUS",
        ".TP", "0", "Success.",
        ".TP", "1", "Findings at or above \\fB\\-\\-fail\\-on\\fR, or failures (kb lint, kb test, check).",
        ".TP", "2", "Bad usage or bad input (arguments, answers file, knowledge\\-base overlay).",
        ".TP", "3", "A file or the output could not be read or written.",
        ".SH FILES",
        ".TP", "\\fI~/.local/state/stackwise/sessions/\\fR",
        "Saved interview sessions (answers files); see \\fBstackwise sessions\\fR.",
        ".SH SEE ALSO",
        "The README of the project, and \\fBstackwise help\\fR \\fIcommand\\fR.",
    ]
}
