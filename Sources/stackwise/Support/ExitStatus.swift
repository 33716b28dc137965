/// The documented exit codes (README.md, "Exit codes").
enum ExitStatus {
    /// Success.
    static let ok: Int32 = 0
    /// Findings at or above `--fail-on`, or `kb lint` / `kb test` failures.
    static let failed: Int32 = 1
    /// Bad usage, bad input (answers file, arguments) or a bad knowledge-base overlay.
    static let badInput: Int32 = 2
    /// A file could not be read or written (standard output included).
    static let ioFailure: Int32 = 3

    /// The table shown by `stackwise --help`; each line's phrase starts the matching row of README.md's table (an
    /// end-to-end test checks both).
    static let helpTable = """
        Exit codes:
          0  success
          1  findings or failures
          2  bad usage or bad input
          3  a file or the output could not be read or written
        """
}
