// stackwise-benchmarks: performance of start-up, reviews, what-if and the solver (release build, medians).
//
//   swift build -c release --product stackwise-benchmarks && .build/release/stackwise-benchmarks
//
// Prints a Markdown table. Whole-process numbers spawn (posix_spawn + waitpid) the release `stackwise` binary next
// to this one and two empty programs compiled on the fly with swiftc (with and without Foundation). The solver rows
// compare with OR-tools CP-SAT on the same instances in the same run (Benchmarks/cpsat/solve.py; needs
// `pip install ortools` once, else they fall back to fixed reference times, labelled as such).
import AnswersFile
import BenchmarkSupport
import EmbeddedKnowledgeBase
import Foundation
import KnowledgeModel
import RecommendationEngine
import ReviewRendering
import RuleLanguage
import StackwiseTestSupport

let binDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
let runs = Int(ProcessInfo.processInfo.environment["BENCH_RUNS"] ?? "") ?? 21
var rows: [(String, String, String)] = []
@MainActor func report(_ name: String, _ value: String, _ note: String = "") {
    rows.append((name, value, note))
    FileHandle.standardError.write(Data("\(name): \(value) \(note)\n".utf8))
}

/// `BENCH_ONLY=startup|kb|pipeline|engine|solver|hard` runs one section.
let only = ProcessInfo.processInfo.environment["BENCH_ONLY"]
func section(_ name: String) -> Bool { only == nil || only == name }

// MARK: Start-up

