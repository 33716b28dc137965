import AnswersFile
import KnowledgeModel
import StackScanner

/// What `stackwise check` compares, and what it found.
public struct CheckOutcome: Sendable {
    /// Every difference, in a stable order (kind, file, line, technology); accepted ones carry their acceptance.
    public var results: [CheckResult]
    /// Acceptances past their `expires` date, with where they are written: they hide nothing and are reported.
    public var expiredAcceptances: [(risk: AcceptedRisk, position: FilePosition?)]
    /// The choices the check held the code against.
    public var declared: [DeclaredChoice]
}

/// Compares what is declared (answers, accepted decision records) with what a scan finds in the code.
///
/// A technology the knowledge base marks with `decides` is a significant choice. Using one is **drift** when an
/// accepted record (or, where no record decides, a proposal in the answers file's `proposed:`) chose another
/// option of its decision, or when the answers file answers its current-stack question without it; **unrecorded** when neither a record nor an answer covers it. A record or answer the code
/// no longer supports (the scan could see it, but finds nothing) is **stale**. With a dependency change (`--base`),
/// only what the change introduces counts: drift and unrecorded through added or changed packages, stale through
/// removed ones.
public struct DriftChecker: Sendable {
    public let knowledgeBase: KnowledgeBase

    public init(knowledgeBase: KnowledgeBase) {
        self.knowledgeBase = knowledgeBase
    }

    /// The inputs of one check.
    public struct Input: Sendable {
        public var report: ScanReport
        /// Prepended to the scan's file paths so they are relative to where the command runs ("" or "dir/").
        public var pathPrefix: String
        public var answers: AnswerSet
        /// The answers file as displayed, and where its answers are written.
        public var answersPath: String?
        public var answerLocations: AnswerLocations
        public var records: [RecordedDecision]
        public var change: DependencyChange?
        /// `YYYY-MM-DD`, for acceptances' `expires`.
        public var today: String

        public init(
            report: ScanReport, pathPrefix: String = "", answers: AnswerSet = AnswerSet(), answersPath: String? = nil,
            answerLocations: AnswerLocations = AnswerLocations(), records: [RecordedDecision] = [],
            change: DependencyChange? = nil, today: String
        ) {
            self.report = report
            self.pathPrefix = pathPrefix
            self.answers = answers
            self.answersPath = answersPath
            self.answerLocations = answerLocations
            self.records = records
            self.change = change
            self.today = today
        }
    }

