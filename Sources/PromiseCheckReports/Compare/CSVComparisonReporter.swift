import Foundation
import PromiseCheck

/// The comparison for spreadsheets: RFC 4180 (CRLF line ends, fields quoted when needed).
///
/// By area, one row per area and column (long form, ready for a pivot table): the score, each
/// category and, with rules, each rule, with the area's rank and latest promise on every row.
/// By period, one row per promise: its area, place in the series, year, period, score, grade,
/// change from the previous promise, and a column per category (and rule). Empty fields have
/// no value; numbers have a point for decimals and no sign for increases.
public struct CSVComparisonReporter: ComparisonReporter {
    public init() {}

    public func render(_ comparison: Comparison, options: ComparisonOptions) -> String {
        let criteria = comparison.criteria(includingRules: options.includeRules)
        var rows: [[String]]
        switch options.view {
        case .area:
            rows = [
                [
                    "rank", "area", "grouped_by", "latest_year", "latest_period", "latest_path", "kind", "key", "title",
                    "value",
                ]
            ]
            for area in comparison.areas {
                let latest = area.latest
                let lead = [
                    String(area.rank), area.name, area.groupedBy.rawValue, latest.year.map(String.init) ?? "",
                    latest.period ?? "", latest.path,
                ]
                rows.append(lead + ["score", "score", "Score", ScoreFormat.number(latest.score)])
                rows.append(lead + ["grade", "grade", "Grade", latest.grade])
                for criterion in criteria {
                    rows.append(
                        lead + [
                            criterion.kind.rawValue, criterion.key, criterion.title,
                            latest.value(for: criterion).map(ScoreFormat.number) ?? "",
                        ])
                }
            }
        case .period:
            rows = [
                ["area", "grouped_by", "position", "year", "period", "path", "score", "grade", "change"]
                    + criteria.map(\.key)
            ]
            for area in comparison.areas {
                for (index, entry) in area.entries.enumerated() {
                    rows.append(
                        [
                            area.name, area.groupedBy.rawValue, String(index + 1), entry.year.map(String.init) ?? "",
                            entry.period ?? "", entry.path, ScoreFormat.number(entry.score), entry.grade,
                            entry.change.map(ScoreFormat.number) ?? "",
                        ] + criteria.map { entry.value(for: $0).map(ScoreFormat.number) ?? "" })
                }
            }
        }
        return rows.map { $0.map(Self.field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// A field, quoted when it holds a comma, a quote or a line break (quotes doubled).
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
