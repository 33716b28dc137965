import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Drives the real binary in a private tmux server: send keys, read the screen, wait until it shows something.
///
/// tmux commands are started with posix_spawn and an empty signal mask (swift-testing threads block every signal,
/// and a child would inherit that, so SIGWINCH and SIGTERM would never reach the TUI). Foundation.Process is used
/// only for capture-pane, which never starts a server.
final class TmuxSession {
    let socket = "stackwise-e2e-\(getpid())-\(UInt32.random(in: 0..<UInt32.max))"
    let tmux: String

    static var tmuxPath: String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = "\(folder)/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Starts `command` (a shell command line) in a detached session of the given size.
    init(_ command: String, width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        tmux = try #require(Self.tmuxPath, "tmux is not installed")
        var arguments = [
            "new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)", "-e", "LANG=C.UTF-8",
            "-e", "TERM=screen-256color",
        ]
        for (key, value) in environment { arguments += ["-e", "\(key)=\(value)"] }
        // The pane's output after the program exits is lost unless something keeps the pane alive.
        // swift test exports NO_COLOR=1; the program sees it only when a test asks for it.
        let unset = environment["NO_COLOR"] == nil ? "unset NO_COLOR; " : ""
        arguments.append("\(unset)\(command); echo __EXIT__=$?; sleep 600")
        try run(arguments)
        _ = try? run(["set-option", "-t", "t", "status", "off"])
    }

    deinit {
        _ = try? run(["kill-server"])
        let folder = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(folder)/tmux-\(getuid())/\(socket)")
    }

    /// A session without a service name asks for it first: Enter skips it (an empty name) and the interview shows.
    func skipServiceName() throws {
        try waitFor("What is this service called?")
        try send("Enter")
    }

    /// Sends tmux key names (`Down`, `Enter`, `C-c`) or literal text with `literal: true`.
    func send(_ keys: String..., literal: Bool = false) throws {
        try run(["send-keys", "-t", "t"] + (literal ? ["-l"] : []) + keys)
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "t", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The pane's process id (the shell running the command).
    func panePID() throws -> Int32 {
        Int32(
            try capture(["display-message", "-p", "-t", "t", "#{pane_pid}"]).trimmingCharacters(
                in: .whitespacesAndNewlines)) ?? 0
    }

    /// The screen as text.
    func screen() throws -> String { try capture(["capture-pane", "-p", "-t", "t"]) }

    /// The screen with its attributes and colours as escape sequences (`capture-pane -e`).
    func screenWithEscapes() throws -> String { try capture(["capture-pane", "-p", "-e", "-t", "t"]) }

    /// The SGR parameters that set a colour (foreground or background, 8, 16, 256 or RGB) in captured text;
    /// 39 and 49 (back to the default colour) are not colours.
    static func colorParameters(in captured: String) -> [Int] {
        var found: [Int] = []
        var rest = Substring(captured)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(where: { !("0"..."9").contains($0) && $0 != ";" && $0 != ":" }) else {
                break
            }
            if rest[end] == "m" {
                let parameters = rest[..<end].split(whereSeparator: { $0 == ";" || $0 == ":" }).compactMap { Int($0) }
                let colors = [30...38, 40...48, 90...97, 100...107]
                found += parameters.filter { parameter in colors.contains { $0.contains(parameter) } }
            }
            rest = rest[end...]
        }
        return found
    }

    /// Polls the screen every 20 ms until `marker` shows and the screen has settled (20 s deadline: generous for a
    /// loaded CI machine); returns the screen.
    @discardableResult
    func waitFor(
        _ marker: String, timeout: TimeInterval = 20, sourceLocation: SourceLocation = #_sourceLocation
    )
        throws -> String
    {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        var previous: String?
        while Date() < deadline {
            last = try screen()
            // The marker can appear while the redraw is still being written: return once the screen has settled
            // (two captures in a row are the same).
            if last.contains(marker) {
                if last == previous { return last }
                previous = last
                usleep(30_000)
                continue
            }
            previous = nil
            usleep(20_000)
        }
        if let previous, previous.contains(marker) { return previous }
        Issue.record("'\(marker)' never appeared; the screen was:\n\(last)", sourceLocation: sourceLocation)
        throw TmuxError.timeout
    }

    enum TmuxError: Error { case timeout, spawn(Int32) }

    /// The pid of the program the pane's shell runs (the stackwise binary).
    func programPID() throws -> Int32 {
        let shell = try panePID()
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        return try #require(children.split(separator: " ").compactMap { Int32($0) }.first)
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> Int32 {
        let argv = [tmux, "-L", socket, "-f", "/dev/null"] + arguments
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in Int32(0)...2 {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, tmux, &actions, &attributes, &cArguments, environ)
        guard result == 0 else { throw TmuxError.spawn(result) }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return status
    }

    private func capture(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tmux)
        process.arguments = ["-L", socket, "-f", "/dev/null"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
