import KnowledgeModel

/// Turns a scan into current-stack answers through the knowledge base's `answers:` mappings, each marked with
/// where it was detected (`Answer.origin`), so the user can confirm or correct it.
public enum DetectedAnswers {
    /// The prefix of every origin written by the scan.
    public static let originPrefix = Answer.detectedOriginPrefix

    /// The answers the scan supports: `service.stage = existing` plus every choice question a detection in use
    /// (medium confidence or better) answers. Single-choice questions take the highest-priority mapping, then
    /// the most confident detection; multiple-choice questions take every option found, in the question's order.
    ///
    /// `isApplicable` (the engine's `isApplicable`) drops answers to questions that would not be asked given the
    /// other answers (a follow-up whose `askIf` does not hold), so the answers file has no ignored entries.
    public static func answers(
        for report: ScanReport, knowledgeBase: KnowledgeBase,
        isApplicable: (String, AnswerSet) -> Bool = { _, _ in true }
    ) -> AnswerSet {
        var set = AnswerSet(serviceName: report.serviceName)
        if let stage = knowledgeBase.question("service.stage"), stage.option("existing") != nil {
            set.answers[stage.id] = Answer(
                value: .choice("existing"), origin: "\(originPrefix): scanned an existing repository (\(report.root))")
        }
        var single: [String: (priority: Int, confidence: Confidence, option: String, origin: String)] = [:]
        var multi: [String: [(option: String, origin: String)]] = [:]
        let technologies = knowledgeBase.detection.technologiesByID
        for detection in report.detections where detection.isInUse && detection.confidence >= .medium {
            guard let technology = technologies[detection.name] else { continue }
            for mapping in technology.answers {
                if let range = mapping.versions {
                    guard let major = detection.major, range.contains(major) else { continue }
                }
                guard let question = knowledgeBase.question(mapping.question), question.option(mapping.option) != nil
                else { continue }
                let origin = origin(of: detection)
                switch question.type {
                case .single:
                    let candidate = (mapping.priority, detection.confidence, mapping.option, origin)
                    if let current = single[question.id],
                        (current.priority, current.confidence) >= (candidate.0, candidate.1)
                    {
                        continue
                    }
                    single[question.id] = candidate
                case .multi:
                    var options = multi[question.id] ?? []
                    if !options.contains(where: { $0.option == mapping.option }) {
                        options.append((mapping.option, origin))
                    }
                    multi[question.id] = options
                default: continue
                }
            }
        }
        for (id, found) in single {
            set.answers[id] = Answer(value: .choice(found.option), origin: found.origin)
        }
        for (id, found) in multi {
            guard let question = knowledgeBase.question(id) else { continue }
            let chosen = Set(found.map(\.option))
            let ordered = question.options.map(\.id).filter { chosen.contains($0) }
            let origins = found.map {
                "\($0.option): \($0.origin.dropFirst(originPrefix.count + 1).trimmingCharacters(in: .whitespaces))"
            }
            set.answers[id] = Answer(
                value: .choices(ordered),
                origin: "\(originPrefix) (only what the scan can see): " + origins.joined(separator: "; "))
        }
        let complete = set
        for id in complete.answers.keys where !isApplicable(id, complete) { set.answers[id] = nil }
        return set
    }

    /// `detected: express in package.json (dependencies: ^4.18.2)`.
    static func origin(of detection: Detection) -> String {
        guard let evidence = detection.evidence.first else { return originPrefix }
        let subject = evidence.package.map { " \($0)" } ?? ""
        return "\(originPrefix):\(subject) in \(evidence.place) (\(evidence.detail))"
    }
}
