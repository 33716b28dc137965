import KnowledgeModel
import RecommendationEngine

/// How the plain mode asks a question and reads the reply.
extension PlainInterview {
    /// The full question: section, prompt, numbered options, the current, detected or default answer, and the
    /// prompt line.
    func ask(_ question: Question, position: Int, of total: Int, _ answers: AnswerSet, _ io: some LineIO) {
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
            let value = answerText(answer, question)
            if answer.isDetected {
                text += "  Detected: \(value) (\(answer.detectedEvidence ?? "")); press Enter to confirm it\n"
            } else {
                text += "  Current answer: \(value) (press Enter to keep it)\n"
            }
        } else if let value = question.defaultValue {
            text += "  Default: \(displayText(of: value, for: question)) (press Enter to take it)\n"
        }
        io.write(text + choicePrompt(question, answers))
    }

    /// The last line of a question, also all that is repeated after a mistake: what to type, and what Enter does.
    func choicePrompt(_ question: Question, _ answers: AnswerSet) -> String {
        let notSure = question.allowsNotSure ? ", or not sure" : ""
        var enter = ""
        if let answer = answers.answers[question.id] {
            enter = " [Enter: \(answerText(answer, question))]"
        } else if let value = question.defaultValue {
            enter = " [Enter: \(displayText(of: value, for: question))]"
        }
        switch question.type {
        case .single: return "Choose 1-\(question.options.count)\(notSure)\(enter): "
        case .multi:
            return "Choose one or more of 1-\(question.options.count), separated by commas, or none\(notSure)\(enter): "
        case .yesno: return "yes or no\(notSure)\(enter): "
        case .number:
            let range = "\(question.minimum.map(formatNumber) ?? "any")-\(question.maximum.map(formatNumber) ?? "any")"
            return "Number\(question.unit.map { " in \($0)" } ?? "") (\(range))\(notSure)\(enter): "
        case .text: return "Answer\(notSure)\(enter): "
        }
    }

    /// An answer as a person reads it ("not sure" included).
    func answerText(_ answer: Answer, _ question: Question) -> String {
        answer.notSure ? "not sure" : answer.value.map { displayText(of: $0, for: question) } ?? "none"
    }

    /// The echo of `skip`: what the review uses instead.
    func skippedText(_ question: Question, _ answers: AnswerSet) -> String {
        if let answer = answers.answers[question.id] { return "  → \(answerText(answer, question)) (kept)\n" }
        guard let value = question.defaultValue else { return "  → skipped\n" }
        return "  → skipped; the review assumes \(displayText(of: value, for: question))\n"
    }

    /// Asks to keep a possible but unusual number; anything but yes asks the question again.
    func confirm(_ concern: String, _ io: some LineIO) -> Bool {
        io.write("\(concern). Keep it? (y/n): ")
        let reply = io.readLine().map { sanitizedForTerminal($0).trimmingCharacters(in: .whitespaces).lowercased() }
        if reply == "y" || reply == "yes" { return true }
        io.write("Not kept.\n")
        return false
    }

    /// nil value means "not sure".
    func parse(_ text: String, for question: Question) -> Result<AnswerValue?, PlainError> {
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
}

/// `text` as a sentence: a full stop added unless it already ends with one (or with `?` or `!`).
func sentence(_ text: String) -> String {
    guard let last = text.last, !".?!".contains(last) else { return text }
    return text + "."
}
