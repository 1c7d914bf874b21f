import Foundation
import Testing

/// The checkout's root, where `examples/promises/` and the shipped `Rules/` are.
private let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// `promisecheck compare` end to end: on the shipped examples with the shipped pack (exact scores
/// of Lövsta's three periods), on the fixtures with the mini pack, every format, and --output.
@Suite("compare command")
struct CompareCommandTests {
    /// Runs `compare` in the checkout on `examples/promises/` with the shipped pack.
    static func compareExamples(_ extra: [String], cwd: String = repositoryRoot) -> RunResult {
        runPromiseCheck(["compare"] + extra + [repositoryRoot + "/examples/promises/"], cwd: cwd)
    }

    @Test("--by area on the examples: the whole ranked table, exit 0 although the promises have findings")
    func byAreaExamples() {
        let run = runPromiseCheck(["compare", "examples/promises/"], cwd: repositoryRoot)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(
            lines(run.stdout) == [
                "Areas ranked by their latest promise: 6 areas, 8 promises · pack medborgarlofte 1.0.0",
                "",
                "RANK  AREA       PROMISES  LATEST  SCORE  GRADE  grund  handling  uppfoljning  ansvar  sprak",
                "   1  Ekby              1    2025   98.5  A       91.7       100          100     100    100",
                "   2  Lövsta            3    2023   97.7  A       91.7      97.4          100     100    100",
                "   3  Norrhamn          1    2024   84.6  B         75      96.6         58.1     100    100",
                "   4  Sjövik            1    2025   73.7  C       41.7      70.1         90.3     100     40",
                "   5  Tallåsen          1    2024   41.7  D       37.5      20.5         58.1    57.1     40",
                "   6  Grävlinge         1    2025   15.2  E          0         0            0    64.3     20",
                "",
                "Category scores are 0–100:",
                "  grund        Förankring och lägesbild",
                "  handling     Åtgärder och mål",
                "  uppfoljning  Uppföljning och återkoppling",
                "  ansvar       Ansvar, giltighet och underskrifter",
                "  sprak        Språk och tydlighet",
            ])
    }

