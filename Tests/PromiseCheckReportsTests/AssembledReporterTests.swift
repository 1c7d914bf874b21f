import Foundation
import PromiseCheck
import PromiseCheckReports
import Testing

/// Assembled reports (SARIF, JUnit, Markdown): the files' parts, rendered apart and in any
/// order, set aside and put together at the end, are the bytes the whole report rendered at
/// once gave (``CollectedReports``).
@Suite("assembled reporters")
struct AssembledReporterTests {
    static let formats: [ReportFormat] = [.sarif, .junit, .markdown]

    static let reports: [Report] = [
        SampleReports.full, SampleReports.readable, SampleReports.empty, SampleReports.suppressed,
        SampleReports.hostile, RealReports.report,
    ]

    static let policies: [FailPolicy] = [
        FailPolicy(), FailPolicy(failOn: .warning, minScore: 70), FailPolicy(failOn: nil, minAverage: 90),
    ]

    @Test("SARIF, JUnit and Markdown are assembled; the others are not")
    func assembled() {
        #expect(ReportFormat.allCases.filter { $0.assembledReporter() != nil } == Self.formats)
        #expect(ReportFormat.allCases.filter { $0.assembledReporter() != nil && $0.streamingReporter() != nil }.isEmpty)
    }

    @Test("the whole report renders as it did from the whole report", arguments: formats)
    func render(format: ReportFormat) throws {
        let reporter = try #require(format.assembledReporter())
        for report in Self.reports {
            for policy in Self.policies {
                #expect(
                    reporter.render(report, policy: policy) == CollectedReports.render(format, report, policy: policy))
            }
        }
    }

    @Test("parts rendered on several threads, last file first, set aside and read back in pieces", arguments: formats)
    func partsInAnyOrder(format: ReportFormat) throws {
        let reporter = try #require(format.assembledReporter())
        for report in Self.reports {
            let policy = FailPolicy(failOn: .warning, minScore: 70)
            #expect(
                Self.assemble(reporter, report, policy: policy)
                    == CollectedReports.render(format, report, policy: policy))
        }
    }

    /// Random runs made of the sample files: repeated, in any order, with or without a baseline,
    /// the packs listing all, some or none of the rules the files were evaluated against (so
    /// SARIF gathers rules as files come and fills in their indices at the end).
    @Test("random runs of the sample files assemble as they render whole", arguments: formats)
    func randomRuns(format: ReportFormat) throws {
        let reporter = try #require(format.assembledReporter())
        let files = Self.reports.flatMap(\.files)
        let diagnostics = Self.reports.flatMap(\.diagnostics)
        let packs = Self.reports.flatMap(\.packs)
        var random = SeededRandom(seed: 7)
        for round in 0..<40 {
            let chosen = (0..<Int.random(in: 0...12, using: &random)).map { _ in
                files[Int.random(in: 0..<files.count, using: &random)]
            }
            let runPacks = packs.shuffled(using: &random).prefix(Int.random(in: 0...packs.count, using: &random)).map {
                pack in
                var pack = pack
                pack.rules = pack.rules.filter { _ in Bool.random(using: &random) }
                return pack
            }
            var report = Report(
                toolVersion: "0.0.0-test", packs: runPacks, files: chosen,
                diagnostics: diagnostics.filter { _ in Bool.random(using: &random) })
            if Bool.random(using: &random) { report.baseline = "baseline.json" }
            let policy = Self.policies[round % Self.policies.count]
            let expected = CollectedReports.render(format, report, policy: policy)
            #expect(reporter.render(report, policy: policy) == expected, "round \(round)")
            #expect(Self.assemble(reporter, report, policy: policy) == expected, "round \(round)")
        }
    }

    @Test("a spool hands back the bytes of any range, in order")
    func spools() {
        for spool in [MemorySpool(), ChoppySpool()] as [any ReportSpool] {
            spool.append(Array("abc".utf8))
            spool.append([])
            spool.append(Array("defgh".utf8))
            #expect(spool.count == 8)
            var read: [UInt8] = []
            spool.read(2..<7) { read += $0 }
            #expect(String(decoding: read, as: UTF8.self) == "cdefg")
            read = []
            spool.read(3..<3) { read += $0 }
            #expect(read.isEmpty)
        }
    }

    /// The report from parts rendered on several threads, last file first, and added in order
    /// to an assembly whose spools read back a few bytes at a time.
    static func assemble(_ reporter: any AssembledReporter, _ report: Report, policy: FailPolicy) -> String {
        let start = ReportRun(
            toolVersion: report.toolVersion, packs: report.packs, diagnostics: report.diagnostics,
            baseline: report.baseline)
        let assembly = reporter.assembly(start, makeSpool: { ChoppySpool() })
        let files = report.files
        let parts = Slots(count: files.count)
        let shared = UncheckedAssembly(assembly)
        DispatchQueue.concurrentPerform(iterations: files.count) { iteration in
            let index = files.count - 1 - iteration
            parts.set(index, shared.assembly.part(of: files[index], index: index))
        }
        for part in parts.all { assembly.add(anyPart: part as any Sendable) }
        var output: [UInt8] = []
        assembly.finish(ReportRun(report), policy: policy) { output += $0 }
        return String(decoding: output, as: UTF8.self)
    }
}

/// A spool in memory that reads back at most three bytes at a time.
final class ChoppySpool: ReportSpool {
    private var bytes: [UInt8] = []

    var count: Int { bytes.count }

    func append(_ bytes: [UInt8]) { self.bytes += bytes }

    func read(_ range: Range<Int>, into body: ([UInt8]) -> Void) {
        var start = range.lowerBound
        while start < range.upperBound {
            let end = min(start + 1 + start % 3, range.upperBound)
            body(Array(bytes[start..<end]))
            start = end
        }
    }
}

/// An assembly whose `part(of:index:)`, which reads nothing it changes, is called from several threads.
private struct UncheckedAssembly: @unchecked Sendable {
    let assembly: any ReportAssembly
    init(_ assembly: any ReportAssembly) { self.assembly = assembly }
}

/// One slot per file, each written by one thread.
private final class Slots: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [(any Sendable)?]

    init(count: Int) { parts = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ part: any Sendable) { lock.withLock { parts[index] = part } }

    var all: [any Sendable] { lock.withLock { parts.compactMap { $0 } } }
}

/// A small deterministic generator (xorshift64*), so a failing round can be run again.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed | 1 }

    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }
}
