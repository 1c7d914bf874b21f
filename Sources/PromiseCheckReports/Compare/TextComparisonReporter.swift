import PromiseCheck

/// The comparison for people, on a terminal: aligned tables.
///
/// By area: one row per area, ranked, with the latest promise's score, grade and a column per
/// category (and rule), then a legend of the column keys. By period: per area, its promises in
/// order with the change from the previous one, then each category's change from the first
/// promise to the latest.
public struct TextComparisonReporter: ComparisonReporter {
    public init() {}

    public func render(_ comparison: Comparison, options: ComparisonOptions) -> String {
        var lines: [String]
        switch options.view {
        case .area: lines = byArea(comparison, options)
        case .period: lines = byPeriod(comparison, options)
        }
        if !comparison.notCompared.isEmpty {
            lines.append("")
            lines.append("Not compared (\(ComparisonFormatting.count(comparison.notCompared.count, "file"))):")
            for file in comparison.notCompared { lines.append("  \(file.path): \(file.reason)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func byArea(_ comparison: Comparison, _ options: ComparisonOptions) -> [String] {
        var lines = ["Areas ranked by their latest promise: \(ComparisonFormatting.summary(comparison))"]
        guard !comparison.areas.isEmpty else { return lines + ["", "No promises to compare."] }
        let criteria = comparison.criteria(includingRules: options.includeRules)
        var table = TextTable(
            header: ["RANK", "AREA", "PROMISES", "LATEST", "SCORE", "GRADE"] + criteria.map(\.key),
            rightAligned: [0, 2, 3, 4] + criteria.indices.map { $0 + 6 })
        for area in comparison.areas {
            let latest = area.latest
            table.rows.append(
                [
                    String(area.rank), ComparisonFormatting.areaLabel(area), String(area.entries.count),
                    ComparisonFormatting.year(latest.year), ScoreFormat.number(latest.score), latest.grade,
                ] + criteria.map { ComparisonFormatting.cell(latest.value(for: $0)) })
        }
        lines += [""] + table.render()
        lines.append("")
        let width = comparison.categories.map(\.key.count).max() ?? 0
        lines.append("Category scores are 0–100:")
        for category in comparison.categories {
            lines.append(
                "  " + category.key.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + category.title)
        }
        if options.includeRules {
            lines.append("Rule columns are the share of the rule each promise meets, in %.")
        }
        return lines
    }

    private func byPeriod(_ comparison: Comparison, _ options: ComparisonOptions) -> [String] {
        var lines = ["Each area over time: \(ComparisonFormatting.summary(comparison))"]
        guard !comparison.areas.isEmpty else { return lines + ["", "No promises to compare."] }
        for area in comparison.areas {
            lines.append("")
            var heading =
                "\(ComparisonFormatting.areaLabel(area)): \(ComparisonFormatting.count(area.entries.count, "promise"))"
            if let change = area.scoreChange {
                heading +=
                    ", \(ComparisonFormatting.year(area.first.year)) → \(ComparisonFormatting.year(area.latest.year)): score \(ComparisonFormatting.signed(change))"
            }
            lines.append(heading)
            var promises = TextTable(
                header: ["YEAR", "PERIOD", "SCORE", "GRADE", "CHANGE", "FILE"], rightAligned: [2, 4])
            for entry in area.entries {
                promises.rows.append([
                    ComparisonFormatting.year(entry.year), entry.period ?? "–", ScoreFormat.number(entry.score),
                    entry.grade, ComparisonFormatting.signed(entry.change), entry.path,
                ])
            }
            lines += promises.render().map { "  " + $0 }
            guard area.hasChange else { continue }
            let first = ComparisonFormatting.year(area.first.year)
            let latest = ComparisonFormatting.year(area.latest.year)
            var changes = TextTable(
                header: [options.includeRules ? "CRITERION" : "CATEGORY", first, latest, "CHANGE"],
                rightAligned: [1, 2, 3])
            for criterion in comparison.criteria(includingRules: options.includeRules) {
                changes.rows.append([
                    criterion.kind == .category ? criterion.title : criterion.key,
                    ComparisonFormatting.cell(area.first.value(for: criterion)),
                    ComparisonFormatting.cell(area.latest.value(for: criterion)),
                    ComparisonFormatting.signed(area.change(for: criterion)),
                ])
            }
            lines.append("")
            lines += changes.render().map { "  " + $0 }
        }
        return lines
    }
}

/// Columns separated by two spaces, each as wide as its widest cell; trailing spaces trimmed.
struct TextTable {
    var header: [String]
    /// Indexes of the columns aligned right (numbers).
    var rightAligned: Set<Int>
    var rows: [[String]] = []

    init(header: [String], rightAligned: [Int]) {
        self.header = header
        self.rightAligned = Set(rightAligned)
    }

    func render() -> [String] {
        let all = [header] + rows
        var widths = [Int](repeating: 0, count: header.count)
        for row in all {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        return all.map { row in
            let cells = row.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: max(0, widths[index] - cell.count))
                return rightAligned.contains(index) ? padding + cell : cell + padding
            }
            var line = cells.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
