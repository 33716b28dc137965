import KnowledgeModel
import RuleLanguage

/// One of the few things to fix or decide first, at the top of every review.
public struct ReviewPriority: Sendable, Equatable {
    /// What the priority is about.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Hard constraints that cannot all hold: no option fits a decision.
        case conflict
        /// A risk in what runs today (a group of findings with one cause, led by its most severe finding).
        case finding
        /// A proposal (or what a running service uses) that the review rules out or does not recommend.
        case proposal
        /// Requirements in the answers that pull against each other.
        case tension
        /// An answer-specific checklist item not yet done.
        case checklist
        /// An unanswered (or "not sure") question whose default a close or low-confidence decision rests on.
        case question

        /// Something already wrong with the answers, the plan or what runs (ranked before what to add or ask).
        public var isProblem: Bool { order <= 3 }

        /// The kind's place when severity and reach are equal: what is already wrong before what to add.
        var order: Int {
            switch self {
            case .conflict: return 0
            case .finding: return 1
            case .proposal: return 2
            case .tension: return 3
            case .checklist: return 4
            case .question: return 5
            }
        }
    }

    /// 1 for the first priority.
    public var rank: Int
    public var kind: Kind
    /// The knowledge-base id it comes from: finding, tension, checklist item, question or (conflict) decision.
    public var id: String
    public var severity: Severity
    public var title: String
    /// One line: why it matters for these answers.
    public var why: String
    /// The concrete next step.
    public var action: String
    /// How many decisions or risks it touches (the third ranking key).
    public var touches: Int
    /// It follows from what the user stated (an answer given, a plan, what runs today), not only from an option
    /// the review chose or a default it assumed (the second ranking key).
    public var stated: Bool
    /// A checklist item whose omission, or a finding that left alone, does harm that cannot be undone
    /// (``ChecklistItem/irreversible``, ``Finding/irreversible``).
    public var irreversible: Bool
    /// A finding about harm the user sees today (``FindingGroup/observed``, such as a reported symptom), ranked
    /// before latent risks of the same severity, irreversible ones included: harm under way is stopped first.
    public var observed: Bool

    /// Something already wrong (``Kind/isProblem``) that follows from what the user stated: a tension with an
    /// assumed answer on one side is something to check, ranked with what to add, not with what is wrong.
    public var isProblem: Bool { kind.isProblem && stated }

    /// The ranking keys 1 to 7 of ``Review/priorities(in:)`` in order, each larger-is-first: the sort and the
    /// check for candidates tied on all of them read this one list.
    var rankKey: [Int] {
        [
            Severity.allCases.firstIndex(of: severity) ?? 0, isProblem ? 1 : 0, observed ? 1 : 0,
            irreversible ? 1 : 0, stated ? 1 : 0, touches, -kind.order,
        ]
    }

    public init(
        rank: Int, kind: Kind, id: String, severity: Severity, title: String, why: String, action: String,
        touches: Int, stated: Bool = true, irreversible: Bool = false, observed: Bool = false
    ) {
        self.rank = rank
        self.kind = kind
        self.id = id
        self.severity = severity
        self.title = title
        self.why = why
        self.action = action
        self.touches = touches
        self.stated = stated
        self.irreversible = irreversible
        self.observed = observed
    }
}

extension ChecklistEntry {
    /// The item applies because of these answers (a fired rule included it or its own condition holds) and is not
    /// marked `baseline` (always-on hygiene that every service should have).
    public var isAnswerSpecific: Bool { !item.baseline && (!includedBy.isEmpty || item.appliesIf != nil) }
}

extension Review {
    /// At most this many priorities.
    public static let maximumPriorities = 7
    /// At most this many priorities are routine steps of one chosen option (checklist items that apply only
    /// because the review chose it, such as a JWT scheme's hygiene); the rest stay in the checklist.
    public static let maximumStepsPerChosenOption = 2
    /// At most this many priorities are checklist items that one rule includes (its steps share the rule's reason:
    /// scoping every query by tenant and testing cross-tenant access are one concern); the rest stay in the
    /// checklist.
    public static let maximumStepsPerRule = 1