    public func check(_ input: Input) -> CheckOutcome {
        let technologies = knowledgeBase.detection.technologiesByID
        var records: [String: RecordedDecision] = [:]
        for record in input.records where record.isAccepted { records[record.decision] = record }
        let inUse = input.report.detections.filter { detection in
            (detection.status == .used || detection.status == .declared) && detection.listed
                && detection.category != .external
        }
        var results: [CheckResult] = []

        // Drift and unrecorded: what the code uses.
        for detection in inUse {
            guard let technology = technologies[detection.name], !technology.decides.isEmpty else { continue }
            var evidence = orderedEvidence(detection, prefix: input.pathPrefix, change: input.change)
            if let change = input.change {
                guard let first = evidence.first, let package = first.package, change.introduces(package) else {
                    continue
                }
            }
            if evidence.isEmpty {
                evidence = [Evidence(file: input.pathPrefix + "package.json", detail: detection.title)]
            }
            let primary = evidence[0]
            let related = evidence.dropFirst().filter { $0.line != nil }.prefix(5).map(position)
            var covered = false
            for choice in technology.decides {
                guard let record = records[choice.decision] else { continue }
                covered = true
                if choice.option == record.option { continue }
                let decision = knowledgeBase.decision(choice.decision)
                let chosen = decision?.option(record.option)?.name ?? record.option
                let declared = DeclaredChoice(
                    source: .record, subject: record.decision, options: [record.option], label: chosen,
                    title: record.title, position: FilePosition(file: record.path, line: record.line))
                results.append(
                    CheckResult(
                        kind: .drift, technology: detection.name, technologyTitle: detection.title,
                        decision: choice.decision,
                        message:
                            "\(detection.title) contradicts the recorded decision '\(decision?.title ?? choice.decision)': "
                            + "\(record.path) chose \(chosen)\(usage(primary)).",
                        position: position(primary), package: primary.package, related: related, contradicts: declared,
                        fingerprint: Self.fingerprint(.drift, detection.name, choice.decision, primary.file)))
            }
            if covered { continue }
            // Proposals (`proposed:` in the answers file) are declared choices where no record decides.
            for choice in technology.decides {
                guard let proposal = input.answers.proposed[choice.decision], !proposal.isEmpty else { continue }
                covered = true
                if let option = choice.option, proposal.contains(option) { continue }
                let decision = knowledgeBase.decision(choice.decision)
                let names = proposal.map { decision?.option($0)?.name ?? $0 }.joined(separator: ", ")
                let place = input.answerLocations.proposed[choice.decision]
                let declared = DeclaredChoice(
                    source: .proposal, subject: choice.decision, options: proposal, label: names,
                    position: FilePosition(
                        file: input.answersPath ?? "answers", line: place?.line, column: place?.column))
                results.append(
                    CheckResult(
                        kind: .drift, technology: detection.name, technologyTitle: detection.title,
                        decision: choice.decision,
                        message:
                            "\(detection.title) contradicts the proposal for '\(decision?.title ?? choice.decision)': "
                            + "\(declared.position) proposes \(names)\(usage(primary)).",
                        position: position(primary), package: primary.package, related: related, contradicts: declared,
                        fingerprint: Self.fingerprint(.drift, detection.name, choice.decision, primary.file)))
            }
            if covered { continue }
            let mappings = technology.answers.filter { mapping in
                guard let range = mapping.versions else { return true }
                return detection.major.map(range.contains) ?? true
            }
            let answered = mappings.filter { input.answers.value(of: $0.question) != nil }
            if let first = answered.first {
                if answered.contains(where: { options(input.answers.value(of: $0.question)).contains($0.option) }) {
                    continue
                }
                let value = input.answers.value(of: first.question)
                let place = input.answerLocations.location(of: first.question)
                let declared = DeclaredChoice(
                    source: .answer, subject: first.question, options: options(value),
                    label: value?.description ?? "",
                    position: FilePosition(
                        file: input.answersPath ?? "answers", line: place?.line, column: place?.column))
                results.append(
                    CheckResult(
                        kind: .drift, technology: detection.name, technologyTitle: detection.title,
                        decision: technology.decides.first?.decision,
                        message:
                            "\(detection.title) is not what the answers declare: \(declared.position) answers "
                            + "\(first.question): \(declared.label)\(usage(primary)).",
                        position: position(primary), package: primary.package, related: related, contradicts: declared,
                        fingerprint: Self.fingerprint(.drift, detection.name, first.question, primary.file)))
                continue
            }
            if let change = input.change, !(primary.package.map(change.added.contains) ?? false) { continue }
            let decisions = technology.decides.compactMap { knowledgeBase.decision($0.decision)?.title }
            results.append(
                CheckResult(
                    kind: .unrecorded, technology: detection.name, technologyTitle: detection.title,
                    decision: technology.decides.first?.decision,
                    message:
                        "\(detection.title) is a choice for '\(decisions.joined(separator: "', '"))' with no decision "
                        + "record or answer\(usage(primary)).",
                    position: position(primary), package: primary.package, related: related, contradicts: nil,
                    fingerprint: Self.fingerprint(
                        .unrecorded, detection.name, technology.decides.first?.decision ?? "", primary.file)))
        }

        results += staleRecords(records.values.sorted { $0.path < $1.path }, inUse: inUse, input: input)
        results += staleAnswers(input, inUse: inUse)

        // Acceptances.
        let active = input.answers.acceptedRisks.filter { !$0.isExpired(today: input.today) }
        for index in results.indices {
            let result = results[index]
            results[index].accepted = active.first { risk in
                risk.findingID == result.kind.rawValue
                    && risk.covers(path: result.position.file, components: result.components)
            }
        }
        var expired: [(AcceptedRisk, FilePosition?)] = []
        for (index, risk) in input.answers.acceptedRisks.enumerated() where risk.isExpired(today: input.today) {
            let place =
                index < input.answerLocations.acceptedRisks.count
                ? input.answerLocations.acceptedRisks[index] : nil
            expired.append(
                (
                    risk,
                    place.map { FilePosition(file: input.answersPath ?? "answers", line: $0.line, column: $0.column) }
                ))
        }
        results.sort { lhs, rhs in
            let left = (lhs.kind.severity, lhs.position.file, lhs.position.line ?? 0, lhs.technology)
            let right = (rhs.kind.severity, rhs.position.file, rhs.position.line ?? 0, rhs.technology)
            if left.0 != right.0 { return left.0 > right.0 }
            return (left.1, left.2, left.3) < (right.1, right.2, right.3)
        }
        return CheckOutcome(results: results, expiredAcceptances: expired, declared: declaredChoices(input, records))
    }

