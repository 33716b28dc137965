import RuleLanguage

/// A condition is stored as its text (what authors and explanations show) and its parsed expression tree, so
/// loading never runs the parser.
extension Condition {
    func write(to writer: inout BinaryWriter) {
        writer.string(source)
        writer.location(location)
        writer.bool(spansLines)
        expression.write(to: &writer)
    }

    init(reading reader: inout BinaryReader) throws(KnowledgeBaseBinaryError) {
        self.init(
            source: try reader.string(), location: try reader.location(), spansLines: try reader.bool(),
            expression: try Expression(reading: &reader))
    }
}

extension Expression {
    fileprivate enum Tag: Int {
        case literal, answer, answered, chosen, not, and, or, compare, arithmetic, negate, function
    }

    func write(to writer: inout BinaryWriter) {
        switch self {
        case .literal(let literal, let offset):
            writer.tag(Tag.literal)
            literal.write(to: &writer)
            writer.natural(offset)
        case .answer(let id, let offset):
            writer.tag(Tag.answer)
            writer.string(id)
            writer.natural(offset)
        case .answered(let id, let offset):
            writer.tag(Tag.answered)
            writer.string(id)
            writer.natural(offset)
        case .chosen(let id, let offset):
            writer.tag(Tag.chosen)
            writer.string(id)
            writer.natural(offset)
        case .not(let inner, let offset):
            writer.tag(Tag.not)
            inner.write(to: &writer)
            writer.natural(offset)
        case .and(let operands):
            writer.tag(Tag.and)
            writer.array(operands) { $1.write(to: &$0) }
        case .or(let operands):
            writer.tag(Tag.or)
            writer.array(operands) { $1.write(to: &$0) }
        case .compare(let comparison, let left, let right, let offset):
            writer.tag(Tag.compare)
            // By its place among the operators: reading a number is cheaper than matching the operator's text.
            writer.count(ComparisonOperator.binaryOrder.firstIndex(of: comparison)!)
            left.write(to: &writer)
            right.write(to: &writer)
            writer.natural(offset)
        case .arithmetic(let first, let terms):
            writer.tag(Tag.arithmetic)
            first.write(to: &writer)
            writer.array(terms) { writer, term in
                writer.string(term.operation.rawValue)
                term.operand.write(to: &writer)
                writer.natural(term.offset)
            }
        case .negate(let inner, let offset):
            writer.tag(Tag.negate)
            inner.write(to: &writer)
            writer.natural(offset)
        case .function(let function, let arguments, let offset):
            writer.tag(Tag.function)
            writer.string(function.rawValue)
            writer.array(arguments) { $1.write(to: &$0) }
            writer.natural(offset)
        }
    }

    init(reading reader: inout BinaryReader) throws(KnowledgeBaseBinaryError) {
        func sub(_ reader: inout BinaryReader) throws(KnowledgeBaseBinaryError) -> Expression {
            try reader.nested { reader throws(KnowledgeBaseBinaryError) in try Expression(reading: &reader) }
        }
        // An and/or chain is one array of operands, one level deeper whatever its length.
        func chain(_ reader: inout BinaryReader) throws(KnowledgeBaseBinaryError) -> [Expression] {
            let operands = try reader.array { reader throws(KnowledgeBaseBinaryError) in try sub(&reader) }
            guard operands.count >= 2 else { throw reader.failure("an and/or chain needs two or more operands") }
            return operands
        }
        switch try reader.tag(Tag.self, of: "expression") {
        case .literal:
            let literal = try reader.nested { reader throws(KnowledgeBaseBinaryError) in try Literal(reading: &reader) }
            self = .literal(literal, offset: try reader.natural())
        case .answer: self = .answer(try reader.string(), offset: try reader.natural())
        case .answered: self = .answered(try reader.string(), offset: try reader.natural())
        case .chosen: self = .chosen(try reader.string(), offset: try reader.natural())
        case .not: self = .not(try sub(&reader), offset: try reader.natural())
        case .and: self = .and(try chain(&reader))
        case .or: self = .or(try chain(&reader))
        case .compare:
            let start = reader.position
            let index = try reader.unsigned()
            let operators = ComparisonOperator.binaryOrder
            guard index < UInt64(operators.count) else {
                throw reader.failure("unknown comparison operator \(index)", at: start)
            }
            let comparison = operators[Int(index)]
            self = .compare(comparison, try sub(&reader), try sub(&reader), offset: try reader.natural())
        case .arithmetic:
            let first = try sub(&reader)
            let terms = try reader.array { reader throws(KnowledgeBaseBinaryError) in
                ArithmeticTerm(
                    try reader.rawValue(ArithmeticOperator.self), try sub(&reader), offset: try reader.natural())
            }
            guard !terms.isEmpty else { throw reader.failure("an arithmetic chain needs an operator") }
            self = .arithmetic(first, terms)
        case .negate: self = .negate(try sub(&reader), offset: try reader.natural())
        case .function:
            let function = try reader.rawValue(NumberFunction.self)
            let arguments = try chain(&reader)
            self = .function(function, arguments, offset: try reader.natural())
        }
    }
}

extension ComparisonOperator {
    /// The operators in the order whose positions the binary form stores (made once, not per condition).
    fileprivate static let binaryOrder = Array(allCases)
}

extension Literal {
    fileprivate enum Tag: Int {
        case string, number, bool, list
    }

    func write(to writer: inout BinaryWriter) {
        switch self {
        case .string(let text):
            writer.tag(Tag.string)
            writer.string(text)
        case .number(let number):
            writer.tag(Tag.number)
            writer.double(number)
        case .bool(let flag):
            writer.tag(Tag.bool)
            writer.bool(flag)
        case .list(let items):
            writer.tag(Tag.list)
            writer.array(items) { $1.write(to: &$0) }
        }
    }

    init(reading reader: inout BinaryReader) throws(KnowledgeBaseBinaryError) {
        switch try reader.tag(Tag.self, of: "literal") {
        case .string: self = .string(try reader.string())
        case .number: self = .number(try reader.double())
        case .bool: self = .bool(try reader.bool())
        case .list:
            self = .list(
                try reader.array { reader throws(KnowledgeBaseBinaryError) in
                    try reader.nested { reader throws(KnowledgeBaseBinaryError) in try Literal(reading: &reader) }
                })
        }
    }
}
