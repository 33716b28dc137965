// ScanBenchmark: how long `stackwise scan` takes on a generated monorepo (run manually, release build):
//
//   swift run -c release ScanBenchmark [packages] [runs]
//
// Generates a pnpm monorepo with `packages` workspace packages (default 50), each with a realistic package.json
// (about 20 dependencies), ten source files and a tsconfig.json, an API app depending on all of them, a
// Dockerfile, a compose file and a CI workflow; then scans it `runs` times (default 31) and prints the median.
import EmbeddedKnowledgeBase
import Foundation
import StackScanner

let arguments = CommandLine.arguments
let packageCount = arguments.count > 1 ? Int(arguments[1]) ?? 50 : 50
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 31 : 31

let root = FileManager.default.temporaryDirectory.appendingPathComponent("stackwise-scan-bench-\(UUID().uuidString)")
func write(_ path: String, _ text: String) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: false, encoding: .utf8)
}

let libraries = [
    "zod", "pino", "ioredis", "bullmq", "@prisma/client", "lodash", "dayjs", "uuid", "axios", "jsonwebtoken",
    "class-validator", "@aws-sdk/client-s3", "kafkajs", "@opentelemetry/api", "@sentry/node", "date-fns",
    "nanoid", "p-limit", "yup", "ajv",
]
do {
    var names: [String] = []
    for index in 0..<packageCount {
        let name = "@bench/lib\(index)"
        names.append(name)
        let dependencies = (0..<20).map { libraries[($0 + index) % libraries.count] }
        let body = Set(dependencies).sorted().map { "\"\($0)\": \"^1.0.0\"" }.joined(separator: ", ")
        try write(
            "packages/lib\(index)/package.json",
            #"{ "name": "\#(name)", "version": "1.0.0", "dependencies": { \#(body) }, "devDependencies": { "vitest": "^1.0.0", "@types/lodash": "^4.0.0" } }"#
        )
        try write("packages/lib\(index)/tsconfig.json", #"{ "compilerOptions": { "strict": true } }"#)
        for file in 0..<10 {
            let imports = (0..<6).map { "import x\($0) from '\(dependencies[($0 + file) % dependencies.count])';" }
            try write(
                "packages/lib\(index)/src/module\(file).ts",
                imports.joined(separator: "\n") + "\n" + String(repeating: "export const value = 1;\n", count: 80))
        }
    }
    let workspaceDependencies = names.map { "\"\($0)\": \"workspace:*\"" }.joined(separator: ", ")
    try write(
        "apps/api/package.json",
        #"{ "name": "@bench/api", "dependencies": { "fastify": "^4.26.0", "@fastify/helmet": "^11.0.0", \#(workspaceDependencies) } }"#
    )
    try write("apps/api/src/server.ts", "import Fastify from 'fastify';\nimport helmet from '@fastify/helmet';\n")
    try write("apps/api/Dockerfile", "FROM node:22-alpine\nUSER node\nCMD [\"node\", \"dist/server.js\"]\n")
    try write("package.json", #"{ "name": "bench", "private": true, "devDependencies": { "typescript": "^5.4.0" } }"#)
    try write("pnpm-workspace.yaml", "packages:\n  - 'apps/*'\n  - 'packages/*'\n")
    try write("pnpm-lock.yaml", "lockfileVersion: '9.0'\n")
    try write("docker-compose.yml", "services:\n  db:\n    image: postgres:16\n  cache:\n    image: redis:7\n")
    try write(".github/workflows/ci.yml", "jobs:\n  test:\n    steps:\n      - run: pnpm test\n")
} catch {
    FileHandle.standardError.write(Data("cannot generate the benchmark project: \(error)\n".utf8))
    exit(3)
}
defer { try? FileManager.default.removeItem(at: root) }

let scanner = StackScanner(catalog: StackwiseKnowledge.embedded.detection)
var times: [Double] = []
var report: ScanReport?
for _ in 0..<runs {
    let start = DispatchTime.now().uptimeNanoseconds
    report = try? scanner.scan(folder: root, displayName: "bench")
    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
}
times.sort()
guard let report else {
    print("the scan failed")
    exit(1)
}
let median = times[times.count / 2]
print(
    "monorepo: \(packageCount) workspace packages, \(report.sourceFilesRead) source files read, \(report.detections.count) detections"
)
print(
    String(
        format: "scan: median %.2f ms, min %.2f ms, max %.2f ms over %d runs", median, times.first!, times.last!, runs))
print(median < 100 ? "OK: under the 100 ms target" : "SLOW: over the 100 ms target")