    // MARK: - Stale

    private func staleRecords(
        _ records: [RecordedDecision], inUse: [Detection], input: Input
    ) -> [CheckResult] {
        let technologies = knowledgeBase.detection.technologiesByID
        var result: [CheckResult] = []
        for record in records {
            let settling = knowledgeBase.detection.technologies.filter { technology in
                technology.decides.contains { $0.decision == record.decision && $0.option == record.option }
            }
            guard !settling.isEmpty else { continue }
            let supported = inUse.contains { detection in
                technologies[detection.name]?.decides.contains {
                    $0.decision == record.decision && $0.option == record.option
                } ?? false
            }
            if supported { continue }
            if let change = input.change, !removesAny(change, of: Set(settling.map(\.id))) { continue }
            let decision = knowledgeBase.decision(record.decision)
            let chosen = decision?.option(record.option)?.name ?? record.option
            let declared = DeclaredChoice(
                source: .record, subject: record.decision, options: [record.option], label: chosen,
                title: record.title, position: FilePosition(file: record.path, line: record.line))
            result.append(
                CheckResult(
                    kind: .stale, technology: settling[0].id, technologyTitle: settling[0].title,
                    decision: record.decision,
                    message:
                        "The recorded decision '\(decision?.title ?? record.decision)' chose \(chosen), and the code "
                        + "no longer uses it (no \(settling.map(\.title).joined(separator: " or ")) found).",
                    position: declared.position, package: nil, related: [], contradicts: declared,
                    fingerprint: Self.fingerprint(.stale, record.option, record.decision, record.path)))
        }
        return result
    }

    private func staleAnswers(_ input: Input, inUse: [Detection]) -> [CheckResult] {
        let technologies = knowledgeBase.detection.technologiesByID
        var result: [CheckResult] = []
        for question in knowledgeBase.questions {
            guard let value = input.answers.value(of: question.id) else { continue }
            for option in options(value) where option != "other" {
                let settling = knowledgeBase.detection.technologies.filter { technology in
                    !technology.decides.isEmpty
                        && technology.answers.contains { $0.question == question.id && $0.option == option }
                }
                guard !settling.isEmpty else { continue }
                let supported = inUse.contains { detection in
                    technologies[detection.name]?.answers.contains { mapping in
                        mapping.question == question.id && mapping.option == option
                            && (mapping.versions.map { range in detection.major.map(range.contains) ?? true } ?? true)
                    } ?? false
                }
                if supported { continue }
                if let change = input.change, !removesAny(change, of: Set(settling.map(\.id))) { continue }
                let place = input.answerLocations.location(of: question.id, option: option)
                let label = question.option(option)?.label ?? option
                let declared = DeclaredChoice(
                    source: .answer, subject: question.id, options: [option], label: label,
                    position: FilePosition(
                        file: input.answersPath ?? "answers", line: place?.line, column: place?.column))
                result.append(
                    CheckResult(
                        kind: .stale, technology: settling[0].id, technologyTitle: settling[0].title,
                        decision: settling[0].decides.first?.decision,
                        message:
                            "The answers declare \(question.id): \(option) (\(label)), and the code no longer supports "
                            + "it (no \(settling.map(\.title).joined(separator: " or ")) found).",
                        position: declared.position, package: nil, related: [], contradicts: declared,
                        fingerprint: Self.fingerprint(.stale, option, question.id, declared.position.file)))
            }
        }
        return result
    }

