// stackwise-fuzz: libFuzzer targets for every reader of untrusted input (see docs/fuzzing.md).
//
//   swift build -c release --product stackwise-fuzz --build-path .build-fuzz -Xswiftc -sanitize=fuzzer,address \
//     -Xswiftc -use-ld=lld      (or simply: Fuzz/run)
//
// The target is compiled with -parse-as-library (Fuzz/Package.swift; passing it with -Xswiftc would reach every
// executable of the main package too): no top-level entry point, only the `stackwise_fuzz_main` symbol SwiftPM's
// link step points `main` to. Without the flag SwiftPM emits that symbol itself ("multiple definitions").
//   .build-fuzz/release/stackwise-fuzz --target=answers Fuzz/corpus/answers -max_total_time=60
//
// The first argument picks the target; everything else goes to libFuzzer. A target returns normally for every
// input: a crash, a trap, a sanitizer report or a timeout is a bug.
import AnswersFile
import EmbeddedKnowledgeBase
import Foundation
import KnowledgeModel
import RuleLanguage
import StackScanner

/// The fuzz targets by name.
enum FuzzTarget: String, CaseIterable {
    /// The answers-file reader (YAML and JSON) against the embedded knowledge base.
    case answers
    /// One knowledge-base file: the YAML layer decoder, then merge and the linter on that layer alone (checking it
    /// against the whole embedded base costs tens of milliseconds per input, too slow for a fuzzer).
    case kb
    /// The compact binary form of the knowledge base.
    case binary
    /// The scan's JSON parser, strict (package.json) and with comments (tsconfig.json, JSONC).
    case json
    /// The condition language's public parse entry point.
    case condition

    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        switch self {
        case .answers:
            _ = FuzzState.answersReader.read(data: Data(buffer: bytes), displayPath: "fuzz.yaml")
        case .kb:
            let text = String(decoding: bytes, as: UTF8.self)
            let (layer, diagnostics) = KnowledgeBaseLoader().loadLayer(
                name: "fuzz", files: [(path: "fuzz/overlay.yaml", text: text)])
            _ = KnowledgeBaseBuilder.build(layers: [layer], loadDiagnostics: diagnostics)
        case .binary:
            _ = try? KnowledgeBaseBinary.decode(bytes)
        case .json:
            let text = String(decoding: bytes, as: UTF8.self)
            _ = try? JSONParser.parse(text)
            _ = try? JSONParser.parse(text, allowsComments: true)
        case .condition:
            _ = try? ConditionParser.parse(String(decoding: bytes, as: UTF8.self))
        }
    }
}

/// Built once per process, outside the timed inputs.
enum FuzzState {
    static let answersReader = AnswersFileReader(knowledgeBase: StackwiseKnowledge.embedded)

    /// `--write-binary-seed=FILE`: the binary form of the knowledge base in `text` (a seed for the binary target).
    static func writeBinarySeed(to path: String, from text: String) -> Int32 {
        let (layer, _) = KnowledgeBaseLoader().loadLayer(name: "seed", files: [(path: "seed.yaml", text: text)])
        let (knowledgeBase, _) = KnowledgeBaseBuilder.build(layers: [layer])
        let bytes = KnowledgeBaseBinary.encode(knowledgeBase)
        return FileManager.default.createFile(atPath: path, contents: Data(bytes)) ? 0 : 1
    }
}

nonisolated(unsafe) var selectedTarget = FuzzTarget.answers

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// SwiftPM links executables with `--defsym main=<target>_main`; hand control to libFuzzer from there.
@_cdecl("stackwise_fuzz_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var arguments = (0..<Int(argc)).map { argv![$0] }
    if arguments.count > 1, let first = arguments[1].map({ String(cString: $0) }), first.hasPrefix("--target=") {
        guard let target = FuzzTarget(rawValue: String(first.dropFirst("--target=".count))) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(
                Data("error: unknown fuzz target in \(first); the targets are \(names)\n".utf8))
            return 2
        }
        selectedTarget = target
        arguments.remove(at: 1)
    }
    if arguments.count == 3, let first = arguments[1].map({ String(cString: $0) }),
        first.hasPrefix("--write-binary-seed="), let source = arguments[2].map({ String(cString: $0) }),
        let text = try? String(contentsOfFile: source, encoding: .utf8)
    {
        return FuzzState.writeBinarySeed(to: String(first.dropFirst("--write-binary-seed=".count)), from: text)
    }
    _ = FuzzState.answersReader
    var count = Int32(arguments.count)
    let pointer = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: arguments.count + 1)
    for (index, argument) in arguments.enumerated() { pointer[index] = argument }
    pointer[arguments.count] = nil
    var argvPointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = pointer
    return LLVMFuzzerRunDriver(&count, &argvPointer) { data, size in
        selectedTarget.run(UnsafeBufferPointer(start: data, count: size))
        return 0
    }
}
