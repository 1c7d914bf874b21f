import Foundation
import PromiseCheck
import PromiseCheckReports
import Testing

/// Streamed reports: the parts of the files, rendered apart and in any order, make the whole report.
@Suite("streaming reporters")
struct StreamingReporterTests {
    static let reports: [Report] = [
        SampleReports.full, SampleReports.readable, SampleReports.empty, SampleReports.suppressed,
        SampleReports.hostile,
    ]

    @Test("text, json, github and csv stream; the formats that need the whole run do not")
    func streamable() {
        let streaming = ReportFormat.allCases.filter { $0.streamingReporter() != nil }
        #expect(streaming == [.text, .json, .github, .csv])
    }

    @Test(
        "parts rendered on several threads, last file first, and written in order are the whole report",
        arguments: ReportFormat.allCases.filter { $0.streamingReporter() != nil })
    func partsInAnyOrder(format: ReportFormat) throws {
        let reporter = try #require(format.streamingReporter(explain: true))
        for report in Self.reports {
            let policy = FailPolicy(failOn: .warning, minScore: 70)
            let files = report.files
            let parts = Parts(count: files.count)
            DispatchQueue.concurrentPerform(iterations: files.count) { iteration in
                let index = files.count - 1 - iteration
                var bytes: [UInt8] = []
                reporter.file(files[index], index: index, into: &bytes)
                parts.set(index, bytes)
            }
            var run = ReportRun(
                toolVersion: report.toolVersion, packs: report.packs, diagnostics: report.diagnostics,
                baseline: report.baseline)
            var output: [UInt8] = []
            reporter.begin(run, into: &output)
            for (file, part) in zip(files, parts.all) {
                output += part
                run.totals.add(file)
            }
            reporter.end(run, policy: policy, into: &output)
            #expect(String(decoding: output, as: UTF8.self) == reporter.render(report, policy: policy))
        }
    }

    @Test("the totals of a report count what its files hold")
    func totals() {
        let report = SampleReports.suppressed
        let totals = report.totals
        #expect(totals.files == report.files.count)
        #expect(totals.evaluated == report.evaluations.count)
        #expect(totals.scores == report.evaluations.map(\.score))
        #expect(totals.suppressed == report.evaluations.reduce(0) { $0 + $1.suppressed.count })
        #expect(totals.suppressed > 0)
        for severity in Severity.allCases {
            #expect(
                totals.findingCount(severity)
                    == report.evaluations.reduce(0) { $0 + $1.findings.count { $0.severity == severity } })
        }
        #expect(totals.inputErrors == report.allDiagnostics.count { $0.severity == .error })
    }
}

/// One slot per file, each written by one thread.
private final class Parts: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [[UInt8]]

    init(count: Int) { parts = Array(repeating: [], count: count) }

    func set(_ index: Int, _ bytes: [UInt8]) { lock.withLock { parts[index] = bytes } }

    var all: [[UInt8]] { lock.withLock { parts } }
}
