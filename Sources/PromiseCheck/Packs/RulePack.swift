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
    /// What readers of published text need to find the area, parties and signatures.
    public var reading: ReadingSettings
    /// A rule passes when its fraction is at least this.
    public var passThreshold: Double
    /// A promise-file skeleton for `promisecheck init --promise`, with `{area}`, `{year}` and
    /// `{next_year}` placeholders; nil when the pack has none.
    public var template: String?
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

/// The pack's `reading:` table: language data for reading published text and Markdown.
public struct ReadingSettings: Sendable, Hashable {
    /// Regular expressions with a named group `area`, matched against the title.
    public var titleArea: [PackPattern] = []
    /// Regular expressions with a named group `area`, matched against the body when the title names no area.
    public var bodyArea: [PackPattern] = []
    /// The grouped lexicon whose groups are the parties and whose terms mark them ("polisen").
    public var parties: String?
    /// The grouped lexicon of signatory role titles, grouped by party.
    public var signatoryRoles: String?
    /// Regular expressions for signature-block lines that, with no date, mark a promise unsigned.
    public var unsigned: [PackPattern] = []

    public init() {}
}
