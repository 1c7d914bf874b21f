/// A loaded, validated rule pack with its `extends` chain merged in.
public struct RulePack: Sendable {
    public var name: String
    public var version: String
    public var title: String
    public var description: String?
    public var language: String?
    /// The pack's `pack.yaml`.
    public var file: String
    /// Names or paths of the packs it extends, as written.
    public var extends: [String]
    /// Highest band first.
    public var grades: [Grade]
    public var categories: [RuleCategory]
    public var lexicons: [String: Lexicon]
    public var sections: [SectionPatterns]
    /// A rule passes when its fraction is at least this.
    public var passThreshold: Double
    /// Every rule, enabled or not, in pack order.
    public var rules: [Rule]

    public var enabledRules: [Rule] { rules.filter(\.isEnabled) }

    public func rule(withID id: String) -> Rule? { rules.first { $0.id == id } }

    /// The grade for a score.
    public func grade(for score: Double) -> String {
        grades.first { score >= $0.minimum }?.name ?? grades.last?.name ?? "-"
    }

    public func categoryTitle(_ key: String) -> String {
        categories.first { $0.key == key }?.title ?? key
    }
}
