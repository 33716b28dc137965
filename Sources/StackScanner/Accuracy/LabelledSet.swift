import Foundation
import KnowledgeModel

/// A hand-labelled set of real projects (`Benchmarks/ScanAccuracy/labels.yaml`) and the scan's per-category
/// recall and precision on it. Used by the `ScanAccuracy` benchmark and by the test that keeps the figures.
public struct LabelledSet: Sendable {
    /// One labelled project.
    public struct Entry: Sendable {
        public var repository: String
        public var commit: String
        /// The fixture folder, relative to the set's folder.
        public var fixture: String
        /// Canonical names per category; a category absent from the map has no label.
        public var labels: [DetectionCategory: Set<String>]
    }

    /// Recall and precision of one category.
    public struct Score: Sendable {
        public var category: DetectionCategory
        public var truePositives = 0
        public var falseNegatives = 0
        public var falsePositives = 0
        /// "repo: name" for each miss and each extra, for reading.
        public var misses: [String] = []
        public var extras: [String] = []

        public var recall: Double {
            truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
        public var precision: Double {
            truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
        }
    }

    public var folder: URL
    public var entries: [Entry]

    /// Reads `labels.yaml` in `folder`.
    public init(folder: URL) throws {
        self.folder = folder
        let url = folder.appendingPathComponent("labels.yaml")
        guard let root = try YAMLReader().read(fileAt: url, displayPath: "labels.yaml"),
            case .sequence(let items) = root["repos"]?.content
        else {
            throw CocoaError(.fileReadCorruptFile)
        }
        entries = items.compactMap { item in
            guard let repository = item["repo"]?.scalar, let fixture = item["fixture"]?.scalar else { return nil }
            var labels: [DetectionCategory: Set<String>] = [:]
            if case .mapping(let pairs) = item["labels"]?.content {
                for (key, value) in pairs {
                    guard let name = key.scalar, let category = DetectionCategory(rawValue: name),
                        case .sequence(let names) = value.content
                    else { continue }
                    labels[category] = Set(names.compactMap(\.scalar))
                }
            }
            return Entry(
                repository: repository, commit: item["commit"]?.scalar ?? "", fixture: fixture, labels: labels)
        }
    }

    /// Scans every fixture and scores each reported category.
    public func score(catalog: DetectionCatalog) throws -> [Score] {
        var scores = Dictionary(uniqueKeysWithValues: DetectionCategory.reported.map { ($0, Score(category: $0)) })
        let scanner = StackScanner(catalog: catalog)
        for entry in entries {
            let report = try scanner.scan(
                folder: folder.appendingPathComponent("fixtures").appendingPathComponent(entry.fixture),
                displayName: entry.fixture)
            for category in DetectionCategory.reported {
                let expected = entry.labels[category] ?? []
                let found = Set(report.names(in: category))
                scores[category]?.truePositives += expected.intersection(found).count
                scores[category]?.falseNegatives += expected.subtracting(found).count
                scores[category]?.falsePositives += found.subtracting(expected).count
                scores[category]?.misses += expected.subtracting(found).sorted().map { "\(entry.repository): \($0)" }
                scores[category]?.extras += found.subtracting(expected).sorted().map { "\(entry.repository): \($0)" }
            }
        }
        return DetectionCategory.reported.compactMap { scores[$0] }
    }
}
