import KnowledgeModel

/// The small forms over the screen: accepting a finding as a risk, and naming the service.
extension TUIReducer {
    /// The risk form: Tab/↓ and Shift-Tab/↑ move between the fields, Enter accepts (an empty reason un-accepts an
    /// accepted risk), Esc cancels. A missing reason or an impossible expiry date keeps the form open on that field
    /// with the reason, and nothing typed is lost.
    func acceptRiskKey(_ key: Key, findingID: String, form: RiskForm, _ state: inout TUIState) -> [TUIEffect] {
        var form = form
        let fields = RiskForm.Field.allCases
        switch key {
        case .escape:
            state.overlay = nil
            return []
        case .tab, .down:
            form.focus = fields[min(form.focus.rawValue + 1, fields.count - 1)]
        case .backTab, .up:
            form.focus = fields[max(form.focus.rawValue - 1, 0)]
        case .enter:
            return submitRisk(findingID, form, &state)
        default:
            let before = form[form.focus].text
            if edit(&form[form.focus], with: key), form[form.focus].text != before { form.problem = nil }
        }
        state.overlay = .acceptRisk(findingID: findingID, form: form)
        return []
    }

    private func submitRisk(_ findingID: String, _ form: RiskForm, _ state: inout TUIState) -> [TUIEffect] {
        var form = form
        let alreadyAccepted = state.answers.acceptedRisk(for: findingID) != nil
        guard let reason = form.value(.reason) else {
            guard alreadyAccepted else {
                form.problem = "A reason is required to accept a risk."
                form.focus = .reason
                state.status = StatusLine(form.problem!, role: .warning)
                state.overlay = .acceptRisk(findingID: findingID, form: form)
                return []
            }
            state.answers.acceptedRisks.removeAll { $0.findingID == findingID }
            return closeRiskForm("Risk no longer accepted.", role: .dim, &state)
        }
        if let expires = form.value(.expires), let problem = RiskForm.expiryProblem(expires, today: reviewer.today()) {
            form.problem = problem
            form.focus = .expires
            state.overlay = .acceptRisk(findingID: findingID, form: form)
            return []
        }
        state.answers.acceptedRisks.removeAll { $0.findingID == findingID }
        let risk = AcceptedRisk(
            findingID: findingID, reason: reason, by: reviewer.name, date: reviewer.today(), scope: form.value(.scope),
            owner: form.value(.owner), expires: form.value(.expires))
        state.answers.acceptedRisks.append(risk)
        return closeRiskForm(
            "Risk accepted" + (risk.expires.map { " until \($0)" } ?? "") + ".", role: .success, &state)
    }

    private func closeRiskForm(_ message: String, role: StyleRole, _ state: inout TUIState) -> [TUIEffect] {
        state.status = StatusLine(message, role: role)
        state.overlay = nil
        refresh(&state, trackChanges: false)
        moveReviewCursor(by: 0, &state)
        return [.save(state.answers)]
    }

    /// Asks for the service's name when the answers have none (a session started with `--session` on a new or
    /// unnamed file); Enter saves it, Esc skips (`s` names it later).
    public func askServiceNameIfMissing(_ state: inout TUIState) {
        guard state.overlay == nil, (state.answers.serviceName ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        else { return }
        state.overlay = .serviceName(TextField())
    }

    /// `s`: name or rename the service.
    func editServiceName(_ state: inout TUIState) {
        state.overlay = .serviceName(TextField(state.answers.serviceName ?? ""))
    }

    /// The service-name field: Enter saves (an empty name removes it), Esc leaves the name as it was.
    func serviceNameKey(_ key: Key, name: TextField, _ state: inout TUIState) -> [TUIEffect] {
        switch key {
        case .escape, .backTab:
            state.overlay = nil
            return []
        case .enter:
            state.overlay = nil
            let trimmed = name.text.trimmingCharacters(in: .whitespaces)
            let newName = trimmed.isEmpty ? nil : trimmed
            guard newName != state.answers.serviceName else { return [] }
            state.answers.serviceName = newName
            state.status = StatusLine(
                newName.map { "Service named \($0)." } ?? "The service has no name now.", role: .success)
            return [.save(state.answers)]
        default:
            var field = name
            if edit(&field, with: key) { state.overlay = .serviceName(field) }
            return []
        }
    }
}