    /// The ranked priorities of this review: 3 to 7 (fewer only when the review has fewer candidates).
    ///
    /// Candidates, all in the knowledge base's terms: every constraint conflict (severity high); every group of
    /// open findings with one cause (``findingGroups(in:)``; the group's highest severity); every proposal the
    /// review rules out (high) or recommends against (medium; high when it would replace what runs today and the
    /// review would keep that, ``ProposalVerdict/replacesWhatRuns``); every tension (its severity: medium unless the knowledge base says otherwise); every checklist item not done
    /// that is answer-specific or irreversible (its priority as severity); the first three firm-up questions
    /// (``firmUp``) that could change a decision or a risk (medium when one of the decisions is a close call, else
    /// low), or without firm-up insights every assumed answer a close call (medium) or a low-confidence decision
    /// (low) rests on. A checklist item that a rule raising a finding or tension includes is a step of that risk
    /// (even when other rules include it too): it is folded into the risk's candidate, which takes the item's
    /// priority when that is more severe (unless the risk is a tension resting on two or more assumed answers), so
    /// the same advice is not listed twice.
    ///
    /// Ranking keys, in order:
    /// 1. severity (high first);
    /// 2. problems before additions: conflicts, findings, proposal verdicts and tensions (something already wrong
    ///    with the answers, the plan or what runs) before checklist items and questions; a tension resting on an
    ///    assumed answer is not yet a problem (``ReviewPriority/isProblem``);
    /// 3. irreversible before reversible (``ChecklistItem/irreversible``, ``Finding/irreversible``: data lost,
    ///    money wrong, data disclosed);
    /// 4. harm seen today before latent risk (``FindingGroup/observed``: a finding raised from a reported symptom);
    /// 5. what follows from what the user stated (an answer given, a plan, what runs today) before what follows
    ///    only from an option the review chose or a default it assumed (a tension with an assumed answer on either
    ///    side is not stated);
    /// 6. how many decisions or risks it touches (a finding group: its findings plus the decisions whose chosen
    ///    option has a reason reading the same answers; a tension: itself plus the decisions reading its answers;
    ///    a checklist item: the decisions its including rules score or exclude or its condition names, plus the
    ///    findings and tensions those rules raise; a proposal: itself plus the reasons and counter-indications
    ///    against it; a question: the decisions it could change plus the risk rules reading it);
    /// 7. kind (conflict, finding, proposal, tension, checklist item, question; the knowledge base records no
    ///    effort);
    /// 8. among candidates equal on all of these, a checklist item from a category with fewer priorities so far;
    ///    then review order.
    ///
    /// Selection: the first three always; the fourth and fifth when at least medium; the sixth and seventh only
    /// when high. At most ``maximumStepsPerChosenOption`` routine steps of one chosen option and at most
    /// ``maximumStepsPerRule`` checklist items of one including rule are picked; the others stay in the checklist.
    public func priorities(in knowledgeBase: KnowledgeBase) -> [ReviewPriority] {
        priorities(in: knowledgeBase, findingGroups: findingGroups(in: knowledgeBase))
    }

