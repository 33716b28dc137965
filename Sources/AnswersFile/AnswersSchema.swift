import Foundation
import KnowledgeModel

/// The JSON Schema (draft 2020-12) of the answers file for a knowledge base, so editors validate and complete
/// answers files (YAML editors via `# yaml-language-server: $schema=answers.schema.json`).
public struct AnswersSchema: Sendable {
    public let knowledgeBase: KnowledgeBase

    public init(knowledgeBase: KnowledgeBase) {
        self.knowledgeBase = knowledgeBase
    }

    /// The schema as pretty-printed JSON with sorted keys (stable output).
    public func json() -> String {
        JSONText.pretty(schema())
    }

    /// The schema as a JSON object.
    public func schema() -> [String: Any] {
        var answerProperties: [String: Any] = [:]
        for question in knowledgeBase.questions {
            answerProperties[question.id] = answerSchema(question)
        }
        let acceptedRisk: [String: Any] = [
            "type": "object",
            "additionalProperties": false,
            "required": ["finding", "reason"],
            "properties": [
                "finding": ["type": "string", "description": "Id of the finding accepted as a risk."]
                    .merging(enumeration(knowledgeBase.findings.map(\.id) + AcceptedRisk.checkResultKinds)) { $1 },
                "reason": ["type": "string", "maxLength": AnswersFileReader.maximumTextLength],
                "by": ["type": "string", "description": "Who accepted it."],
                "date": ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"],
                "scope": [
                    "type": "string",
                    "description": "A path prefix or a component (technology or decision id) it is limited to.",
                ],
                "owner": ["type": "string", "description": "Who answers for the risk."],
                "expires": [
                    "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                    "description": "The last day it holds; afterwards the finding is reported again.",
                ],
            ],
        ]
        return [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Stackwise answers file",
            "description":
                "Answers to Stackwise's questions, read by 'stackwise review --answers' and saved by the TUI.",
            "type": "object",
            "additionalProperties": false,
            "properties": [
                "$schema": ["type": "string"],
                "version": ["const": AnswersFileReader.formatVersion, "description": "Answers-file format version."],
                "service": [
                    "type": ["string", "null"], "maxLength": AnswersFileReader.maximumTextLength,
                    "description": "The service's name.",
                ],
                "answers": [
                    "type": ["object", "null"], "additionalProperties": false, "properties": answerProperties,
                ],
                "proposed": [
                    "type": ["object", "null"], "additionalProperties": false, "properties": proposalProperties,
                    "description":
                        "What you plan to use, per decision: an option id (or a list, where options go alongside).",
                ],
                "checklistDone": [
                    "type": ["array", "null"], "uniqueItems": true,
                    "items": enumeration(knowledgeBase.checklist.map(\.id)).merging(["type": "string"]) { $1 },
                ],
                "acceptedRisks": ["type": ["array", "null"], "items": acceptedRisk],
            ],
        ]
    }

    /// One property per decision: an option id, or a list of option ids where the decision has complements.
    private var proposalProperties: [String: Any] {
        var properties: [String: Any] = [:]
        for decision in knowledgeBase.decisions {
            let option = enumeration(decision.options.map(\.id)).merging(["type": "string"]) { $1 }
            var schema: [String: Any] = ["description": decision.title + ": " + decision.problem]
            if decision.complements.isEmpty {
                schema.merge(option) { $1 }
            } else {
                schema["oneOf"] = [option, ["type": "array", "uniqueItems": true, "minItems": 1, "items": option]]
            }
            properties[decision.id] = schema
        }
        return properties
    }

    private func enumeration(_ ids: [String]) -> [String: Any] {
        ids.isEmpty ? [:] : ["enum": ids]
    }

    /// An answer: the bare value, blank (null), or `{value, note, notSure, origin}`.
    private func answerSchema(_ question: Question) -> [String: Any] {
        let value = valueSchema(question)
        var described: [String: Any] = [
            "description": question.prompt + (question.help.isEmpty ? "" : "\n\n" + question.help),
            "anyOf": [
                value,
                ["type": "null"],
                [
                    "type": "object",
                    "additionalProperties": false,
                    "properties": [
                        "value": value,
                        "note": ["type": "string", "maxLength": AnswersFileReader.maximumTextLength],
                        "notSure": ["type": "boolean"],
                        "origin": ["type": "string"],
                    ],
                ],
            ],
        ]
        if let defaultValue = question.defaultValue { described["default"] = JSONText.object(defaultValue) }
        return described
    }

    private func valueSchema(_ question: Question) -> [String: Any] {
        switch question.type {
        case .single:
            return ["enum": question.options.map(\.id), "description": optionList(question)]
        case .multi:
            return [
                "type": "array", "uniqueItems": true, "items": ["enum": question.options.map(\.id)],
                "description": optionList(question),
            ]
        case .yesno:
            return ["anyOf": [["type": "boolean"], ["enum": ["yes", "no", "true", "false", "on", "off"]]]]
        case .number:
            var number: [String: Any] = ["type": "number"]
            if let minimum = question.minimum { number["minimum"] = minimum }
            if let maximum = question.maximum { number["maximum"] = maximum }
            let unit = question.unit.map { "(\\s*" + NSRegularExpression.escapedPattern(for: $0) + ")?" } ?? ""
            let withUnit: [String: Any] = ["type": "string", "pattern": "^[+-]?[0-9][0-9_]*(\\.[0-9_]+)?\(unit)$"]
            return ["anyOf": [number, withUnit]]
        case .text:
            return ["type": "string", "maxLength": 500]
        }
    }

    private func optionList(_ question: Question) -> String {
        question.options.map { "\($0.id): \($0.label)" }.joined(separator: "; ")
    }
}

/// JSON helpers shared by the schema and question catalogue: stable, pretty output.
public enum JSONText {
    /// Pretty-printed JSON with sorted keys and unescaped slashes.
    public static func pretty(_ object: Any) -> String {
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    /// An answer value as a JSON value: boolean, number, string or array of strings.
    public static func object(_ value: AnswerValue) -> Any {
        switch value {
        case .bool(let flag): return flag
        case .number(let number): return number == number.rounded() && abs(number) < 1e15 ? Int64(number) : number
        case .text(let text), .choice(let text): return text
        case .choices(let ids): return ids
        }
    }
}
