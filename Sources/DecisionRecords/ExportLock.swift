import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lock that keeps two exports from writing one folder at once (as git's `index.lock` does for the index).
///
/// `.stackwise-export.lock` in the output folder, held with `flock(2)`: the kernel releases it when the holder
/// exits in any way (even SIGKILL), so a lock file left behind by a killed export is never "stale": the next
/// export takes it at once. The holder removes the file when it is done. A second export waits up to a timeout
/// for the lock, then refuses with the holder's process id. See docs/decisions (the export lock and repair ADR).
public final class ExportLock {
    /// The lock file's name in the output folder.
    public static let fileName = ".stackwise-export.lock"

    private let descriptor: Int32
    private let path: String
    private var released = false

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { release() }

    /// Takes the lock of `folder` (which must exist), waiting up to `timeout` seconds for another export.
    public static func acquire(in folder: URL, timeout: Double) throws(ExportError) -> ExportLock {
        let path = folder.appendingPathComponent(fileName).path
        let deadline = Date().addingTimeInterval(max(0, timeout))
        while true {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard descriptor >= 0 else {
                throw ExportError(
                    "cannot create the lock file '\(folder.relativePath)/\(fileName)': \(String(cString: strerror(errno)))",
                    isIO: true)
            }
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                // The holder before us may have removed the file after we opened it: then we locked a file
                // nobody else will see, and must start again on the one now at `path`.
                if isSameFile(descriptor, path) {
                    let pid = "\(getpid())\n"
                    _ = ftruncate(descriptor, 0)
                    _ = pid.withCString { pwrite(descriptor, $0, strlen($0), 0) }
                    return ExportLock(descriptor: descriptor, path: path)
                }
                _ = close(descriptor)
                continue
            }
            let busy = errno == EWOULDBLOCK || errno == EAGAIN || errno == EINTR
            if !busy {
                let reason = String(cString: strerror(errno))
                _ = close(descriptor)
                throw ExportError("cannot lock '\(folder.relativePath)/\(fileName)': \(reason)", isIO: true)
            }
            let holder = holderDescription(descriptor)
            _ = close(descriptor)
            if Date() >= deadline {
                throw ExportError(
                    "another stackwise export\(holder) is writing to '\(folder.relativePath)'; nothing was written. "
                        + "Run the export again when it has finished (waited \(formatSeconds(timeout)) s; "
                        + "--lock-timeout waits longer)", isIO: true)
            }
            usleep(50_000)
        }
    }

    /// Removes the lock file and releases the lock (idempotent).
    public func release() {
        guard !released else { return }
        released = true
        _ = unlink(path)
        _ = close(descriptor)
    }

    private static func isSameFile(_ descriptor: Int32, _ path: String) -> Bool {
        var opened = stat()
        var named = stat()
        guard fstat(descriptor, &opened) == 0, lstat(path, &named) == 0 else { return false }
        return opened.st_dev == named.st_dev && opened.st_ino == named.st_ino
    }

    private static func holderDescription(_ descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, 31, 0)
        guard count > 0 else { return "" }
        let text = String(decoding: buffer.prefix(count), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.allSatisfy(\.isNumber) && !text.isEmpty ? " (process \(text))" : ""
    }

    private static func formatSeconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