    /// ``priorities(in:)`` from this review's ``findingGroups(in:)``, for a caller that has them already (a
    /// rendering shows both).
    public func priorities(in knowledgeBase: KnowledgeBase, findingGroups: [FindingGroup]) -> [ReviewPriority] {
        let lookups = PriorityIndex(self)
        // `entry`: the checklist entry a checklist candidate stands for (its title and why are made only for the
        // candidates chosen, below).
        var candidates: [(priority: ReviewPriority, area: String, entry: ChecklistEntry?)] = []
        func add(
            _ kind: ReviewPriority.Kind, _ id: String, _ severity: Severity, _ title: String, _ why: String,
            _ action: String, touches: Int, stated: Bool = true, irreversible: Bool = false, observed: Bool = false,
            area: String? = nil, entry: ChecklistEntry? = nil
        ) {
            let priority = ReviewPriority(
                rank: 0, kind: kind, id: id, severity: severity, title: title, why: why, action: action,
                touches: touches, stated: stated, irreversible: irreversible, observed: observed)
            candidates.append((priority, area ?? "\(kind.rawValue):\(id)", entry))
        }

        for conflict in conflicts {
            let titles = conflict.decisions.map { id in lookups.decision(id)?.title ?? id }
            add(
                .conflict, conflict.decisions.first ?? "", .high,
                "No option fits: " + titles.joined(separator: ", "),
                conflict.constraints.first ?? conflict.exclusions.first?.because ?? "The constraints collide.",
                "Change one of the answers behind the exclusions, or relax a requirement.",
                touches: conflict.decisions.count)
        }
        // The candidate that stands for each risk rule (a finding group, a tension): a checklist item that only those
        // rules include is a step of that risk, not a priority of its own.
        var riskCandidate: [String: Int] = [:]
        // A proposal the review argues against is one priority: the findings about it (ruled out, "when not to use"
        // entries that hold; ids `proposal.DECISION.OPTION...`) are folded into its verdict, not listed beside it.
        var verdictOf: [String: String] = [:]  // finding id prefix -> decision id
        for verdict in proposals where verdict.verdict == .differs || verdict.verdict == .ruledOut {
            verdictOf["proposal.\(verdict.decisionID)."] = verdict.decisionID
        }
        var folded: [String: (severity: Severity, irreversible: Bool, count: Int)] = [:]
        for group in findingGroups {
            if let decisionID = verdictOf.first(where: { prefix, _ in
                group.findings.allSatisfy { $0.finding.id.hasPrefix(prefix) }
            })?.value {
                let before = folded[decisionID] ?? (.low, false, 0)
                folded[decisionID] = (
                    max(before.severity, group.severity), before.irreversible || group.irreversible,
                    before.count + group.findings.count
                )
                continue
            }
            for raised in group.findings { riskCandidate[raised.ruleID] = candidates.count }
            let lead = group.lead
            var title = lead.finding.title
            if group.findings.count > 1 {
                let others = group.findings.count - 1
                let plural = others == 1 ? "" : "s"
                title +=
                    group.cause.map { cause in
                        let source = group.causeOption.map { "\($0) in your answer to" } ?? "your answer to"
                        return " (+\(others) more finding\(plural) from \(source) \(cause.questionID))"
                    }
                    ?? " (+\(others) related finding\(plural))"
            }
            let questions = Set(group.findings.flatMap { $0.answers.filter { !$0.assumed }.map(\.questionID) })
            add(
                .finding, lead.finding.id, group.severity, title, lead.because, lead.finding.remediation,
                touches: group.findings.count + lookups.decisionsReading(questions),
                irreversible: group.irreversible, observed: group.observed)
        }
        // Risks that rest on more than one default the user never gave (a tension computed from an assumed latency,
        // instance count and pool size): their routine steps do not raise their severity (below).
        var restsOnGuesses = Set<Int>()
        for raised in tensions {
            riskCandidate[raised.ruleID] = candidates.count
            if raised.answers.count(where: \.assumed) > 1 { restsOnGuesses.insert(candidates.count) }
            let questions = Set(raised.tension.between + raised.answers.map(\.questionID))
            add(
                .tension, raised.tension.id, raised.tension.severity, raised.tension.title, raised.because,
                raised.tension.advice,
                touches: 1 + lookups.decisionsReading(questions),
                // A tension is between two requirements; when one side is only a default, it is not yet the user's.
                stated: !raised.answers.contains(where: \.assumed))
        }
        let assumed = Set(assumptions.map(\.questionID))
        for entry in checklist where !entry.done && (entry.isAnswerSpecific || entry.item.irreversible) {
            let owners = entry.includedBy.compactMap { riskCandidate[$0] }
            if let owner = owners.first {
                // The risk takes the step's severity when the step is more urgent than the risk was rated, unless
                // it rests on several defaults the user never gave: a medium tension computed from an assumed
                // latency, instance count and pool size became a high priority in nearly every review through its
                // routine pool step. (One default, such as node-postgres's pool of 10, is usually what runs.)
                if !restsOnGuesses.contains(owner) {
                    candidates[owner].priority.severity = max(
                        candidates[owner].priority.severity, severity(entry.item.priority))
                }
                candidates[owner].priority.touches += 1
                candidates[owner].priority.irreversible =
                    candidates[owner].priority.irreversible || entry.item.irreversible
                continue
            }
            add(
                // The title (the item's first sentence) and the why are made only for the items chosen, below.
                .checklist, entry.item.id, severity(entry.item.priority), "", "",
                entry.item.text, touches: reach(of: entry, knowledgeBase),
                stated: readsStatedAnswer(entry, knowledgeBase, assumed: assumed),
                irreversible: entry.item.irreversible, area: "checklist:\(entry.item.category.rawValue)", entry: entry)
        }
        for verdict in proposals where verdict.verdict == .differs || verdict.verdict == .ruledOut {
            let name = { (id: String) in
                lookups.decision(verdict.decisionID)?.options.first { $0.optionID == id }?.name ?? id
            }
            let proposed = verdict.proposed.map(name).joined(separator: " + ")
            let recommended = verdict.recommended.map(name) ?? "another option"
            let subject = verdict.subject(naming: proposed)
            let ruledOut = verdict.verdict == .ruledOut
            let why =
                verdict.objection ?? verdict.reasonsFor.first?.because
                ?? "\(recommended) scores higher for these answers."
            // An option named for an absence ("No rate limiting") is not something to drop or reconsider.
            var action =
                ProposalVerdict.namesAnAbsence(proposed)
                ? "Add \(recommended)."
                : ruledOut
                    ? "Drop \(proposed) for \(recommended)."
                    : "Reconsider \(proposed); \(recommended) fits these answers better."
            if let cost = verdict.switchingCost { action += " Switching cost: \(cost)" }
            let findings = folded[verdict.decisionID]
            // A plan that would replace what runs today, which the review would keep, is a migration for nothing:
            // as serious as a plan it rules out (a MongoDB service planned onto PostgreSQL ranked below a root
            // container).
            let severe = ruledOut || verdict.replacesWhatRuns
            let recommendation = verdict.replacesWhatRuns ? "\(recommended), which runs today" : recommended
            add(
                .proposal, verdict.decisionID, max(severe ? .high : .medium, findings?.severity ?? .low),
                "\(verdict.title): \(subject), the review \(ruledOut ? "rules it out" : "recommends \(recommendation)")",
                why, action,
                touches: 1 + verdict.reasonsAgainst.count + verdict.counterindications.count + (findings?.count ?? 0),
                irreversible: findings?.irreversible ?? false)
        }
        if !firmUp.isEmpty {
            // The what-if ranking of unanswered questions (``RecommendationEngine/addInsights(to:answers:whatIf:)``).
            for question in firmUp.prefix(3) where !question.decisions.isEmpty || question.risks > 0 {
                let moved = question.decisions.compactMap { lookups.decision($0) }
                let close = moved.contains(where: \.isCloseCall)
                var changes = moved.map(\.title)
                if question.risks > 0 {
                    changes.append("\(question.risks) risk\(question.risks == 1 ? "" : "s") (findings or tensions)")
                }
                add(
                    .question, question.questionID, close ? .medium : .low, question.prompt,
                    "An answer could change \(changes.joined(separator: ", "))"
                        + (question.assumed.map { "; the default \($0) is assumed now." } ?? "."),
                    "Answer \(question.questionID) (--set \(question.questionID)=...).",
                    touches: question.decisions.count + question.risks)
            }
        } else {
            for question in assumptionCandidates(knowledgeBase) {
                add(
                    .question, question.id, question.severity, question.title, question.why, question.action,
                    touches: question.touches)
            }
        }

        // Each candidate's ranking keys, worked out once rather than in every comparison; the candidates are sorted
        // and picked by index (moving them was most of the ranking's cost).
        let keys = candidates.map(\.priority.rankKey)
        var remaining = candidates.indices.sorted { lhs, rhs in
            keys[lhs] != keys[rhs] ? keys[rhs].lexicographicallyPrecedes(keys[lhs]) : lhs < rhs
        }

        var chosen: [ReviewPriority] = []
        var picksPerArea: [String: Int] = [:]
        var picksPerChosenOption: [String: Int] = [:]
        var picksPerRule: [String: Int] = [:]
        while !remaining.isEmpty {
            let topKey = keys[remaining[0]]
            // Among candidates equal on every ranking key, prefer an area (checklist category) not yet picked.
            let tied = remaining.firstIndex { keys[$0] != topKey } ?? remaining.count
            let pick =
                (0..<tied).min {
                    picksPerArea[candidates[remaining[$0]].area, default: 0]
                        < picksPerArea[candidates[remaining[$1]].area, default: 0]
                }
                ?? 0
            let candidate = candidates[remaining.remove(at: pick)]
            // Three JWT hygiene steps led a live quiz's priorities: an option's routine steps stay in the checklist
            // after the first two.
            if let entry = candidate.entry, let key = chosenOptionKey(entry, lookups) {
                guard picksPerChosenOption[key, default: 0] < Self.maximumStepsPerChosenOption else { continue }
                picksPerChosenOption[key, default: 0] += 1
            }
            // Two steps of one rule (tenant scoping, cross-tenant tests) took two of a webhook sender's seven
            // priorities with the same why.
            if let entry = candidate.entry, let rule = entry.includedBy.first {
                guard picksPerRule[rule, default: 0] < Self.maximumStepsPerRule else { continue }
                picksPerRule[rule, default: 0] += 1
            }
            let index = chosen.count
            let admitted =
                index < 3 || (index < 5 && candidate.priority.severity >= .medium)
                || (index < Self.maximumPriorities && candidate.priority.severity == .high)
            guard admitted else { break }
            picksPerArea[candidate.area, default: 0] += 1
            var ranked = candidate.priority
            ranked.rank = index + 1
            if let entry = candidate.entry {
                ranked.title = checklistTitle(ranked.action)
                // The including rule's reason as the review rendered it (a reason with interpolations showed its
                // raw braces when the rule only included items).
                ranked.why = entry.includedBecause.first ?? appliesBecause(entry, lookups)
            }
            chosen.append(ranked)
        }
        return chosen
    }

