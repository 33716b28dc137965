import Foundation
import KnowledgeModel
import RecommendationEngine
import RuleLanguage

/// What reading an answers file gave: the answers that were valid, and every problem found, positioned.
public struct AnswersFileResult: Sendable {
    /// The answers read. When ``hasErrors`` is true this holds only the parts that were valid.
    public var answerSet: AnswerSet
    /// Errors and warnings, sorted by position.
    public var diagnostics: [Diagnostic]
    /// The file could not be read at all (missing, a folder, permission denied): an I/O failure, not bad content.
    public var isUnreadable: Bool

    public init(answerSet: AnswerSet, diagnostics: [Diagnostic], isUnreadable: Bool = false) {
        self.answerSet = answerSet
        self.diagnostics = diagnostics.sortedForDisplay
        self.isUnreadable = isUnreadable
    }

    /// Whether any diagnostic is an error (the answers must not be used).
    public var hasErrors: Bool { diagnostics.hasErrors }
}

/// Reads an answers file (YAML, or JSON) into an ``AnswerSet``, checking every value against the knowledge base.
///
/// The format (documented in README.md, "Answers file"):
/// ```yaml
/// version: 1
/// service: payments-api
/// answers:
///   traffic.peak_rps: 500
///   data.shape: { value: relational, note: "orders and invoices" }
///   data.volume_gb: { notSure: true }
/// proposed:
///   database: postgresql
///   rate_limiting: [edge-gateway, in-app]
/// checklistDone: [data.transactions-tested]
/// acceptedRisks:
///   - { finding: no-backups, reason: "staging only", by: Ana, date: 2025-03-01 }
/// ```
public struct AnswersFileReader: Sendable {
    /// The current format version, written by ``AnswersFileWriter``.
    public static let formatVersion = 1
    /// Largest accepted answers file, in bytes (a complete file is a few kilobytes).
    public static let maximumBytes = 1 << 20
    /// Top-level keys.
    public static let topLevelKeys = [
        "version", "service", "answers", "proposed", "checklistDone", "acceptedRisks", "$schema",
    ]
    /// Keys of an answer written as a mapping.
    public static let answerKeys = ["value", "note", "notSure", "origin"]
    /// Keys of an accepted risk.
    public static let acceptedRiskKeys = ["finding", "reason", "by", "date", "scope", "owner", "expires"]
    /// Longest accepted note, accepted-risk reason or service name, in characters.
    public static let maximumTextLength = 2_000

    public let knowledgeBase: KnowledgeBase
    private let engine: RecommendationEngine

    public init(knowledgeBase: KnowledgeBase) {
        self.init(engine: RecommendationEngine(knowledgeBase: knowledgeBase))
    }

    /// Uses an engine the caller already has (it decides which questions are asked).
    public init(engine: RecommendationEngine) {
        self.engine = engine
        self.knowledgeBase = engine.knowledgeBase
    }