    @Test("--by period on the examples: Lövsta's three periods, the changes between them and per category")
    func byPeriodExamples() {
        let run = runPromiseCheck(["compare", "--by", "period", "examples/promises/"], cwd: repositoryRoot)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        let output = lines(run.stdout)
        #expect(output.first == "Each area over time: 6 areas, 8 promises · pack medborgarlofte 1.0.0")
        let start = output.firstIndex { $0.hasPrefix("Lövsta:") } ?? 0
        #expect(
            Array(output[start..<min(output.count, start + 13)]) == [
                "Lövsta: 3 promises, 2019 → 2023: score +59.1",
                "  YEAR  PERIOD                   SCORE  GRADE  CHANGE  FILE",
                "  2019  gäller under 2019         38.6  E              examples/promises/lovsta-2019.yaml",
                "  2021  2021–2022                 87.6  B         +49  examples/promises/lovsta-2021.yaml",
                "  2023  2023-09-01 – 2025-08-31   97.7  A       +10.1  examples/promises/lovsta-2023.yaml",
                "",
                "  CATEGORY                             2019  2023  CHANGE",
                "  Förankring och lägesbild             12.5  91.7   +79.2",
                "  Åtgärder och mål                      7.7  97.4   +89.7",
                "  Uppföljning och återkoppling         58.1   100   +41.9",
                "  Ansvar, giltighet och underskrifter  64.3   100   +35.7",
                "  Språk och tydlighet                    90   100     +10",
                "",
            ])
        // Areas with one promise show it without a change.
        expectLine("Grävlinge: 1 promise", in: output)
        expectLine(
            "  2025  från 1 januari 2025 till 31 juni 2025   15.2  E              examples/promises/gravlinge-utkast.yaml",
            in: output)
    }

    @Test("--format json: Lövsta's scores, changes and category changes as numbers")
    func json() throws {
        let run = Self.compareExamples(["--format", "json", "--by", "period"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect(object["by"] as? String == "period")
        let areas = try #require(object["areas"] as? [[String: Any]])
        #expect(
            areas.map { $0["name"] as? String } == ["Ekby", "Lövsta", "Norrhamn", "Sjövik", "Tallåsen", "Grävlinge"])
        let lovsta = areas[1]
        #expect(lovsta["rank"] as? Int == 2)
        let promises = try #require(lovsta["promises"] as? [[String: Any]])
        #expect(promises.map { $0["year"] as? Int } == [2019, 2021, 2023])
        #expect(promises.map { $0["score"] as? Double } == [38.6, 87.6, 97.7])
        #expect(promises.map { $0["change"] as? Double } == [nil, 49, 10.1])
        #expect(promises.map { $0["grade"] as? String } == ["E", "B", "A"])
        let change = try #require(lovsta["change"] as? [String: Any])
        #expect(change["score"] as? Double == 59.1)
        #expect(change["from_year"] as? Int == 2019)
        #expect(change["to_year"] as? Int == 2023)
        #expect(
            change["categories"] as? [String: Double] == [
                "grund": 79.2, "handling": 89.7, "uppfoljning": 41.9, "ansvar": 35.7, "sprak": 10,
            ])
    }

    @Test("--format csv --by period: one row per promise, RFC 4180")
    func csv() {
        let run = Self.compareExamples(["--format", "csv", "--by", "period"])
        #expect(run.status == 0)
        let rows = run.stdout.components(separatedBy: "\r\n")
        #expect(rows.count == 10, "a header, eight promises and the empty piece after the last CRLF")
        #expect(
            rows.first
                == "area,grouped_by,position,year,period,path,score,grade,change,grund,handling,uppfoljning,ansvar,sprak"
        )
        #expect(
            rows.filter { $0.hasPrefix("Lövsta,") } == [
                "Lövsta,area,1,2019,gäller under 2019,\(repositoryRoot)/examples/promises/lovsta-2019.yaml,38.6,E,,12.5,7.7,58.1,64.3,90",
                "Lövsta,area,2,2021,2021–2022,\(repositoryRoot)/examples/promises/lovsta-2021.yaml,87.6,B,49,50,96.6,90.3,100,100",
                "Lövsta,area,3,2023,2023-09-01 – 2025-08-31,\(repositoryRoot)/examples/promises/lovsta-2023.yaml,97.7,A,10.1,91.7,97.4,100,100,100",
            ])
    }

    @Test("--format markdown --rules: a column per rule")
    func markdown() {
        let run = Self.compareExamples(["--format", "markdown", "--rules"])
        #expect(run.status == 0)
        let output = lines(run.stdout)
        #expect(output.first == "# Promises compared by area")
        let header = expectLine(containing: "| Rank | Area |", in: output)
        #expect(header?.contains("| `situation_sources` |") == true)
        expectLine(
            containing: "| 2 | Lövsta | 3 | 2023 | **97.7** | A | 91.7 | 97.4 | 100 | 100 | 100 | 100 |", in: output)
    }

    @Test("--format html: one self-contained page with a chart per category, or a trend per area over time")
    func html() {
        let byArea = Self.compareExamples(["--format", "html"])
        #expect(byArea.status == 0)
        #expect(byArea.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(byArea.stdout.components(separatedBy: "<svg ").count - 1 == 6, "the score and five categories")
        #expect(byArea.stdout.contains("<table class=\"heat\">"))
        #expect(!byArea.stdout.contains("<script"))
        let byPeriod = Self.compareExamples(["--format", "html", "--by", "period"])
        #expect(byPeriod.status == 0)
        #expect(byPeriod.stdout.components(separatedBy: "<svg ").count - 1 == 1, "only Lövsta has a trend")
        #expect(byPeriod.stdout.contains("<title id=\"trend-2-title\">Lövsta: score over time</title>"))
    }

    @Test("the mini pack on the good fixtures: exact table")
    func miniPack() {
        let run = runPromiseCheck(["compare", "--pack", Fixtures.miniPack, "promises/good"])
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(
            lines(run.stdout) == [
                "Areas ranked by their latest promise: 2 areas, 2 promises · pack mini 1.0",
                "",
                "RANK  AREA    PROMISES  LATEST  SCORE  GRADE  innehall  sprak",
                "   1  Almdal         1    2026    100  A           100    100",
                "   2  Bergby         1    2025     50  D            70      0",
                "",
                "Category scores are 0–100:",
                "  innehall  Innehåll",
                "  sprak     Språk",
            ])
    }

    @Test("unreadable files: listed on standard error and under 'Not compared', the others compared, exit 2")
    func unreadableFiles() {
        let run = runPromiseCheck(["compare", "--pack", Fixtures.miniPack, "--by", "period", "promises/"])
        #expect(run.status == 2)
        #expect(
            lines(run.stderr) == [
                "promises/bad/duplicate.yaml:4:1: error: duplicate key 'title' (first defined at 2:1) [yaml.duplicate-key]",
                "promises/bad/malformed.yaml:4:1: error: did not find expected ',' or ']' while parsing a flow sequence started at 3:12 [yaml.syntax]",
                "promises/bad/tab.yaml:3:1: error: tab used for indentation; YAML indents with spaces [yaml.tab-indentation]",
                "promises/unknown-keys.yaml:8:1: warning: unknown key 'folow_up' in the promise; did you mean 'follow_up'? [promise.unknown-key]",
            ])
        let output = lines(run.stdout)
        #expect(output.first == "Each area over time: 3 areas, 3 promises · pack mini 1.0")
        #expect(
            Array(output.suffix(4)) == [
                "Not compared (3 files):",
                "  promises/bad/duplicate.yaml: duplicate key 'title' (first defined at 2:1)",
                "  promises/bad/malformed.yaml: did not find expected ',' or ']' while parsing a flow sequence started at 3:12",
                "  promises/bad/tab.yaml: tab used for indentation; YAML indents with spaces",
            ])
        expectLine("  ?     –         100  A              promises/unknown-keys.yaml", in: output)
    }

    @Test("a path that does not exist: exit 2, the other paths still compared")
    func missingPath() {
        let run = runPromiseCheck(["compare", "--pack", Fixtures.miniPack, "promises/good", "saknas/"])
        #expect(run.status == 2)
        #expect(lines(run.stderr) == ["saknas/: error: no such file or folder [input.not-found]"])
        #expect(lines(run.stdout).first == "Areas ranked by their latest promise: 2 areas, 2 promises · pack mini 1.0")
    }

    @Test(
        "usage errors exit 2 and say what is valid",
        arguments: [
            (["compare"], "give at least one promise file or folder"),
            (["compare", "--by", "year", "promises/good"], "area"),
            (["compare", "--format", "sarif", "promises/good"], "markdown"),
        ])
    func usageErrors(_ arguments: [String], _ fragment: String) {
        let run = runPromiseCheck(arguments)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr.contains(fragment), "\(run.stderr)")
    }

    @Test("--output writes the file atomically, refuses to overwrite without --force, and replaces with it")
    func output() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let arguments = ["compare", "--pack", Fixtures.path + "/" + Fixtures.miniPack, "--format", "csv"]
        let goodPath = Fixtures.path + "/promises/good"
        let expected = runPromiseCheck(arguments + [goodPath], cwd: folder.path)
        let written = runPromiseCheck(arguments + ["--output", "jamforelse.csv", goodPath], cwd: folder.path)
        #expect(written.status == 0)
        #expect(written.stdout == "")
        #expect(written.stderr == "")
        #expect(folder.contents("jamforelse.csv") == expected.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["jamforelse.csv"])

        try folder.write("jamforelse.csv", "gammal\n")
        let refused = runPromiseCheck(arguments + ["--output", "jamforelse.csv", goodPath], cwd: folder.path)
        #expect(refused.status == 2)
        #expect(refused.stdout == "")
        #expect(lines(refused.stderr) == ["error: jamforelse.csv: already exists; use --force to overwrite it"])
        #expect(folder.contents("jamforelse.csv") == "gammal\n")

        let forced = runPromiseCheck(arguments + ["--output", "jamforelse.csv", "--force", goodPath], cwd: folder.path)
        #expect(forced.status == 0)
        #expect(folder.contents("jamforelse.csv") == expected.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["jamforelse.csv"])
    }

    /// A temporary folder with copies of example promises, each example at the path given.
    static func folder(with examples: [String: String]) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for (example, path) in examples {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/examples/promises/" + example))
            _ = try folder.write(path, bytes)
        }
        return folder
    }

    @Test("each file is compared under its nearest .promisecheck.yaml, with the score 'check' gives it")
    func configuration() throws {
        let folder = try Self.folder(with: [
            "ekby-2025-2026.yaml": "ekby-2025-2026.yaml", "sjovik-2025.yaml": "sjovik-2025.yaml",
        ])
        defer { folder.remove() }
        try folder.write(
            ".promisecheck.yaml",
            "version: 1\nrules:\n  period: off\n  measurable_target: {weight: 40}\nexclude: [sjovik*]\n")
        /// Ekby's score in a csv comparison, and whether Sjövik is compared at all.
        func ekby(_ arguments: [String]) -> (score: String?, sjovik: Bool) {
            let run = runPromiseCheck(["compare", "--format", "csv"] + arguments + ["."], cwd: folder.path)
            #expect(run.status == 0)
            #expect(run.stderr == "")
            let rows = run.stdout.components(separatedBy: "\r\n")
            let score = rows.first { $0.hasPrefix("1,Ekby,") && $0.contains(",score,score,") }
            return (score?.split(separator: ",").last.map(String.init), run.stdout.contains("Sjövik"))
        }
        let checked = runPromiseCheck(["check", "--format", "csv", "ekby-2025-2026.yaml"], cwd: folder.path)
        let checkedScore = checked.stdout.components(separatedBy: "\r\n").dropFirst().first?
            .split(separator: ",", omittingEmptySubsequences: false)
        #expect(checkedScore?[3] == "98.6")

        #expect(ekby([]) == ("98.6", false))
        #expect(ekby(["--no-config"]) == ("98.5", true))
        try folder.write("annan.yaml", "version: 1\n")
        #expect(ekby(["--config", "annan.yaml"]) == ("98.5", true))
    }

    @Test("files under different configurations: compared, with a note on standard error")
    func twoConfigurations() throws {
        let folder = try Self.folder(with: [
            "ekby-2025-2026.yaml": "ekby-2025-2026.yaml", "sjovik-2025.yaml": "norr/sjovik-2025.yaml",
        ])
        defer { folder.remove() }
        try folder.write("norr/.promisecheck.yaml", "version: 1\nrules:\n  readability: off\n")
        let run = runPromiseCheck(["compare", "."], cwd: folder.path)
        #expect(run.status == 0)
        #expect(
            lines(run.stderr) == [
                "note: the files are checked under 2 configurations with different packs or rule changes; each score "
                    + "is its own configuration's, and the columns are those of the first file's pack"
            ])
        #expect(
            lines(run.stdout).first
                == "Areas ranked by their latest promise: 2 areas, 2 promises · pack medborgarlofte 1.0.0")
    }

    @Test("compare is listed by the root command's help")
    func listedInHelp() {
        let run = runPromiseCheck(["--help"])
        #expect(run.stdout.contains("compare"))
    }
}