    /// Without what-if insights: assumed answers that a close call or a low-confidence decision rests on.
    private func assumptionCandidates(_ knowledgeBase: KnowledgeBase) -> [ReviewPriority] {
        var found: [ReviewPriority] = []
        for assumption in assumptions {
            let moved = assumption.affectedDecisions.compactMap { decision($0) }
            let close = moved.filter(\.isCloseCall)
            let weak = moved.filter(\.lowConfidence)
            guard !close.isEmpty || !weak.isEmpty else { continue }
            let prompt = knowledgeBase.question(assumption.questionID)?.prompt ?? assumption.questionID
            let names = (close.isEmpty ? weak : close).map(\.title).joined(separator: ", ")
            let why =
                "The default (\(assumption.value)) is assumed; "
                + (close.isEmpty ? "it moves \(names), which rests on defaults." : "it moves \(names), a close call.")
            found.append(
                ReviewPriority(
                    rank: 0, kind: .question, id: assumption.questionID, severity: close.isEmpty ? .low : .medium,
                    title: prompt, why: why,
                    action: "Answer \(assumption.questionID) (--set \(assumption.questionID)=...).",
                    touches: moved.count))
        }
        return found

    }

    /// A fired rule's reason as the review shows it (with answer values filled in), else the knowledge base's text.
    /// "Applies because of the chosen Shared Redis cache (Caching)." for an item whose condition names decisions.
    /// Only decisions whose chosen option the condition asks for (`chosen(d) == "x"`, `chosen(d) in [...]`) are
    /// named: in `chosen(caching) == "redis" or chosen(jobs) == "bullmq"` with BullMQ chosen, the jobs decision is
    /// the reason, not the cache; a condition with no such match names every decision it reads. An item whose
    /// condition reads only answers names the answers ("Applies because of your answers: api.consumers = ...").
    private func appliesBecause(_ entry: ChecklistEntry, _ index: PriorityIndex) -> String {
        guard let expression = entry.item.appliesIf?.expression else { return "It applies to these answers." }
        let matching = chosenDecisions(satisfying: expression, index)
        // A chosen option that satisfies the condition explains it; failing that, the answers it read do
        // (`operations.event_driven or chosen(architecture) in [...]` holds because of the answer, not because of
        // whatever architecture was chosen). Only a condition with neither names its decisions.
        let decisions = !matching.isEmpty ? matching : entry.appliesBecause.isEmpty ? expression.decisionIDs : []
        let named = decisions.compactMap { id -> String? in
            guard let outcome = index.decision(id), let option = outcome.chosenAssessment else { return nil }
            return "\(option.name) (\(outcome.title))"
        }
        let stated = entry.appliesBecause.filter { !$0.assumed }
        if !named.isEmpty {
            // A pooler applies to PostgreSQL on serverless functions: the chosen database alone is half the reason.
            let answers =
                matching.isEmpty || stated.isEmpty
                ? "" : " and your answers: " + stated.map(\.description).joined(separator: ", ")
            return "Applies because of the chosen " + named.joined(separator: " and ") + answers + "."
        }
        if !stated.isEmpty {
            // Exact money types for an e-commerce service hold until it says whether it moves money: naming the
            // unanswered question says how the item could go away.
            let unanswered = entry.appliesBecause.filter(\.assumed).map(\.questionID)
            return "Applies because of your answers: " + stated.map(\.description).joined(separator: ", ")
                + (unanswered.isEmpty ? "" : "; not yet answered: " + unanswered.joined(separator: ", ")) + "."
        }
        if !entry.appliesBecause.isEmpty {
            return "Applies because of assumed defaults: "
                + entry.appliesBecause.map(\.description)
                .joined(separator: ", ") + "."
        }
        return "It applies to these answers."
    }

