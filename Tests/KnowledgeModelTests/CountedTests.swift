import KnowledgeModel
import Testing

@Suite struct CountedTests {
    @Test func oneIsSingularEverythingElsePlural() {
        #expect(counted(1, "answer") == "1 answer")
        #expect(counted(0, "answer") == "0 answers")
        #expect(counted(2, "source file") == "2 source files")
        #expect(counted(1, "entry", "entries") == "1 entry")
        #expect(counted(3, "entry", "entries") == "3 entries")
    }
}
