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

    /// Median whole-process time of `executable arguments` (stdout and stderr to /dev/null), in milliseconds.
    /// Spawned with posix_spawn and reaped with waitpid: Foundation's `Process` adds milliseconds of its own.
    /// Reports (once) when the program does not exit with status 0, since its time then measures something else.
    static func processMilliseconds(_ executable: String, _ arguments: [String], runs: Int) -> Double {
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        #if os(Linux)
            var actions = posix_spawn_file_actions_t()
        #else
            var actions: posix_spawn_file_actions_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var failure: String?
        let time = medianMilliseconds(runs: runs, warmup: 2) {
            var pid: pid_t = 0
            let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
            guard spawned == 0 else {
                failure = "cannot run \(executable): \(String(cString: strerror(spawned)))"
                return
            }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1, errno == EINTR {}
            if status != 0 {
                failure = "\(executable) \(arguments.joined(separator: " ")) exited with status \(status)"
            }
        }
        if let failure { FileHandle.standardError.write(Data("warning: \(failure)\n".utf8)) }
        return time
    }

    static func format(_ milliseconds: Double) -> String {
        milliseconds < 1 ? String(format: "%.3f ms", milliseconds) : String(format: "%.2f ms", milliseconds)
    }
}