    /// The decisions whose chosen option `expression` asks for and gets (`chosen(d) == "x"`, `chosen(d) in [...]`).
    private func chosenDecisions(satisfying expression: Expression, _ index: PriorityIndex) -> [String] {
        var matching: [String] = []
        expression.visit { node in
            guard case .compare(let op, .chosen(let id, _), .literal(let literal, _), _) = node,
                let chosen = index.decision(id)?.chosen, !matching.contains(id)
            else { return }
            switch (op, literal) {
            case (.equal, .string(let option)) where option == chosen: matching.append(id)
            case (.`in`, .list(let options)) where options.contains(.string(chosen)): matching.append(id)
            default: break
            }
        }
        return matching
    }

    /// For a checklist item that applies only because of options the review chose (no rule includes it, and its
    /// condition holds through `chosen(...)`, not through an answer): those decisions, as one key
    /// (`"authentication"`). Such items are the routine steps of an option; at most
    /// ``maximumStepsPerChosenOption`` of them become priorities.
    private func chosenOptionKey(_ entry: ChecklistEntry, _ index: PriorityIndex) -> String? {
        guard entry.includedBy.isEmpty, let expression = entry.item.appliesIf?.expression,
            !entry.appliesBecause.contains(where: { !$0.assumed })
        else { return nil }
        let decisions = chosenDecisions(satisfying: expression, index)
        return decisions.isEmpty ? nil : decisions.joined(separator: "+")
    }

