import KnowledgeModel

// How each part of the review JSON writes itself (``JSONWriter``): its fields in byte order of their keys, as
// `JSONEncoder` with `.sortedKeys` writes the synthesized `Encodable` conformances (which the tests compare with).

extension ReviewJSON.Document: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object {
            $0.field("assumptions", assumptions)
            $0.field("checklist", checklist)
            $0.field("conflicts", conflicts)
            $0.field("contradictions", contradictions)
            $0.field("decisions", decisions)
            $0.field("findingGroups", findingGroups)
            $0.field("findings", findings)
            $0.field("firmUp", firmUp)
            $0.field("priorities", priorities)
            $0.field("proposals", proposals)
            $0.field("provenOptimal", provenOptimal)
            $0.field("schemaVersion", schemaVersion)
            $0.field("service", service)
            $0.field("summary", summary)
            $0.field("tensions", tensions)
            $0.field("unansweredRequired", unansweredRequired)
        }
    }
}

extension ReviewJSON.Summary: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object {
            $0.field("assumptions", assumptions)
            $0.field("checklistDone", checklistDone)
            $0.field("checklistItems", checklistItems)
            $0.field("decisions", decisions)
            $0.field("findings", findings)
            $0.field("tensions", tensions)
            $0.field("unacceptedFindings", unacceptedFindings)
        }
    }
}

extension ReviewJSON.DecisionJSON: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object {
            $0.field("alternatives", alternatives)
            $0.field("chosen", chosen)
            $0.field("closeCall", closeCall)
            $0.field("complements", complements)
            $0.field("decisiveReason", decisiveReason)
            $0.field("id", id)
            $0.field("lowConfidence", lowConfidence)
            $0.field("mainTradeoff", mainTradeoff)
            $0.field("margin", margin)
            $0.field("noPreference", noPreference)
            $0.field("reasons", reasons)
            $0.field("runnerUp", runnerUp)
            $0.field("score", score)
            $0.field("status", status)
            $0.field("tied", tied)
            $0.field("title", title)
        }
    }
}

extension ReviewJSON.PriorityJSON: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object {
            $0.field("action", action)
            $0.field("id", id)
            $0.field("irreversible", irreversible)
            $0.field("kind", kind)
            $0.field("observed", observed)
            $0.field("rank", rank)
            $0.field("severity", severity)
            $0.field("stated", stated)
            $0.field("title", title)
            $0.field("touches", touches)
            $0.field("why", why)
        }
    }
}

extension ReviewJSON.DecisiveJSON: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object {
            $0.field("against", against)
            $0.field("reason", reason)
        }
    }
}

extension ReviewJSON.FindingGroupJSON: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object {
            $0.field("cause", cause)
            $0.field("causeOption", causeOption)
            $0.field("findings", findings)
            $0.field("observed", observed)
            $0.field("severity", severity)
        }
    }
}

extension ReviewJSON.NamedOptionJSON: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object {
            $0.field("id", id)
            $0.field("name", name)
        }
    }
}

extension ReviewJSON.OptionJSON: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object {
            $0.field("id", id)
            $0.field("name", name)
            $0.field("tradeoffs", tradeoffs)
        }
    }
}

extension ReviewJSON.AlternativeJSON: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object {
            $0.field("exclusions", exclusions)
            $0.field("explanation", explanation)
            $0.field("id", id)
            $0.field("name", name)
            $0.field("reasons", reasons)
            $0.field("score", score)
            $0.field("verdict", verdict)
        }
    }
}

extension ReviewJSON.ReasonJSON: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object {
            $0.field("answers", answers)
            $0.field("assumed", assumed)
            $0.field("because", because)
            $0.field("rule", rule)
            $0.field("sources", sources)
            $0.field("weight", weight)
        }
    }
}

extension ReviewJSON.FactJSON: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object {
            $0.field("assumed", assumed)
            $0.field("question", question)
            $0.field("value", value)
        }
    }
}

