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
    /// Columns of the terminal: `why` and other long texts wrap at this width.
    public var width = 80
    /// Whether the end of each section offers a plan step ("Any plans for the decisions of this section?"). Off by
    /// default, so scripted input is never read as a plan; the CLI turns it on when standard input is a terminal.
    public var offersSectionPlans = false

    public init(advisor: any Advisor, save: @escaping (AnswerSet) -> String?) {
        self.advisor = advisor
        self.save = save
    }

    var knowledgeBase: KnowledgeBase { advisor.knowledgeBase }

    /// What the loop carries from one prompt to the next.
    struct Run {
        var answers: AnswerSet
        var session: ReviewSession
        var applicable: [String]
        var saveProblem: String?
        /// Whether the last progress line said that nothing important is left open (said once, not every time).
        var saidSettled = false
        /// Sections whose plan step was offered.
        var plannedSections: Set<String> = []
    }

    public func run(_ initial: AnswerSet, io: some LineIO) -> (AnswerSet, Outcome) {
        let order = knowledgeBase.questionsInInterviewOrder.map(\.id)
        // The same incremental engine session as the full-screen interface: each answer recomputes what it reaches.
        let session = advisor.startSession(initial)
        var run = Run(answers: initial, session: session, applicable: session.applicableQuestionIDs)
        io.write(
            "Stackwise plain mode. Type the number of an option (or its id), Enter for the default, or: back, why, "
                + "help, skip, review, quit.\n")
        // The first question without an answer, or with a detected one to confirm.
        let open = run.applicable.first { id in initial.answers[id].map(\.isDetected) ?? true }
        guard var current = open ?? run.applicable.first else {
            io.write("No questions apply.\n")
            return (initial, .finished)
        }
        var reasked = false  // ask with the prompt line only
        while true {
            guard let question = knowledgeBase.question(current) else { break }
            if reasked {
                // After a mistake, `why` or `help`: the prompt line only (the options are just above).
                io.write(choicePrompt(question, run.answers))
            } else {
                ask(
                    question, position: (run.applicable.firstIndex(of: current) ?? 0) + 1, of: run.applicable.count,
                    run.answers, io)
            }
            reasked = false
            guard let line = io.readLine() else { return (run.answers, endOfInput(run, io)) }
            let text = sanitizedForTerminal(line).trimmingCharacters(in: .whitespaces)
            switch text.lowercased() {
            case "quit", "exit", "q":
                return (run.answers, .quit)
            case "help", "h":
                io.write(Self.helpText)
                reasked = true
                continue
            case "why", "w":
                io.write(whyText(question, run.answers))
                reasked = true
                continue
            case "review", "done":
                io.write(summary(run.session.review, complete: false))
                return (run.answers, .finished)
            case let command where command.hasPrefix("plan"):
                if let planned = plan(String(text.dropFirst(4)), run.answers, run.session.review) {
                    apply(planned, &run, io)
                    continue
                }
            case "back", "b":
                if let position = order.firstIndex(of: current),
                    let previous = order[..<position].last(where: run.applicable.contains)
                {
                    current = previous
                } else {
                    io.write("This is the first question.\n")
                }
                continue
            case "skip", "s":
                io.write(skippedText(question, run.answers))
            case "":
                guard let kept = enter(question, &run, io) else {
                    reasked = true
                    continue
                }
                io.write(kept)
            default:
                switch parse(text, for: question) {
                case .failure(let error):
                    io.write("Invalid: \(sentence(error.message)) Try again.\n")
                    reasked = true
                    continue
                case .success(let value):
                    // A possible but unusual number is confirmed first; anything but yes asks the question again.
                    if let value, let concern = AnswerParsing.unusualNumber(value, for: question), !confirm(concern, io)
                    {
                        continue
                    }
                    record(value, for: question, &run, io)
                }
            }
            let position = order.firstIndex(of: current) ?? -1
            let next = order[(position + 1)...].first(where: run.applicable.contains)
            if offersSectionPlans, next.flatMap(knowledgeBase.question)?.section != question.section {
                if let end = offerSectionPlan(question.section, &run, io) { return (run.answers, end) }
            }
            guard let next else {
                io.write(summary(run.session.review, complete: true))
                return (run.answers, .finished)
            }
            current = next
        }
        return (run.answers, .finished)
    }

    /// Enter alone: keeps the current answer, confirms a detected one or takes the default. Returns what to echo;
    /// nil when the question has neither (then it says so, and the question is asked again).
    private func enter(_ question: Question, _ run: inout Run, _ io: some LineIO) -> String? {
        if let answer = run.answers.answers[question.id] {
            if answer.isDetected {
                run.answers.answers[question.id]?.origin = nil  // Enter confirms a detected answer
                run.saveProblem = report(save(run.answers), after: run.saveProblem, io)
                return "  → \(answerText(answer, question)) (confirmed)\n"
            }
            return "  → \(answerText(answer, question)) (kept)\n"
        }
        guard let value = question.defaultValue else {
            io.write("Please answer, or type skip to leave it open.\n")
            return nil
        }
        record(value, for: question, &run, io, how: " (default)")
        return ""
    }

    /// Records a typed answer (nil: "not sure"), saves, says contradictions and what changed, and how much of the
    /// review still rests on defaults.
    private func record(
        _ value: AnswerValue?, for question: Question, _ run: inout Run, _ io: some LineIO, how: String = ""
    ) {
        if let value { run.answers.set(question.id, to: value) } else { run.answers.markNotSure(question.id) }
        if run.answers.answers[question.id]?.isDetected == true {
            run.answers.answers[question.id]?.origin = nil  // typed by the user: no longer "detected"
        }
        if let answer = run.answers.answers[question.id] { io.write("  → \(answerText(answer, question))\(how)\n") }
        run.saveProblem = report(save(run.answers), after: run.saveProblem, io)
        let before = AdviceDiff.Snapshot(run.session.review)
        let contradictionsBefore = Set(run.session.review.contradictions.map(\.id))
        run.session.update(to: run.answers)
        // Said as the answer is recorded (the answer is kept: a contradiction is a warning).
        for contradiction in run.session.review.contradictions where !contradictionsBefore.contains(contradiction.id) {
            io.write("  Contradiction: \(contradiction.message)\n")
        }
        for change in AdviceDiff.changes(from: before, to: run.session.review, in: knowledgeBase) {
            io.write("  Changed: \(change.text)\n")
        }
        run.applicable = run.session.applicableQuestionIDs
        io.write(progressText(&run))
    }

    /// Applies a `plan` command: says what it did and the review's verdict.
    func apply(_ planned: Planned, _ run: inout Run, _ io: some LineIO) {
        io.write(planned.message)
        guard let updated = planned.answers else { return }
        run.answers = updated
        run.saveProblem = report(save(run.answers), after: run.saveProblem, io)
        run.session.update(to: run.answers)
        io.write(verdictText(planned.decisionID, run.session.review))
    }

    func endOfInput(_ run: Run, _ io: some LineIO) -> Outcome {
        io.write(
            run.saveProblem == nil
                ? "\nEnd of input: your answers are saved.\n" : "\nEnd of input: your answers are NOT saved.\n")
        return .endOfInput
    }

    /// Says at once when saving starts failing or works again; returns the current problem.
    func report(_ problem: String?, after previous: String?, _ io: some LineIO) -> String? {
        if let problem, problem != previous { io.write("  NOT SAVED: \(problem)\n") }
        if problem == nil, previous != nil { io.write("  Saved again.\n") }
        return problem
    }

    static let helpText = """
        Commands: back (previous question), why (why this is asked), skip (leave it open), review or done (stop asking
        and show the recommendations), quit (stop; answers are saved), help (this text).
        Enter alone keeps the current answer, confirms a detected one or takes the default. Options: their number or id;
        several separated by commas; none for "none of these".
        Your plan, at any prompt: plan DECISION=OPTION (e.g. plan database=postgresql) to have the review judge what you
        plan to use; plan DECISION=none removes it; plan alone lists the decisions and their options.

        """
}

struct PlainError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
