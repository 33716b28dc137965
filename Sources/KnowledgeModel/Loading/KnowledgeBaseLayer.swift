/// What one folder of YAML files (the embedded base, or an overlay given with `--kb`) contributes.
public struct KnowledgeBaseLayer: Sendable {
    /// How the layer is named in messages (`KnowledgeBase`, or the overlay folder).
    public var name: String
    public var sections: [Section] = []
    public var questions: [Question] = []
    public var decisions: [Decision] = []
    public var rules: [Rule] = []
    public var checklist: [ChecklistItem] = []
    /// Answer combinations that cannot all be true (top-level key `contradictions`).
    public var contradictions: [Contradiction] = []
    public var sources: [Source] = []
    public var references: [ReferenceSet] = []
    /// Technologies and package mappings for `stackwise scan` (top-level key `detection`).
    public var detectionTechnologies: [Technology] = []
    public var detectionPackages: [PackageMapping] = []
    /// Entities marked `override: true`, as `kind:id` (an overlay replacing a base entity on purpose).
    public var overrides: Set<String> = []
    /// Decisions marked `extend: true`: their options are added to the base decision of the same id.
    public var extensions: [Decision] = []
    /// Rules and checklist items an overlay removes from the layers below it.
    public var removals: [Removal] = []

    public init(name: String) {
        self.name = name
    }

    /// Removal of a base entity by an overlay.
    public struct Removal: Sendable {
        public enum Kind: String, Sendable, CaseIterable {
            case rules, checklist
        }

        public var kind: Kind
        public var id: String
        public var location: SourceLocation
    }
}
