// swift-tools-version:6.0
// The libFuzzer targets, kept out of the main package: a fuzz build needs `-sanitize=fuzzer` and libFuzzer's own
// entry point, which an ordinary `swift build` of the main package must not see. See docs/fuzzing.md.
import PackageDescription

let package = Package(
    name: "StackwiseFuzz",
    dependencies: [.package(name: "Stackwise", path: "..")],
    targets: [
        .executableTarget(
            name: "stackwise-fuzz",
            dependencies: [.product(name: "StackwiseReaders", package: "Stackwise")],
            path: "StackwiseFuzz",
            // No top-level code: the entry point is `stackwise_fuzz_main`, handed to libFuzzer.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])])
    ],
    swiftLanguageModes: [.v6]
)
