import ArgumentParser
import Foundation

/// `stackwise man`: prints the man page generated from the command definitions, or installs it where `man` looks.
struct ManCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "man",
        abstract: "Print the manual page (roff), or install it with --install so that 'man stackwise' shows it.",
        discussion: """
            The page is generated from the same command definitions as --help. --install writes it to \
            $XDG_DATA_HOME/man/man1/stackwise.1 (default ~/.local/share/man/man1/stackwise.1), where man finds it \
            when ~/.local/bin is on your PATH (man derives its search path from PATH); otherwise read it with \
            'man -l' and the printed path.
            """)

    @Flag(help: "Write the page to the user's manual folder instead of printing it.")
    var install = false

    @Option(
        name: .customLong("man-dir"),
        help: ArgumentHelp(
            "With --install: the manual folder to install into (the page goes to its man1 subfolder).",
            valueName: "dir"),
        completion: .directory)
    var manDirectory: String?

    func validate() throws {
        if manDirectory != nil, !install {
            Output.error("error: --man-dir only applies with --install")
            throw ExitCode(ExitStatus.badInput)
        }
    }

    func run() throws {
        guard let page = ManualPage.generate(date: ExportCommand.today()) else {
            Output.error("error: the command definitions could not be read to generate the page")
            throw ExitCode(ExitStatus.failed)
        }
        guard install else {
            Output.raw(page.roff, toStandardError: false)
            return
        }
        let folder = URL(fileURLWithPath: manDirectory ?? Self.defaultManDirectory.path).appendingPathComponent(
            "man1")
        let file = folder.appendingPathComponent("stackwise.1")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(page.roff.utf8).write(to: file, options: .atomic)
        } catch {
            Output.error("error: cannot write '\(file.path)': \(error.localizedDescription)")
            throw ExitCode(ExitStatus.ioFailure)
        }
        Output.print("Installed \(file.path)")
        Output.print("Read it: man stackwise (or: man -l \(shellQuoted(file.path)))")
    }

    /// `$XDG_DATA_HOME/man`, else `~/.local/share/man`.
    static var defaultManDirectory: URL {
        let environment = ProcessInfo.processInfo.environment
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return URL(fileURLWithPath: data).appendingPathComponent("man")
        }
        let home =
            environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".local/share/man")
    }
}
