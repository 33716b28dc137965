import Foundation

/// Median-of-runs timing helpers.
enum Timing {
    /// Runs `body` `runs` times (after `warmup` runs) and returns the median wall time in milliseconds.
    static func medianMilliseconds(runs: Int, warmup: Int = 2, _ body: () -> Void) -> Double {
        for _ in 0..<warmup { body() }
        var samples: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        return median(samples)
    }

    static func median(_ samples: [Double]) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// Median whole-process time of `executable arguments` (stdout/stderr discarded), in milliseconds.
    static func processMilliseconds(_ executable: String, _ arguments: [String], runs: Int) -> Double {
        medianMilliseconds(runs: runs, warmup: 2) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            do {
                try process.run()
                process.waitUntilExit()
            } catch {
                FileHandle.standardError.write(Data("cannot run \(executable): \(error)\n".utf8))
            }
        }
    }

    static func format(_ milliseconds: Double) -> String {
        milliseconds < 1 ? String(format: "%.3f ms", milliseconds) : String(format: "%.2f ms", milliseconds)
    }
}
