import Foundation
import PromiseCheck
import PromiseCheckReports
import Testing

/// Every format, rendered from hand-made reports under several policies, against golden files.
@Suite("reporter golden files")
struct ReporterGoldenTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var report: @Sendable () -> Report
        var policy: FailPolicy
        var explain = false

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "full", report: { SampleReports.full }, policy: FailPolicy()),
        Case(name: "readable-default", report: { SampleReports.readable }, policy: FailPolicy()),
        Case(
            name: "readable-strict", report: { SampleReports.readable },
            policy: FailPolicy(failOn: .warning, minScore: 80)),
        Case(name: "readable-never", report: { SampleReports.readable }, policy: FailPolicy(failOn: nil)),
        Case(name: "empty", report: { SampleReports.empty }, policy: FailPolicy(minScore: 50)),
        Case(name: "suppressed", report: { SampleReports.suppressed }, policy: Self.averagePolicy),
    ]

    /// Fails on warnings and on an average below 70, set in a configuration file.
    static let averagePolicy: FailPolicy = {
        var policy = FailPolicy(failOn: .warning, minAverage: 70)
        policy.sources.minAverage = "min_average in .promisecheck.yaml:9"
        return policy
    }()

    /// The cases every format is recorded for: the shared ones and names and messages with
    /// every character some format has to escape.
    static let formatCases =
        cases + [Case(name: "hostile", report: { SampleReports.hostile }, policy: FailPolicy(failOn: .info))]

    /// `--explain` only changes the text format.
    static let explainCases: [Case] = [
        Case(name: "full-explain", report: { SampleReports.full }, policy: FailPolicy(), explain: true),
        Case(
            name: "readable-explain", report: { SampleReports.readable }, policy: FailPolicy(failOn: .warning),
            explain: true),
    ]

    @Test("text", arguments: cases + explainCases)
    func text(_ sample: Case) {
        let reporter = TextReporter(explain: sample.explain)
        GoldenFile.check(reporter.render(sample.report(), policy: sample.policy), named: "text-\(sample.name).txt")
    }

    @Test("JSON", arguments: cases)
    func json(_ sample: Case) {
        GoldenFile.check(
            JSONReporter().render(sample.report(), policy: sample.policy), named: "json-\(sample.name).json")
    }

    @Test("SARIF", arguments: formatCases)
    func sarif(_ sample: Case) {
        GoldenFile.check(
            SARIFReporter().render(sample.report(), policy: sample.policy), named: "sarif-\(sample.name).sarif")
    }

    @Test("JUnit", arguments: formatCases)
    func junit(_ sample: Case) {
        GoldenFile.check(
            JUnitReporter().render(sample.report(), policy: sample.policy), named: "junit-\(sample.name).xml")
    }

    @Test("GitHub workflow commands", arguments: formatCases)
    func github(_ sample: Case) {
        GoldenFile.check(
            GitHubReporter().render(sample.report(), policy: sample.policy), named: "github-\(sample.name).txt")
    }

    @Test("Markdown", arguments: formatCases)
    func markdown(_ sample: Case) {
        GoldenFile.check(
            MarkdownReporter().render(sample.report(), policy: sample.policy), named: "markdown-\(sample.name).md")
    }

    @Test("CSV", arguments: formatCases)
    func csv(_ sample: Case) {
        GoldenFile.check(CSVReporter().render(sample.report(), policy: sample.policy), named: "csv-\(sample.name).csv")
    }

    @Test("HTML", arguments: formatCases)
    func html(_ sample: Case) {
        GoldenFile.check(
            HTMLReporter().render(sample.report(), policy: sample.policy), named: "html-\(sample.name).html")
    }

    @Test("text and JSON of names that need escaping")
    func hostileTextAndJSON() {
        let policy = FailPolicy(failOn: .info)
        GoldenFile.check(TextReporter().render(SampleReports.hostile, policy: policy), named: "text-hostile.txt")
        GoldenFile.check(JSONReporter().render(SampleReports.hostile, policy: policy), named: "json-hostile.json")
    }

    @Test("the text report in colour: severity words coloured, scores and grades bold")
    func coloredText() {
        let colored = TextReporter(style: .colored).render(SampleReports.full, policy: FailPolicy())
        GoldenFile.check(colored, named: "text-full-color.txt")
        #expect(colored.contains("\u{1B}[1;33mwarning\u{1B}[0m: lägesbilden"))
        #expect(colored.contains("score \u{1B}[1m61.9\u{1B}[0m (grade \u{1B}[1mC\u{1B}[0m)"))
        #expect(colored.contains("\u{1B}[1;31merror\u{1B}[0m: duplicate key"))
        let stripped = colored.replacing(/\x{1B}\[[0-9;]*m/, with: "")
        #expect(stripped == TextReporter().render(SampleReports.full, policy: FailPolicy()))
        #expect(!TextReporter().render(SampleReports.full, policy: FailPolicy()).contains("\u{1B}"))
    }

    @Test("every format is reachable by name and renders the same as its reporter", arguments: ReportFormat.allCases)
    func formats(_ format: ReportFormat) {
        let policy = FailPolicy(failOn: .warning)
        for explain in [false, true] {
            let direct: String =
                switch format {
                case .text: TextReporter(explain: explain).render(SampleReports.full, policy: policy)
                case .json: JSONReporter().render(SampleReports.full, policy: policy)
                case .sarif: SARIFReporter().render(SampleReports.full, policy: policy)
                case .junit: JUnitReporter().render(SampleReports.full, policy: policy)
                case .github: GitHubReporter().render(SampleReports.full, policy: policy)
                case .markdown: MarkdownReporter().render(SampleReports.full, policy: policy)
                case .csv: CSVReporter().render(SampleReports.full, policy: policy)
                case .html: HTMLReporter().render(SampleReports.full, policy: policy)
                }
            #expect(format.reporter(explain: explain).render(SampleReports.full, policy: policy) == direct)
            #expect(
                format.reporter(explain: explain, style: .plain).render(SampleReports.full, policy: policy) == direct)
        }
        #expect(ReportFormat(rawValue: format.rawValue) == format)
    }

    @Test("only the text format is coloured by a coloured style", arguments: ReportFormat.allCases)
    func styleOnlyColorsText(_ format: ReportFormat) {
        let colored = format.reporter(style: .colored).render(SampleReports.full, policy: FailPolicy())
        #expect(colored.contains("\u{1B}") == (format == .text))
    }

    @Test("--explain adds lines to the text report and changes nothing else")
    func explainOnlyAdds() {
        let plain = TextReporter().render(SampleReports.full, policy: FailPolicy()).split(separator: "\n")
        let explained = TextReporter(explain: true).render(SampleReports.full, policy: FailPolicy()).split(
            separator: "\n")
        #expect(explained.filter { !plain.contains($0) }.count == 5)
        #expect(explained.filter { plain.contains($0) } == plain)
    }

    @Test("rendering is a pure function: the same report renders the same twice")
    func pure() {
        for format in ReportFormat.allCases {
            for report in [SampleReports.full, SampleReports.hostile, SampleReports.empty] {
                let first = format.reporter().render(report, policy: FailPolicy())
                let second = format.reporter().render(report, policy: FailPolicy())
                #expect(first == second, "\(format)")
            }
        }
    }

    @Test("the JSON report parses, is version 1, and rounds fractions to four decimals")
    func jsonShape() throws {
        let text = JSONReporter().render(SampleReports.full, policy: FailPolicy())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == JSONReporter.formatVersion)
        #expect(JSONReporter.formatVersion == 1)
        let files = try #require(object["files"] as? [[String: Any]])
        let rules = try #require(files.first?["rules"] as? [[String: Any]])
        #expect(rules.map { $0["fraction"] as? Double } == [1, 0.5, 0.3333, 0, 1])
        #expect(text.hasSuffix("}\n"))
    }
}