extension ReviewJSON.AssumptionJSON: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object {
            $0.field("affects", affects)
            $0.field("question", question)
            $0.field("reason", reason)
            $0.field("value", value)
        }
    }
}

extension ReviewJSON.TensionJSON: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object {
            $0.field("advice", advice)
            $0.field("answers", answers)
            $0.field("because", because)
            $0.field("between", between)
            $0.field("id", id)
            $0.field("rule", rule)
            $0.field("severity", severity)
            $0.field("title", title)
        }
    }
}

extension ReviewJSON.FindingJSON: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object {
            $0.field("accepted", accepted)
            $0.field("answers", answers)
            $0.field("because", because)
            $0.field("id", id)
            $0.field("remediation", remediation)
            $0.field("rule", rule)
            $0.field("severity", severity)
            $0.field("sources", sources)
            $0.field("title", title)
        }
    }
}

extension ReviewJSON.AcceptedJSON: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object {
            $0.field("by", by)
            $0.field("date", date)
            $0.field("reason", reason)
        }
    }
}

extension ReviewJSON.ChecklistJSON: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object {
            $0.field("answerSpecific", answerSpecific)
            $0.field("baseline", baseline)
            $0.field("category", category)
            $0.field("done", done)
            $0.field("id", id)
            $0.field("includedBy", includedBy)
            $0.field("irreversible", irreversible)
            $0.field("priority", priority)
            $0.field("sources", sources)
            $0.field("text", text)
        }
    }
}

extension ReviewJSON.ConflictJSON: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object {
            $0.field("constraints", constraints)
            $0.field("decisions", decisions)
            $0.field("exclusions", exclusions)
        }
    }
}

extension ReviewJSON.TradeoffJSON: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object {
            $0.field("advice", advice)
            $0.field("answers", answers)
            $0.field("holds", holds)
            $0.field("kind", kind)
            $0.field("text", text)
        }
    }
}

extension ReviewJSON.ComplementJSON: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object {
            $0.field("answers", answers)
            $0.field("because", because)
            $0.field("id", id)
            $0.field("name", name)
        }
    }
}

extension ReviewJSON.ProposalJSON: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object {
            $0.field("alongside", alongside)
            $0.field("counterindications", counterindications)
            $0.field("decision", decision)
            $0.field("incompatibility", incompatibility)
            $0.field("margin", margin)
            $0.field("origin", origin)
            $0.field("proposed", proposed)
            $0.field("reasonsAgainst", reasonsAgainst)
            $0.field("reasonsFor", reasonsFor)
            $0.field("recommended", recommended)
            $0.field("replacesWhatRuns", replacesWhatRuns)
            $0.field("runsAs", runsAs)
            $0.field("switchingCost", switchingCost)
            $0.field("title", title)
            $0.field("unneededComplements", unneededComplements)
            $0.field("verdict", verdict)
            $0.field("wouldWinIf", wouldWinIf)
        }
    }
}

extension ReviewJSON.OptionRefJSON: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object {
            $0.field("id", id)
            $0.field("name", name)
        }
    }
}

extension ReviewJSON.FirmUpJSON: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object {
            $0.field("assumed", assumed)
            $0.field("decisions", decisions)
            $0.field("prompt", prompt)
            $0.field("question", question)
            $0.field("risks", risks)
        }
    }
}

extension ReviewJSON.ContradictionJSON: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object {
            $0.field("answers", answers)
            $0.field("id", id)
            $0.field("message", message)
        }
    }
}

extension ReviewJSON.JSONAnswer: JSONWritable {
    func write(to writer: inout JSONWriter) {
        switch plain {
        case .bool(let flag): writer.bool(flag)
        case .integer(let number): writer.integer(number)
        case .number(let number): writer.number(number)
        case .string(let text): writer.string(text)
        case .strings(let ids): writer.array(ids)
        }
    }
}
