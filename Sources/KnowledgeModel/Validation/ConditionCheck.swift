import RuleLanguage

/// Every condition type-checks against the questions and decisions it names; `chosen(...)` appears only in
/// checklist conditions; `askIf` conditions do not depend on themselves.
struct ConditionCheck: KnowledgeBaseCheck {
    func check(_ kb: KnowledgeBase, sink: DiagnosticSink) {
        let answersOnly = TypeChecker(schema: kb, allowsChosen: false)
        let withChoices = TypeChecker(schema: kb, allowsChosen: true)
        func run(_ condition: Condition?, _ checker: TypeChecker, fallback: SourceLocation?) {
            checker.report(condition, fallback: fallback, to: sink)
        }
        for question in kb.questions { run(question.askIf, answersOnly, fallback: question.location) }
        for decision in kb.decisions { run(decision.appliesIf, answersOnly, fallback: decision.location) }
        for rule in kb.rules { run(rule.when, answersOnly, fallback: rule.location) }
        for item in kb.checklist { run(item.appliesIf, withChoices, fallback: item.location) }
        for contradiction in kb.contradictions {
            run(contradiction.when, answersOnly, fallback: contradiction.location)
        }
        for question in kb.questions where question.type != .multi {
            for option in question.options where option.exclusive {
                sink.error(
                    "option '\(option.id)' of '\(question.id)' is marked 'exclusive', but only a multiple-choice option can be"
                        + " (a \(question.type.displayName) answer is one option anyway)",
                    at: question.location)
            }
        }
        checkAskIfCycles(kb, sink: sink)
    }

    private func checkAskIfCycles(_ kb: KnowledgeBase, sink: DiagnosticSink) {
        var dependencies: [String: [String]] = [:]
        for question in kb.questions {
            dependencies[question.id] = question.askIf?.expression.questionIDs ?? []
        }
        var state: [String: Int] = [:]  // 1 = visiting, 2 = done
        var reported: Set<String> = []
        func visit(_ id: String, path: [String]) {
            if state[id] == 2 { return }
            if state[id] == 1 {
                guard let start = path.firstIndex(of: id) else { return }
                let cycle = Array(path[start...]) + [id]
                if reported.insert(cycle.sorted().joined(separator: ",")).inserted {
                    sink.error(
                        "askIf conditions form a cycle: \(cycle.joined(separator: " -> ")); a question cannot depend on itself",
                        at: kb.question(id)?.askIf?.location ?? kb.question(id)?.location)
                }
                return
            }
            state[id] = 1
            for next in dependencies[id] ?? [] where dependencies[next] != nil { visit(next, path: path + [id]) }
            state[id] = 2
        }
        for question in kb.questions { visit(question.id, path: []) }
    }
}

extension TypeChecker {
    /// Reports every type error of `condition` as "bad condition: ..." at its position in the text (or at
    /// `fallback` when the condition has no position).
    func report(_ condition: Condition?, fallback: SourceLocation?, to sink: DiagnosticSink) {
        guard let condition else { return }
        let errors = check(condition.expression)
        guard !errors.isEmpty else { return }
        for (error, location) in zip(errors, condition.locations(ofOffsets: errors.map(\.offset))) {
            sink.error("bad condition: \(error.message)", at: location ?? fallback)
        }
    }
}
