import Foundation

/// Finds and decodes the YAML files of a knowledge-base folder into a ``KnowledgeBaseLayer``.
///
/// Files are read recursively in path order (so the result does not depend on the file system's listing order).
/// The `tests/` folder holds scenario tests, not knowledge, and is skipped.
public struct KnowledgeBaseLoader: Sendable {
    /// Folders (relative to the layer root) that are not part of the knowledge itself.
    public static let skippedFolders: Set<String> = ["tests"]
    /// Most files one layer may have.
    public static let maximumFiles = 5_000

    public var reader = YAMLReader()

    public init() {}

    /// The YAML files of a folder, as (absolute URL, display path) pairs sorted by display path.
    public func yamlFiles(in folder: URL, displayPrefix: String) throws(DiagnosticsError) -> [(URL, String)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            throw DiagnosticsError([.error("knowledge-base folder '\(displayPrefix)' does not exist", at: nil)])
        }
        guard isDirectory.boolValue else {
            throw DiagnosticsError([.error("'\(displayPrefix)' is a file; --kb takes a folder of YAML files", at: nil)])
        }
        guard
            let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.isDirectoryKey, .isRegularFileKey], options: [])
        else {
            throw DiagnosticsError([.error("cannot read knowledge-base folder '\(displayPrefix)'", at: nil)])
        }
        var files: [(URL, String)] = []
        let rootComponents = folder.standardizedFileURL.pathComponents.count
        for case let url as URL in enumerator {
            let relativeComponents = Array(url.standardizedFileURL.pathComponents.dropFirst(rootComponents))
            let values = try? url.resourceValues(forKeys: [.isDirectoryKey, .isRegularFileKey])
            if values?.isDirectory == true {
                if relativeComponents.count == 1,
                    Self.skippedFolders.contains(relativeComponents[0])
                        || relativeComponents[0].hasPrefix(".")
                {
                    enumerator.skipDescendants()
                }
                continue
            }
            guard ["yaml", "yml"].contains(url.pathExtension.lowercased()) else { continue }
            let display = ([displayPrefix] + relativeComponents).joined(separator: "/")
            files.append((url, display))
            if files.count > Self.maximumFiles {
                throw DiagnosticsError([
                    .error("more than \(Self.maximumFiles) YAML files under '\(displayPrefix)'", at: nil)
                ])
            }
        }
        return files.sorted { $0.1 < $1.1 }
    }

    /// Loads a folder as one layer. Problems are returned as diagnostics; the layer holds whatever was valid.
    public func loadLayer(folder: URL, displayPrefix: String) -> (KnowledgeBaseLayer, [Diagnostic]) {
        var layer = KnowledgeBaseLayer(name: displayPrefix)
        let sink = DiagnosticSink()
        do {
            let files = try yamlFiles(in: folder, displayPrefix: displayPrefix)
            if files.isEmpty {
                sink.error("no .yaml files in knowledge-base folder '\(displayPrefix)'", at: nil)
            }
            for (url, display) in files {
                do {
                    try decodeFile(
                        reader.read(fileAt: url, displayPath: display), display: display, into: &layer, sink: sink)
                } catch {
                    sink.append(contentsOf: error.diagnostics)
                }
            }
        } catch {
            sink.append(contentsOf: error.diagnostics)
        }
        return (layer, sink.diagnostics)
    }

    /// Loads in-memory files (display path, text) as one layer.
    public func loadLayer(name: String, files: [(path: String, text: String)]) -> (KnowledgeBaseLayer, [Diagnostic]) {
        var layer = KnowledgeBaseLayer(name: name)
        let sink = DiagnosticSink()
        for file in files.sorted(by: { $0.path < $1.path }) {
            do {
                try decodeFile(
                    reader.read(text: file.text, displayPath: file.path), display: file.path, into: &layer, sink: sink)
            } catch {
                sink.append(contentsOf: error.diagnostics)
            }
        }
        return (layer, sink.diagnostics)
    }

    private func decodeFile(
        _ root: YAMLNode?, display: String, into layer: inout KnowledgeBaseLayer, sink: DiagnosticSink
    ) {
        guard let root else {
            sink.error(
                "the file is empty; a knowledge-base file needs at least one of: "
                    + LayerDecoder.topLevelKeys.joined(separator: ", "),
                at: SourceLocation(file: display, line: 1, column: 1))
            return
        }
        LayerDecoder(sink: sink).decode(root, into: &layer)
    }
}
