import Foundation
import PromiseCheck
import PromiseCheckReports
import Testing

@testable import promisecheck

/// `check` assembles SARIF, JUnit and Markdown: each file's parts are set aside in temporary
/// files as it is checked, and the report is put together at the end. The result is the report
/// the same run renders from its whole report.
@Suite("assembled check reports")
struct AssembledCheckTests {
    static let formats: [(format: ReportFormat, output: String)] = [
        (.sarif, "r.sarif"), (.junit, "r.xml"), (.markdown, "r.md"),
    ]

    /// Copies of two promises, one with suppression comments (suppressed findings and the
    /// engine's findings, whose rules no pack lists) and one that cannot be read, so workers
    /// finish out of order and every part of the formats is used.
    static func project() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let fixtures =
            try ["good/bergby-2025.yaml", "good/almdal-2026.yaml", "bad/duplicate.yaml"].map {
                try String(contentsOfFile: Fixtures.path + "/promises/" + $0, encoding: .utf8)
            } + [SuppressionCommandTests.yaml]
        for index in 0..<48 {
            _ = try folder.write(String(format: "p/%03d.yaml", index), fixtures[index % 7 % fixtures.count])
        }
        return folder
    }

    @Test("the reports written to files and to standard output are the whole report's")
    func sameAsWholeReport() throws {
        let folder = try Self.project()
        defer { folder.remove() }
        let paths = [
            folder.url.appendingPathComponent("p").path, folder.url.appendingPathComponent("saknas.yaml").path,
        ]
        let check = ["check", "--pack", Fixtures.path + "/" + Fixtures.miniPack, "--fail-on", "info"]
        let outputs = Self.formats.flatMap { ["--format", $0.format.rawValue, "--output", $0.output] }
        let run = runPromiseCheck(check + outputs + ["--format", "json"] + paths, cwd: folder.path)
        #expect(run.status == 2, "a file that cannot be read and a path that does not exist: \(run.stderr)")
        let report = try Self.report(fromJSON: run.stdout)
        #expect(report.files.count == 48)
        let policy = FailPolicy(failOn: .info)
        for (format, output) in Self.formats {
            let expected = format.reporter().render(report, policy: policy)
            #expect(folder.contents(output) == expected, "\(format)")
            // Standard output: the parts are set aside in the temporary folder instead.
            let alone = runPromiseCheck(check + ["--format", format.rawValue] + paths, cwd: folder.path)
            #expect(alone.stdout == expected, "\(format)")
        }
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                "p", "r.md", "r.sarif", "r.xml",
            ])
    }

    @Test("a spool in a temporary file leaves nothing in its folder and reads back any range across its buffer")
    func fileSpool() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(FileSpool(in: folder.path + "/missing") == nil)
        let spool = try #require(FileSpool(in: folder.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        var expected: [UInt8] = []
        for round in 0..<12 {
            let piece = (0..<(round * 40_009)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ round) }
            spool.append(piece)
            expected += piece
        }
        #expect(spool.count == expected.count)
        for range in [0..<expected.count, 5..<300_000, 262_143..<262_145, 7..<7, expected.count - 1..<expected.count] {
            var read: [UInt8] = []
            spool.read(range) { read += $0 }
            #expect(read == Array(expected[range]), "\(range)")
        }
        #expect(spool.failure == nil)
    }

    @Test("a spool whose file cannot take the bytes (a full disk) says why, and gives no bytes back")
    func fullSpool() throws {
        let descriptor = open("/dev/full", O_RDWR)
        try #require(descriptor >= 0, "/dev/full cannot be opened")
        let spool = FileSpool(descriptor: descriptor)
        spool.append([UInt8](repeating: 0x61, count: 300_000))
        #expect(spool.count == 300_000)
        var read: [UInt8] = []
        spool.read(0..<spool.count) { read += $0 }
        #expect(read.isEmpty)
        #expect(spool.failure == String(cString: strerror(ENOSPC)))
    }

    /// The run's report rebuilt in this process: its files, in the order and under the paths the
    /// JSON report gives, checked again with the same pack, and its own diagnostics.
    static func report(fromJSON json: String) throws -> Report {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let paths = try #require(object["files"] as? [[String: Any]]).compactMap { $0["path"] as? String }
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]]).compactMap { entry -> Diagnostic? in
            guard let severity = (entry["severity"] as? String).flatMap(Severity.init(rawValue:)),
                let message = entry["message"] as? String, let path = entry["path"] as? String,
                let code = entry["code"] as? String
            else { return nil }
            let location = (entry["line"] as? Int).map {
                SourceLocation(line: $0, column: entry["column"] as? Int ?? 1)
            }
            return Diagnostic(severity, message, path: path, location: location, code: code)
        }
        #expect(diagnostics.count == 1)
        let loaded = PackLoader(locator: PackLocator(searchPaths: [])).load(Fixtures.path + "/" + Fixtures.miniPack)
        let pack = try #require(loaded.pack)
        let checker = Checker(pack: pack)
        return Report(
            toolVersion: PromiseCheckVersion.current, packs: [PackSummary(pack)],
            files: paths.map { checker.check(path: $0) }, diagnostics: diagnostics)
    }
}
