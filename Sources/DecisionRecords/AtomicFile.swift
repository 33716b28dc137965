import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file atomically and durably: a temporary file in the same folder, written and `fsync`ed, then
/// `rename(2)` over the target (the folder is synced once at the end of an export, ``syncFolder(_:)``).
/// A temporary left by a killed export is named `.NAME.stackwise-UUID.tmp`; the next export removes it.
enum AtomicFile {
    static func write(_ text: String, to url: URL, in folder: URL) throws(ExportError) {
        let name = url.lastPathComponent
        guard url.deletingLastPathComponent().standardizedFileURL.path == folder.standardizedFileURL.path,
            !name.contains("/"), name != "..", name != "."
        else {
            throw ExportError("refusing to write '\(name)' outside the output folder", isIO: false)
        }
        if let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
            attributes[.type] as? FileAttributeType == .typeSymbolicLink
        {
            throw ExportError("'\(name)' is a symbolic link; refusing to write through it", isIO: false)
        }
        let temporary = folder.appendingPathComponent(".\(name).stackwise-\(UUID().uuidString).tmp")
        if let reason = writeDurably(Array(text.utf8), to: temporary.path) {
            _ = unlink(temporary.path)
            throw ExportError("cannot write to '\(folder.relativePath)': \(reason)", isIO: true)
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            _ = unlink(temporary.path)
            throw ExportError("cannot write '\(url.relativePath)': \(reason)", isIO: true)
        }
    }

    /// Whether `name` is one of this type's temporary files.
    static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.hasSuffix(".tmp") && name.contains(".stackwise-")
    }

    /// Flushes the folder's entries (the renames) to disk; failures are ignored (not every file system can).
    static func syncFolder(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = close(descriptor)
    }

    /// Creates `path` (it must not exist), writes `bytes`, syncs and closes it; the reason on failure.
    private static func writeDurably(_ bytes: [UInt8], to path: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                _ = close(descriptor)
                return reason
            }
            offset += written
        }
        if fsync(descriptor) != 0 {
            let reason = String(cString: strerror(errno))
            _ = close(descriptor)
            return reason
        }
        return close(descriptor) == 0 ? nil : String(cString: strerror(errno))
    }
}

/// `write(2)` (named apart from ``AtomicFile/write(_:to:in:)``).
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
    #else
        Darwin.write(descriptor, buffer, count)
    #endif
}
