/// The documented exit codes (README.md, "Exit codes").
enum ExitStatus {
    /// Success.
    static let ok: Int32 = 0
    /// Findings at or above `--fail-on`, or `kb lint` / `kb test` failures.
    static let failed: Int32 = 1
    /// Bad usage, bad input (answers file, arguments) or a bad knowledge-base overlay.
    static let badInput: Int32 = 2
    /// A file could not be read or written.
    static let ioFailure: Int32 = 3
}
