#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The only place that writes to the terminal. Text that came from users or overlays is stripped of control
/// characters first, so it can never move the cursor, change colours or retitle the terminal.
///
/// Writes go straight to the file descriptors, so a failing write is an error value, never a trap: a closed pipe
/// (`stackwise review | head`) ends the program quietly with status 0, as ripgrep does; any other failure (a full
/// disk, a closed descriptor) prints one line to standard error when it still can and exits with
/// ``ExitStatus/ioFailure``.
enum Output {
    static func print(_ text: String, terminator: String = "\n") {
        emit(sanitized(text) + terminator, to: STDOUT_FILENO)
    }

    /// Prints text a renderer has already reduced to printable characters plus its own colour codes
    /// (``ReviewRendering/ReviewText``); nothing else may use this.
    static func printRendered(_ text: String) {
        emit(text + "\n", to: STDOUT_FILENO)
    }

    static func error(_ text: String) {
        emit(sanitized(text) + "\n", to: STDERR_FILENO)
    }

    /// Writes without any sanitising (for ArgumentParser's own help and usage text).
    static func raw(_ text: String, toStandardError: Bool) {
        emit(text, to: toStandardError ? STDERR_FILENO : STDOUT_FILENO)
    }

    /// Ignores SIGPIPE, so that a closed pipe is a write error (EPIPE) handled here instead of a silent kill.
    static func prepare() {
        _ = signal(SIGPIPE, SIG_IGN)
    }

    /// Removes C0/C1 control characters (ESC, BEL, CSI...) except newline and tab.
    static func sanitized(_ text: String) -> String {
        guard needsSanitizing(text) else { return text }
        return String(
            String.UnicodeScalarView(
                text.unicodeScalars.filter { scalar in
                    if scalar == "\n" || scalar == "\t" { return true }
                    return !(scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value))
                }))
    }

    /// Whether `text` has a character ``sanitized(_:)`` removes: one pass over the UTF-8 bytes (a review is
    /// hundreds of kilobytes of JSON; filtering its Unicode scalars was a fifth of the whole run). C1 controls are
    /// encoded as 0xC2 followed by 0x80-0x9F.
    static func needsSanitizing(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20, byte != 0x0A, byte != 0x09 { return true }
            if byte == 0x7F || (previous == 0xC2 && (0x80...0x9F).contains(byte)) { return true }
            previous = byte
        }
        return false
    }

    /// Writes all of `text`, retrying after signals and short writes; exits on failure (see the type).
    static func emit(_ text: String, to descriptor: Int32) {
        var text = text
        let failure: Int32? = text.withUTF8 { bytes -> Int32? in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        guard let failure else { return }
        if failure == EPIPE { exit(ExitStatus.ok) }
        if descriptor != STDERR_FILENO {
            let name = descriptor == STDOUT_FILENO ? "standard output" : "file descriptor \(descriptor)"
            let message = "error: cannot write to \(name): \(String(cString: strerror(failure)))\n"
            _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
        }
        exit(ExitStatus.ioFailure)
    }
}
