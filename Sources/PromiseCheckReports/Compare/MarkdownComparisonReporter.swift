import PromiseCheck

/// The comparison as Markdown tables, for a wiki page, a pull request or a step summary.
///
/// By area: one ranked table with a column per category (and rule). By period: per area a
/// table of its promises with the change from the previous one, and a table of each
/// category's change from the first promise to the latest.
public struct MarkdownComparisonReporter: ComparisonReporter {
    public init() {}

    public func render(_ comparison: Comparison, options: ComparisonOptions) -> String {
        var lines: [String]
        switch options.view {
        case .area: lines = byArea(comparison, options)
        case .period: lines = byPeriod(comparison, options)
        }
        if !comparison.notCompared.isEmpty {
            lines += ["", "## Not compared", ""]
            for file in comparison.notCompared {
                lines.append("- `\(Self.code(file.path))`: \(Self.escape(file.reason))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func heading(_ title: String, _ comparison: Comparison) -> [String] {
        [
            "# \(title)", "",
            "\(ComparisonFormatting.summary(comparison)) (\(Self.escape(comparison.pack.title)))",
        ]
    }

    private func byArea(_ comparison: Comparison, _ options: ComparisonOptions) -> [String] {
        var lines = heading("Promises compared by area", comparison)
        guard !comparison.areas.isEmpty else { return lines + ["", "No promises to compare."] }
        let criteria = comparison.criteria(includingRules: options.includeRules)
        let header =
            ["Rank", "Area", "Promises", "Latest", "Score", "Grade"]
            + criteria.map { $0.kind == .category ? Self.escape($0.title) : "`\(Self.code($0.key))`" }
        lines += [
            "", Self.row(header),
            Self.row(["---:", "---", "---:", "---:", "---:", "---"] + criteria.map { _ in "---:" }),
        ]
        for area in comparison.areas {
            let latest = area.latest
            lines.append(
                Self.row(
                    [
                        String(area.rank), Self.escape(ComparisonFormatting.areaLabel(area)),
                        String(area.entries.count), ComparisonFormatting.year(latest.year),
                        "**\(ScoreFormat.number(latest.score))**", latest.grade,
                    ] + criteria.map { ComparisonFormatting.cell(latest.value(for: $0)) }))
        }
        lines.append("")
        lines.append(
            "Areas are ranked by the score of their latest promise. Category scores are 0–100"
                + (options.includeRules ? "; rule columns are the share of each rule the promise meets, in %." : "."))
        return lines
    }

    private func byPeriod(_ comparison: Comparison, _ options: ComparisonOptions) -> [String] {
        var lines = heading("Promises compared over time", comparison)
        guard !comparison.areas.isEmpty else { return lines + ["", "No promises to compare."] }
        for area in comparison.areas {
            lines += ["", "## \(Self.escape(ComparisonFormatting.areaLabel(area)))", ""]
            var summary = ComparisonFormatting.count(area.entries.count, "promise")
            if let change = area.scoreChange {
                summary +=
                    "; score \(ComparisonFormatting.year(area.first.year)) → \(ComparisonFormatting.year(area.latest.year)): **\(ComparisonFormatting.signed(change))**"
            }
            lines += [summary + ".", ""]
            lines.append(Self.row(["Year", "Period", "Score", "Grade", "Change", "File"]))
            lines.append(Self.row(["---:", "---", "---:", "---", "---:", "---"]))
            for entry in area.entries {
                lines.append(
                    Self.row([
                        ComparisonFormatting.year(entry.year), Self.escape(entry.period ?? "–"),
                        ScoreFormat.number(entry.score), entry.grade, ComparisonFormatting.signed(entry.change),
                        "`\(Self.code(entry.path))`",
                    ]))
            }
            guard area.hasChange else { continue }
            let first = ComparisonFormatting.year(area.first.year)
            let latest = ComparisonFormatting.year(area.latest.year)
            lines += ["", Self.row([options.includeRules ? "Criterion" : "Category", first, latest, "Change"])]
            lines.append(Self.row(["---", "---:", "---:", "---:"]))
            for criterion in comparison.criteria(includingRules: options.includeRules) {
                lines.append(
                    Self.row([
                        criterion.kind == .category ? Self.escape(criterion.title) : "`\(Self.code(criterion.key))`",
                        ComparisonFormatting.cell(area.first.value(for: criterion)),
                        ComparisonFormatting.cell(area.latest.value(for: criterion)),
                        ComparisonFormatting.signed(area.change(for: criterion)),
                    ]))
            }
        }
        return lines
    }

    private static func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    /// Text in a table cell or a paragraph: Markdown's active characters escaped, lines joined.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#": result += "\\\(character)"
            case "\n", "\r", "\r\n": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    /// Text inside backticks: a backtick cannot be escaped there, so it becomes a prime; a pipe
    /// still ends a table cell, so it is escaped.
    static func code(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "`": result += "′"
            case "|": result += "\\|"
            case "\n", "\r", "\r\n": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
