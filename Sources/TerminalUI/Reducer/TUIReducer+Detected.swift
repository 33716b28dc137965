import KnowledgeModel

/// Reviewing an existing project: a scan pre-fills the current-stack answers, marked as detected; the user sees
/// what was found and why, then confirms or corrects each answer (or confirms them all at once).
extension TUIReducer {
    func projectScanned(_ result: ProjectScanResult, _ state: inout TUIState) -> [TUIEffect] {
        state.start.field = nil
        let filled = state.answers.fillUnanswered(from: result.answers)
        state.scan = result
        state.scan?.filledIDs = filled
        state.mode = .interview
        state.interview.returnToReview = false
        refresh(&state, trackChanges: false)
        open(firstToConfirm(state), in: &state)
        state.overlay = .detected(scroll: 0)
        let kept = result.answers.answers.count - filled.count
        state.status = StatusLine(
            "Detected \(filled.count) answer\(filled.count == 1 ? "" : "s") in \(result.folder)"
                + (kept > 0 ? " (\(kept) you had already answered kept)" : "")
                + ": Enter confirms each, another choice corrects it, c confirms all.",
            role: filled.isEmpty ? .warning : .success)
        return [.save(state.answers)]
    }

    /// The first question to look at after a scan: a detected answer to confirm or an open question.
    func firstToConfirm(_ state: TUIState) -> String? {
        state.applicableIDs.first { id in state.answers.answers[id].map(\.isDetected) ?? true }
            ?? firstOpenQuestion(state)
    }

    func confirmAllDetected(_ state: inout TUIState) -> [TUIEffect] {
        let count = state.answers.confirmDetected()
        guard count > 0 else {
            state.status = StatusLine("No detected answers to confirm.", role: .dim)
            return []
        }
        state.status = StatusLine(
            "Confirmed \(count) detected answer\(count == 1 ? "" : "s"); they are yours now.", role: .success)
        return [.save(state.answers)]
    }

    func showDetected(_ state: inout TUIState) {
        guard state.scan != nil || !state.answers.detectedIDs.isEmpty else {
            state.status = StatusLine(
                "No project was scanned. Start with \"Review an existing project\" or `stackwise interview --from DIR`.",
                role: .dim)
            return
        }
        state.overlay = .detected(scroll: 0)
    }

    func detectedOverlayKey(_ key: Key, scroll: Int, _ state: inout TUIState) -> [TUIEffect] {
        let last = max(0, DetectedOverview.lines(state, knowledgeBase).count - 1)
        var scroll = scroll
        switch keyMap.action(for: key, in: .interview) {
        case .up?: move(&scroll, by: -1, count: last + 1)
        case .down?: move(&scroll, by: 1, count: last + 1)
        case .pageUp?: move(&scroll, by: -10, count: last + 1)
        case .pageDown?: move(&scroll, by: 10, count: last + 1)
        case .confirmDetected?:
            state.overlay = nil
            return confirmAllDetected(&state)
        case .select?:
            // Go through them one by one, from the first detected answer.
            state.overlay = nil
            state.mode = .interview
            state.interview.returnToReview = false
            if let first = state.applicableIDs.first(where: { state.answers.answers[$0]?.isDetected == true }) {
                open(first, in: &state)
            }
            return []
        default:
            state.overlay = nil
            return []
        }
        state.overlay = .detected(scroll: scroll)
        return []
    }
}

/// The content of the "detected" window: each answer still to confirm with its evidence, then what the scan found.
enum DetectedOverview {
    static func lines(_ state: TUIState, _ knowledgeBase: KnowledgeBase) -> [(text: String, role: StyleRole)] {
        var lines: [(String, StyleRole)] = []
        let order = knowledgeBase.questionsInInterviewOrder.map(\.id)
        let toConfirm = order.filter { state.answers.answers[$0]?.isDetected == true }
        if toConfirm.isEmpty {
            lines.append(("Every detected answer is confirmed or corrected.", .success))
        } else {
            lines.append(
                (
                    "\(toConfirm.count) answer\(toConfirm.count == 1 ? " was" : "s were") filled from the repository "
                        + "and \(toConfirm.count == 1 ? "is" : "are") marked ◆ until you confirm (Enter on the question) "
                        + "or correct (choose another answer) \(toConfirm.count == 1 ? "it" : "each").", .normal
                ))
            for id in toConfirm {
                guard let question = knowledgeBase.question(id), let answer = state.answers.answers[id] else {
                    continue
                }
                let value = answer.value.map { displayText(of: $0, for: question) } ?? "not sure"
                let inactive = state.applicableIDs.contains(id) ? "" : " (no longer asked)"
                lines.append(("◆ \(question.prompt) \(value)\(inactive)", .changed))
                if let evidence = answer.detectedEvidence, !evidence.isEmpty {
                    lines.append(("  why: " + evidence, .dim))
                }
            }
        }
        if let scan = state.scan {
            let confirmed = scan.filledIDs.filter { id in
                state.answers.answers[id].map { !$0.isDetected } ?? false
            }.count
            if confirmed > 0 { lines.append(("✓ \(confirmed) confirmed or corrected", .success)) }
            lines.append(("", .normal))
            lines.append(("What the scan of \(scan.folder) found:", .title))
            lines += scan.summary.map { ($0, StyleRole.normal) }
            lines += scan.warnings.map { ($0, StyleRole.warning) }
        }
        return lines
    }
}
