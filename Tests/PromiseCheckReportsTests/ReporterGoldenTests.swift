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
    ]

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

    @Test("every format is reachable by name and renders the same as its reporter", arguments: ReportFormat.allCases)
    func formats(_ format: ReportFormat) {
        let policy = FailPolicy(failOn: .warning)
        for explain in [false, true] {
            let direct: String =
                switch format {
                case .text: TextReporter(explain: explain).render(SampleReports.full, policy: policy)
                case .json: JSONReporter().render(SampleReports.full, policy: policy)
                }
            #expect(format.reporter(explain: explain).render(SampleReports.full, policy: policy) == direct)
        }
        #expect(ReportFormat(rawValue: format.rawValue) == format)
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
            let first = format.reporter().render(SampleReports.full, policy: FailPolicy())
            let second = format.reporter().render(SampleReports.full, policy: FailPolicy())
            #expect(first == second, "\(format)")
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
