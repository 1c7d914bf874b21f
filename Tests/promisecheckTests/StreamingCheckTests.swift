import Foundation
import Testing

/// `check` streams text, json, github and csv while it checks: the same bytes as a whole
/// report, in the files' order, with baselines, several outputs, and outputs that fail.
@Suite("streamed check reports")
struct StreamingCheckTests {
    static let check = ["check", "--pack", Fixtures.path + "/packs/mini", "--fail-on", "never"]

    /// Many copies of two fixtures with different findings, so workers finish out of order.
    static func project(files: Int = 60) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let fixtures = try ["bergby-2025.yaml", "almdal-2026.yaml"].map {
            try String(contentsOfFile: Fixtures.path + "/promises/good/" + $0, encoding: .utf8)
        }
        for index in 0..<files {
            _ = try folder.write(String(format: "p/%03d.yaml", index), fixtures[index % 3 == 0 ? 0 : 1])
        }
        return folder
    }

    @Test("files are reported in path order, each once, with several outputs from one run")
    func orderAndOutputs() throws {
        let folder = try Self.project()
        defer { folder.remove() }
        let run = runPromiseCheck(
            Self.check + [
                "--format", "json", "--output", "r.json", "--format", "csv", "--output", "r.csv", "--format", "sarif",
                "--output", "r.sarif", "--format", "text", "p",
            ], cwd: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let scored = lines(run.stdout).filter { $0.contains(": score ") }.map { String($0.prefix(10)) }
        #expect(scored == (0..<60).map { String(format: "p/%03d.yaml", $0) })
        let json = try #require(folder.contents("r.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let paths = (object["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        #expect(paths == (0..<60).map { String(format: "p/%03d.yaml", $0) })
        #expect((object["summary"] as? [String: Any])?["files"] as? Int == 60)
        let csv = try #require(folder.contents("r.csv"))
        #expect(csv.hasPrefix("path,area,period,"))
        #expect(try #require(folder.contents("r.sarif")).contains("\"version\" : \"2.1.0\""))
        // The text report on its own gives the same bytes.
        let alone = runPromiseCheck(Self.check + ["p"], cwd: folder.path)
        #expect(alone.stdout == run.stdout)
    }

    @Test("with --baseline, each file's findings are matched on its own; a file named twice shares the counts")
    func baseline() throws {
        let folder = try Self.project(files: 12)
        defer { folder.remove() }
        let written = runPromiseCheck(Self.check + ["--write-baseline", "b.json", "p"], cwd: folder.path)
        #expect(written.status == 0, "\(written.stderr)")
        let run = runPromiseCheck(
            Self.check + ["--baseline", "b.json", "--format", "json", "p", "./p/000.yaml"], cwd: folder.path)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.count == 13)
        let findings = files.map {
            ($0["rules"] as? [[String: Any]] ?? []).reduce(0) { $0 + (($1["findings"] as? [Any])?.count ?? 0) }
        }
        let baselined = files.map { $0["baselined"] as? Int ?? -1 }
        #expect(findings.prefix(12).allSatisfy { $0 == 0 }, "every finding of the recorded files is in the baseline")
        #expect(stride(from: 0, to: 12, by: 3).allSatisfy { baselined[$0] > 0 }, "bergby has findings")
        // ./p/000.yaml is p/000.yaml again: the baseline's counts were used up by the first.
        #expect(baselined[12] == 0)
        #expect(findings[12] == baselined[0])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["baselined"] as? Int == baselined.prefix(12).reduce(0, +))
        #expect(summary["baseline"] as? String == "b.json")
        // The recorded baseline is the same whether files stream or not (html collects them).
        let again = runPromiseCheck(
            Self.check + ["--write-baseline", "c.json", "--format", "html", "--output", "r.html", "p"],
            cwd: folder.path)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(folder.contents("c.json") == folder.contents("b.json"))
    }

    @Test("an output that cannot be written is reported; the others are written and the exit status is 2")
    func failingOutput() throws {
        let folder = try Self.project(files: 5)
        defer { folder.remove() }
        let run = runPromiseCheck(
            Self.check + [
                "--format", "json", "--output", "missing/r.json", "--format", "csv", "--output", "r.csv",
                "--format", "junit", "--output", "missing/r.xml", "--format", "text", "p",
            ], cwd: folder.path)
        #expect(run.status == 2)
        #expect(
            lines(run.stderr) == [
                "error: missing/r.json: cannot be written: No such file or directory",
                "error: missing/r.xml: cannot be written: No such file or directory",
            ])
        #expect(folder.contents("r.csv")?.components(separatedBy: "\r\n").count ?? 0 > 5)
        expectLine("result: passed", in: lines(run.stdout))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("a run that stops at a pack error leaves an existing output as it was")
    func packErrorKeepsOutput() throws {
        let folder = try Self.project(files: 3)
        defer { folder.remove() }
        _ = try folder.write("r.json", "old\n")
        let run = runPromiseCheck(
            ["check", "--pack", "no-such-pack", "--format", "json", "--output", "r.json", "--force", "p"],
            cwd: folder.path)
        #expect(run.status == 2)
        #expect(folder.contents("r.json") == "old\n")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!names.contains { $0.hasSuffix(".tmp") })
    }
}
