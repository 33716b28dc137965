import KnowledgeModel

/// The `stackwise scan --format json` document: one list of canonical names per fixed category, then the
/// evidence behind every detection. Versioned by `schemaVersion`.
public struct ScanReportJSON: Encodable {
    public static let schemaVersion = 1

    let report: ScanReport

    public init(_ report: ScanReport) {
        self.report = report
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    struct EvidenceEntry: Encodable {
        var name: String
        var category: String
        var status: UsageStatus
        var confidence: Confidence
        var major: Int?
        var via: [String]
        var caveats: [String]
        var evidence: [Evidence]
    }

    struct NodeEntry: Encodable {
        var major: Int
        var text: String
        var evidence: Evidence
    }

    struct WarningEntry: Encodable {
        var file: String?
        var line: Int?
        var column: Int?
        var message: String
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(Self.schemaVersion, forKey: Key("schemaVersion"))
        try container.encode(report.root, forKey: Key("root"))
        try container.encodeIfPresent(report.serviceName, forKey: Key("serviceName"))
        for category in DetectionCategory.reported {
            try container.encode(report.names(in: category), forKey: Key(category.rawValue))
        }
        try container.encode(report.names(in: .practice), forKey: Key("practices"))
        try container.encode(report.names(in: .other), forKey: Key("other"))
        try container.encode(report.talksTo, forKey: Key("talksTo"))
        try container.encode(names(with: .declared), forKey: Key("declared"))
        try container.encode(names(with: .devOnly), forKey: Key("devOnly"))
        try container.encodeIfPresent(
            report.nodeVersion.map { NodeEntry(major: $0.major, text: $0.text, evidence: $0.evidence) },
            forKey: Key("nodeVersion"))
        try container.encodeIfPresent(report.packageManager, forKey: Key("packageManager"))
        try container.encodeIfPresent(report.lockfile, forKey: Key("lockfile"))
        try container.encode(report.workspacePackages, forKey: Key("workspacePackages"))
        try container.encode(report.servicePackages, forKey: Key("servicePackages"))
        let evidence = report.detections.map { detection in
            EvidenceEntry(
                name: detection.name, category: detection.category.rawValue, status: detection.status,
                confidence: detection.confidence, major: detection.major, via: detection.via,
                caveats: detection.caveats,
                evidence: detection.evidence)
        }
        try container.encode(evidence, forKey: Key("evidence"))
        try container.encode(report.ignored, forKey: Key("ignored"))
        let warnings = report.warnings.map { diagnostic in
            WarningEntry(
                file: diagnostic.location?.file, line: diagnostic.location?.line, column: diagnostic.location?.column,
                message: diagnostic.message)
        }
        try container.encode(warnings, forKey: Key("warnings"))
    }

    private func names(with status: UsageStatus) -> [String] {
        report.detections.filter { $0.status == status }.map(\.name)
    }
}
