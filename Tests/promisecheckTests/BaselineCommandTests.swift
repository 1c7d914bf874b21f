import Foundation
import Testing

/// `--write-baseline` and `--baseline` end to end.
@Suite("baselines")
struct BaselineCommandTests {
    static func project() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.copyFixture("promises/good/bergby-2025.yaml", as: "bergby.yaml")
        return folder
    }

    static let check = ["check", "--pack", Fixtures.path + "/packs/mini", "--fail-on", "info"]

    @Test("findings in the baseline are counted, not reported, and do not fail the run")
    func baselined() throws {
        let folder = try Self.project()
        defer { folder.remove() }
        let written = runPromiseCheck(
            Self.check + ["--write-baseline", "baseline.json", "bergby.yaml"], cwd: folder.path)
        #expect(written.status == 1, "writing a baseline still reports today's findings")
        let baseline = try #require(folder.contents("baseline.json"))
        #expect(baseline.hasPrefix("{\n  \"findings\" : [\n"))
        #expect(baseline.hasSuffix("  \"version\" : 1\n}\n"))
        // One entry per rule and text: kallor, three empty words, the placeholder.
        #expect(baseline.components(separatedBy: "\"path\" : \"bergby.yaml\"").count - 1 == 5)
        #expect(baseline.components(separatedBy: "\"count\" : 1,").count - 1 == 5)
        #expect(!baseline.contains("\"line\""), "no line numbers")

        let run = runPromiseCheck(Self.check + ["--baseline", "baseline.json", "bergby.yaml"], cwd: folder.path)
        #expect(run.status == 0)
        #expect(
            lines(run.stdout).suffix(2) == [
                "1 file checked; 0 errors, 0 warnings, 0 info; 5 in baseline; average score 50", "result: passed",
            ])
    }

    @Test("lines inserted above leave findings baselined; changed text is reported again")
    func survivesEdits() throws {
        let folder = try Self.project()
        defer { folder.remove() }
        _ = runPromiseCheck(Self.check + ["--write-baseline", "baseline.json", "bergby.yaml"], cwd: folder.path)
        let original = try #require(folder.contents("bergby.yaml"))
        try folder.write(
            "bergby.yaml",
            original.replacingOccurrences(
                of: "promise: 1\n",
                with: "promise: 1\n# Utkast från mötet i mars.\nparties: [Lokalpolisområde Bergby, Bergby kommun]\n"))
        let moved = runPromiseCheck(Self.check + ["--baseline", "baseline.json", "bergby.yaml"], cwd: folder.path)
        #expect(moved.status == 0)
        expectLine(
            "1 file checked; 0 errors, 0 warnings, 0 info; 5 in baseline; average score 50", in: lines(moved.stdout))

        let edited = try #require(folder.contents("bergby.yaml")).replacingOccurrences(
            of: "Verka för ökad närvaro", with: "Verka för större närvaro"
        ).replacingOccurrences(of: "target: TODO", with: "target: XXX")
        try folder.write("bergby.yaml", edited)
        let changed = runPromiseCheck(Self.check + ["--baseline", "baseline.json", "bergby.yaml"], cwd: folder.path)
        #expect(changed.status == 1)
        let output = lines(changed.stdout)
        // "Verka för" is still the excerpt: baselined. The placeholder's text changed: new.
        #expect(
            output.filter { $0.hasPrefix("  bergby.yaml:") } == [
                "  bergby.yaml:21:13: info: platshållare kvar i texten: \"XXX\" [platshallare]"
            ])
        expectLine("1 file checked; 0 errors, 0 warnings, 1 info; 4 in baseline; average score 50", in: output)
    }

    @Test("an existing baseline is replaced only with --force; a bad one is a usage error")
    func files() throws {
        let folder = try Self.project()
        defer { folder.remove() }
        try folder.write("baseline.json", "{}")
        let refused = runPromiseCheck(
            Self.check + ["--write-baseline", "baseline.json", "bergby.yaml"], cwd: folder.path)
        #expect(refused.status == 2)
        #expect(refused.stdout == "")
        #expect(refused.stderr == "error: baseline.json: already exists; use --force to overwrite it\n")
        #expect(folder.contents("baseline.json") == "{}")

        let bad = runPromiseCheck(Self.check + ["--baseline", "baseline.json", "bergby.yaml"], cwd: folder.path)
        #expect(bad.status == 2)
        #expect(
            bad.stderr
                == "error: baseline.json: unsupported baseline format (no version); this PromiseCheck reads version 1\n"
        )
        let missing = runPromiseCheck(Self.check + ["--baseline", "saknas.json", "bergby.yaml"], cwd: folder.path)
        #expect(missing.status == 2)

        let forced = runPromiseCheck(
            Self.check + ["--force", "--write-baseline", "baseline.json", "bergby.yaml"], cwd: folder.path)
        #expect(forced.status == 1)
        #expect(folder.contents("baseline.json")?.contains("\"version\" : 1") == true)
        let first = folder.contents("baseline.json")
        _ = runPromiseCheck(
            Self.check + ["--force", "--write-baseline", "baseline.json", "bergby.yaml"], cwd: folder.path)
        #expect(folder.contents("baseline.json") == first, "the same findings give the same bytes")
    }

    @Test("the JSON report says which baseline was used and how many findings it held")
    func json() throws {
        let folder = try Self.project()
        defer { folder.remove() }
        _ = runPromiseCheck(Self.check + ["--write-baseline", "b.json", "bergby.yaml"], cwd: folder.path)
        let run = runPromiseCheck(
            Self.check + ["--baseline", "b.json", "--format", "json", "bergby.yaml"], cwd: folder.path)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["baselined"] as? Int == 5)
        #expect(summary["baseline"] as? String == "b.json")
        #expect((json["files"] as? [[String: Any]])?.first?["baselined"] as? Int == 5)
    }
}
