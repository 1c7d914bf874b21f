import Foundation
import Testing

/// `check --format F [--output FILE]…`: every format, several reports from one run, colour.
@Suite("report formats")
struct ReportFormatsTests {
    static let formats = ["text", "json", "sarif", "junit", "github", "markdown", "csv", "html"]
    static let bergby = "promises/good/bergby-2025.yaml"

    static func check(_ extra: [String], paths: [String] = [bergby]) -> [String] {
        ["check", "--pack", Fixtures.path + "/" + Fixtures.miniPack] + extra + paths.map { Fixtures.path + "/" + $0 }
    }

    static let escape = "\u{1B}["

    /// Runs `executable` (by default promisecheck) in `cwd` with `NO_COLOR` and `TERM` taken out
    /// of the test's environment, so colour depends only on `environment` and the arguments.
    static func run(
        _ arguments: [String], executable: String? = nil, cwd: String = Fixtures.path,
        environment: [String: String] = [:], sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> RunResult {
        guard let program = executable ?? Executable.url?.path else {
            Issue.record("the promisecheck executable was not found", sourceLocation: sourceLocation)
            return (-1, "", "")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("formats-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            let out = scratch.appendingPathComponent("stdout")
            let err = scratch.appendingPathComponent("stderr")
            _ = FileManager.default.createFile(atPath: out.path, contents: nil)
            _ = FileManager.default.createFile(atPath: err.path, contents: nil)
            let outHandle = try FileHandle(forWritingTo: out)
            let errHandle = try FileHandle(forWritingTo: err)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: cwd)
            var env = ProcessInfo.processInfo.environment
            for name in ["NO_COLOR", "TERM", "PROMISECHECK_RULES", "COLUMNS", "LINES"] { env[name] = nil }
            env["TERM"] = "xterm"
            env.merge(environment) { _, new in new }
            process.environment = env
            process.standardOutput = outHandle
            process.standardError = errHandle
            process.standardInput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            try? outHandle.close()
            try? errHandle.close()
            return (
                process.terminationStatus, String(decoding: try Data(contentsOf: out), as: UTF8.self),
                String(decoding: try Data(contentsOf: err), as: UTF8.self)
            )
        } catch {
            Issue.record("cannot run \(program): \(error)", sourceLocation: sourceLocation)
            return (-1, "", "")
        }
    }

    @Test("every format runs, writes something, and keeps the policy's exit status", arguments: formats)
    func eachFormat(_ format: String) {
        let run = runPromiseCheck(Self.check(["--format", format, "--fail-on", "warning"]))
        #expect(run.status == 1)
        #expect(run.stderr == "")
        #expect(!run.stdout.isEmpty)
        #expect(!run.stdout.contains(Self.escape))
        let again = runPromiseCheck(Self.check(["--format", format, "--fail-on", "warning"]))
        #expect(again.stdout == run.stdout, "the same input gives the same bytes")
    }

    @Test("several reports from one run: files in order, the format without --output on standard output")
    func severalOutputs() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = runPromiseCheck(
            Self.check([
                "--format", "sarif", "--output", "r.sarif", "--format", "junit", "--output", "r.xml", "--format",
                "text",
            ]), cwd: folder.path)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        let text = runPromiseCheck(Self.check([]), cwd: folder.path)
        let sarif = runPromiseCheck(Self.check(["--format", "sarif"]), cwd: folder.path)
        let junit = runPromiseCheck(Self.check(["--format", "junit"]), cwd: folder.path)
        #expect(run.stdout == text.stdout)
        #expect(folder.contents("r.sarif") == sarif.stdout)
        #expect(folder.contents("r.xml") == junit.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["r.sarif", "r.xml"])
    }

