import KnowledgeModel

extension RecommendationEngine {
    /// WHY: the decisions, rules, checklist items, follow-ups, findings and tensions a question's answer can move.
    public func influence(of questionID: String) -> QuestionInfluence {
        var decisions: [String] = []
        func addDecision(_ id: String) { if !decisions.contains(id) { decisions.append(id) } }
        var rules: [String] = []
        var findings: [String] = []
        var tensions: [String] = []
        for decision in knowledgeBase.decisions
        where decision.appliesIf?.expression.questionIDs.contains(questionID) == true {
            addDecision(decision.id)
        }
        for rule in knowledgeBase.rules
        where rule.when.expression.questionIDs.contains(questionID)
            || rule.tension?.between.contains(questionID) == true
        {
            rules.append(rule.id)
            for effect in rule.scores { addDecision(effect.target.decision) }
            for ref in rule.excludes { addDecision(ref.decision) }
            if let finding = rule.finding { findings.append(finding.id) }
            if let tension = rule.tension { tensions.append(tension.id) }
        }
        let order = Dictionary(uniqueKeysWithValues: knowledgeBase.decisions.enumerated().map { ($1.id, $0) })
        return QuestionInfluence(
            questionID: questionID,
            decisions: decisions.sorted { order[$0, default: .max] < order[$1, default: .max] },
            rules: rules,
            checklistItems: knowledgeBase.checklist.filter {
                $0.appliesIf?.expression.questionIDs.contains(questionID) == true
            }.map(\.id),
            followUps: knowledgeBase.questions.filter {
                $0.askIf?.expression.questionIDs.contains(questionID) == true
            }.map(\.id),
            findings: findings, tensions: tensions)
    }
}
