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

/// Writes that are interrupted, and what they leave behind.
@Suite("--output, interrupted")
struct InterruptedOutputTests {
    /// A folder of promises whose HTML report is large (about 13 MB), so writing it takes a while.
    static func largeCorpus(in folder: TemporaryFolder) throws {
        let good = try #require(FileManager.default.contents(atPath: Fixtures.path + "/promises/good/almdal-2026.yaml"))
        var other = "other:\n"
        for line in 0..<200 {
            other += "  - Rad \(line): Polisen och kommunen följer upp tryggheten i centrum varje månad.\n"
        }
        for index in 0..<150 {
            try folder.write("korpus/lofte-\(index).yaml", good + Data(other.utf8))
        }
    }

    @Test("SIGKILL while the report is written leaves the old file whole; the next write cleans up")
    func killedMidWrite() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.largeCorpus(in: folder)
        let old = Data("<html>den gamla rapporten</html>\n".utf8)
        try folder.write("big.html", old)
        let executable = try #require(Executable.url)
        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "check", "--pack", Fixtures.path + "/packs/mini", "--format", "html", "--output", "big.html", "--force",
            "korpus",
        ]
        process.currentDirectoryURL = folder.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The temporary file appears when writing starts; kill the process as soon as it does.
        let temporary = folder.path + "/.big.html.\(process.processIdentifier).tmp"
        let deadline = ContinuousClock.now + .seconds(120)
        var caught = false
        while process.isRunning, ContinuousClock.now < deadline {
            if access(temporary, F_OK) == 0 {
                kill(process.processIdentifier, SIGKILL)
                caught = true
                break
            }
            usleep(100)
        }
        if process.isRunning && !caught { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(caught, "the write was not caught in progress (exit status \(process.terminationStatus))")
        #expect(folder.contents("big.html") == String(decoding: old, as: UTF8.self), "the old report changed")
        let visible = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
        #expect(visible.sorted() == ["big.html", "korpus"])

        // The next write replaces the report and removes the dead process's temporary file.
        let run = runPromiseCheck(
            [
                "check", "--pack", Fixtures.path + "/packs/mini", "--format", "json", "--output", "big.html", "--force",
                Fixtures.path + "/promises/good/almdal-2026.yaml",
            ], cwd: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(folder.contents("big.html")?.hasPrefix("{") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["big.html", "korpus"])
    }

    @Test("temporary files of processes still running are left alone")
    func liveTemporaryFilesAreKept() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // This test process is alive; a process id far above pid_max is not.
        let live = ".rapport.txt.\(getpid()).tmp"
        try folder.write(live, "pågår")
        try folder.write(".rapport.txt.2147483646.tmp", "död")
        try folder.write(".annan.txt.2147483646.tmp", "en annan fil")
        let run = runPromiseCheck(OutputFileTests.arguments(["--output", "rapport.txt"]), cwd: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                ".annan.txt.2147483646.tmp", live, "rapport.txt",
            ])
    }

    @Test("a replaced file keeps its permissions")
    func permissionsAreKept() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("rapport.txt", "gammal\n")
        try #require(chmod(file.path, 0o640) == 0)
        let run = runPromiseCheck(OutputFileTests.arguments(["--output", "rapport.txt", "--force"]), cwd: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o640)
        #expect(folder.contents("rapport.txt") != "gammal\n")
    }

    @Test("a temporary path taken by a link is not written through")
    func linkAtTheTemporaryPath() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("offer.txt", "orörd\n")
        // A stale link named like a dead process's temporary file: removed, never followed.
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/.rapport.txt.2147483646.tmp", withDestinationPath: "offer.txt")
        let run = runPromiseCheck(OutputFileTests.arguments(["--output", "rapport.txt"]), cwd: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(folder.contents("offer.txt") == "orörd\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["offer.txt", "rapport.txt"])
    }

    @Test("a device such as /dev/null is written in place, never replaced; a folder is refused")
    func specialFiles() throws {
        let run = runPromiseCheck(["check", "--pack", Fixtures.miniPack, "--output", "/dev/null", "promises/good"])
        #expect(run.status == 0, "\(run.stderr)")
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        let folder = try TemporaryFolder()
        let refused = runPromiseCheck([
            "check", "--pack", Fixtures.miniPack, "--force", "--output", folder.path, "promises/good",
        ])
        #expect(refused.status == 2)
        #expect(refused.stderr == "error: \(folder.path): is a folder, not a file\n")
    }
}