    @Test("every format to a file at once, nothing on standard output")
    func allToFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let arguments = Self.formats.flatMap { ["--format", $0, "--output", "rapport-\($0).out"] }
        let run = runPromiseCheck(Self.check(arguments + ["--fail-on", "never"]), cwd: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout == "")
        #expect(run.stderr == "")
        for format in Self.formats {
            let alone = runPromiseCheck(Self.check(["--format", format, "--fail-on", "never"]), cwd: folder.path)
            #expect(folder.contents("rapport-\(format).out") == alone.stdout, "\(format)")
        }
    }

    @Test(
        "--format and --output that do not pair up are usage errors that name the problem",
        arguments: [
            (["--output", "a.txt", "--output", "b.txt"], "2 --output files but no --format values"),
            (["--format", "json", "--output", "a.json", "--output", "b.json"], "2 --output files but only 1 --format"),
            (
                ["--format", "sarif", "--format", "junit"],
                "only one report can go to standard output, not 2 (sarif, junit)"
            ),
            (
                ["--format", "json", "--output", "r.json", "--format", "csv", "--output", "r.json"],
                "--output r.json is given twice"
            ),
            (
                ["--format", "text", "--format", "sarif", "--output", "r.sarif"],
                "--output r.sarif would get the text report"
            ),
        ] as [([String], String)])
    func mismatched(arguments: [String], message: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = runPromiseCheck(Self.check(arguments), cwd: folder.path)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        expectLine(containing: message, in: lines(run.stderr))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("a single --output without --format is still the text report")
    func outputAlone() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = runPromiseCheck(Self.check(["--output", "r.txt"]), cwd: folder.path)
        #expect(run.status == 0)
        #expect(folder.contents("r.txt") == runPromiseCheck(Self.check([])).stdout)
    }

    @Test("an existing file stops the run before any report is written, unless --force")
    func existingFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("r.xml", "gammal\n")
        let arguments = ["--format", "sarif", "--output", "r.sarif", "--format", "junit", "--output", "r.xml"]
        let run = runPromiseCheck(Self.check(arguments), cwd: folder.path)
        #expect(run.status == 2)
        #expect(lines(run.stderr) == ["error: r.xml: already exists; use --force to overwrite it"])
        #expect(folder.contents("r.sarif") == nil)
        #expect(folder.contents("r.xml") == "gammal\n")
        let forced = runPromiseCheck(Self.check(arguments + ["--force"]), cwd: folder.path)
        #expect(forced.status == 0)
        #expect(folder.contents("r.xml")?.hasPrefix("<?xml") == true)
        #expect(folder.contents("r.sarif") != nil)
    }

    @Test(
        "colour: --color always colours standard output unless NO_COLOR is set; never, auto off a terminal and files never",
        arguments: [
            (["--color", "always"], [:], true), (["--color", "always"], ["NO_COLOR": ""], false),
            (["--color", "always"], ["NO_COLOR": "1"], false), (["--color", "never"], [:], false), ([], [:], false),
            (["--color", "auto"], [:], false),
        ] as [([String], [String: String], Bool)])
    func color(arguments: [String], environment: [String: String], colored: Bool) {
        let run = Self.run(Self.check(arguments), environment: environment)
        #expect(run.status == 0)
        #expect(run.stdout.contains(Self.escape) == colored)
        if colored {
            #expect(run.stdout.contains("\u{1B}[1;33mwarning\u{1B}[0m: lägesbilden"))
            #expect(run.stdout.contains("score \u{1B}[1m50\u{1B}[0m (grade \u{1B}[1mD\u{1B}[0m)"))
        }
    }

    @Test("colour never goes into a file, even with --color always")
    func colorNotInFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = Self.run(
            Self.check(["--color", "always", "--output", "r.txt", "--format", "github"]), cwd: folder.path)
        #expect(run.status == 0)
        #expect(folder.contents("r.txt")?.contains(Self.escape) == false)
        #expect(!run.stdout.contains(Self.escape), "only the text format is coloured")
    }

    @Test(
        "on a terminal, --color auto colours and NO_COLOR turns it off",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a terminal"))
    func colorOnTerminal() throws {
        guard let executable = Executable.url else {
            Issue.record("the promisecheck executable was not found")
            return
        }
        let command = ([executable.path] + Self.check([])).map { "'\($0)'" }.joined(separator: " ")
        let onTerminal = Self.run(["-qec", command, "/dev/null"], executable: "/usr/bin/script")
        #expect(onTerminal.stdout.contains(Self.escape))
        #expect(onTerminal.stdout.contains("score \u{1B}[1m50\u{1B}[0m (grade \u{1B}[1mD\u{1B}[0m)"))
        let noColor = Self.run(
            ["-qec", command, "/dev/null"], executable: "/usr/bin/script", environment: ["NO_COLOR": "1"])
        #expect(!noColor.stdout.contains(Self.escape))
        #expect(noColor.stdout.contains("score 50 (grade D)"))
    }

    @Test("github: file names and rule ids escaped as workflow commands require")
    func githubEscaping() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.copyFixture(Self.bergby, as: "ort, del: 100%.yaml")
        let run = runPromiseCheck(
            ["check", "--pack", Fixtures.path + "/" + Fixtures.miniPack, "--format", "github", "ort, del: 100%.yaml"],
            cwd: folder.path)
        #expect(run.status == 0)
        let output = lines(run.stdout)
        expectLine(
            "::warning file=ort%2C del%3A 100%25.yaml,line=8,col=1,title=kallor::lägesbilden bygger på 1 slags källor, "
                + "minst 2 behövs%0Ahint: Ange både brottsstatistik och en trygghetsmätning eller medborgardialog.",
            in: output)
        expectLine(
            containing: "::notice file=ort%2C del%3A 100%25.yaml,line=19,col=13,title=platshallare::", in: output)
        #expect(
            output.last
                == "::notice::promisecheck: 1 file checked; 0 errors, 4 warnings, 1 info; average score 50; result: passed"
        )
        #expect(output.allSatisfy { $0.hasPrefix("::") })
    }

    @Test("github: input errors are ::error annotations on their file and line")
    func githubInputErrors() {
        let run = runPromiseCheck(Self.check(["--format", "github"], paths: ["promises/bad/duplicate.yaml"]))
        #expect(run.status == 2)
        expectLine(
            containing: "promises/bad/duplicate.yaml,line=4,col=1,title=yaml.duplicate-key::duplicate key 'title'",
            in: lines(run.stdout))
        #expect(lines(run.stdout).first?.hasPrefix("::error file=") == true)
    }

    @Test("html: self-contained, no scripts, and no web address except in links")
    func htmlMakesNoRequests() throws {
        let pack = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Rules/medborgarlofte").path
        let run = runPromiseCheck([
            "check", "--pack", pack, "--format", "html", "--fail-on", "never", Fixtures.path + "/" + Self.bergby,
        ])
        #expect(run.status == 0)
        let html = run.stdout
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.lowercased().contains("<script"))
        for request in ["src=", "url(", "@import", "<link", "<iframe", "<object", "<embed", "srcset"] {
            #expect(!html.lowercased().contains(request), "\(request)")
        }
        var links = 0
        var rest = html[...]
        while let range = rest.range(of: "://") {
            let before = rest[..<range.lowerBound]
            #expect(
                before.hasSuffix("<a href=\"http") || before.hasSuffix("<a href=\"https"),
                "a web address outside a link, after: \(before.suffix(60))")
            links += 1
            rest = rest[range.upperBound...]
        }
        #expect(links > 0, "the shipped pack's rules link to their sources")
    }

    @Test("html: the promise's own lines, numbered, with each finding at its place")
    func htmlShowsSource() throws {
        let run = runPromiseCheck(Self.check(["--format", "html"]))
        let html = run.stdout
        let source = try String(contentsOfFile: Fixtures.path + "/" + Self.bergby, encoding: .utf8)
        let count = lines(source).count
        #expect(html.contains("id=\"file-1-L\(count)\""))
        #expect(!html.contains("id=\"file-1-L\(count + 1)\""))
        #expect(
            html.contains(
                "<div class=\"line has-finding warning\" id=\"file-1-L17\"><span class=\"ln\">17</span><code>      - "
                    + "<mark class=\"warning\">Verka för</mark> ökad närvaro vid busstationen</code></div>"))
        #expect(html.contains("Skriv vad som ska göras, av vem och hur ofta."))
        #expect(html.components(separatedBy: "<div class=\"annotation ").count - 1 == 5)
    }

    @Test("csv: a header and a row per rule")
    func csvRows() {
        let run = runPromiseCheck(Self.check(["--format", "csv"]))
        let records = run.stdout.components(separatedBy: "\r\n").dropLast()
        #expect(
            records.first
                == "path,area,period,score,grade,rule,category,severity,weight,fraction,passed,findings,suppressed")
        #expect(run.stdout.hasSuffix("\r\n"))
        #expect(records.filter { $0.contains(Self.bergby) }.count == 4)
    }
}
