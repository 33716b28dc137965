import AnswersFile
import DriftCheck
import EmbeddedKnowledgeBase
import Foundation
import KnowledgeModel
import StackScanner

// `stackwise check` against `scan` alone on a generated repository of N files (default 10,000), and `--base` on a
// typical pull request (one dependency added, one bumped in package.json and package-lock.json, a few source files
// changed).
// `swift run -c release CheckBenchmark [files] [runs]`
let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let fileCount = arguments.first ?? 10_000
let runs = arguments.dropFirst().first ?? 15

let root = FileManager.default.temporaryDirectory.appendingPathComponent("stackwise-check-bench-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: root) }

func write(_ path: String, _ text: String) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: false, encoding: .utf8)
}

@discardableResult
func git(_ arguments: String...) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", root.path] + arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
}

let dependencies = [
    "express": "^5.1.0", "pg": "^8.11.0", "pino": "^9.0.0", "zod": "^3.23.0", "helmet": "^7.1.0", "cors": "^2.8.5",
    "bullmq": "^5.7.0", "ioredis": "^5.4.0", "jsonwebtoken": "^9.0.0", "bcrypt": "^5.1.0", "lodash": "^4.17.21",
]
func manifest(_ extra: [String: String]) -> String {
    let all = dependencies.merging(extra) { $1 }.sorted { $0.key < $1.key }
    return "{\n  \"name\": \"bench-api\",\n  \"dependencies\": {\n"
        + all.map { "    \"\($0.key)\": \"\($0.value)\"" }.joined(separator: ",\n") + "\n  },\n"
        + "  \"devDependencies\": { \"vitest\": \"^2.0.0\", \"typescript\": \"^5.5.0\" }\n}\n"
}
try write("package.json", manifest([:]))
try write("tsconfig.json", "{}\n")
try write("Dockerfile", "FROM node:22-alpine\nUSER node\nCMD [\"node\", \"dist/server.js\"]\n")
try write(
    "docs/decisions/0001-primary-database.md",
    "---\nstatus: accepted\nstackwise-decision: database\nstackwise-option: postgresql\n---\n\n# Database\n")
try write("answers.yaml", "answers:\n  service.stage: existing\n  current.stack: [pino, bullmq]\n")
let imports = dependencies.keys.sorted()
for index in 0..<(fileCount - 5) {
    let folder = "src/module\(index / 100)"
    let module = imports[index % imports.count]
    try write(
        "\(folder)/file\(index).ts",
        "import x from '\(module)'\nimport { helper } from './helper'\n\nexport function f\(index)() {\n  return x\n}\n"
    )
}
// A package-lock.json (v3) of a typical service: its direct dependencies and 800 transitive packages
// (CHECK_LOCK_PACKAGES=N for another count).
let transitive = ProcessInfo.processInfo.environment["CHECK_LOCK_PACKAGES"].flatMap { Int($0) } ?? 800
func lockfile(_ extra: [String: String]) -> String {
    let direct = dependencies.merging(extra) { $1 }.merging(["vitest": "^2.0.0", "typescript": "^5.5.0"]) { $1 }
    func version(_ specifier: String) -> String {
        let digits = specifier.drop { !$0.isNumber }
        return digits.split(separator: ".").count == 3 ? String(digits) : String(digits) + ".0"
    }
    var entries = [
        "    \"\": {\n      \"name\": \"bench-api\",\n      \"dependencies\": {\n"
            + direct.sorted { $0.key < $1.key }.map { "        \"\($0.key)\": \"\($0.value)\"" }.joined(
                separator: ",\n")
            + "\n      }\n    }"
    ]
    for (name, specifier) in direct.sorted(by: { $0.key < $1.key }) {
        entries.append(
            "    \"node_modules/\(name)\": {\n      \"version\": \"\(version(specifier))\",\n"
                + "      \"resolved\": \"https://registry.npmjs.org/\(name)/-/\(name)-\(version(specifier)).tgz\",\n"
                + "      \"integrity\": \"sha512-\(String(repeating: "A", count: 86))==\"\n    }")
    }
    for index in 0..<(transitive + (extra.isEmpty ? 0 : 20)) {
        entries.append(
            "    \"node_modules/transitive-\(index)\": {\n      \"version\": \"1.\(index % 7).\(index % 13)\",\n"
                + "      \"resolved\": \"https://registry.npmjs.org/transitive-\(index)/-/transitive-\(index)-1.0.0.tgz\",\n"
                + "      \"integrity\": \"sha512-\(String(repeating: "B", count: 86))==\",\n"
                + "      \"license\": \"MIT\"\n    }")
    }
    return "{\n  \"name\": \"bench-api\",\n  \"lockfileVersion\": 3,\n  \"requires\": true,\n  \"packages\": {\n"
        + entries.joined(separator: ",\n") + "\n  }\n}\n"
}
try write("package-lock.json", lockfile([:]))
try git("init", "-q", "-b", "main")
try git("add", "-A")
try git("-c", "user.name=b", "-c", "user.email=b@example.com", "commit", "-qm", "base")
// The pull request: mongoose added, pino bumped, three files edited.
try write("package.json", manifest(["mongoose": "^8.5.0", "pino": "^9.4.0"]))
try write("package-lock.json", lockfile(["mongoose": "^8.5.0", "pino": "^9.4.0"]))
for index in 0..<3 {
    try write("src/module0/file\(index).ts", "import mongoose from 'mongoose'\nexport const m = mongoose\n")
}

let knowledgeBase = StackwiseKnowledge.embedded
let scanner = StackScanner(catalog: knowledgeBase.detection)
let checker = DriftChecker(knowledgeBase: knowledgeBase)
let answersText = try String(contentsOf: root.appendingPathComponent("answers.yaml"), encoding: .utf8)

func median(_ label: String, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
    times.sort()
    let value = times[times.count / 2]
    print("\(label.padding(toLength: 44, withPad: " ", startingAt: 0)) \(String(format: "%8.1f", value)) ms")
    return value
}

func check(base: String?) throws -> CheckOutcome {
    let answers = AnswersFileReader(knowledgeBase: knowledgeBase).read(text: answersText, displayPath: "answers.yaml")
        .answerSet
    let records = try RecordedDecisions.read(
        folder: root.appendingPathComponent("docs/decisions"), displayPath: "docs/decisions",
        knowledgeBase: knowledgeBase, required: false)
    let change = try base.map { try GitChangeReader(folder: root, displayName: ".").change(since: $0) }
    var manifestsOnly = scanner
    manifestsOnly.readsSources = base == nil
    let report = try manifestsOnly.scan(folder: root, displayName: ".")
    return checker.check(
        .init(
            report: report, answers: answers, answersPath: "answers.yaml",
            answerLocations: AnswerLocations(text: answersText, displayPath: "answers.yaml"), records: records,
            change: change, today: "2026-12-04"))
}

print("Repository of \(fileCount) files, median of \(runs) runs (release build recommended)")
let scanTime = try median("scan alone") { _ = try scanner.scan(folder: root, displayName: ".") }
let checkTime = try median("check (whole repository)") { _ = try check(base: nil) }
let gitTime = try median("--base: read the change with git") {
    _ = try GitChangeReader(folder: root, displayName: ".").change(since: "main")
}
let baseTime = try median("check --base main (git + manifests + compare)") { _ = try check(base: "main") }
let outcome = try check(base: "main")
print(
    "check / scan: \(String(format: "%.2f", checkTime / scanTime))x (goal <= 2x); --base results: "
        + outcome.results.map { "\($0.kind.rawValue) \($0.technology)" }.joined(separator: ", "))
_ = gitTime
_ = baseTime
