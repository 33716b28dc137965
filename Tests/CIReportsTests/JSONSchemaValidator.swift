import Foundation

/// A JSON Schema (draft-04) validator for the keywords the SARIF 2.1.0 schema uses: `$ref` to local
/// definitions, `type`, `properties`, `additionalProperties`, `required`, `enum`, `items`, `minItems`,
/// `uniqueItems`, `minimum`, `maximum`, `pattern`, `oneOf`, `anyOf`. Any other keyword in a schema is reported,
/// so the validator never silently skips a constraint it does not know. (`format`, `default`, `description` and
/// `title` are annotations here.)
struct JSONSchemaValidator {
    let root: [String: Any]
    static let annotations: Set<String> = [
        "$schema", "id", "title", "description", "default", "format", "definitions",
    ]
    static let supported: Set<String> = [
        "$ref", "type", "properties", "additionalProperties", "required", "enum", "items", "minItems", "uniqueItems",
        "minimum", "maximum", "pattern", "oneOf", "anyOf",
    ]

    init(schema: Data) throws {
        guard let root = try JSONSerialization.jsonObject(with: schema) as? [String: Any] else {
            throw NSError(domain: "schema", code: 1)
        }
        self.root = root
    }

    /// Every violation, as `path: message`.
    func validate(_ instance: Any) -> [String] {
        var errors: [String] = []
        check(instance, against: root, path: "$", errors: &errors)
        return errors
    }

    private func resolve(_ reference: String) -> [String: Any]? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: Any = root
        for part in reference.dropFirst(2).split(separator: "/") {
            guard let object = node as? [String: Any], let next = object[String(part)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    private func check(_ value: Any, against schema: [String: Any], path: String, errors: inout [String]) {
        for key in schema.keys where !Self.supported.contains(key) && !Self.annotations.contains(key) {
            errors.append("\(path): schema keyword '\(key)' is not supported by this validator")
        }
        if let reference = schema["$ref"] as? String {
            guard let target = resolve(reference) else {
                errors.append("\(path): unresolved $ref \(reference)")
                return
            }
            check(value, against: target, path: path, errors: &errors)
        }
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [(type as? String) ?? ""]
            if !types.contains(where: { matches(value, type: $0) }) {
                errors.append("\(path): expected \(types.joined(separator: "|")), found \(describe(value))")
                return
            }
        }
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { equal($0, value) }) {
            errors.append("\(path): \(describe(value)) is not one of \(allowed)")
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for required in schema["required"] as? [String] ?? [] where object[required] == nil {
                errors.append("\(path): missing required property '\(required)'")
            }
            for (key, item) in object {
                if let property = properties[key] as? [String: Any] {
                    check(item, against: property, path: "\(path).\(key)", errors: &errors)
                } else if let additional = schema["additionalProperties"] {
                    if let allowed = additional as? Bool, !allowed {
                        errors.append("\(path): property '\(key)' is not allowed")
                    } else if let additionalSchema = additional as? [String: Any] {
                        check(item, against: additionalSchema, path: "\(path).\(key)", errors: &errors)
                    }
                }
            }
        }
        if let array = value as? [Any], !(value is [String: Any]) {
            if let minimum = schema["minItems"] as? Int, array.count < minimum {
                errors.append("\(path): \(array.count) items, at least \(minimum) required")
            }
            if schema["uniqueItems"] as? Bool == true {
                for (index, item) in array.enumerated() where array[..<index].contains(where: { equal($0, item) }) {
                    errors.append("\(path)[\(index)]: duplicate item")
                }
            }
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() {
                    check(item, against: items, path: "\(path)[\(index)]", errors: &errors)
                }
            }
        }
        if let number = value as? NSNumber, !isBool(value) {
            if let minimum = (schema["minimum"] as? NSNumber)?.doubleValue, number.doubleValue < minimum {
                errors.append("\(path): \(number) is below the minimum \(minimum)")
            }
            if let maximum = (schema["maximum"] as? NSNumber)?.doubleValue, number.doubleValue > maximum {
                errors.append("\(path): \(number) is above the maximum \(maximum)")
            }
        }
        if let text = value as? String, let pattern = schema["pattern"] as? String {
            if text.range(of: pattern, options: .regularExpression) == nil {
                errors.append("\(path): '\(text)' does not match \(pattern)")
            }
        }
        if let choices = schema["oneOf"] as? [[String: Any]] {
            let passing = choices.filter { choice in
                var scratch: [String] = []
                check(value, against: choice, path: path, errors: &scratch)
                return scratch.isEmpty
            }.count
            if passing != 1 { errors.append("\(path): matches \(passing) of the oneOf schemas, exactly 1 required") }
        }
        if let choices = schema["anyOf"] as? [[String: Any]] {
            let passing = choices.contains { choice in
                var scratch: [String] = []
                check(value, against: choice, path: path, errors: &scratch)
                return scratch.isEmpty
            }
            if !passing { errors.append("\(path): matches none of the anyOf schemas") }
        }
    }

    /// JSONSerialization gives booleans as NSNumbers of Objective-C type `c` (char) on every platform.
    private func isBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return number.objCType.pointee == 0x63
    }

    private func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any] && !(value is [String: Any])
        case "string": return value is String
        case "boolean": return isBool(value)
        case "integer":
            guard let number = value as? NSNumber, !isBool(value) else { return false }
            return number.doubleValue == number.doubleValue.rounded()
        case "number": return value is NSNumber && !isBool(value)
        case "null": return value is NSNull
        default: return false
        }
    }

    private func equal(_ lhs: Any, _ rhs: Any) -> Bool {
        (lhs as? NSObject).map { $0.isEqual(rhs) } ?? false
    }

    private func describe(_ value: Any) -> String {
        if value is [String: Any] { return "an object" }
        if value is [Any] { return "an array" }
        if value is String { return "the string '\(value)'" }
        return "\(value)"
    }
}
