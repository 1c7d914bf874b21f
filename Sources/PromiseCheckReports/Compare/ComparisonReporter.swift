import PromiseCheck

/// Turns a comparison into one output format; a pure function of the comparison and the options.
public protocol ComparisonReporter: Sendable {
    func render(_ comparison: Comparison, options: ComparisonOptions) -> String
}

/// What a comparison shows.
public struct ComparisonOptions: Sendable, Hashable {
    /// Areas side by side, or each area over time.
    public enum View: String, CaseIterable, Sendable {
        /// Areas ranked by their latest promise, with a column per criterion.
        case area
        /// Each area's promises in order, with the change from one to the next.
        case period
    }

    public var view: View
    /// Whether every rule gets a column beside the categories.
    public var includeRules: Bool

    public init(view: View = .area, includeRules: Bool = false) {
        self.view = view
        self.includeRules = includeRules
    }
}

/// The `compare` output formats, by the name `--format` takes.
public enum ComparisonFormat: String, CaseIterable, Sendable {
    case text
    case csv
    case json
    case markdown
    case html

    public var reporter: any ComparisonReporter {
        switch self {
        case .text: TextComparisonReporter()
        case .csv: CSVComparisonReporter()
        case .json: JSONComparisonReporter()
        case .markdown: MarkdownComparisonReporter()
        case .html: HTMLComparisonReporter()
        }
    }
}

/// Number formats shared by the comparison formats.
enum ComparisonFormatting {
    /// A change with its sign: "+43.5", "-2", "±0".
    static func signed(_ value: Double) -> String {
        if value == 0 { return "±0" }
        return (value > 0 ? "+" : "") + ScoreFormat.number(value)
    }

    static func signed(_ value: Double?) -> String { value.map(signed) ?? "" }

    /// A score or percentage, or "–" when there is none.
    static func cell(_ value: Double?) -> String { value.map(ScoreFormat.number) ?? "–" }

    /// The year, or "?" when it is unknown.
    static func year(_ year: Int?) -> String { year.map(String.init) ?? "?" }

    /// How many of a thing, with its plural: "1 promise", "3 promises".
    static func count(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }

    /// The area's name, saying when it is a path because the promise names no area.
    static func areaLabel(_ area: Comparison.Area) -> String {
        area.groupedBy == .area ? area.name : "\(area.name) (no area)"
    }

    /// "6 areas, 8 promises · medborgarlofte 1.0.0".
    static func summary(_ comparison: Comparison) -> String {
        let promises = comparison.entries.count
        return
            "\(count(comparison.areas.count, "area")), \(count(promises, "promise")) · pack \(comparison.pack.name) \(comparison.pack.version)"
    }
}
