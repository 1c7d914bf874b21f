import Foundation
import Testing

@testable import PromiseCheck

/// `Checker.check(paths:)` checks files in parallel and answers as checking them one by one would.
@Suite struct CheckerTests {
    /// Every example promise, the published corpus when present, and files that cannot be read.
    private static func paths(in scratch: ScratchFolder) throws -> [String] {
        let examples = PublishedCorpus.repository.appendingPathComponent("examples/promises")
        var paths = try FileManager.default.contentsOfDirectory(atPath: examples.path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map { examples.appendingPathComponent($0).path }
        paths += PublishedCorpus.files.map { PublishedCorpus.folder.appendingPathComponent($0).path }
        paths.append(scratch.write("broken.yaml", "promise: 1\ntitle: [unclosed\n"))
        paths.append(scratch.path("missing.yaml"))
        paths.append(scratch.write("empty.txt", ""))
        // Repeated, so that more files than cores are in flight and order is tested.
        return paths + paths.reversed() + paths
    }

    /// What a report says, in comparable form.
    private static func summary(_ report: FileReport) -> String {
        var lines = [report.path]
        lines += report.diagnostics.map(\.description)
        if let evaluation = report.evaluation {
            lines.append(
                "\(evaluation.score) \(evaluation.grade) \(evaluation.area ?? "-") \(evaluation.period ?? "-")")
            for rule in evaluation.rules {
                lines.append("\(rule.id) \(rule.fraction) \(rule.passed) \(rule.reason)")
            }
            lines += evaluation.findings.map { "\($0.formatted) \($0.excerpt ?? "")" }
        }
        lines.append("\(report.sourceLines?.count ?? -1)")
        return lines.joined(separator: "\n")
    }

    @Test(arguments: [false, true])
    func parallelCheckingEqualsSequentialInInputOrder(keepSource: Bool) throws {
        let scratch = ScratchFolder()
        let paths = try Self.paths(in: scratch)
        let checker = PublishedCorpus.checker
        let parallel = checker.check(paths: paths, keepSource: keepSource)
        let sequential = paths.map { checker.check(path: $0, keepSource: keepSource) }
        #expect(parallel.map(\.path) == paths)
        #expect(parallel.map(Self.summary) == sequential.map(Self.summary))
        #expect(parallel.contains { $0.evaluation != nil })
        #expect(parallel.contains { !$0.diagnostics.isEmpty })
    }

    @Test func noPathsGiveNoReports() {
        #expect(PublishedCorpus.checker.check(paths: []).isEmpty)
    }
}
