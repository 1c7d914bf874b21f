import Foundation
import PromiseCheck
import Testing

@testable import PromiseCheckReports

/// Every comparison format, by area and by period, with and without rules, against golden files.
@Suite("comparison rendering")
struct CompareRenderingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var format: ComparisonFormat
        var options: ComparisonOptions

        var name: String { "compare-\(options.view.rawValue)\(options.includeRules ? "-rules" : "")" }

        var fileName: String {
            let ext =
                switch format {
                case .text: "txt"
                case .csv: "csv"
                case .json: "json"
                case .markdown: "md"
                case .html: "html"
                }
            return "\(name).\(ext)"
        }

        var testDescription: String { fileName }
    }

    /// JSON carries everything whatever the options, so it has no rules variant.
    static let cases: [Case] = ComparisonFormat.allCases.flatMap { format in
        ComparisonOptions.View.allCases.flatMap { view in
            (format == .json ? [false] : [false, true]).map {
                Case(format: format, options: ComparisonOptions(view: view, includeRules: $0))
            }
        }
    }

    @Test("golden files", arguments: cases)
    func golden(_ sample: Case) {
        GoldenFile.check(
            sample.format.reporter.render(SampleComparisons.full, options: sample.options), named: sample.fileName)
    }

    @Test("an empty comparison", arguments: ComparisonFormat.allCases)
    func empty(_ format: ComparisonFormat) {
        let sample = Case(format: format, options: ComparisonOptions())
        GoldenFile.check(
            format.reporter.render(SampleComparisons.empty, options: sample.options),
            named: "compare-empty." + sample.fileName.split(separator: ".").last!)
    }

    @Test("rendering is a pure function: the same comparison renders the same twice", arguments: cases)
    func pure(_ sample: Case) {
        let first = sample.format.reporter.render(SampleComparisons.full, options: sample.options)
        let second = sample.format.reporter.render(SampleComparisons.full, options: sample.options)
        #expect(first == second)
    }

    @Test("every format is reachable by name")
    func formatsByName() {
        #expect(ComparisonFormat.allCases.map(\.rawValue) == ["text", "csv", "json", "markdown", "html"])
        for format in ComparisonFormat.allCases { #expect(ComparisonFormat(rawValue: format.rawValue) == format) }
        #expect(ComparisonOptions.View.allCases.map(\.rawValue) == ["area", "period"])
    }

    @Test("text by area: the ranked table, exactly")
    func textByArea() {
        let text = TextComparisonReporter().render(SampleComparisons.full, options: ComparisonOptions(view: .area))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            Array(lines.prefix(8)) == [
                "Areas ranked by their latest promise: 4 areas, 6 promises · pack golden 1.2",
                "",
                "RANK  AREA                                 PROMISES  LATEST  SCORE  GRADE  innehall  sprak",
                "   1  Lövsta                                      3    2023   97.7  A           100   90.8",
                "   2  Ekby                                        1    2025   61.9  C            80   16.7",
                "   2  promises/utan-omrade.yaml (no area)         1       ?   61.9  C            75     20",
                "   4  Norr & Söder <Väst>                         1    2024     50  D             –     50",
                "",
            ])
    }

    @Test("text by period: Lövsta's three promises, the changes between them, and per category")
    func textByPeriod() {
        let text = TextComparisonReporter().render(SampleComparisons.full, options: ComparisonOptions(view: .period))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = lines.firstIndex { $0.hasPrefix("Lövsta") } ?? 0
        #expect(
            Array(lines[start..<min(lines.count, start + 10)]) == [
                "Lövsta: 3 promises, 2019 → 2023: score +59.1",
                "  YEAR  PERIOD                   SCORE  GRADE  CHANGE  FILE",
                "  2019  gäller under 2019         38.6  E              promises/lovsta-2019.yaml",
                "  2021  2021–2022                 87.6  B         +49  promises/lovsta-2021.yaml",
                "  2023  2023-09-01 – 2025-08-31   97.7  A       +10.1  promises/lovsta-2023.yaml",
                "",
                "  CATEGORY  2019  2023  CHANGE",
                "  Innehåll    25   100     +75",
                "  Språk      100  90.8    -9.2",
                "",
            ])
        #expect(
            text.hasSuffix(
                "Not compared (1 file):\n  promises/trasig.yaml: duplicate key 'title' (first defined at 2:1)\n"))
    }

    @Test("signed changes: a plus for a rise, a minus for a fall, ±0 for none")
    func signed() {
        #expect(ComparisonFormatting.signed(43.5) == "+43.5")
        #expect(ComparisonFormatting.signed(-9.2) == "-9.2")
        #expect(ComparisonFormatting.signed(49.0) == "+49")
        #expect(ComparisonFormatting.signed(0.0) == "±0")
        #expect(ComparisonFormatting.signed(nil) == "")
    }

    @Test("CSV: RFC 4180 rows with CRLF, the same number of fields in every row, quoted fields")
    func csv() throws {
        for view in ComparisonOptions.View.allCases {
            let csv = CSVComparisonReporter().render(
                SampleComparisons.full, options: ComparisonOptions(view: view, includeRules: true))
            #expect(csv.hasSuffix("\r\n"))
            #expect(!csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
            let rows = csv.components(separatedBy: "\r\n").dropLast().map(Self.parseCSVRow)
            let widths = Set(rows.map(\.count))
            #expect(widths.count == 1, "\(view): rows of different widths \(widths)")
            let norr = try #require(rows.first { $0.contains("Norr & Söder <Väst>") })
            #expect(norr.contains("gäller \"2024\", med revidering"))
        }
        let byPeriod = CSVComparisonReporter().render(SampleComparisons.full, options: ComparisonOptions(view: .period))
        #expect(
            byPeriod.components(separatedBy: "\r\n").prefix(5) == [
                "area,grouped_by,position,year,period,path,score,grade,change,innehall,sprak",
                "Lövsta,area,1,2019,gäller under 2019,promises/lovsta-2019.yaml,38.6,E,,25,100",
                "Lövsta,area,2,2021,2021–2022,promises/lovsta-2021.yaml,87.6,B,49,90,80.4",
                "Lövsta,area,3,2023,2023-09-01 – 2025-08-31,promises/lovsta-2023.yaml,97.7,A,10.1,100,90.8",
                "Ekby,area,1,2025,2025-01-01 – 2025-12-31,promises/ekby-2025.yaml,61.9,C,,80,16.7",
            ])
    }

    /// Splits one CSV record into fields, undoing RFC 4180 quoting.
    static func parseCSVRow(_ row: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(row)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }

    @Test("JSON: version 1, sorted keys, every area with its promises and changes")
    func json() throws {
        let text = JSONComparisonReporter().render(SampleComparisons.full, options: ComparisonOptions(view: .period))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect(JSONComparisonReporter.formatVersion == 1)
        #expect(object["by"] as? String == "period")
        let areas = try #require(object["areas"] as? [[String: Any]])
        #expect(
            areas.map { $0["name"] as? String } == [
                "Lövsta", "Ekby", "promises/utan-omrade.yaml", "Norr & Söder <Väst>",
            ])
        #expect(areas.map { $0["rank"] as? Int } == [1, 2, 2, 4])
        #expect(areas.map { $0["grouped_by"] as? String } == ["area", "area", "path", "area"])
        let lovsta = areas[0]
        let promises = try #require(lovsta["promises"] as? [[String: Any]])
        #expect(promises.map { $0["year"] as? Int } == [2019, 2021, 2023])
        #expect(promises.map { $0["change"] as? Double } == [nil, 49, 10.1])
        let change = try #require(lovsta["change"] as? [String: Any])
        #expect(change["score"] as? Double == 59.1)
        #expect(change["categories"] as? [String: Double] == ["innehall": 75, "sprak": -9.2])
        #expect(change["rules"] as? [String: Double] == ["lagesbild": 75, "tomma-ord": -9.2])
        #expect(areas[1]["change"] == nil, "one promise has no change")
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["areas": 4, "promises": 6, "not_compared": 1])
    }

    @Test("HTML: one self-contained page, no script, nothing fetched")
    func htmlSelfContained() {
        for options in [ComparisonOptions(view: .area, includeRules: true), ComparisonOptions(view: .period)] {
            let html = HTMLComparisonReporter().render(SampleComparisons.full, options: options)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
            #expect(html.hasSuffix("</html>\n"))
            #expect(!html.contains("<script"))
            let external = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
            #expect(!external.contains("http://") && !external.contains("https://"))
            #expect(html.contains("<style>"))
            #expect(html.contains("Norr &amp; Söder &lt;Väst&gt;"))
            #expect(!html.contains("Norr & Söder"))
        }
    }

    @Test("HTML by area: a heat map whose every cell prints its number, and a bar chart per category")
    func htmlByArea() throws {
        let html = HTMLComparisonReporter().render(SampleComparisons.full, options: ComparisonOptions(view: .area))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 3, "the score and two categories")
        #expect(html.contains("<figcaption>Innehåll</figcaption>"))
        #expect(html.contains("<figcaption>Språk</figcaption>"))
        // Every coloured cell shows its value: the text between the tags is the number.
        let cells = html.components(separatedBy: "<td class=\"cell\" style=\"").dropFirst()
        #expect(
            cells.count == 4 + 4 * 3 - 1,
            "the ranking's scores, the heat map's scores and categories, less the one without a score")
        for cell in cells {
            let content = cell.components(separatedBy: "\">").dropFirst().first?.components(separatedBy: "</td>")
                .first
            #expect(content.flatMap(Double.init) != nil, "a coloured cell without its number: \(cell.prefix(120))")
        }
        #expect(
            html.contains("<td class=\"cell none\" title=\"Norr &amp; Söder &lt;Väst&gt;: Innehåll: no score\">–</td>"))
        #expect(html.contains("<code>promises/utan-omrade.yaml</code> <span class=\"muted\">(no area)</span>"))
    }

    @Test("HTML by period: a trend chart only for an area with two dated promises")
    func htmlByPeriod() {
        let html = HTMLComparisonReporter().render(SampleComparisons.full, options: ComparisonOptions(view: .period))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 1)
        #expect(html.contains("aria-labelledby=\"trend-1-title\""))
        #expect(html.contains("<title id=\"trend-1-title\">Lövsta: score over time</title>"))
        #expect(html.components(separatedBy: "no trend to show yet").count - 1 == 3)
        #expect(html.contains("<td class=\"num down\">▼ -9.2</td>"))
        #expect(html.contains("<td class=\"num up\">▲ +59.1</td>"))
    }

    @Test("heat colours: the scale's ends and middle, with contrasting text")
    func heatColours() {
        #expect(HeatColor.background(0) == "#d73027")
        #expect(HeatColor.background(50) == "#ffffbf")
        #expect(HeatColor.background(100) == "#4575b4")
        #expect(HeatColor.background(-5) == "#d73027")
        #expect(HeatColor.background(140) == "#4575b4")
        #expect(HeatColor.text(0) == "#fff")
        #expect(HeatColor.text(50) == "#111")
        #expect(HeatColor.text(100) == "#fff")
    }

    @Test("chart labels too long for the label column are cut with an ellipsis")
    func truncation() {
        #expect(ComparisonChart.truncated("Lövsta", toWidth: 100) == "Lövsta")
        #expect(ComparisonChart.truncated("Stockholm Bromma Västerort", toWidth: 70) == "Stockholm…")
    }
}
