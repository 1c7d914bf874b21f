import Foundation
import Testing

/// How `check` expands folders into promise files.
@Suite("folder discovery")
struct FileDiscoveryTests {
    @Test("a folder: promise files only, hidden files and folders skipped, sorted by path")
    func folder() {
        let run = runPromiseCheck(["check", "--pack", Fixtures.miniPack, "discovery"])
        #expect(run.status == 0)
        #expect(
            lines(run.stdout) == [
                "discovery/a-norr/dalby-norra.yml: score 100 (grade A) · Dalby norra",
                "  Innehåll 100 · Språk 100",
                "",
                "discovery/b-soder.yaml: score 100 (grade A) · Dalby södra",
                "  Innehåll 100 · Språk 100",
                "",
                "2 files checked; 0 errors, 0 warnings, 0 info; average score 100",
                "result: passed",
            ])
    }

    @Test("published text and Markdown drafts are found in folders; a README is not")
    func textAndMarkdown() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("ekby.txt", "Ekby – medborgarlöften\n\nPolisen genomför trygghetsvandringar.\n")
        _ = try folder.write("utkast/norrby.md", "# Norrby – medborgarlöften\n\nKommunen byter belysning.\n")
        _ = try folder.write("README.md", "# Om mappen\n\nHär ligger löftena.\n")
        _ = try folder.write("utkast/Readme.markdown", "Anteckningar\n")
        _ = try folder.write("tabell.csv", "a,b\n")
        let run = runPromiseCheck(["check", "--pack", Fixtures.miniPack, "--fail-on", "never", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        let scored = lines(run.stdout).filter { $0.contains(": score ") }.map {
            String($0.prefix { $0 != ":" }.dropFirst(folder.path.count + 1))
        }
        #expect(scored == ["ekby.txt", "utkast/norrby.md"])
    }

    @Test("a folder named with a trailing slash gives the same paths")
    func trailingSlash() {
        let run = runPromiseCheck(["check", "--pack", Fixtures.miniPack, "discovery/"])
        #expect(run.status == 0)
        let scored = lines(run.stdout).filter { $0.contains(": score ") }.map { $0.prefix { $0 != ":" } }
        #expect(scored == ["discovery/a-norr/dalby-norra.yml", "discovery/b-soder.yaml"])
    }

    @Test("a YAML file without a top-level 'promise:' key is checked when named, and fails to read")
    func nonPromiseNamed() {
        let run = runPromiseCheck(["check", "--pack", Fixtures.miniPack, "discovery/anteckningar.yaml"])
        #expect(run.status == 2)
        let output = lines(run.stdout)
        expectLine("discovery/anteckningar.yaml: not checked", in: output)
        expectLine(
            "  discovery/anteckningar.yaml:2:1: error: missing 'promise: 1' (the format version) at the top of the file [promise.version]",
            in: output)
    }

    @Test("a file in a hidden folder is checked when named")
    func hiddenNamed() {
        let run = runPromiseCheck(["check", "--pack", Fixtures.miniPack, "discovery/.utkast/dalby-utkast.yaml"])
        #expect(run.status == 0 || run.status == 1)
        expectLine(containing: "discovery/.utkast/dalby-utkast.yaml: score ", in: lines(run.stdout))
    }

    @Test("files named explicitly are reported in the order given, and a file named twice once")
    func explicitOrder() {
        let run = runPromiseCheck([
            "check", "--pack", Fixtures.miniPack, "discovery/b-soder.yaml", "discovery", "discovery/b-soder.yaml",
        ])
        #expect(run.status == 0)
        let scored = lines(run.stdout).filter { $0.contains(": score ") }.map { $0.prefix { $0 != ":" } }
        #expect(scored == ["discovery/b-soder.yaml", "discovery/a-norr/dalby-norra.yml"])
    }

    @Test("a folder with no promise files: nothing checked, exit 0")
    func emptyFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("anteckningar.yaml", "anteckningar: []\n")
        let run = runPromiseCheck(["check", "--pack", Fixtures.path + "/packs/mini", "."], cwd: folder.path)
        #expect(run.status == 0)
        #expect(lines(run.stdout).first == "0 files checked; 0 errors, 0 warnings, 0 info")
    }

    @Test(
        "an empty YAML file in a folder has no 'promise:' key and is skipped")
    func emptyFileInFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.copyFixture("discovery/b-soder.yaml", as: "b-soder.yaml")
        try folder.write("tom.yaml", "")
        try folder.write("kommentar.yaml", "# bara en kommentar\n")
        let run = runPromiseCheck(["check", "--pack", Fixtures.path + "/packs/mini", "."], cwd: folder.path)
        #expect(run.status == 0)
        #expect(!run.stdout.contains("tom.yaml"), "\(run.stdout)")
        #expect(
            lines(run.stdout).suffix(2) == [
                "1 file checked; 0 errors, 0 warnings, 0 info; average score 100", "result: passed",
            ])
    }

    @Test("a symbolic link loop does not trap the walk")
    func linkLoop() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.copyFixture("discovery/b-soder.yaml", as: "b-soder.yaml")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/slinga", withDestinationPath: ".")
        let run = runPromiseCheck(["check", "--pack", Fixtures.path + "/packs/mini", "."], cwd: folder.path)
        #expect(run.status == 0)
        let scored = lines(run.stdout).filter { $0.contains(": score ") }
        #expect(scored == ["./b-soder.yaml: score 100 (grade A) · Dalby södra"])
    }
}