    /// Whether a checklist item follows from an answer the user gave: the condition of a rule that included it, or
    /// its own `appliesIf`, reads a question whose answer is not an assumed default. An item that applies only
    /// because of an option the review chose (`chosen(jobs) == "bullmq"`) is implementation hygiene for that
    /// option; one that follows from the user's domain, load or plan is what their service is about.
    private func readsStatedAnswer(
        _ entry: ChecklistEntry, _ knowledgeBase: KnowledgeBase, assumed: Set<String>
    )
        -> Bool
    {
        var conditions = entry.includedBy.compactMap { knowledgeBase.condition(ofRule: $0) }
        if let own = entry.item.appliesIf?.expression { conditions.append(own) }
        return conditions.contains { condition in condition.questionIDs.contains { !assumed.contains($0) } }
    }

    /// The decisions and risks a checklist item touches: decisions its including rules score or exclude and its
    /// own condition names, plus findings and tensions its including rules raise.
    private func reach(of entry: ChecklistEntry, _ knowledgeBase: KnowledgeBase) -> Int {
        var touched = Set(entry.item.appliesIf?.expression.decisionIDs ?? [])
        var risks = 0
        for id in entry.includedBy {
            guard let position = knowledgeBase.rulePosition(id) else { continue }
            for score in knowledgeBase.rules[position].scores { touched.insert(score.target.decision) }
            for exclusion in knowledgeBase.rules[position].excludes { touched.insert(exclusion.decision) }
            if knowledgeBase.rules[position].finding != nil || knowledgeBase.rules[position].tension != nil {
                risks += 1
            }
        }
        return touched.count + risks
    }