    /// Reads the file at `url`; `displayPath` is how diagnostics name it.
    public func read(fileAt url: URL, displayPath: String) -> AnswersFileResult {
        let start = SourceLocation(file: displayPath, line: 1, column: 1)
        let path = url.path
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason =
                errno == ENOENT
                ? "no such file" + Self.similarFileHint(url, displayPath: displayPath)
                : String(cString: strerror(errno))
            return unreadable("cannot read the answers file: \(reason)", at: start)
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            return unreadable("cannot read the answers file: it is a folder, not a file", at: start)
        }
        if info.st_mode & S_IFMT != S_IFREG {
            // /dev/null, a FIFO, a terminal: reading could block or mean nothing.
            return unreadable(
                "cannot read the answers file: it is not a regular file (a device, pipe or socket); use - to read "
                    + "standard input", at: start)
        }
        // The size from the same stat (FileManager's attribute dictionary cast its values at every start-up).
        if Int(info.st_size) > Self.maximumBytes {
            return invalid(tooLarge(Int(info.st_size)), at: start)
        }
        guard access(path, R_OK) == 0 else {
            return unreadable("cannot read the answers file: permission denied", at: start)
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return unreadable("cannot read the answers file: \(error.localizedDescription)", at: start)
        }
        return read(data: data, displayPath: displayPath)
    }

    /// Reads answers from raw bytes (a file's content, or standard input).
    public func read(data: Data, displayPath: String) -> AnswersFileResult {
        let start = SourceLocation(file: displayPath, line: 1, column: 1)
        if data.count > Self.maximumBytes { return invalid(tooLarge(data.count), at: start) }
        let yaml = YAMLReader(maximumBytes: Self.maximumBytes, maximumNodes: 100_000, maximumDepth: 20)
        do {
            let root = try yaml.read(data: data, displayPath: displayPath)
            return decode(root, displayPath: displayPath)
        } catch {
            return AnswersFileResult(answerSet: AnswerSet(), diagnostics: error.diagnostics)
        }
    }

    /// Reads answers from text.
    public func read(text: String, displayPath: String) -> AnswersFileResult {
        read(data: Data(text.utf8), displayPath: displayPath)
    }

    /// Decodes a parsed document (nil: an empty file, which holds no answers).
    public func decode(_ root: YAMLNode?, displayPath: String) -> AnswersFileResult {
        let sink = DiagnosticSink()
        var answerSet = AnswerSet()
        guard let root else { return AnswersFileResult(answerSet: answerSet, diagnostics: []) }
        guard let fields = Fields(root, kind: "an answers file", allowed: Self.topLevelKeys, sink: sink) else {
            return AnswersFileResult(answerSet: answerSet, diagnostics: sink.diagnostics)
        }
        if let version = fields.value("version") {
            if version.scalar != String(Self.formatVersion) {
                sink.error(
                    "unsupported answers-file version '\(version.scalar ?? version.kindName)'; this Stackwise reads "
                        + "version \(Self.formatVersion)", at: version.location)
            }
        }
        if let name = fields.string("service") {
            answerSet.serviceName = checkedText(name, key: "service", at: fields.value("service")?.location, sink)
        }
        if let answersNode = fields.value("answers") {
            answerSet.answers = decodeAnswers(answersNode, sink: sink)
        }
        if let proposedNode = fields.value("proposed") {
            answerSet.proposed = Proposals.decode(proposedNode, knowledgeBase: knowledgeBase, sink: sink)
        }
        answerSet.checklistDone = Set(decodeChecklist(fields, sink: sink))
        answerSet.acceptedRisks = fields.list("acceptedRisks").compactMap { decodeAcceptedRisk($0, sink: sink) }
        var seenFindings: [String: SourceLocation] = [:]
        for (node, risk) in zip(fields.list("acceptedRisks"), answerSet.acceptedRisks) {
            let key = risk.findingID + "\u{0}" + (risk.scope ?? "")
            if let first = seenFindings[key] {
                let scope = risk.scope.map { " with scope '\($0)'" } ?? ""
                sink.error(
                    "finding '\(risk.findingID)' is accepted twice\(scope) (first at line \(first.line))",
                    at: node.location)
            }
            seenFindings[key] = seenFindings[key] ?? node.location
        }
        warnAboutInapplicableAnswers(answerSet, answersNode: fields.value("answers"), sink: sink)
        return AnswersFileResult(answerSet: answerSet, diagnostics: sink.diagnostics)
    }

    // MARK: - Answers

    private func decodeAnswers(_ node: YAMLNode, sink: DiagnosticSink) -> [String: Answer] {
        guard case .mapping(let pairs) = node.content else {
            sink.error("'answers' must map question ids to answers, found \(node.kindName)", at: node.location)
            return [:]
        }
        var result: [String: Answer] = [:]
        var keyOf: [String: (key: String, location: SourceLocation?)] = [:]
        let ids = knowledgeBase.questions.map(\.id)
        for (key, value) in pairs {
            guard let id = key.scalar else {
                sink.error("keys in 'answers' must be question ids", at: key.location)
                continue
            }
            // A renamed question's former id still reads (answers files outlive knowledge-base versions).
            guard let question = knowledgeBase.question(id) ?? knowledgeBase.questionRenamed(from: id) else {
                sink.error("unknown question '\(id)'\(Suggestions.hint(for: id, in: ids))", at: key.location)
                continue
            }
            if question.id != id {
                sink.warning(
                    "'\(id)' is now '\(question.id)'; its answer is read as \(question.id) (rename the key to keep this "
                        + "file current)", at: key.location)
            }
            if let earlier = keyOf[question.id] {
                let line = earlier.location.map { " at line \($0.line)" } ?? ""
                sink.error(
                    "'\(question.id)' is answered twice: as '\(earlier.key)'\(line) and as '\(id)'; keep one",
                    at: key.location)
                continue
            }
            keyOf[question.id] = (id, key.location)
            if let answer = decodeAnswer(value, for: question, sink: sink) { result[question.id] = answer }
        }
        return result
    }

    private func decodeAnswer(_ node: YAMLNode, for question: Question, sink: DiagnosticSink) -> Answer? {
        switch node.content {
        case .null:
            return nil  // left blank (as in the template): unanswered
        case .mapping:
            guard let fields = Fields(node, kind: "an answer", allowed: Self.answerKeys, sink: sink) else { return nil }
            var answer = Answer()
            answer.notSure = fields.bool("notSure") ?? false
            if let note = fields.string("note") {
                answer.note = checkedText(note, key: "note", at: fields.value("note")?.location, sink)
            }
            if let origin = fields.string("origin") {
                answer.origin = checkedText(origin, key: "origin", at: fields.value("origin")?.location, sink)
            }
            if let valueNode = fields.value("value") {
                if answer.notSure {
                    sink.error(
                        "'\(question.id)' has both a value and 'notSure: true'; keep one", at: valueNode.location)
                    return nil
                }
                guard let value = AnswerParsing.value(valueNode, for: question, sink: sink, role: "answer") else {
                    return nil
                }
                answer.value = value
            }
            if answer.notSure, !question.allowsNotSure {
                sink.error(
                    "'\(question.id)' does not accept 'not sure'; give an answer or remove it",
                    at: fields.location(ofKey: "notSure"))
                return nil
            }
            return answer
        case .scalar, .sequence:
            guard let value = AnswerParsing.value(node, for: question, sink: sink, role: "answer") else { return nil }
            return Answer(value: value)
        }
    }

    /// Warns about answers to questions whose `askIf` does not hold: they are kept but not used.
    private func warnAboutInapplicableAnswers(_ answerSet: AnswerSet, answersNode: YAMLNode?, sink: DiagnosticSink) {
        guard case .mapping(let pairs)? = answersNode?.content else { return }
        // Which questions are asked depends on all the answers: worked out once, when a conditional one is answered.
        var asked: Set<String>?
        for (key, _) in pairs {
            guard let id = key.scalar, answerSet.value(of: id) != nil, let question = knowledgeBase.question(id),
                let askIf = question.askIf
            else { continue }
            if asked == nil { asked = Set(engine.applicableQuestions(answerSet).map(\.id)) }
            guard asked?.contains(id) == false else { continue }
            sink.warning(
                "'\(id)' is only asked when \(askIf.source), which does not hold for these answers; "
                    + "the answer is ignored", at: key.location)
        }
    }

    // MARK: - Checklist and accepted risks

    private func decodeChecklist(_ fields: Fields, sink: DiagnosticSink) -> [String] {
        guard let node = fields.value("checklistDone") else { return [] }
        let items: [YAMLNode]
        switch node.content {
        case .sequence(let list): items = list
        case .scalar: items = [node]
        default:
            sink.error(
                "'checklistDone' must be a list of checklist item ids, found \(node.kindName)", at: node.location)
            return []
        }
        let known = knowledgeBase.checklist.map(\.id)
        var ids: [String] = []
        for item in items {
            guard let id = item.scalar else {
                sink.error(
                    "items of 'checklistDone' must be checklist item ids, found \(item.kindName)", at: item.location)
                continue
            }
            if knowledgeBase.checklistItem(id) == nil {
                sink.warning(
                    "unknown checklist item '\(id)'\(Suggestions.hint(for: id, in: known)); it is ignored",
                    at: item.location)
                continue
            }
            ids.append(id)
        }
        return ids
    }

    private func decodeAcceptedRisk(_ node: YAMLNode, sink: DiagnosticSink) -> AcceptedRisk? {
        guard let fields = Fields(node, kind: "an accepted risk", allowed: Self.acceptedRiskKeys, sink: sink) else {
            return nil
        }
        let finding = fields.string("finding", required: true)
        let reason = fields.string("reason", required: true)
        if let finding, !knowledgeBase.findings.contains(where: { $0.id == finding }),
            !AcceptedRisk.checkResultKinds.contains(finding), !Self.isProposalFinding(finding)
        {
            let known = knowledgeBase.findings.map(\.id) + AcceptedRisk.checkResultKinds
            sink.warning(
                "unknown finding '\(finding)'\(Suggestions.hint(for: finding, in: known)); the acceptance is kept "
                    + "but matches nothing", at: fields.value("finding")?.location)
        }
        var date = fields.string("date")
        if let text = date, !Self.isCalendarDate(text) {
            sink.error("'date' must be a date written YYYY-MM-DD, found '\(text)'", at: fields.value("date")?.location)
            date = nil
        }
        guard let finding, let reason,
            let checkedReason = checkedText(reason, key: "reason", at: fields.value("reason")?.location, sink)
        else { return nil }
        let by = fields.string("by").flatMap { checkedText($0, key: "by", at: fields.value("by")?.location, sink) }
        let owner = fields.string("owner").flatMap {
            checkedText($0, key: "owner", at: fields.value("owner")?.location, sink)
        }
        let scope = fields.string("scope").flatMap {
            checkedText($0, key: "scope", at: fields.value("scope")?.location, sink)
        }
        var expires = fields.string("expires")
        if let text = expires, !Self.isCalendarDate(text) {
            sink.error(
                "'expires' must be a date written YYYY-MM-DD, found '\(text)'", at: fields.value("expires")?.location)
            expires = nil
        }
        return AcceptedRisk(
            findingID: finding, reason: checkedReason, by: by, date: date, scope: scope, owner: owner, expires: expires)
    }

    // MARK: - Helpers

    /// Whether `id` names a finding about a proposal (`proposal.DECISION.OPTION...`), which the review raises
    /// without a rule of the knowledge base.
    static func isProposalFinding(_ id: String) -> Bool { id.hasPrefix("proposal.") }

    /// Whether `text` is a real calendar date `YYYY-MM-DD`.
    public static func isCalendarDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1
        else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    private func checkedText(
        _ text: String, key: String, at location: SourceLocation?, _ sink: DiagnosticSink
    )
        -> String?
    {
        if text.count > Self.maximumTextLength {
            sink.error("'\(key)' is longer than \(Self.maximumTextLength) characters", at: location)
            return nil
        }
        return text
    }

    private func tooLarge(_ size: Int) -> String {
        "the answers file is too large (\(size) bytes; the limit is \(Self.maximumBytes) bytes)"
    }

    private func invalid(_ message: String, at location: SourceLocation) -> AnswersFileResult {
        AnswersFileResult(answerSet: AnswerSet(), diagnostics: [.error(message, at: location)])
    }

    /// Most names looked at in the missing file's folder for a "did you mean": the error path stays bounded in a
    /// folder of any size.
    static let maximumSiblingsCompared = 2_000

    /// "; did you mean 'docs/examples/jwt-login-api.yaml'?" for a missing `jwt-login-api.yml` whose folder holds a
    /// file of a close name (as the folder appears in `displayPath`); empty when none is close.
    static func similarFileHint(_ url: URL, displayPath: String) -> String {
        let folder = url.deletingLastPathComponent().path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder),
            let match = Suggestions.closest(
                to: url.lastPathComponent, in: names.sorted().prefix(maximumSiblingsCompared))
        else { return "" }
        let prefix = displayPath.range(of: "/", options: .backwards).map { String(displayPath[..<$0.upperBound]) } ?? ""
        return "; did you mean '\(UntrustedText.escaped(prefix + match, limit: 200))'?"
    }

    private func unreadable(_ message: String, at location: SourceLocation) -> AnswersFileResult {
        AnswersFileResult(answerSet: AnswerSet(), diagnostics: [.error(message, at: location)], isUnreadable: true)
    }
}
