import KnowledgeModel
import RecommendationEngine

/// Reads and writes lines: standard input/output in the CLI, arrays in tests.
public protocol LineIO {
    /// The next line without its newline, or nil at end of input.
    func readLine() -> String?
    /// Writes text as is (prompts do not end with a newline).
    func write(_ text: String)
}

/// The plain line mode: the same questions as numbered prompts, append-only output with no cursor movement,
/// colours or box drawing (for screen readers, dumb terminals and `expect` scripts).
public struct PlainInterview {
    /// How the interview ended.
    public enum Outcome: Sendable, Equatable {
        case finished, endOfInput, quit
    }

    public let advisor: any Advisor
    /// Called after every change, to save the session at once; returns why saving failed (nil: saved).
    public var save: (AnswerSet) -> String?

    public init(advisor: any Advisor, save: @escaping (AnswerSet) -> String?) {
        self.advisor = advisor
        self.save = save
    }

    var knowledgeBase: KnowledgeBase { advisor.knowledgeBase }

    public func run(_ initial: AnswerSet, io: some LineIO) -> (AnswerSet, Outcome) {
        var answers = initial
        let order = knowledgeBase.questionsInInterviewOrder.map(\.id)
        // The same incremental engine session as the full-screen interface: each answer recomputes what it reaches.
        var session = advisor.startSession(answers)
        var applicable = session.applicableQuestionIDs
        io.write("Stackwise plain mode. Type the number of an option (or its id), or: back, why, help, skip, quit.\n")
        // The first question without an answer, or with a detected one to confirm.
        let open = applicable.first { id in answers.answers[id].map(\.isDetected) ?? true }
        guard var current = open ?? applicable.first else {
            io.write("No questions apply.\n")
            return (answers, .finished)
        }
        var saveProblem: String?
        while true {
            guard let question = knowledgeBase.question(current) else { break }
            ask(question, position: (applicable.firstIndex(of: current) ?? 0) + 1, of: applicable.count, answers, io)
            guard let line = io.readLine() else {
                io.write(
                    saveProblem == nil
                        ? "\nEnd of input: your answers are saved.\n" : "\nEnd of input: your answers are NOT saved.\n")
                return (answers, .endOfInput)
            }
            let text = sanitizedForTerminal(line).trimmingCharacters(in: .whitespaces)
            switch text.lowercased() {
            case "quit", "exit", "q":
                return (answers, .quit)
            case "help", "h":
                io.write(Self.helpText)
                continue
            case "why", "w":
                io.write(whyText(question))
                continue
            case let command where command.hasPrefix("plan"):
                if let planned = plan(String(text.dropFirst(4)), answers, session.review) {
                    io.write(planned.message)
                    if let updated = planned.answers {
                        answers = updated
                        saveProblem = report(save(answers), after: saveProblem, io)
                        session.update(to: answers)
                        io.write(verdictText(planned.decisionID, session.review))
                    }
                    continue
                }
            case "back", "b":
                if let position = order.firstIndex(of: current),
                    let previous = order[..<position].last(where: applicable.contains)
                {
                    current = previous
                } else {
                    io.write("This is the first question.\n")
                }
                continue
            case "skip", "s", "":
                if text.isEmpty, answers.answers[current] == nil {
                    io.write("Please answer, or type skip to leave it open.\n")
                    continue
                }
                if text.isEmpty, answers.answers[current]?.isDetected == true {
                    answers.answers[current]?.origin = nil  // Enter confirms a detected answer
                    saveProblem = report(save(answers), after: saveProblem, io)
                }
            default:
                switch parse(text, for: question) {
                case .failure(let error):
                    io.write("Invalid: \(error.message). Try again.\n")
                    continue
                case .success(nil):
                    answers.markNotSure(question.id)
                case .success(let value?):
                    if let concern = AnswerParsing.unusualNumber(value, for: question), !confirm(concern, io) {
                        continue
                    }
                    answers.set(question.id, to: value)
                }
                if answers.answers[question.id]?.isDetected == true {
                    answers.answers[question.id]?.origin = nil  // typed by the user: no longer "detected"
                }
                saveProblem = report(save(answers), after: saveProblem, io)
                let before = AdviceDiff.Snapshot(session.review)
                let contradictionsBefore = Set(session.review.contradictions.map(\.id))
                session.update(to: answers)
                // Said as the answer is recorded (the answer is kept: a contradiction is a warning).
                for contradiction in session.review.contradictions
                where !contradictionsBefore.contains(contradiction.id) {
                    io.write("  Contradiction: \(contradiction.message)\n")
                }
                for change in AdviceDiff.changes(from: before, to: session.review, in: knowledgeBase) {
                    io.write("  Changed: \(change.text)\n")
                }
                applicable = session.applicableQuestionIDs
            }
            let position = order.firstIndex(of: current) ?? -1
            if let next = order[(position + 1)...].first(where: applicable.contains) {
                current = next
            } else {
                io.write(summary(session.review))
                return (answers, .finished)
            }
        }
        return (answers, .finished)
    }