    private func severity(_ priority: Priority) -> Severity {
        switch priority {
        case .high: return .high
        case .medium: return .medium
        case .low: return .low
        }
    }

    /// A checklist item's text is its action; its first sentence (cut at a word near 70 characters) is its title.
    private func checklistTitle(_ text: String) -> String {
        // The first sentence (up to ". "), cut at a word boundary to at most 70 characters. Lengths are running
        // counts and the sentence end is found over the bytes: this runs for every checklist candidate.
        var sentenceEnd = text.endIndex
        var previous: UInt8 = 0
        for index in text.utf8.indices {
            let byte = text.utf8[index]
            if previous == UInt8(ascii: "."), byte == UInt8(ascii: " ") {
                sentenceEnd = text.utf8.index(before: index)
                break
            }
            previous = byte
        }
        var title = ""
        var length = 0
        for word in text[..<sentenceEnd].split(separator: " ") {
            let wordLength = word.count
            if length + wordLength + 1 > 70 { return title + "..." }
            if length > 0 {
                title += " "
                length += 1
            }
            title += word
            length += wordLength
        }
        return title
    }
}

/// Lookups the ranking makes for every candidate, built once per ranking (each was a scan of the review: quadratic
/// in a large knowledge base, where the TUI's Overview took most of a second).
private struct PriorityIndex {
    private let decisions: [DecisionOutcome]
    private let position: [String: Int]
    /// Question id -> positions of the decisions whose chosen option has a reason that read it.
    private let readers: [String: [Int]]

    init(_ review: Review) {
        decisions = review.decisions
        var position: [String: Int] = [:]
        var readers: [String: [Int]] = [:]
        for (index, outcome) in review.decisions.enumerated() {
            if position[outcome.decisionID] == nil { position[outcome.decisionID] = index }
            for contribution in outcome.chosenAssessment?.contributions ?? [] {
                for fact in contribution.triggeredBy where readers[fact.questionID]?.last != index {
                    readers[fact.questionID, default: []].append(index)
                }
            }
        }
        self.position = position
        self.readers = readers
    }

    func decision(_ id: String) -> DecisionOutcome? { position[id].map { decisions[$0] } }

    /// How many applicable decisions have a chosen option with a reason that read one of `questions`.
    func decisionsReading(_ questions: Set<String>) -> Int {
        var counted = Set<Int>()
        for question in questions { counted.formUnion(readers[question] ?? []) }
        return counted.count
    }
}
