import Foundation

/// Writes a file atomically: a temporary file in the same folder, then `rename(2)` over the target.
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
        do {
            try Data(text.utf8).write(to: temporary, options: [.withoutOverwriting])
        } catch {
            throw ExportError(
                "cannot write to '\(folder.relativePath)': \(RecordFolder.describe(error))", isIO: true)
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw ExportError("cannot write '\(url.relativePath)': \(reason)", isIO: true)
        }
    }
}