    /// Says at once when saving starts failing or works again; returns the current problem.
    private func report(_ problem: String?, after previous: String?, _ io: some LineIO) -> String? {
        if let problem, problem != previous { io.write("  NOT SAVED: \(problem)\n") }
        if problem == nil, previous != nil { io.write("  Saved again.\n") }
        return problem
    }

    private func ask(_ question: Question, position: Int, of total: Int, _ answers: AnswerSet, _ io: some LineIO) {
        let section = knowledgeBase.section(question.section)?.title ?? question.section
        var text = "\n[\(position)/\(total)] \(section): \(question.prompt)\n"
        switch question.type {
        case .single, .multi:
            for (index, option) in question.options.enumerated() {
                text +=
                    "  \(index + 1)) \(option.label)" + (option.description.isEmpty ? "" : ": \(option.description)")
                    + "\n"
            }
        case .yesno, .number, .text: break
        }
        if let answer = answers.answers[question.id] {
            let value = answer.notSure ? "not sure" : answer.value.map { displayText(of: $0, for: question) } ?? "none"
            if answer.isDetected {
                text += "  Detected: \(value) (\(answer.detectedEvidence ?? "")); press Enter to confirm it\n"
            } else {
                text += "  Current answer: \(value) (press Enter to keep it)\n"
            }
        }
        let notSure = question.allowsNotSure ? ", or not sure" : ""
        switch question.type {
        case .single: text += "Choose 1-\(question.options.count)\(notSure): "
        case .multi:
            text += "Choose one or more of 1-\(question.options.count), separated by commas, or none\(notSure): "
        case .yesno: text += "yes or no\(notSure): "
        case .number:
            let range = "\(question.minimum.map(formatNumber) ?? "any")-\(question.maximum.map(formatNumber) ?? "any")"
            text += "Number\(question.unit.map { " in \($0)" } ?? "") (\(range))\(notSure): "
        case .text: text += "Answer\(notSure): "
        }
        io.write(text)
    }

    /// Asks to keep a possible but unusual number; anything but yes asks the question again.
    private func confirm(_ concern: String, _ io: some LineIO) -> Bool {
        io.write("\(concern). Keep it? (y/n): ")
        let reply = io.readLine().map { sanitizedForTerminal($0).trimmingCharacters(in: .whitespaces).lowercased() }
        if reply == "y" || reply == "yes" { return true }
        io.write("Not kept.\n")
        return false
    }

    /// nil value means "not sure".
    private func parse(_ text: String, for question: Question) -> Result<AnswerValue?, PlainError> {
        if ["not sure", "notsure", "unsure"].contains(text.lowercased()) {
            return question.allowsNotSure
                ? .success(nil) : .failure(PlainError("\"not sure\" is not an answer to this question"))
        }
        var input = text
        if question.type == .multi, ["none", "none of these", "[]"].contains(text.lowercased()) {
            return .success(.choices([]))
        }
        if question.type == .single || question.type == .multi {
            let parts = text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
            var ids: [String] = []
            for part in parts {
                if let number = Int(part) {
                    guard (1...question.options.count).contains(number) else {
                        return .failure(PlainError("\(number) is not between 1 and \(question.options.count)"))
                    }
                    ids.append(question.options[number - 1].id)
                } else {
                    ids.append(part)
                }
            }
            if question.type == .single, ids.count != 1 { return .failure(PlainError("choose exactly one option")) }
            input = ids.joined(separator: ",")
        }
        switch AnswerParsing.parse(text: input, for: question, at: nil) {
        case .success(let value): return .success(value)
        case .failure(let problem): return .failure(PlainError(problem.message))
        }
    }

    private func whyText(_ question: Question) -> String {
        let influence = advisor.influence(of: question.id)
        var text = "Why: \(question.help)\n"
        if let askIf = question.askIf { text += "Asked because: \(askIf.source)\n" }
        let decisions = influence.decisions.map { knowledgeBase.decision($0)?.title ?? $0 }
        text += "It can move: \(decisions.isEmpty ? "no decision directly" : decisions.joined(separator: ", "))\n"
        if !influence.followUps.isEmpty {
            text += "Follow-ups it opens: \(influence.followUps.joined(separator: ", "))\n"
        }
        return text
    }

    private func summary(_ review: Review) -> String {
        var text = "\nAll questions answered. Recommendations:\n"
        for outcome in review.decisions where outcome.status == .chosen {
            text += "  \(outcome.title): \(outcome.chosenAssessment?.name ?? outcome.chosen ?? "")\n"
        }
        if !review.findings.isEmpty || !review.tensions.isEmpty {
            text += "  \(review.findings.count) finding(s), \(review.tensions.count) tension(s).\n"
        }
        return text
    }

    static let helpText = """
        Commands: back (previous question), why (why this is asked), skip (leave it open), quit (stop; answers are saved),
        help (this text). Enter alone keeps the current answer. Options: their number or id; several separated by commas; none for "none of these".
        Your plan, at any prompt: plan DECISION=OPTION (e.g. plan database=postgresql) to have the review judge what you
        plan to use; plan DECISION=none removes it; plan alone lists the decisions and their options.

        """
}

struct PlainError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
