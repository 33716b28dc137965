// swift-tools-version:6.0
import PackageDescription

// Layers (see README.md, "Architecture"):
//   RuleLanguage          the condition language: lexer, parser, type checker, evaluator (no dependencies)
//   KnowledgeModel        KB model, YAML loading with positions, overlays, linter (Yams)
//   RecommendationEngine  answers + KB -> Review: scoring, exact joint choice, explanations, what-if
//   AnswersFile           the answers file (YAML/JSON) read with positioned diagnostics, and written back
//   ReviewRendering       a review (and the question catalogue) as 80-column text, Markdown or versioned JSON
//   DecisionRecords       MADR 4.0 records, index and design-review.md; never overwrites an edited record
//   EmbeddedKnowledgeBase the KB compiled into the binary by the KBEmbedPlugin build-tool plugin
//   stackwise             the command-line tool (swift-argument-parser); the only layer that prints
let package = Package(
    name: "Stackwise",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "stackwise", targets: ["stackwise"]),
        // Every reader of untrusted input, for the libFuzzer targets in Fuzz/ (a separate package).
        .library(
            name: "StackwiseReaders",
            targets: ["RuleLanguage", "KnowledgeModel", "EmbeddedKnowledgeBase", "AnswersFile", "StackScanner"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // Core
        .target(name: "RuleLanguage"),
        .target(
            name: "KnowledgeModel",
            dependencies: ["RuleLanguage", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "RecommendationEngine", dependencies: ["KnowledgeModel", "RuleLanguage"]),
        .target(name: "StackScanner", dependencies: ["KnowledgeModel", "RuleLanguage"]),
        .target(name: "AnswersFile", dependencies: ["KnowledgeModel", "RuleLanguage", "RecommendationEngine"]),
        .target(name: "ReviewRendering", dependencies: ["KnowledgeModel", "RecommendationEngine", "AnswersFile"]),
        .target(
            name: "DecisionRecords",
            dependencies: ["KnowledgeModel", "RecommendationEngine", "AnswersFile", "ReviewRendering"]
        ),
        // CI: `stackwise check` (declared decisions vs the code) and CI report formats (SARIF, JUnit, GitHub, GitLab)
        .target(
            name: "DriftCheck", dependencies: ["KnowledgeModel", "RuleLanguage", "StackScanner", "AnswersFile"]),
        .target(
            name: "CIReports",
            dependencies: ["KnowledgeModel", "RecommendationEngine", "AnswersFile", "ReviewRendering", "DriftCheck"]),
        .target(name: "ScenarioTesting", dependencies: ["KnowledgeModel", "RecommendationEngine", "RuleLanguage"]),
        .target(
            name: "EmbeddedKnowledgeBase",
            dependencies: ["KnowledgeModel"],
            plugins: ["KBEmbedPlugin"]
        ),

        // Terminal: the interface as a pure state machine + views, and the ncursesw driver
        .target(name: "TerminalUI", dependencies: ["KnowledgeModel", "RecommendationEngine", "RuleLanguage"]),
        // No pkgConfig: SwiftPM drops its -D flags; shim.h defines NCURSES_WIDECHAR and links ncursesw itself.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "CShim", dependencies: ["CNcursesw"]),
        .target(name: "CursesTerminal", dependencies: ["TerminalUI", "CNcursesw", "CShim"]),

        // Benchmark: key press -> redraw with a scaled knowledge base (`swift run -c release TUIBenchmark`)
        .executableTarget(
            name: "TUIBenchmark",
            dependencies: [
                "TerminalUI", "KnowledgeModel", "EmbeddedKnowledgeBase", "RecommendationEngine", "RuleLanguage",
                "BenchmarkSupport",
            ],
            path: "Benchmarks/TUIBenchmark"
        ),

        // Build tooling: validates KnowledgeBase/ and embeds it in its compact binary form (KnowledgeBaseBinary)
        .executableTarget(name: "KBEmbed", dependencies: ["KnowledgeModel"]),
        .plugin(name: "KBEmbedPlugin", capability: .buildTool(), dependencies: ["KBEmbed"]),

        // App
        .executableTarget(
            name: "stackwise",
            dependencies: [
                "KnowledgeModel", "EmbeddedKnowledgeBase", "RecommendationEngine", "AnswersFile",
                "ReviewRendering", "DecisionRecords", "ScenarioTesting", "TerminalUI", "CursesTerminal",
                "StackScanner", "DriftCheck", "CIReports", "RuleLanguage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Benchmarks (run by hand in release; see README "Performance")
        .executableTarget(
            name: "stackwise-benchmarks",
            dependencies: [
                "KnowledgeModel", "EmbeddedKnowledgeBase", "RecommendationEngine", "RuleLanguage", "BenchmarkSupport",
                "StackwiseTestSupport", "AnswersFile", "ReviewRendering",
            ],
            path: "Benchmarks/StackwiseBenchmarks"
        ),
        // Test support: fixture knowledge bases from YAML text, a seeded random generator (tests and benchmarks)
        .target(name: "StackwiseTestSupport", dependencies: ["KnowledgeModel"]),
        // Shared by the benchmarks: knowledge bases N times the real one
        .target(
            name: "BenchmarkSupport", dependencies: ["KnowledgeModel", "RuleLanguage"],
            path: "Benchmarks/BenchmarkSupport"),
        // Benchmarks (run manually: swift run -c release ScanBenchmark)
        .executableTarget(
            name: "ScanBenchmark", dependencies: ["StackScanner", "EmbeddedKnowledgeBase"],
            path: "Benchmarks/ScanBenchmark"),

        // check against scan on a 10,000-file repository, and --base on a pull request (`swift run -c release CheckBenchmark`)
        .executableTarget(
            name: "CheckBenchmark",
            dependencies: ["DriftCheck", "AnswersFile", "StackScanner", "KnowledgeModel", "EmbeddedKnowledgeBase"],
            path: "Benchmarks/CheckBenchmark"),
        // Scan accuracy on hand-labelled real projects (`swift run ScanAccuracy [--verbose]`)
        .executableTarget(
            name: "ScanAccuracy", dependencies: ["StackScanner", "EmbeddedKnowledgeBase"],
            path: "Benchmarks/ScanAccuracy", exclude: ["fixtures", "labels.yaml", "README.md"]),

        // Tests
        .testTarget(name: "RuleLanguageTests", dependencies: ["RuleLanguage"]),
        .testTarget(
            name: "KnowledgeModelTests",
            dependencies: ["KnowledgeModel", "EmbeddedKnowledgeBase", "StackwiseTestSupport"]
        ),
        .testTarget(
            name: "RecommendationEngineTests",
            dependencies: [
                "RecommendationEngine", "KnowledgeModel", "EmbeddedKnowledgeBase", "StackwiseTestSupport",
                "BenchmarkSupport",
            ]
        ),
        .testTarget(
            name: "ScenarioTestingTests",
            dependencies: ["ScenarioTesting", "RecommendationEngine", "KnowledgeModel", "EmbeddedKnowledgeBase"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["stackwise"]),
        .testTarget(
            name: "TerminalUITests",
            dependencies: ["TerminalUI", "KnowledgeModel", "RecommendationEngine", "StackwiseTestSupport"]
        ),
        .testTarget(name: "AnswersFileTests", dependencies: ["AnswersFile", "KnowledgeModel", "StackwiseTestSupport"]),
        .testTarget(
            name: "DecisionRecordsTests",
            dependencies: [
                "DecisionRecords", "ReviewRendering", "RecommendationEngine", "KnowledgeModel", "StackwiseTestSupport",
            ]
        ),
        .testTarget(
            name: "ReviewRenderingTests",
            dependencies: [
                "ReviewRendering", "AnswersFile", "RecommendationEngine", "KnowledgeModel", "EmbeddedKnowledgeBase",
            ]
        ),
        .testTarget(
            name: "CIReportsTests",
            dependencies: [
                "CIReports", "DriftCheck", "StackScanner", "AnswersFile", "ReviewRendering", "RecommendationEngine",
                "KnowledgeModel", "EmbeddedKnowledgeBase",
            ],
            exclude: ["Schema"]
        ),
        .testTarget(
            name: "StackScannerTests", dependencies: ["StackScanner", "KnowledgeModel", "EmbeddedKnowledgeBase"]),
    ],
    swiftLanguageModes: [.v6]
)
