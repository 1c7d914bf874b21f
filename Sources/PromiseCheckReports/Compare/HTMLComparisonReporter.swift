import PromiseCheck

/// The comparison as one self-contained HTML page: inline CSS and inline SVG, no script, nothing
/// fetched from the network, so it can be mailed or archived as a single file.
///
/// By area: a ranking table, a heat map (areas × criteria, each cell's background by its score
/// and the number printed in it, so colour is never the only signal) and a bar chart per
/// category. By period: an overview of each area's change, then per area its promises, a trend
/// chart and a heat map of its promises × criteria with the change from first to latest.
public struct HTMLComparisonReporter: ComparisonReporter {
    public init() {}

    public func render(_ comparison: Comparison, options: ComparisonOptions) -> String {
        let title =
            options.view == .area ? "Promises compared by area" : "Promises compared over time"
        var body: [String] = []
        body.append("<h1>\(escape(title))</h1>")
        body.append(
            "<p class=\"meta\">\(escape(ComparisonFormatting.summary(comparison))) · \(escape(comparison.pack.title))</p>"
        )
        if comparison.areas.isEmpty {
            body.append("<p>No promises to compare.</p>")
        } else {
            switch options.view {
            case .area: body += byArea(comparison, options)
            case .period: body += byPeriod(comparison, options)
            }
        }
        if !comparison.notCompared.isEmpty {
            body.append("<section>")
            body.append("<h2>Not compared</h2>")
            body.append("<ul class=\"not-compared\">")
            for file in comparison.notCompared {
                body.append("<li><code>\(escape(file.path))</code>: \(escape(file.reason))</li>")
            }
            body.append("</ul>")
            body.append("</section>")
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) · \(escape(comparison.pack.name))</title>
            <link rel="icon" href="data:,">
            <style>
            \(Self.style)
            </style>
            </head>
            <body>
            <main>
            \(body.joined(separator: "\n"))
            </main>
            <footer>promisecheck \(escape(comparison.toolVersion)) · pack \(escape(comparison.pack.name)) \(escape(comparison.pack.version))</footer>
            </body>
            </html>

            """
    }

    // MARK: By area

    private func byArea(_ comparison: Comparison, _ options: ComparisonOptions) -> [String] {
        var html: [String] = []
        html.append("<section>")
        html.append("<h2>Ranking</h2>")
        html.append("<p class=\"note\">Areas are ranked by the score of their latest promise.</p>")
        html.append("<div class=\"scroll\"><table class=\"ranking\">")
        html.append(
            "<thead><tr><th class=\"num\">Rank</th><th>Area</th><th class=\"num\">Promises</th><th>Latest period</th><th class=\"num\">Score</th><th>Grade</th></tr></thead>"
        )
        html.append("<tbody>")
        for area in comparison.areas {
            let latest = area.latest
            html.append(
                "<tr><td class=\"num\">\(area.rank)</td><th scope=\"row\">\(areaCell(area))</th><td class=\"num\">\(area.entries.count)</td><td class=\"period\">\(escape(latest.period ?? "–"))</td>\(heatCell(latest.score, title: "\(area.name): score"))<td>\(escape(latest.grade))</td></tr>"
            )
        }
        html.append("</tbody></table></div>")
        html.append("</section>")

        html.append("<section>")
        html.append("<h2>Scores by category</h2>")
        html.append("<p class=\"note\">The latest promise of each area; scores are 0–100.</p>")
        html.append(legend())
        html += areaHeatMap(comparison, criteria: comparison.categories, withScore: true)
        html.append("</section>")
        if options.includeRules {
            html.append("<section>")
            html.append("<h2>Rules</h2>")
            html.append(
                "<p class=\"note\">The share of each rule the latest promise meets, in %. Hover a rule id for its title.</p>"
            )
            html += areaHeatMap(comparison, criteria: comparison.rules, withScore: false)
            html.append("</section>")
        }

        html.append("<section>")
        html.append("<h2>Charts</h2>")
        html.append("<div class=\"charts\">")
        // The overall score first (no category key), then each category.
        let charts = [(key: String?.none, title: "Score")] + comparison.categories.map { ($0.key, $0.title) }
        for (index, chart) in charts.enumerated() {
            let items = comparison.areas.map { area -> (label: String, value: Double?) in
                (chartLabel(area), chart.key.map { area.latest.categoryScores[$0] } ?? area.latest.score)
            }
            html.append("<figure>")
            html.append("<figcaption>\(escape(chart.title))</figcaption>")
            html.append(
                ComparisonChart.bars(id: "chart-\(index + 1)", title: "\(chart.title): score by area", items: items))
            html.append("</figure>")
        }
        html.append("</div>")
        html.append("</section>")
        return html
    }

    /// Areas × criteria, each cell coloured by its value with the value printed in it.
    private func areaHeatMap(_ comparison: Comparison, criteria: [Comparison.Criterion], withScore: Bool) -> [String] {
        var html: [String] = []
        html.append("<div class=\"scroll\"><table class=\"heat\(withScore ? "" : " rules")\">")
        html.append(
            "<thead><tr><th>Area</th>" + (withScore ? "<th class=\"criterion\" scope=\"col\">Score</th>" : "")
                + criteria.map(criterionHeader).joined() + "</tr></thead>")
        html.append("<tbody>")
        for area in comparison.areas {
            let latest = area.latest
            var row = "<tr><th scope=\"row\">\(areaCell(area))</th>"
            if withScore { row += heatCell(latest.score, title: "\(area.name): score") }
            for criterion in criteria {
                row += heatCell(latest.value(for: criterion), title: "\(area.name): \(criterion.title)")
            }
            html.append(row + "</tr>")
        }
        html.append("</tbody></table></div>")
        return html
    }

    // MARK: By period

    private func byPeriod(_ comparison: Comparison, _ options: ComparisonOptions) -> [String] {
        var html: [String] = []
        html.append("<section>")
        html.append("<h2>Overview</h2>")
        html.append("<div class=\"scroll\"><table class=\"overview\">")
        html.append(
            "<thead><tr><th>Area</th><th class=\"num\">Promises</th><th class=\"num\">First</th><th class=\"num\">Latest</th><th class=\"num\">First score</th><th class=\"num\">Latest score</th><th class=\"num\">Change</th></tr></thead>"
        )
        html.append("<tbody>")
        for (index, area) in comparison.areas.enumerated() {
            html.append(
                "<tr><th scope=\"row\"><a href=\"#area-\(index + 1)\">\(areaCell(area))</a></th><td class=\"num\">\(area.entries.count)</td><td class=\"num\">\(ComparisonFormatting.year(area.first.year))</td><td class=\"num\">\(ComparisonFormatting.year(area.latest.year))</td>\(heatCell(area.first.score, title: "\(area.name): first score"))\(heatCell(area.latest.score, title: "\(area.name): latest score"))\(changeCell(area.scoreChange))</tr>"
            )
        }
        html.append("</tbody></table></div>")
        html.append(legend())
        html.append("</section>")

        for (index, area) in comparison.areas.enumerated() {
            html.append("<section class=\"area\" id=\"area-\(index + 1)\">")
            html.append("<h2>\(areaCell(area))</h2>")
            var summary = ComparisonFormatting.count(area.entries.count, "promise")
            if let change = area.scoreChange {
                summary +=
                    "; score \(ComparisonFormatting.year(area.first.year)) → \(ComparisonFormatting.year(area.latest.year)): \(ComparisonFormatting.signed(change))"
            }
            html.append("<p class=\"note\">\(escape(summary)).</p>")
            html.append("<div class=\"scroll\"><table class=\"promises\">")
            html.append(
                "<thead><tr><th class=\"num\">Year</th><th>Period</th><th class=\"num\">Score</th><th>Grade</th><th class=\"num\">Change</th><th>File</th></tr></thead>"
            )
            html.append("<tbody>")
            for entry in area.entries {
                html.append(
                    "<tr><td class=\"num\">\(ComparisonFormatting.year(entry.year))</td><td class=\"period\">\(escape(entry.period ?? "–"))</td>\(heatCell(entry.score, title: "\(ComparisonFormatting.year(entry.year)): score"))<td>\(escape(entry.grade))</td>\(changeCell(entry.change))<td><code>\(escape(entry.path))</code></td></tr>"
                )
            }
            html.append("</tbody></table></div>")

            let points = area.entries.compactMap { entry in entry.year.map { (year: $0, score: entry.score) } }
            if points.count >= 2 {
                html.append("<figure class=\"trend\">")
                html.append("<figcaption>Score over time</figcaption>")
                html.append(
                    ComparisonChart.trend(
                        id: "trend-\(index + 1)", title: "\(area.name): score over time", points: points))
                html.append("</figure>")
            } else {
                html.append("<p class=\"note\">Only one promise with a known year: no trend to show yet.</p>")
            }

            html += periodHeatMap(area, criteria: comparison.categories, withScore: true)
            if options.includeRules {
                html.append("<p class=\"note\">The share of each rule met, in %. Hover a rule id for its title.</p>")
                html += periodHeatMap(area, criteria: comparison.rules, withScore: false)
            }
            html.append("</section>")
        }
        return html
    }

    /// An area's promises × criteria, each cell coloured by its value with the value printed in
    /// it, and a last row with the change from the first promise to the latest.
    private func periodHeatMap(_ area: Comparison.Area, criteria: [Comparison.Criterion], withScore: Bool) -> [String] {
        var html: [String] = []
        html.append("<div class=\"scroll\"><table class=\"heat\(withScore ? "" : " rules")\">")
        html.append(
            "<thead><tr><th>Year</th>" + (withScore ? "<th class=\"criterion\" scope=\"col\">Score</th>" : "")
                + criteria.map(criterionHeader).joined() + "</tr></thead>")
        html.append("<tbody>")
        for entry in area.entries {
            let year = ComparisonFormatting.year(entry.year)
            var row = "<tr><th scope=\"row\">\(year)</th>"
            if withScore { row += heatCell(entry.score, title: "\(year): score") }
            for criterion in criteria {
                row += heatCell(entry.value(for: criterion), title: "\(year): \(criterion.title)")
            }
            html.append(row + "</tr>")
        }
        if area.hasChange {
            var row =
                "<tr class=\"change\"><th scope=\"row\">Change<br><span class=\"range\">\(ComparisonFormatting.year(area.first.year))–\(ComparisonFormatting.year(area.latest.year))</span></th>"
            if withScore { row += changeCell(area.scoreChange) }
            for criterion in criteria { row += changeCell(area.change(for: criterion)) }
            html.append(row + "</tr>")
        }
        html.append("</tbody></table></div>")
        return html
    }

    // MARK: Pieces

    private func areaCell(_ area: Comparison.Area) -> String {
        area.groupedBy == .area
            ? escape(area.name) : "<code>\(escape(area.name))</code> <span class=\"muted\">(no area)</span>"
    }

    /// An area's name in a chart: a path-named group by its file name.
    private func chartLabel(_ area: Comparison.Area) -> String {
        guard area.groupedBy == .path else { return area.name }
        let name = area.name.split(separator: "/").last.map(String.init) ?? area.name
        return "\(name) (no area)"
    }

    private func criterionHeader(_ criterion: Comparison.Criterion) -> String {
        switch criterion.kind {
        case .category:
            "<th class=\"criterion\" scope=\"col\">\(escape(criterion.title))</th>"
        case .rule:
            "<th class=\"criterion rule\" scope=\"col\" title=\"\(MarkupEscaping.attribute(criterion.title))\"><code>\(escape(criterion.key))</code></th>"
        }
    }

    /// A cell coloured by its score, the score printed in it.
    private func heatCell(_ value: Double?, title: String) -> String {
        guard let value else {
            return "<td class=\"cell none\" title=\"\(MarkupEscaping.attribute(title + ": no score"))\">–</td>"
        }
        let number = ScoreFormat.number(value)
        return
            "<td class=\"cell\" style=\"background:\(HeatColor.background(value));color:\(HeatColor.text(value))\" title=\"\(MarkupEscaping.attribute(title + ": " + number))\">\(number)</td>"
    }

    /// A change with its sign and an arrow, so up and down read without colour.
    private func changeCell(_ change: Double?) -> String {
        guard let change else { return "<td class=\"num\"></td>" }
        let kind = change > 0 ? "up" : change < 0 ? "down" : "same"
        let arrow = change > 0 ? "▲ " : change < 0 ? "▼ " : ""
        return "<td class=\"num \(kind)\">\(arrow)\(escape(ComparisonFormatting.signed(change)))</td>"
    }

    /// The colour scale, with the numbers it stands for.
    private func legend() -> String {
        let swatches = stride(from: 0.0, through: 100, by: 25).map { score in
            "<span class=\"swatch\" style=\"background:\(HeatColor.background(score));color:\(HeatColor.text(score))\">\(ScoreFormat.number(score))</span>"
        }
        return "<p class=\"legend\" aria-hidden=\"true\">Colour scale: \(swatches.joined(separator: ""))</p>"
    }

    private func escape(_ text: String) -> String { MarkupEscaping.escape(text) }

    static let style = """
        :root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --head: #f6f8fa; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #fff; color: var(--ink);
          font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
        main { max-width: 1100px; margin: 0 auto; padding: 24px; }
        h1 { font-size: 1.6rem; margin: 0 0 4px; }
        h2 { font-size: 1.25rem; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
        .meta, .note, .muted, footer { color: var(--muted); }
        .note { margin: 4px 0 10px; }
        table { border-collapse: collapse; margin: 8px 0 16px; }
        th, td { border: 1px solid var(--line); padding: 6px 10px; text-align: left; vertical-align: middle; }
        thead th { background: var(--head); font-weight: 600; vertical-align: bottom; }
        tbody th { font-weight: 600; white-space: nowrap; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.period { white-space: nowrap; }
        .scroll { overflow-x: auto; max-width: 100%; }
        .heat th.criterion { font-size: 0.85rem; min-width: 6em; max-width: 10em; text-align: center; vertical-align: bottom; }
        .heat th.rule { writing-mode: vertical-rl; transform: rotate(180deg); min-width: 0; max-width: none;
          white-space: nowrap; text-align: left; vertical-align: bottom; padding: 8px 4px; }
        td.cell { text-align: center; font-variant-numeric: tabular-nums; font-weight: 600; min-width: 3.6em; }
        .heat td.cell { padding: 6px 8px; }
        .heat.rules td.cell { min-width: 2.8em; padding: 6px 4px; font-size: 0.9em; }
        .heat.rules tr.change td { padding: 6px 3px; font-size: 0.8em; }
        tr.change .range { font-weight: normal; font-size: 0.85em; color: var(--muted); }
        td.none { background: #f0f0f0; color: var(--muted); font-weight: normal; }
        tr.change th, tr.change td { border-top: 2px solid var(--ink); }
        td.up { color: #1a5e20; } td.down { color: #a4161a; } td.same { color: var(--muted); }
        .legend { font-size: 0.85rem; color: var(--muted); }
        .swatch { display: inline-block; min-width: 3em; padding: 1px 6px; margin-left: 2px; text-align: center;
          font-weight: 600; border-radius: 3px; border: 1px solid rgba(0, 0, 0, 0.15); }
        .charts { display: flex; flex-wrap: wrap; gap: 16px; }
        figure { margin: 8px 0 16px; padding: 12px; border: 1px solid var(--line); border-radius: 6px; max-width: 100%;
          width: fit-content; overflow-x: auto; }
        figcaption { font-weight: 600; margin-bottom: 6px; }
        svg.chart { display: block; max-width: 100%; height: auto; }
        svg.bar-chart { min-width: 360px; }
        svg.line-chart { min-width: 520px; }
        svg.chart text { font-family: inherit; font-size: 12px; fill: #1f2328; }
        svg.chart .tick, svg.chart .axis-title { fill: #59636e; }
        svg.chart .none { fill: #59636e; font-style: italic; }
        svg.chart .grid { stroke: #e3e7eb; stroke-width: 1; }
        svg.chart .axis { stroke: #59636e; stroke-width: 1; }
        svg.chart .bar { stroke: rgba(0, 0, 0, 0.45); stroke-width: 1; }
        svg.chart .trend { fill: none; stroke: #2c5d8f; stroke-width: 2.5; }
        svg.chart .point { stroke: #1f2328; stroke-width: 1.5; }
        svg.chart .value { font-weight: 600; }
        code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
        footer { max-width: 1100px; margin: 0 auto; padding: 8px 24px 32px; font-size: 0.85rem; }
        """
}
