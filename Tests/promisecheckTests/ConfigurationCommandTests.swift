import Foundation
import Testing

/// `.promisecheck.yaml` end to end: discovery, precedence, validation, `config`, globs, policy.
@Suite("configuration files")
struct ConfigurationCommandTests {
    /// A folder with the mini pack in `packs/mini` and the Bergby promise (score 50, four
    /// warnings and one info under the mini pack) wherever `promises` says.
    static func project(_ promises: [String] = [], almdal: [String] = []) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("packs"), withIntermediateDirectories: true)
        try folder.copyFixture("packs/mini", as: "packs/mini")
        for (names, fixture) in [(promises, "bergby-2025.yaml"), (almdal, "almdal-2026.yaml")] {
            for name in names {
                try FileManager.default.createDirectory(
                    at: folder.url.appendingPathComponent(name).deletingLastPathComponent(),
                    withIntermediateDirectories: true)
                try folder.copyFixture("promises/good/\(fixture)", as: name)
            }
        }
        return folder
    }

    @Test("the nearest file wins; files under two configurations are evaluated each with its own, in path order")
    func twoConfigurations() throws {
        let folder = try Self.project(["a/bergby.yaml", "b/bergby.yaml", "c/bergby.yaml"])
        defer { folder.remove() }
        try folder.write(".promisecheck.yaml", "version: 1\npacks: [packs/mini]\nrules: {tomma-ord: off}\n")
        try folder.write(
            "b/.promisecheck.yaml",
            "version: 1\npacks: [../packs/mini]\nrules:\n  kallor: {severity: error, weight: 4}\nfail_on: never\n")
        let run = runPromiseCheck(["check", "."], cwd: folder.path)
        let output = lines(run.stdout)
        // a/ and c/ under the root file (tomma-ord off: 3 + 0.5 + 0 of 6); b/ under its own
        // (kallor weighs 4: 3 + 1 + 0 + 0 of 9).
        #expect(
            output.filter { $0.hasPrefix("./") } == [
                "./a/bergby.yaml: score 58.3 (grade D) · Bergby · gäller under 2025",
                "./b/bergby.yaml: score 44.4 (grade D) · Bergby · gäller under 2025",
                "./c/bergby.yaml: score 58.3 (grade D) · Bergby · gäller under 2025",
            ])
        expectLine(
            "  ./b/bergby.yaml:8:1: error: lägesbilden bygger på 1 slags källor, minst 2 behövs [kallor]", in: output)
        expectLine("  ./b/bergby.yaml:17:9: warning: tomt ord: \"Verka för\" [tomma-ord]", in: output)
        #expect(!output.contains { $0.hasPrefix("  ./a/bergby.yaml:17:9") }, "tomma-ord is off under the root file")
        // The fail policy is the first path's, '.', whose file says nothing: error, from the default.
        #expect(output.last == "result: failed: 1 finding at or above 'error' (--fail-on error)")
        #expect(run.status == 1)
        #expect(run.stderr == "")
    }

    @Test("precedence: a command-line option wins over the file, the file over the default")
    func precedence() throws {
        let folder = try Self.project(["bergby.yaml"])
        defer { folder.remove() }
        try folder.write(
            ".promisecheck.yaml", "version: 1\npacks: [packs/mini]\nfail_on: warning\nmin_score: 40\n")
        let fromFile = runPromiseCheck(["check", "bergby.yaml"], cwd: folder.path)
        #expect(fromFile.status == 1)
        #expect(
            lines(fromFile.stdout).last
                == "result: failed: 4 findings at or above 'warning' (fail_on in .promisecheck.yaml:3)")
        let fromFlag = runPromiseCheck(
            ["check", "--fail-on", "never", "--min-score", "60", "bergby.yaml"], cwd: folder.path)
        #expect(fromFlag.status == 1)
        #expect(lines(fromFlag.stdout).last == "result: failed: 1 file scored below 60 (--min-score)")
        let withoutFile = runPromiseCheck(
            ["check", "--no-config", "--pack", "packs/mini", "bergby.yaml"], cwd: folder.path)
        #expect(withoutFile.status == 0)
        #expect(lines(withoutFile.stdout).last == "result: passed")

        let config = runPromiseCheck(["config", "--fail-on", "info", "bergby.yaml"], cwd: folder.path)
        #expect(config.status == 0)
        let shown = lines(config.stdout)
        expectLine("fail_on: info        # command line", in: shown)
        expectLine("min_score: 40        # .promisecheck.yaml:4", in: shown)
        expectLine("min_average: null    # default", in: shown)
    }

    @Test("`config` prints every key, its value and where it came from")
    func configOutput() throws {
        let folder = try Self.project()
        defer { folder.remove() }
        try folder.write(
            "promises/.promisecheck.yaml",
            """
            version: 1
            packs: [../packs/mini]
            rules:
              tomma-ord: {severity: info, weight: 2}
              platshallare: off
            exclude: [utkast/**]
            min_average: 62.5
            format: [sarif, text]
            output: [rapport.sarif]

            """)
        let run = runPromiseCheck(["config", "--pack", "packs/mini", "promises/ekby.yaml"], cwd: folder.path)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(
            run.stdout == """
                # Effective configuration for promises/ekby.yaml
                # Configuration file: promises/.promisecheck.yaml
                version: 1                                # promises/.promisecheck.yaml:1
                packs: [packs/mini]                       # command line
                rules:                                    # promises/.promisecheck.yaml:3
                  tomma-ord: {severity: info, weight: 2}  # promises/.promisecheck.yaml:4
                  platshallare: off                       # promises/.promisecheck.yaml:5
                include: []                               # default
                exclude: [utkast/**]                      # promises/.promisecheck.yaml:6
                fail_on: error                            # default
                min_score: null                           # default
                min_average: 62.5                         # promises/.promisecheck.yaml:7
                format: [sarif, text]                     # promises/.promisecheck.yaml:8
                output: [rapport.sarif]                   # promises/.promisecheck.yaml:9
                allow_exec: false                         # default

                """)
        let excluded = runPromiseCheck(["config", "promises/utkast/a.yaml"], cwd: folder.path)
        #expect(
            lines(excluded.stdout).last
                == "# promises/utkast/a.yaml is left out when found in a folder: it does not pass 'include'/'exclude'")
        let none = runPromiseCheck(["config", "--no-config"], cwd: folder.path)
        #expect(
            lines(none.stdout).prefix(3) == [
                "# Effective configuration for .", "# Configuration file: none (defaults and the command line)",
                "version: 1               # default",
            ])
    }

    @Test("an invalid file: located errors and warnings with suggestions, exit 2, nothing checked")
    func invalid() throws {
        let folder = try Self.project(["bergby.yaml"])
        defer { folder.remove() }
        try folder.write(
            ".promisecheck.yaml",
            "version: 1\npacks: [packs/mini]\nfail-on: warning\nmin_score: hundra\nrules:\n  kalor: off\n")
        let run = runPromiseCheck(["check", "bergby.yaml"], cwd: folder.path)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(
            lines(run.stderr) == [
                ".promisecheck.yaml:3:1: warning: unknown key 'fail-on' in the configuration; did you mean 'fail_on'? [config.unknown-key]",
                ".promisecheck.yaml:4:12: error: 'min_score' must be a number, found 'hundra' [config.type]",
            ])
        try folder.write(".promisecheck.yaml", "version: 1\npacks: [packs/mini]\nrules:\n  kalor: off\n")
        let warned = runPromiseCheck(["config", "bergby.yaml"], cwd: folder.path)
        #expect(warned.status == 0)
        #expect(
            lines(warned.stderr) == [
                ".promisecheck.yaml:4:3: warning: 'rules' names no rule 'kalor' of pack 'mini'; did you mean 'kallor'? [config.unknown-rule]"
            ])
        let checked = runPromiseCheck(["check", "bergby.yaml"], cwd: folder.path)
        #expect(checked.status == 0)
        #expect(lines(checked.stderr) == lines(warned.stderr))
    }

    @Test("a format and output pairing the file cannot make is a usage error naming the file")
    func badPairing() throws {
        let folder = try Self.project(["bergby.yaml"])
        defer { folder.remove() }
        try folder.write(".promisecheck.yaml", "version: 1\npacks: [packs/mini]\nformat: [json, sarif]\n")
        let run = runPromiseCheck(["check", "bergby.yaml"], cwd: folder.path)
        #expect(run.status == 2)
        expectLine(containing: ".promisecheck.yaml:3: 2 --format values but 0 --output files", in: lines(run.stderr))
    }

    @Test("include and exclude filter files found in folders; named files are checked unless --force-exclude")
    func globs() throws {
        let folder = try Self.project(
            ["omraden/bergby.yaml", "omraden/utkast/bergby.yaml"], almdal: ["omraden/almdal.yaml"])
        defer { folder.remove() }
        try folder.write("omraden/bergby.txt", "Bergby\n\nSituationen idag\nInbrotten ökar.\n")
        try folder.write(".github/workflows/ci.yml", "on: push\n")
        try folder.write(
            ".promisecheck.yaml",
            "version: 1\npacks: [packs/mini]\ninclude: ['**/*.yaml']\nexclude: [omraden/utkast, '**/almdal*']\n")
        let run = runPromiseCheck(["check", "omraden"], cwd: folder.path)
        #expect(
            lines(run.stdout).filter { $0.hasPrefix("omraden/") && $0.contains(": score") }.map {
                String($0.prefix(19))
            } == [
                "omraden/bergby.yaml"
            ])
        let named = runPromiseCheck(["check", "omraden", "omraden/utkast/bergby.yaml"], cwd: folder.path)
        expectLine(containing: "omraden/utkast/bergby.yaml: score 50", in: lines(named.stdout))
        let forced = runPromiseCheck(
            [
                "check", "--force-exclude", "omraden/utkast/bergby.yaml", "omraden/bergby.yaml",
                ".github/workflows/ci.yml",
            ],
            cwd: folder.path)
        #expect(forced.status == 0)
        #expect(
            lines(forced.stdout).last(where: { $0.contains("checked") })
                == "1 file checked; 0 errors, 4 warnings, 1 info; average score 50")
    }

    @Test("--min-average fails on the run's average and names it; equal passes")
    func minAverage() throws {
        let folder = try Self.project(["bergby.yaml"], almdal: ["almdal.yaml"])
        defer { folder.remove() }
        let check = ["check", "--pack", "packs/mini", "."]
        let failing = runPromiseCheck(check + ["--min-average", "80"], cwd: folder.path)
        #expect(failing.status == 1)
        #expect(lines(failing.stdout).last == "result: failed: the average score 75 is below 80 (--min-average)")
        let passing = runPromiseCheck(check + ["--min-average", "75"], cwd: folder.path)
        #expect(passing.status == 0)
        let outOfRange = runPromiseCheck(check + ["--min-average", "101"], cwd: folder.path)
        #expect(outOfRange.status == 2)
        expectLine(containing: "--min-average must be between 0 and 100, found 101", in: lines(outOfRange.stderr))
        try folder.write(".promisecheck.yaml", "version: 1\npacks: [packs/mini]\nmin_average: 90\n")
        let fromFile = runPromiseCheck(["check", "."], cwd: folder.path)
        #expect(
            lines(fromFile.stdout).last
                == "result: failed: the average score 75 is below 90 (min_average in .promisecheck.yaml:3)")
    }

    @Test("the file's format and output are defaults; relative outputs are in its folder; flags replace them")
    func reportDefaults() throws {
        let folder = try Self.project(["promises/bergby.yaml"])
        defer { folder.remove() }
        try folder.write(
            "promises/.promisecheck.yaml",
            "version: 1\npacks: [../packs/mini]\nformat: [json, text]\noutput: [rapporter/promisecheck.json]\n")
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("promises/rapporter"), withIntermediateDirectories: true)
        let run = runPromiseCheck(["check", "promises"], cwd: folder.path)
        #expect(run.status == 0)
        #expect(lines(run.stdout).last == "result: passed")
        let json = try #require(folder.contents("promises/rapporter/promisecheck.json"))
        #expect(json.contains("\"path\" : \"promises/bergby.yaml\""))
        let again = runPromiseCheck(["check", "promises"], cwd: folder.path)
        #expect(again.status == 2, "an existing output needs --force")
        let flags = runPromiseCheck(["check", "--format", "csv", "promises"], cwd: folder.path)
        #expect(flags.status == 0)
        #expect(flags.stdout.hasPrefix("path,area,period,score"))
    }

    @Test("--config uses one file for every path; --no-config none")
    func explicitFile() throws {
        let folder = try Self.project(["a/bergby.yaml"])
        defer { folder.remove() }
        try folder.write("a/.promisecheck.yaml", "version: 1\npacks: [../packs/mini]\nfail_on: info\n")
        try folder.write("strikt.yaml", "version: 1\npacks: [packs/mini]\nfail_on: warning\n")
        let nearest = runPromiseCheck(["check", "a"], cwd: folder.path)
        #expect(
            lines(nearest.stdout).last
                == "result: failed: 5 findings at or above 'info' (fail_on in a/.promisecheck.yaml:3)")
        let explicit = runPromiseCheck(["check", "--config", "strikt.yaml", "a"], cwd: folder.path)
        #expect(
            lines(explicit.stdout).last == "result: failed: 4 findings at or above 'warning' (fail_on in strikt.yaml:3)"
        )
        let none = runPromiseCheck(["check", "--no-config", "--pack", "packs/mini", "a"], cwd: folder.path)
        #expect(none.status == 0)
        let both = runPromiseCheck(["check", "--no-config", "--config", "strikt.yaml", "a"], cwd: folder.path)
        #expect(both.status == 2)
        expectLine(containing: "--config and --no-config cannot be used together", in: lines(both.stderr))
    }
}
