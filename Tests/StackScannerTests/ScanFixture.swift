import EmbeddedKnowledgeBase
import Foundation
import KnowledgeModel
import StackScanner
import Testing

/// A project folder built on the fly in a temporary directory.
struct ScanFixture {
    let root: URL

    /// Creates the files (relative path -> text); folders are created as needed.
    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("stackwise-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Scans with the embedded detection catalog.
    func scan(package: String? = nil, limits: ScanLimits = ScanLimits()) throws -> ScanReport {
        try StackScanner(catalog: StackwiseKnowledge.embedded.detection, limits: limits)
            .scan(folder: root, displayName: "project", package: package)
    }

    /// The error a scan fails with.
    func scanError(limits: ScanLimits = ScanLimits()) -> ScanError? {
        do {
            _ = try scan(limits: limits)
            return nil
        } catch let error as ScanError {
            return error
        } catch {
            return nil
        }
    }
}

/// A package.json with these dependency sections.
func manifest(
    name: String = "service", dependencies: [String: String] = [:], dev: [String: String] = [:],
    extra: String = ""
) -> String {
    func section(_ entries: [String: String]) -> String {
        entries.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \"\($0.value)\"" }.joined(separator: ", ")
    }
    return """
        {
          "name": "\(name)",
          \(extra.isEmpty ? "" : extra + ",")
          "dependencies": { \(section(dependencies)) },
          "devDependencies": { \(section(dev)) }
        }
        """
}
