import Foundation

/// Long output on a terminal goes through a pager, the way git does it: `$PAGER` when set, else `less -FRX`
/// (quit at once when the text fits on one screen, keep colour codes, leave the text on screen). An empty `PAGER`
/// or `cat` means no pager; `--no-pager` and a standard output that is not a terminal never page.
enum Pager {
    /// The shell command to page with, or nil for none.
    static func command(environment: [String: String]) -> String? {
        guard let pager = environment["PAGER"] else { return "less -FRX" }
        let trimmed = pager.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed == "cat" ? nil : trimmed
    }

    /// Shows `text` (already reduced to printable characters and Stackwise's own colour codes) through the pager;
    /// false when no pager could be started (the caller prints instead). Quitting the pager early is not an error.
    static func show(_ text: String, command: String, environment: [String: String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var env = environment
        if env["LESS"] == nil { env["LESS"] = "FRX" }
        if env["LV"] == nil { env["LV"] = "-c" }
        process.environment = env
        let pipe = Pipe()
        process.standardInput = pipe
        signal(SIGPIPE, SIG_IGN)
        do { try process.run() } catch { return false }
        try? pipe.fileHandleForWriting.write(contentsOf: Data((text + "\n").utf8))
        try? pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        return true
    }
}

extension Output {
    /// Prints a rendered review: through the pager when standard output is a terminal and paging is allowed.
    /// `rendered` text comes from a renderer that already removed control characters (its colour codes stay);
    /// anything else is sanitised first.
    static func show(_ text: String, rendered: Bool, paging: Bool) {
        let safe = rendered ? text : sanitized(text)
        let environment = ProcessInfo.processInfo.environment
        if paging, Terminal.isOutput, let command = Pager.command(environment: environment),
            Pager.show(safe, command: command, environment: environment)
        {
            return
        }
        FileHandle.standardOutput.write(Data((safe.hasSuffix("\n") ? safe : safe + "\n").utf8))
    }
}
