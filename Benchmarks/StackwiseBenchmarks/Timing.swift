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
        processTimes(executable, arguments, runs: runs).wall
    }

    /// Median wall time and median CPU time (user + system of the child, from `wait4`) of whole runs. CPU time
    /// barely moves with the machine's load, so ratios of CPU times stay comparable on a busy machine.
    static func processTimes(_ executable: String, _ arguments: [String], runs: Int) -> (wall: Double, cpu: Double) {
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
        var cpuSamples: [Double] = []
        let wall = medianMilliseconds(runs: runs, warmup: 2) {
            var pid: pid_t = 0
            let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
            guard spawned == 0 else {
                failure = "cannot run \(executable): \(String(cString: strerror(spawned)))"
                return
            }
            var status: Int32 = 0
            var usage = rusage()
            while wait4(pid, &status, 0, &usage) == -1, errno == EINTR {}
            func milliseconds(_ time: timeval) -> Double { Double(time.tv_sec) * 1000 + Double(time.tv_usec) / 1000 }
            cpuSamples.append(milliseconds(usage.ru_utime) + milliseconds(usage.ru_stime))
            if status != 0 {
                failure = "\(executable) \(arguments.joined(separator: " ")) exited with status \(status)"
            }
        }
        if let failure { FileHandle.standardError.write(Data("warning: \(failure)\n".utf8)) }
        // The warm-up runs are not part of the CPU median either.
        return (wall, median(Array(cpuSamples.dropFirst(2))))
    }

    static func format(_ milliseconds: Double) -> String {
        milliseconds < 1 ? String(format: "%.3f ms", milliseconds) : String(format: "%.2f ms", milliseconds)
    }
}
