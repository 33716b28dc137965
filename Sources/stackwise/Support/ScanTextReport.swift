import KnowledgeModel
import StackScanner

/// The readable summary of `stackwise scan`: what the service runs, per category, then why (evidence and
/// confidence), what was not counted and why, and the caveats the knowledge base attaches.
struct ScanTextReport {
    let report: ScanReport

    var text: String {
        var lines: [String] = []
        var heading = "Current stack of \(report.serviceName ?? report.root)"
        var facts: [String] = []
        if let manager = report.packageManager {
            facts.append(report.lockfile.map { "\(manager), \($0)" } ?? manager)
        }
        if !report.workspacePackages.isEmpty {
            let services = report.servicePackages.filter { !$0.isEmpty }
            facts.append(
                "\(counted(report.workspacePackages.count, "workspace package"))"
                    + (services.isEmpty ? "" : ", service in \(services.joined(separator: ", "))"))
        }
        facts.append("\(counted(report.sourceFilesRead, "source file")) read")
        heading += " (" + facts.joined(separator: "; ") + ")"
        lines.append(heading)
        if report.servicePackages.filter({ !$0.isEmpty }).count > 1 {
            lines.append(
                "Several workspace packages run an HTTP framework; the report combines them. Pick one with --package.")
        }
        if let node = report.nodeVersion {
            lines.append("Node.js \(node.major)  (\(node.evidence.place): \(node.evidence.detail))")
        }
        lines.append("")

        var missing: [String] = []
        for category in DetectionCategory.reported {
            let names = report.detections.filter { $0.category == category && $0.isInUse && $0.listed }
            if names.isEmpty {
                missing.append(category.title.lowercased())
                continue
            }
            lines.append(pad(category.title, 21) + names.map(label).joined(separator: ", "))
        }
        for category in [DetectionCategory.practice, .other] {
            let names = report.detections.filter { $0.category == category && $0.isInUse }
            if !names.isEmpty { lines.append(pad(category.title, 21) + names.map(\.title).joined(separator: ", ")) }
        }
        let talksTo = report.detections.filter { $0.status == .talksTo }
        if !talksTo.isEmpty {
            lines.append(pad("Talks to", 21) + talksTo.map { "\($0.name) (\(packages($0)))" }.joined(separator: ", "))
        }
        if !missing.isEmpty { lines.append(pad("Nothing found for", 21) + missing.joined(separator: ", ")) }

        let used = report.detections.filter { $0.isInUse && $0.category != .tooling }
        if !used.isEmpty {
            lines += ["", "Evidence (confidence, where):"]
            for detection in used {
                let places = detection.evidence.prefix(3).map { "\($0.place) (\($0.detail))" }
                lines.append(
                    "  \(label(detection)) [\(detection.confidence.rawValue)] " + places.joined(separator: "; "))
            }
        }
        let declared = report.detections.filter { $0.status == .declared }
        if !declared.isEmpty {
            lines += ["", "Declared but never imported by the service's code (probably unused):"]
            lines += declared.map { "  \($0.name) (\(packages($0)) in \($0.evidence.first?.file ?? "package.json"))" }
        }
        let devOnly = report.detections.filter { $0.status == .devOnly }
        if !devOnly.isEmpty {
            lines += ["", "Only in devDependencies (tests or tooling), not counted as the service's stack:"]
            var byPackage: [(String, [String])] = []
            for detection in devOnly {
                let key = packages(detection)
                if let index = byPackage.firstIndex(where: { $0.0 == key }) {
                    byPackage[index].1.append(detection.name)
                } else {
                    byPackage.append((key, [detection.name]))
                }
            }
            lines += byPackage.map { "  \($0.0) -> \($0.1.joined(separator: ", "))" }
        }
        if !report.ignored.isEmpty {
            lines += ["", "Not counted:"]
            lines += report.ignored.map { "  \($0.package ?? $0.file): \($0.detail)" }
        }
        let caveats = report.detections.filter { $0.isInUse && !$0.caveats.isEmpty }
        if !caveats.isEmpty {
            lines += ["", "Worth knowing:"]
            for detection in caveats {
                for caveat in detection.caveats { lines.append("  - \(detection.name): \(caveat)") }
            }
        }
        return lines.joined(separator: "\n")
    }

    private func label(_ detection: Detection) -> String {
        var text = detection.name
        if let major = detection.major, detection.category != .tooling { text += " \(major)" }
        if !detection.via.isEmpty { text += " (via \(detection.via.joined(separator: ", ")))" }
        if detection.confidence == .low { text += " (low confidence)" }
        return text
    }

    private func packages(_ detection: Detection) -> String {
        let names = detection.evidence.compactMap(\.package)
        var unique: [String] = []
        for name in names where !unique.contains(name) { unique.append(name) }
        return unique.isEmpty ? detection.evidence.first?.file ?? "" : unique.joined(separator: ", ")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