func compileEmptyProgram(_ name: String, source: String) -> String? {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stackwise-bench-\(name)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("main.swift")
    let output = folder.appendingPathComponent(name).path
    try? source.write(to: file, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["swiftc", "-O", file.path, "-o", output]
    process.standardOutput = FileHandle.nullDevice
    try? process.run()
    process.waitUntilExit()
    return process.terminationStatus == 0 ? output : nil
}

if section("startup"), let empty = compileEmptyProgram("empty", source: "print(\"\")") {
    let times = Timing.processTimes(empty, [], runs: runs)
    report("empty Swift program (no Foundation), whole process", Timing.format(times.wall), cpuNote(times.cpu))
}
var emptyFoundation: (wall: Double, cpu: Double)?
if section("startup"),
    let program = compileEmptyProgram(
        "empty-foundation", source: "import Foundation\nprint(Date().timeIntervalSince1970 > 0 ? \"\" : \"x\")")
{
    let times = Timing.processTimes(program, [], runs: runs)
    emptyFoundation = times
    report("empty Swift program (Foundation), whole process", Timing.format(times.wall), cpuNote(times.cpu))
}
/// "CPU 9.10 ms".
func cpuNote(_ cpu: Double) -> String { "CPU " + Timing.format(cpu) }
/// "1.23x (CPU 1.10x) the empty Foundation program", the yardstick for start-up (goal: at most 1.5x).
@MainActor func relativeToEmpty(_ times: (wall: Double, cpu: Double)) -> String {
    guard let emptyFoundation else { return cpuNote(times.cpu) }
    return String(
        format: "%@; %.2fx wall, %.2fx CPU the empty Foundation program (goal <= 1.5x)", cpuNote(times.cpu),
        times.wall / emptyFoundation.wall, times.cpu / emptyFoundation.cpu)
}
let stackwise = binDirectory.appendingPathComponent("stackwise").path
if section("startup"), FileManager.default.fileExists(atPath: stackwise) {
    let version = Timing.processTimes(stackwise, ["--version"], runs: runs)
    report("stackwise --version, whole process", Timing.format(version.wall), relativeToEmpty(version))
    let stats = Timing.processTimes(stackwise, ["kb", "stats"], runs: runs)
    report("stackwise kb stats (embedded KB), whole process", Timing.format(stats.wall), relativeToEmpty(stats))
    let answers = FileManager.default.currentDirectoryPath + "/docs/examples/express-slow-under-load.yaml"
    if FileManager.default.fileExists(atPath: answers) {
        // The yardstick: the whole review, text and JSON, against the empty Foundation program.
        let text = Timing.processTimes(stackwise, ["review", "--answers", answers], runs: runs)
        report(
            "stackwise review (example answers, text), whole process", Timing.format(text.wall), relativeToEmpty(text))
        let json = Timing.processTimes(stackwise, ["review", "--answers", answers, "--format", "json"], runs: runs)
        report(
            "stackwise review (example answers, JSON), whole process", Timing.format(json.wall), relativeToEmpty(json))
    }
}

// MARK: In-process: the knowledge base

let real = StackwiseKnowledge.embedded
if section("kb") {
    // Decoded knowledge bases are kept until the end so that freeing them is not timed (start-up never frees it).
    var kept: [KnowledgeBase] = []
    let embeddedPayload = StackwiseKnowledge.embeddedPayload
    report(
        "read embedded KB from its binary form (\(embeddedPayload.count / 1024) KB), in process",
        Timing.format(
            Timing.medianMilliseconds(runs: runs) { kept.append(try! KnowledgeBaseBinary.decode(embeddedPayload)) }),
        "what start-up pays")
    let tenfold = KnowledgeBaseBinary.encode(SyntheticKnowledgeBase.scaled(real, by: 10))
    report(
        "read 10x KB from its binary form (\(tenfold.count / 1024) KB), in process",
        Timing.format(Timing.medianMilliseconds(runs: runs) { kept.append(try! KnowledgeBaseBinary.decode(tenfold)) }))
    let json = try! JSONEncoder().encode(real)
    report(
        "decode embedded KB from JSON (\(json.count / 1024) KB), in process",
        Timing.format(
            Timing.medianMilliseconds(runs: runs) {
                kept.append(try! JSONDecoder().decode(KnowledgeBase.self, from: json))
            }),
        "the former embedding, for comparison")
    let conditionTexts =
        real.rules.map(\.when.source) + real.questions.compactMap(\.askIf?.source)
        + real.decisions.compactMap(\.appliesIf?.source) + real.checklist.compactMap(\.appliesIf?.source)
    report(
        "parse the embedded KB's \(conditionTexts.count) conditions from text, in process",
        Timing.format(
            Timing.medianMilliseconds(runs: runs) {
                for text in conditionTexts { _ = try! ConditionParser.parse(text) }
            }),
        "avoided: the binary form stores parsed trees")
    kept.removeAll()
}

// Profiling aid: BENCH_ONLY=profile-kb reads the embedded knowledge base 500 times (for perf)
if only == "profile-kb" {
    let payload = StackwiseKnowledge.embeddedPayload
    for _ in 0..<500 { _ = try! KnowledgeBaseBinary.decode(payload) }
}

// MARK: In-process: reviews and what-if

func sampleAnswers(for kb: KnowledgeBase) -> AnswerSet {
    // Answer about half of the questions with their first option / a mid-range number / yes; propose options.
    var answers = AnswerSet(proposed: SyntheticKnowledgeBase.proposals(for: kb))
    for (index, question) in kb.questions.enumerated() where index % 2 == 0 {
        switch question.type {
        case .single: if let first = question.options.last { answers.set(question.id, to: .choice(first.id)) }
        case .multi: if let first = question.options.first { answers.set(question.id, to: .choices([first.id])) }
        case .yesno: answers.set(question.id, to: .bool(true))
        case .number:
            answers.set(
                question.id, to: .number(((question.minimum ?? 0) + min(question.maximum ?? 1000, 100_000)) / 2))
        case .text: answers.set(question.id, to: .text("payments"))
        }
    }
    return answers
}

for factor in [1, 10, 100] where section("engine") {
    let kb = SyntheticKnowledgeBase.scaled(real, by: factor)
    let engine = RecommendationEngine(knowledgeBase: kb)
    let answers = sampleAnswers(for: kb)
    let label = "\(factor)x KB (\(kb.rules.count) rules, \(kb.decisions.count) decisions)"
    let reviewTime = Timing.medianMilliseconds(runs: runs) { _ = engine.review(answers) }
    let whatIfTime = Timing.medianMilliseconds(runs: factor == 100 ? 11 : runs) { _ = engine.whatIf(answers) }
    let choice = engine.choose(answers)
    report("review, \(label)", Timing.format(reviewTime), "solver nodes: \(choice.nodes)")
    report("what-if sweep, \(label)", Timing.format(whatIfTime), "questions shared among the processors")
    do {
        let oneThread = Timing.medianMilliseconds(runs: factor == 100 ? 11 : runs) {
            _ = engine.whatIf(answers, parallelThreshold: .max)
        }
        report("what-if sweep on one thread, \(label)", Timing.format(oneThread))
    }
    // What a review costs the CLI and the TUI: one evaluation serves the review and its what-if sweep.
    let combined = Timing.medianMilliseconds(runs: factor == 100 ? 11 : runs) { _ = engine.reviewAndWhatIf(answers) }
    report(
        "review + what-if (one evaluation), \(label)", Timing.format(combined),
        "separately: \(Timing.format(reviewTime + whatIfTime))")
}

// MARK: In-process: the stages of `stackwise review`, first call and warm

/// The stages of one `stackwise review --answers <example>` in the order the command runs them. The first call of
/// each pays what a fresh process pays (type metadata, caches); the median of later calls is the work itself.
func pipelineStages(answersPath: String) -> [(name: String, run: () -> Void)] {
    var kb = real
    var engine: RecommendationEngine!
    var answers = AnswerSet()
    var report: ReviewReport!
    return [
        // As start-up reads it: the payload in place, the strings the compiled-in literals.
        ("decode the embedded KB", { kb = try! StackwiseKnowledge.readEmbedded().get() }),
        ("compile it (RecommendationEngine.init)", { engine = RecommendationEngine(knowledgeBase: kb) }),
        (
            "read the answers file",
            {
                answers =
                    AnswersFileReader(engine: engine).read(
                        fileAt: URL(fileURLWithPath: answersPath), displayPath: answersPath
                    ).answerSet
            }
        ),
        ("review + what-if (ReviewReport)", { report = ReviewReport(engine: engine, answers: answers) }),
        ("render text (standard detail)", { _ = ReviewText().render(report) }),
        ("render JSON", { _ = ReviewJSON.render(report) }),
    ]
}

let pipelineAnswers = FileManager.default.currentDirectoryPath + "/docs/examples/express-slow-under-load.yaml"
if section("pipeline"), FileManager.default.fileExists(atPath: pipelineAnswers) {
    let stages = pipelineStages(answersPath: pipelineAnswers)
    var firstTotal = 0.0
    var warmTotal = 0.0
    for stage in stages {
        let start = DispatchTime.now().uptimeNanoseconds
        stage.run()
        let first = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        let warm = Timing.medianMilliseconds(runs: runs, warmup: 0, stage.run)
        firstTotal += first
        warmTotal += warm
        report("review stage: \(stage.name), in process", Timing.format(warm), "first call " + Timing.format(first))
    }
    report(
        "review stages together (express example), in process", Timing.format(warmTotal),
        "first calls " + Timing.format(firstTotal))
}

// BENCH_ONLY=profile-pipeline repeats the stages (for perf); BENCH_ONLY=profile-render runs them once, then repeats
// the last three (review, text, JSON).
if only == "profile-pipeline" {
    let stages = pipelineStages(answersPath: pipelineAnswers)
    for _ in 0..<200 { for stage in stages { stage.run() } }
}
if only == "profile-render" {
    let stages = pipelineStages(answersPath: pipelineAnswers)
    for stage in stages { stage.run() }
    for _ in 0..<500 { for stage in stages.suffix(3) { stage.run() } }
}

// MARK: Profiling aids (for perf): BENCH_ONLY=profile-review|profile-whatif|profile-both repeats one review, one
// what-if sweep or both from one evaluation, on the KB scaled by BENCH_FACTOR (default 1); BENCH_ONLY=profile-solver
// repeats the 60x8/300 random instances.

if only == "profile-review" || only == "profile-whatif" || only == "profile-both" {
    let factor = Int(ProcessInfo.processInfo.environment["BENCH_FACTOR"] ?? "") ?? 1
    let kb = SyntheticKnowledgeBase.scaled(real, by: factor)
    let engine = RecommendationEngine(knowledgeBase: kb)
    let answers = sampleAnswers(for: kb)
    let repeats = max(30, 1000 / factor)
    for _ in 0..<repeats {
        switch only {
        case "profile-review": _ = engine.review(answers)
        case "profile-whatif": _ = engine.whatIf(answers)
        default: _ = engine.reviewAndWhatIf(answers)
        }
    }
}

if only == "profile-solver" {
    let engines = (0..<20).map { seed in
        RecommendationEngine(
            knowledgeBase: RandomInstances.knowledgeBase(
                decisions: 60, options: 8, constraints: 300, seed: UInt64(seed)))
    }
    for _ in 0..<200 { for engine in engines { _ = engine.choose(AnswerSet()) } }
}

// MARK: In-process: the solver on random instances (peer: OR-tools CP-SAT, one worker, same instances, same run)

/// Stackwise's times per size; the same instances go to CP-SAT (Benchmarks/cpsat/solve.py) afterwards. The fixed
/// reference times (CP-SAT on this machine kind in an earlier session) are used only when ortools is not installed.
struct SolverSize {
    var label: String
    /// The instances' folder name for solve.py, e.g. `28x6-40`.
    var group: String
    var times: [Double]
    var nodes: [Double]
    /// CP-SAT's fixed reference time in ms, used only when it cannot be measured in this run.
    var reference: Double
}
var solverSizes: [SolverSize] = []
var solverModels: [(name: String, models: [OptimizationModel])] = []
for (decisions, options, constraints, reference) in [(28, 6, 40, 2.0), (28, 6, 120, 4.0), (60, 8, 300, 10.0)]
where section("solver") {
    var times: [Double] = []
    var nodes: [Double] = []
    var models: [OptimizationModel] = []
    for seed in 0..<20 {
        let kb = RandomInstances.knowledgeBase(
            decisions: decisions, options: options, constraints: constraints, seed: UInt64(seed))
        let engine = RecommendationEngine(knowledgeBase: kb)
        times.append(Timing.medianMilliseconds(runs: 5, warmup: 1) { _ = engine.choose(AnswerSet()) })
        nodes.append(Double(engine.choose(AnswerSet()).nodes))
        models.append(engine.optimizationModel(AnswerSet()))
    }
    let group = "\(decisions)x\(options)-\(constraints)"
    solverSizes.append(
        SolverSize(
            label: "solve random \(decisions)x\(options), \(constraints) constraints (median of 20 instances)",
            group: group, times: times, nodes: nodes, reference: reference))
    solverModels.append((group, models))
}
var cpsatMismatches = 0
if section("solver") {
    let cpsat = CPSATPeer.isAvailable ? CPSATPeer.solve(solverModels) : nil
    if cpsat == nil {
        FileHandle.standardError.write(
            Data(
                ("note: CP-SAT not measured in this run (`\(CPSATPeer.python) -c \"import ortools\"` or the script "
                    + "failed; see README, Performance): the solver rows use fixed reference times\n").utf8))
    }
    for size in solverSizes {
        let median = Timing.median(size.times)
        var note = String(format: "nodes median %.0f, max %.0f; ", Timing.median(size.nodes), size.nodes.max() ?? 0)
        if let peer = cpsat?.groups[size.group] {
            note += String(
                format: "CP-SAT %.3f ms measured in this run (%.3f ms inside the solver) -> %.1fx faster",
                peer.medianMilliseconds, peer.internalMedianMilliseconds, peer.medianMilliseconds / median)
            if !peer.mismatches.isEmpty {
                cpsatMismatches += peer.mismatches.count
                note += "; CP-SAT MISMATCH on \(peer.mismatches.count) instances (see stderr)"
            }
        } else {
            note += String(
                format: "CP-SAT ~%.0f ms fixed reference (not measured in this run) -> %.0fx faster", size.reference,
                size.reference / median)
        }
        report(size.label, Timing.format(median), note)
    }
    if let cpsat {
        FileHandle.standardError.write(Data("CP-SAT: ortools \(cpsat.ortools), \(cpsat.method)\n".utf8))
    }
}

// MARK: The hard-overlay family (issue 17): ~85 decisions of 8 options, 2,400 random conflicts. The exact search
// needs millions of nodes here (CP-SAT proves the optimum in ~0.1 s); the node budget bounds the time and the review
// says "not proven optimal".

if section("solver") || section("hard") {
    var times: [Double] = []
    var unproven = 0
    var gaps: [Double] = []
    for seed in 0..<5 {
        let kb = RandomInstances.knowledgeBase(decisions: 85, options: 8, constraints: 2_400, seed: UInt64(seed))
        let engine = RecommendationEngine(knowledgeBase: kb)
        times.append(Timing.medianMilliseconds(runs: 3, warmup: 1) { _ = engine.choose(AnswerSet()) })
        let choice = engine.choose(AnswerSet())
        if !choice.provenOptimal { unproven += 1 }
        // Distance from the simple upper bound (every decision its best option), in percent.
        var best: [String: Int] = [:]
        for effect in kb.rules.flatMap(\.scores) {
            best[effect.target.decision] = max(best[effect.target.decision] ?? 0, effect.weight)
        }
        let upper = best.values.reduce(0, +)
        if upper > 0 { gaps.append(100 * Double(upper - choice.totalScore) / Double(upper)) }
    }
    report(
        "solve hard-overlay family 85x8, 2,400 constraints (median of 5 instances)",
        Timing.format(Timing.median(times)),
        String(
            format: "%d of 5 not proven optimal (node budget); total within %.1f%% of the simple upper bound (median)",
            unproven, Timing.median(gaps)))
    // The shipped stress overlay itself, whole process, when present (HARD_OVERLAY=dir; default ../shared/...).
    let overlay = ProcessInfo.processInfo.environment["HARD_OVERLAY"] ?? "../shared/benchmarks/hard-overlay"
    if FileManager.default.fileExists(atPath: overlay + "/overlay.yaml"),
        FileManager.default.fileExists(atPath: stackwise)
    {
        let time = Timing.processMilliseconds(
            stackwise, ["review", "--kb", overlay, "--answers", overlay + "/answers.json"], runs: 5)
        report("stackwise review of the hard overlay, whole process", Timing.format(time), "goal < 1 s")
    }
}

print("| measurement | median | notes |")
print("|---|---|---|")
for (name, value, note) in rows { print("| \(name) | \(value) | \(note) |") }
if cpsatMismatches > 0 {
    FileHandle.standardError.write(
        Data("error: CP-SAT and Stackwise disagree on \(cpsatMismatches) instances (listed above)\n".utf8))
    exit(1)
}
