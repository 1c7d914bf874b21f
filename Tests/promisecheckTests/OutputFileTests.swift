import Foundation
import Testing

/// `check --output FILE` and `--force`.
@Suite("--output")
struct OutputFileTests {
    static func arguments(_ extra: [String]) -> [String] {
        ["check", "--pack", Fixtures.path + "/packs/mini"] + extra + [Fixtures.path + "/promises/good"]
    }

    @Test("writes the report to the file instead of standard output, with the policy's exit status")
    func writesReport() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let expected = runPromiseCheck(Self.arguments(["--fail-on", "warning"]), cwd: folder.path)
        let run = runPromiseCheck(
            Self.arguments(["--fail-on", "warning", "--output", "rapport.txt"]), cwd: folder.path)
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr == "")
        #expect(folder.contents("rapport.txt") == expected.stdout)
        #expect(expected.stdout.hasSuffix("result: failed: 4 findings at or above 'warning' (--fail-on warning)\n"))
        // No temporary file is left beside it.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names == ["rapport.txt"])
    }

    @Test("refuses to overwrite an existing file without --force, leaving it unchanged")
    func refusesWithoutForce() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("rapport.txt", "en gammal rapport\n")
        let run = runPromiseCheck(Self.arguments(["--output", "rapport.txt"]), cwd: folder.path)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(lines(run.stderr) == ["error: rapport.txt: already exists; use --force to overwrite it"])
        #expect(folder.contents("rapport.txt") == "en gammal rapport\n")
    }

    @Test(
        "--force overwrites an existing file")
    func forceOverwrites() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("rapport.json", "en gammal rapport\n")
        let expected = runPromiseCheck(Self.arguments(["--format", "json"]), cwd: folder.path)
        let run = runPromiseCheck(
            Self.arguments(["--format", "json", "--output", "rapport.json", "--force"]), cwd: folder.path)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(folder.contents("rapport.json") != nil, "the existing report is gone")
        #expect(folder.contents("rapport.json") == expected.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["rapport.json"])
    }

    @Test("a folder that does not exist: exit 2 with the path")
    func missingFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = runPromiseCheck(Self.arguments(["--output", "finns-inte/rapport.txt"]), cwd: folder.path)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        expectLine(containing: "error: finns-inte/rapport.txt: cannot be written", in: lines(run.stderr))
    }
}
