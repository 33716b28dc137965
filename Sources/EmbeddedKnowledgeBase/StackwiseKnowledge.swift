import Foundation
import KnowledgeModel

/// The knowledge base compiled into the binary, and the overlays a user layers on top of it.
public enum StackwiseKnowledge {
    /// The embedded knowledge base (validated at build time), read once from its compact binary form in place, its
    /// strings the string literals compiled into the binary beside it.
    public static let embedded: KnowledgeBase = {
        switch readEmbedded() {
        case .success(let knowledgeBase): return knowledgeBase
        case .failure(let error):
            // KBEmbed read this payload back before embedding it; failing here is a build defect.
            preconditionFailure("embedded knowledge base cannot be read: \(error)")
        }
    }()

    /// Reads the embedded knowledge base afresh, as start-up does (``embedded`` keeps the first reading): the
    /// payload in place, its strings the compiled-in literals. For benchmarks.
    public static func readEmbedded() -> Result<KnowledgeBase, KnowledgeBaseBinaryError> {
        EmbeddedKnowledgeBaseData.payload.withUTF8Buffer { payload in
            Result { () throws(KnowledgeBaseBinaryError) in
                try KnowledgeBaseBinary.decode(payload, strings: EmbeddedKnowledgeBaseData.strings)
            }
        }
    }

    /// The embedded knowledge base's payload (``KnowledgeBaseBinary``), for benchmarks and tests.
    public static var embeddedPayload: [UInt8] { EmbeddedKnowledgeBaseData.payload.withUTF8Buffer { Array($0) } }

    /// The embedded payload's string table as compiled into the binary, for tests.
    public static var embeddedStrings: [String] { EmbeddedKnowledgeBaseData.strings }

    /// The scenario tests shipped with the embedded knowledge base (`KnowledgeBase/tests/*.yaml`), as text.
    public static var embeddedScenarioFiles: [(path: String, text: String)] { EmbeddedKnowledgeBaseData.scenarioFiles }

    /// The scenario test files (`tests/*.yaml`) of a knowledge-base folder, as text; `displayPrefix` names the folder.
    public static func scenarioFiles(
        in folder: URL, displayPrefix: String
    ) throws(DiagnosticsError) -> [(
        path: String, text: String
    )] {
        let tests = folder.appendingPathComponent("tests")
        guard FileManager.default.fileExists(atPath: tests.path) else { return [] }
        let files = try KnowledgeBaseLoader().yamlFiles(in: tests, displayPrefix: displayPrefix + "/tests")
        var result: [(path: String, text: String)] = []
        for (url, display) in files {
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw DiagnosticsError([
                    .error("cannot read file", at: SourceLocation(file: display, line: 1, column: 1))
                ])
            }
            guard data.count <= 8 << 20, let text = String(data: data, encoding: .utf8), !data.contains(0) else {
                throw DiagnosticsError([
                    .error("not a text file of at most 8 MB", at: SourceLocation(file: display, line: 1, column: 1))
                ])
            }
            result.append((display, text))
        }
        return result
    }

    /// The knowledge base to use: `base` (a folder, for KB authors) or the embedded one, with `overlays` layered on
    /// top in order (a later overlay wins). Diagnostics cover the overlays (and the base folder when given).
    public static func load(
        overlays: [URL], overlayNames: [String]? = nil, base: URL? = nil
    )
        -> (KnowledgeBase, [Diagnostic])
    {
        let loader = KnowledgeBaseLoader()
        var layers: [KnowledgeBaseLayer] = []
        var diagnostics: [Diagnostic] = []
        if let base {
            let (layer, found) = loader.loadLayer(folder: base, displayPrefix: base.relativePath)
            layers.append(layer)
            diagnostics += found
        } else {
            if overlays.isEmpty { return (embedded, []) }
            layers.append(KnowledgeBaseLayer(wholeOf: embedded, name: "KnowledgeBase"))
        }
        for (position, overlay) in overlays.enumerated() {
            let name = overlayNames?[position] ?? overlay.relativePath
            let (layer, found) = loader.loadLayer(folder: overlay, displayPrefix: name)
            layers.append(layer)
            diagnostics += found
        }
        return KnowledgeBaseBuilder.build(layers: layers, loadDiagnostics: diagnostics)
    }
}
