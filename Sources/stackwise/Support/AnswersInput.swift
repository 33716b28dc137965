import AnswersFile
import ArgumentParser
import Foundation
import KnowledgeModel
import RecommendationEngine

/// Reads the answers file a command was given (`-` is standard input), printing its diagnostics.
enum AnswersInput {
    /// The answers, or an exit: 2 for bad content, 3 when the file cannot be read. Warnings are printed and
    /// reading goes on.
    static func load(_ path: String, knowledgeBase: KnowledgeBase) throws -> AnswerSet {
        try load(path, reader: AnswersFileReader(knowledgeBase: knowledgeBase))
    }

    /// The same, with the engine the command already built (building one compiles the knowledge base).
    static func load(_ path: String, engine: RecommendationEngine) throws -> AnswerSet {
        try load(path, reader: AnswersFileReader(engine: engine))
    }

    private static func load(_ path: String, reader: AnswersFileReader) throws -> AnswerSet {
        let result: AnswersFileResult
        if path.isEmpty {
            Output.error("error: the answers file name is empty; give a file, or - to read standard input")
            throw ExitCode(ExitStatus.badInput)
        }
        if path == "-" {
            let data = FileHandle.standardInput.readData(upToCount: AnswersFileReader.maximumBytes + 1)
            result = reader.read(data: data, displayPath: "<stdin>")
        } else {
            result = reader.read(fileAt: URL(fileURLWithPath: path), displayPath: path)
        }
        for diagnostic in result.diagnostics { Output.error(diagnostic.description) }
        if result.isUnreadable { throw ExitCode(ExitStatus.ioFailure) }
        if result.hasErrors {
            let count = result.diagnostics.filter { $0.severity == .error }.count
            Output.error("error: the answers file has \(counted(count, "error")); nothing was done")
            throw ExitCode(ExitStatus.badInput)
        }
        return result.answerSet
    }
}

extension FileHandle {
    /// Reads at most `count` bytes (or to end of file).
    fileprivate func readData(upToCount count: Int) -> Data {
        (try? read(upToCount: count)) ?? Data()
    }
}
