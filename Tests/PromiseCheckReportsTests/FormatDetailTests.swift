import Foundation
import FoundationXML
import PromiseCheck
import PromiseCheckReports
import Testing

/// What the golden files show only by example: escaping, structure and colour rules.
@Suite("format details")
struct FormatDetailTests {
    @Test(
        "MarkupEscaping escapes markup, keeps text, and replaces what XML cannot carry",
        arguments: [
            ("a<b>&\"c\"'d'", "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;"), ("Sjövik 🚲", "Sjövik 🚲"),
            ("rad\nrad\tflik", "rad\nrad\tflik"),
            ("\u{1}\u{1B}\u{7F}\u{85}\u{FFFE}", "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
            ("cr\r", "cr&#13;"), ("&amp;", "&amp;amp;"),
        ] as [(String, String)])
    func markupEscaping(input: String, expected: String) {
        #expect(MarkupEscaping.escape(input) == expected)
    }

    @Test("in attributes, line breaks and tabs are character references")
    func markupAttribute() {
        #expect(MarkupEscaping.attribute("a\nb\tc\r\"") == "a&#10;b&#9;c&#13;&quot;")
    }

    @Test("GitHub command values: % CR LF in data; also : and , in properties")
    func githubEscaping() {
        #expect(GitHubReporter.escapeData("100%\r\nok: a,b") == "100%25%0D%0Aok: a,b")
        #expect(GitHubReporter.escapeProperty("a,b:c 100%\n") == "a%2Cb%3Ac 100%25%0A")
        #expect(GitHubReporter.escapeData("%0A") == "%250A", "an escape in the input stays literal")
    }

    @Test("every GitHub command is one line with one '::' separator after its properties")
    func githubLines() {
        let output = GitHubReporter().render(SampleReports.hostile, policy: FailPolicy())
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 5)
        for line in lines {
            #expect(line.hasPrefix("::error ") || line.hasPrefix("::warning ") || line.hasPrefix("::notice"))
            let afterName = line.dropFirst(2).drop { $0 != ":" }
            #expect(afterName.hasPrefix("::"), "\(line)")
            #expect(!line.contains("\r"))
        }
        #expect(lines.last?.hasPrefix("::notice::promisecheck: 2 files checked") == true)
        #expect(
            lines.contains(
                "::error file=promises/a%2Cb%3Ac 100%25|<x>&\"y\".yaml,line=1,col=1,title=regel%2C med%3A komma"
                    + "::100%25 fel:%0Arad två, \"citat\" | <b>&amp;</b> `kod`%0Ahint: tips: %250A är ingen "
                    + "radbrytning,%0D%0Amen detta är det"))
    }

    /// RFC 4180 records, parsed strictly.
    static func parseCSV(_ text: String) -> [[String]]? {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\"" where field.isEmpty:
                while true {
                    guard let next = scalars.popFirst() else { return nil }
                    if next == "\"" {
                        if scalars.first == "\"" {
                            scalars.removeFirst()
                            field.unicodeScalars.append("\"")
                        } else {
                            break
                        }
                    } else {
                        field.unicodeScalars.append(next)
                    }
                }
                guard let after = scalars.first, after == "," || after == "\r" else { return nil }
            case ",":
                record.append(field)
                field = ""
            case "\r":
                guard scalars.popFirst() == "\n" else { return nil }
                record.append(field)
                records.append(record)
                record = []
                field = ""
            case "\"", "\n":
                return nil
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        return record.isEmpty && field.isEmpty ? records : nil
    }

    @Test("CSV: RFC 4180 with a fixed header, one row per rule, unreadable files with the error")
    func csv() throws {
        let text = CSVReporter().render(SampleReports.hostile, policy: FailPolicy())
        let records = try #require(Self.parseCSV(text))
        #expect(records.first == CSVReporter.header)
        #expect(records.allSatisfy { $0.count == CSVReporter.header.count })
        #expect(records.count == 4)
        #expect(records[1][0] == SampleReports.hostilePath)
        #expect(records[1][1] == "Å|ä, \"ö\"")
        #expect(records[1][5] == "regel, med: komma")
        #expect(records[1][11] == "1:1: 100% fel:\nrad två, \"citat\" | <b>&amp;</b> `kod`")
        #expect(records[3][0] == "trasig, fil.yaml")
        #expect(records[3][5...10].allSatisfy { $0.isEmpty })
        #expect(records[3][11] == "error: kan inte läsas: \"<&>\"\nrad två [input.unreadable]")

        let full = try #require(Self.parseCSV(CSVReporter().render(SampleReports.full, policy: FailPolicy())))
        #expect(
            Array(full.map { $0[0] }.dropFirst())
                == ["promises/saknas.yaml"] + Array(repeating: SampleReports.ekbyPath, count: 5) + [
                    "promises/trasig.yaml"
                ])
        #expect(full[2][5...10] == ["lagesbild", "innehall", "error", "3", "1", "true"])
        #expect(full[4][9] == "0.3333")
    }

    @Test("JUnit: well-formed XML whose counts add up", arguments: ["full", "hostile", "empty"])
    func junit(_ name: String) throws {
        let report = ["full": SampleReports.full, "hostile": SampleReports.hostile][name] ?? SampleReports.empty
        let text = JUnitReporter().render(report, policy: FailPolicy())
        let document = try XMLDocument(xmlString: text)
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        let suites = root.elements(forName: "testsuite")
        func number(_ element: XMLElement, _ name: String) -> Int {
            Int(element.attribute(forName: name)?.stringValue ?? "") ?? -1
        }
        for suite in suites {
            let cases = suite.elements(forName: "testcase")
            #expect(number(suite, "tests") == cases.count)
            #expect(number(suite, "failures") == cases.filter { !$0.elements(forName: "failure").isEmpty }.count)
            #expect(number(suite, "errors") == cases.filter { !$0.elements(forName: "error").isEmpty }.count)
            for testcase in cases {
                #expect(
                    testcase.attribute(forName: "classname")?.stringValue
                        == suite.attribute(forName: "name")?.stringValue)
            }
        }
        #expect(number(root, "tests") == suites.reduce(0) { $0 + number($1, "tests") })
        #expect(number(root, "failures") == suites.reduce(0) { $0 + number($1, "failures") })
        #expect(number(root, "errors") == suites.reduce(0) { $0 + number($1, "errors") })
    }

    @Test("JUnit: names and messages survive escaping")
    func junitRoundTrip() throws {
        let document = try XMLDocument(xmlString: JUnitReporter().render(SampleReports.hostile, policy: FailPolicy()))
        let suite = try #require(document.rootElement()?.elements(forName: "testsuite").first)
        #expect(suite.attribute(forName: "name")?.stringValue == SampleReports.hostilePath)
        let testcase = try #require(suite.elements(forName: "testcase").first)
        #expect(
            testcase.attribute(forName: "name")?.stringValue == "regel, med: komma: Titel | med <markup> & \"citat\"")
        let failure = try #require(testcase.elements(forName: "failure").first)
        #expect(
            failure.attribute(forName: "message")?.stringValue == "100% fel:\nrad två, \"citat\" | <b>&amp;</b> `kod`")
        #expect(failure.attribute(forName: "type")?.stringValue == "error")
    }

    @Test("SARIF: rules in pack order, results pointing at them, columns in code points, scores")
    func sarif() throws {
        let text = SARIFReporter().render(SampleReports.full, policy: FailPolicy())
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == SARIFReporter.schemaURI)
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let run = runs[0]
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "promisecheck")
        #expect(driver["informationUri"] == nil)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["lagesbild", "kallor", "tomma-ord", "platshallare", "rubrik"])
        #expect(rules.map { $0["name"] as? String } == ["Lagesbild", "Kallor", "TommaOrd", "Platshallare", "Rubrik"])
        #expect(rules[0]["helpUri"] as? String == "https://example.org/regler/lagesbild")
        #expect(rules[4]["helpUri"] == nil, "a relative link is not a helpUri")
        #expect((rules[0]["fullDescription"] as? [String: Any])?["text"] as? String != nil)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 4)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        #expect((invocation["toolExecutionNotifications"] as? [Any])?.count == 3)
        #expect((invocation["toolConfigurationNotifications"] as? [Any])?.count == 1)
        let properties = try #require(run["properties"] as? [String: Any])
        #expect((properties["scores"] as? [[String: Any]])?.first?["score"] as? Double == 61.9)
        #expect(properties["averageScore"] as? Double == 61.9)
    }

    @Test("SARIF URIs: relative paths stay relative, absolute ones become file URIs, both percent-encoded")
    func sarifURIs() {
        #expect(SARIFReporter.artifactURI("promises/ekby-2025.yaml") == "promises/ekby-2025.yaml")
        #expect(SARIFReporter.artifactURI("promises/sjövik 2025.yaml") == "promises/sj%C3%B6vik%202025.yaml")
        #expect(SARIFReporter.artifactURI("/tmp/a#b?.yaml") == "file:///tmp/a%23b%3F.yaml")
        #expect(SARIFReporter.artifactURI("c:d%.yaml") == "c%3Ad%25.yaml")
    }

    @Test("Markdown: table cells cannot be broken, markup is literal")
    func markdownEscaping() {
        #expect(MarkdownReporter.escape("a|b") == "a\\|b")
        #expect(
            MarkdownReporter.escape("*x* _y_ [l](u) <b> `c` \\") == "\\*x\\* \\_y\\_ \\[l\\](u) \\<b\\> \\`c\\` \\\\")
        #expect(MarkdownReporter.escape("rad\nrad") == "rad rad")
        let output = MarkdownReporter().render(SampleReports.hostile, policy: FailPolicy())
        for line in output.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.replacingOccurrences(of: "\\|", with: "").split(
                separator: "|", omittingEmptySubsequences: false)
            #expect(cells.count == 9 || cells.count == 6, "\(line)")
        }
    }

    @Test("HTML: everything escaped, no scripts, no requests, unsafe links not linked")
    func htmlSafety() {
        let html = HTMLReporter().render(SampleReports.hostile, policy: FailPolicy())
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("src="))
        #expect(!html.contains("url("))
        #expect(!html.contains("<link"))
        #expect(!html.contains("\u{1}"))
        #expect(html.contains("<mark class=\"error\">&lt;x&gt;</mark>"))
    }

    @Test("HTML: each finding is shown at its line, marked from its column in Unicode scalars")
    func htmlInPlace() {
        let html = HTMLReporter().render(SampleReports.readable, policy: FailPolicy())
        #expect(
            html.contains("<code>  - 🚲 <mark class=\"warning\">kontinuerligt</mark> cykelpatrull vid stationen</code>"))
        #expect(html.contains("<code><mark class=\"warning\">situation:</mark></code>"))
        #expect(html.contains("id=\"file-1-L20\""))
        // Both findings at 20:9; the warning's excerpt wins over the info on the same scalars.
        #expect(html.contains("<code>  when: <mark class=\"warning\">Verka för</mark> trygghet, TODO</code>"))
        let annotations = html.components(separatedBy: "<div class=\"annotation ").count - 1
        #expect(annotations == SampleReports.readable.evaluations[0].findings.count)
    }

    @Test("without source lines the HTML lists the findings but shows no text")
    func htmlWithoutSource() {
        var report = SampleReports.readable
        report.files[0].sourceLines = nil
        let html = HTMLReporter().render(report, policy: FailPolicy())
        #expect(!html.contains("Text with findings"))
        #expect(html.contains("line 12, column 1"))
    }

    @Test(
        "--color: files and NO_COLOR never, always on standard output, auto only on a terminal",
        arguments: [
            (ColorChoice.auto, true, true, [:], true), (.auto, true, false, [:], false),
            (.auto, false, true, [:], false), (.auto, true, true, ["NO_COLOR": ""], false),
            (.auto, true, true, ["NO_COLOR": "1"], false), (.auto, true, true, ["TERM": "dumb"], false),
            (.always, true, false, [:], true), (.always, false, true, [:], false),
            (.always, true, true, ["NO_COLOR": "yes"], false), (.never, true, true, [:], false),
        ] as [(ColorChoice, Bool, Bool, [String: String], Bool)])
    func colorChoice(
        choice: ColorChoice, toStandardOutput: Bool, isTerminal: Bool, environment: [String: String], colored: Bool
    ) {
        let style = choice.style(toStandardOutput: toStandardOutput, isTerminal: isTerminal, environment: environment)
        #expect(style.isColored == colored)
    }

    @Test("the real report has files, findings, rules with rationale and kept source lines")
    func realReportIsRich() throws {
        let report = RealReports.report
        #expect(report.evaluations.count >= 3)
        #expect(report.findingCount(.error) + report.findingCount(.warning) > 0)
        let pack = try #require(report.packs.first)
        #expect(!pack.rules.isEmpty)
        for file in report.files where file.evaluation != nil {
            let lines = try #require(file.sourceLines, "\(file.path)")
            let text = try String(contentsOfFile: file.path, encoding: .utf8)
            let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == (text.hasSuffix("\n") ? parts.count - 1 : parts.count), "\(file.path)")
        }
        #expect(report.files.last?.sourceLines == nil, "an unreadable file keeps no source")
    }
}
