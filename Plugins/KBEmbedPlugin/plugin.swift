import Foundation
import PackagePlugin

/// Validates the top-level `KnowledgeBase/` folder and embeds it into the target as a Swift source file.
/// Every YAML file is an input, so editing one and rebuilding picks the change up.
@main
struct KBEmbedPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "KnowledgeBase")
        var inputs: [URL] = []
        if let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) {
            for case let url as URL in enumerator where ["yaml", "yml"].contains(url.pathExtension.lowercased()) {
                inputs.append(url)
            }
        }
        inputs.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedKnowledgeBaseData.swift")
        return [
            .buildCommand(
                displayName: "Validating and embedding KnowledgeBase/",
                executable: try context.tool(named: "KBEmbed").url,
                arguments: [output.path, folder.path, "KnowledgeBase"],
                inputFiles: inputs + [folder],
                outputFiles: [output])
        ]
    }
}