    /// Whether the change removed a package that reveals one of these technologies.
    private func removesAny(_ change: DependencyChange, of technologyIDs: Set<String>) -> Bool {
        let packages = knowledgeBase.detection.packagesByName
        return change.removed.contains { name in
            packages[name].map { !technologyIDs.isDisjoint(with: $0.detects) } ?? false
        }
    }

    // MARK: - Helpers

    /// The detection's evidence with paths made relative to the working folder, best first: a package.json line
    /// (one the change introduces first), then other lines, then the rest.
    private func orderedEvidence(_ detection: Detection, prefix: String, change: DependencyChange?) -> [Evidence] {
        let items = detection.evidence.map { item -> Evidence in
            var copy = item
            copy.file = prefix + item.file
            return copy
        }
        func rank(_ item: Evidence) -> Int {
            let manifest = item.file.hasSuffix("package.json") && item.line != nil
            let introduced = item.package.map { change?.introduces($0) ?? false } ?? false
            if manifest && introduced { return 0 }
            if manifest { return change == nil ? 0 : 2 }
            if item.line != nil { return change == nil ? 1 : 3 }
            return 4
        }
        return items.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(
            \.element)
    }

    private func position(_ evidence: Evidence) -> FilePosition {
        FilePosition(file: evidence.file, line: evidence.line)
    }

    private func usage(_ evidence: Evidence) -> String {
        let package = evidence.package.map { "'\($0)' " } ?? ""
        return " (\(package)at \(evidence.place))"
    }

    private func options(_ value: AnswerValue?) -> [String] {
        switch value {
        case .choice(let id): return [id]
        case .choices(let ids): return ids
        default: return []
        }
    }

    private func declaredChoices(_ input: Input, _ records: [String: RecordedDecision]) -> [DeclaredChoice] {
        var result = records.values.sorted { $0.path < $1.path }.map { record in
            DeclaredChoice(
                source: .record, subject: record.decision, options: [record.option],
                label: knowledgeBase.decision(record.decision)?.option(record.option)?.name ?? record.option,
                title: record.title, position: FilePosition(file: record.path, line: record.line))
        }
        for (decision, options) in input.answers.proposed.sorted(by: { $0.key < $1.key }) where records[decision] == nil
        {
            let place = input.answerLocations.proposed[decision]
            result.append(
                DeclaredChoice(
                    source: .proposal, subject: decision, options: options,
                    label: options.map { knowledgeBase.decision(decision)?.option($0)?.name ?? $0 }.joined(
                        separator: ", "),
                    position: FilePosition(
                        file: input.answersPath ?? "answers", line: place?.line, column: place?.column)))
        }
        let mapped = Set(
            knowledgeBase.detection.technologies.filter { !$0.decides.isEmpty }.flatMap(\.answers).map(\.question))
        for question in knowledgeBase.questions where mapped.contains(question.id) {
            guard let value = input.answers.value(of: question.id) else { continue }
            let place = input.answerLocations.location(of: question.id)
            result.append(
                DeclaredChoice(
                    source: .answer, subject: question.id, options: options(value), label: value.description,
                    position: FilePosition(
                        file: input.answersPath ?? "answers", line: place?.line, column: place?.column)))
        }
        return result
    }

    /// A line-independent identity: FNV-1a 64 of the parts, as 16 hex digits.
    public static func fingerprint(_ kind: CheckResultKind, _ parts: String...) -> String {
        StableHash.hex(([kind.rawValue] + parts).joined(separator: "\u{1F}"))
    }
}

/// FNV-1a 64-bit, for fingerprints that must not change between runs or machines.
public enum StableHash {
    public static func hex(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
