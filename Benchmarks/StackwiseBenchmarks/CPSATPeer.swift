import Foundation
import RecommendationEngine

/// The solver benchmark's peer, measured in the same run on the same instances: OR-tools CP-SAT (one worker) driven
/// by `Benchmarks/cpsat/solve.py` with `python3` (or `BENCH_PYTHON`). Needs `pip install ortools` once; without it
/// the benchmark falls back to fixed reference times and says so.
enum CPSATPeer {
    /// One group's result (an instance size), as printed by solve.py.
    struct Group: Decodable {
        var instances: Int
        /// Median over the instances of each instance's median `CpSolver.solve` wall time.
        var medianMilliseconds: Double
        /// The same with CP-SAT's own wall time (inside the solve call).
        var internalMedianMilliseconds: Double
        /// Instances where CP-SAT's optimum differs from Stackwise's total, or Stackwise's choice breaks a constraint.
        var mismatches: [String]

        enum CodingKeys: String, CodingKey {
            case instances, mismatches
            case medianMilliseconds = "median_ms"
            case internalMedianMilliseconds = "internal_median_ms"
        }
    }

    struct Result: Decodable {
        var ortools: String
        var method: String
        var groups: [String: Group]
    }

    static let python = ProcessInfo.processInfo.environment["BENCH_PYTHON"] ?? "python3"

    /// solve.py next to this source file's folder (the benchmark is built from the repository), else under the
    /// current directory.
    static var script: URL? {
        let besideSource = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("cpsat/solve.py")
        let inCurrentDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent("Benchmarks/cpsat/solve.py")
        return [besideSource, inCurrentDirectory].first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Whether `python3 -c "import ortools"` succeeds and the script is there.
    static var isAvailable: Bool {
        guard script != nil else { return false }
        return run(["-c", "import ortools"])?.status == 0
    }

    /// Writes the models (group name -> instances) as JSON to a temporary folder, solves them all with CP-SAT and
    /// returns the timings and checks; nil (with a warning on stderr) when the script cannot run or its output is not
    /// understood. Mismatches are also printed by the script on stderr as they are found.
    static func solve(_ groups: [(name: String, models: [OptimizationModel])]) -> Result? {
        guard let script else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stackwise-cpsat-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let encoder = JSONEncoder()
        do {
            for group in groups {
                let groupFolder = folder.appendingPathComponent(group.name)
                try FileManager.default.createDirectory(at: groupFolder, withIntermediateDirectories: true)
                for (index, model) in group.models.enumerated() {
                    let name = String(format: "instance-%03d.json", index)
                    try encoder.encode(model).write(to: groupFolder.appendingPathComponent(name))
                }
            }
        } catch {
            warn("cannot write the CP-SAT instances to \(folder.path): \(error)")
            return nil
        }
        guard let outcome = run([script.path, folder.path]) else { return nil }
        // Exit status 3 means "solved, with mismatches": the result still holds the timings and lists them.
        guard outcome.status == 0 || outcome.status == 3,
            let result = try? JSONDecoder().decode(Result.self, from: outcome.output)
        else {
            warn("\(python) \(script.path) failed (exit status \(outcome.status)); CP-SAT not measured in this run")
            return nil
        }
        return result
    }

    /// Runs `python arguments`, stderr passed through; nil when it cannot start.
    private static func run(_ arguments: [String]) -> (status: Int32, output: Data)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        if arguments.first == "-c" { process.standardError = FileHandle.nullDevice }
        do { try process.run() } catch {
            warn("cannot run \(python): \(error)")
            return nil
        }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    private static func warn(_ message: String) {
        FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
    }
}
