import Foundation
import Testing

@testable import PromiseCheck

/// Baselines: findings known by path, rule and the text they point at, never by line.
@Suite struct BaselineTests {
    static let promise = """
        promise: 1
        area: Ekby
        commitments:
          - title: Stationen
            actions: [Verka för trygghet vid stationen]
          - title: Torget 2
            actions: [Patrullera torget, verka för lugn]
        """

    static func report(_ yaml: String, path: String = "promises/ekby.yaml") throws -> Report {
        let (result, _) = loadScratchPack(yaml: SuppressionTests.pack)
        let pack = try #require(result.pack)
        let read = PromiseFileReader().read(Array(yaml.utf8), path: path)
        let file = Checker(pack: pack).check(try #require(read.document), diagnostics: read.diagnostics)
        return Report(toolVersion: "0", packs: [PackSummary(pack)], files: [file], diagnostics: [])
    }

    static let cwd = "/work/projekt"

    @Test("a baseline lists each finding once per path, rule and fingerprint, sorted, with counts")
    func recorded() throws {
        let baseline = Baseline(report: try Self.report(Self.promise), currentDirectory: Self.cwd)
        #expect(baseline.version == 1)
        #expect(
            baseline.findings.map { "\($0.path) \($0.rule) \($0.count) \($0.message)" } == [
                "promises/ekby.yaml siffra 1 åtagandet Stationen saknar en siffra",
                "promises/ekby.yaml tomma-ord 2 tomt ord: \"Verka för\"",
            ])
        #expect(baseline.findings.allSatisfy { $0.fingerprint.count == 16 })
        // "Verka för" and "verka för" are the same text, lower-cased: one fingerprint, counted twice.
        #expect(Set(baseline.findings.map(\.fingerprint)).count == 2)
    }

    @Test("the file is deterministic: sorted keys, same bytes every time, and reads back")
    func encoded() throws {
        let report = try Self.report(Self.promise)
        let first = Baseline(report: report, currentDirectory: Self.cwd).encoded()
        #expect(first == Baseline(report: report, currentDirectory: Self.cwd).encoded())
        #expect(first.hasPrefix("{\n  \"findings\" : [\n    {\n      \"count\" : "))
        #expect(first.hasSuffix("\n  \"version\" : 1\n}\n"))
        let decoded = try Baseline.decode(Data(first.utf8))
        #expect(decoded == Baseline(report: report, currentDirectory: Self.cwd))
    }

    @Test("lines inserted above a finding leave it in the baseline")
    func survivesEditsAbove() throws {
        let baseline = Baseline(report: try Self.report(Self.promise), currentDirectory: Self.cwd)
        let edited = Self.promise.replacingOccurrences(
            of: "area: Ekby\n", with: "area: Ekby\n# en kommentar\ntitle: Ekby – medborgarlöften\nstatus: draft\n")
        let applied = baseline.apply(to: try Self.report(edited), baselinePath: "b.json", currentDirectory: Self.cwd)
        let evaluation = try #require(applied.evaluations.first)
        #expect(evaluation.findings.isEmpty)
        #expect(evaluation.baselined.map(\.location.line) == [7, 8, 10])
        #expect(applied.baselinedCount == 3)
        #expect(applied.baseline == "b.json")
    }

    @Test("changing the text a finding points at reports it again; the others stay baselined")
    func changedTextIsNew() throws {
        let baseline = Baseline(report: try Self.report(Self.promise), currentDirectory: Self.cwd)
        let edited = Self.promise.replacingOccurrences(of: "verka för lugn", with: "kontinuerligt lugn")
        let applied = baseline.apply(to: try Self.report(edited), baselinePath: "b.json", currentDirectory: Self.cwd)
        let evaluation = try #require(applied.evaluations.first)
        #expect(evaluation.findings.map { "\($0.location) \($0.message)" } == ["7:34 tomt ord: \"kontinuerligt\""])
        #expect(evaluation.baselined.count == 2)
        // Scores are untouched by the baseline.
        #expect(evaluation.score == (try Self.report(edited).evaluations.first?.score))
    }

    @Test("a second finding with the same text is new: counts are kept")
    func countsAreKept() throws {
        let baseline = Baseline(report: try Self.report(Self.promise), currentDirectory: Self.cwd)
        let edited = Self.promise + "\n  - title: Parken 3\n    actions: [Verka för ro]\n"
        let applied = baseline.apply(to: try Self.report(edited), baselinePath: "b.json", currentDirectory: Self.cwd)
        #expect(applied.evaluations.first?.findings.map(\.location.line) == [9])
    }

    @Test("paths are compared as the baseline keeps them: relative to the working folder, standardized")
    func paths() throws {
        #expect(Baseline.normalizedPath("./promises//ekby.yaml", currentDirectory: "/p") == "promises/ekby.yaml")
        #expect(Baseline.normalizedPath("/p/promises/ekby.yaml", currentDirectory: "/p/") == "promises/ekby.yaml")
        #expect(Baseline.normalizedPath("/annat/ekby.yaml", currentDirectory: "/p") == "/annat/ekby.yaml")
        let baseline = Baseline(report: try Self.report(Self.promise), currentDirectory: Self.cwd)
        let other = try Self.report(Self.promise, path: "./promises/ekby.yaml")
        #expect(baseline.apply(to: other, baselinePath: "b", currentDirectory: Self.cwd).baselinedCount == 3)
        let elsewhere = try Self.report(Self.promise, path: "andra/ekby.yaml")
        #expect(baseline.apply(to: elsewhere, baselinePath: "b", currentDirectory: Self.cwd).baselinedCount == 0)
    }

    @Test(
        "a file that is not a baseline is refused, saying why",
        arguments: [
            ("[]", "not a baseline file (expected a JSON object with 'version' and 'findings')"),
            (
                "{\"version\": 2, \"findings\": []}",
                "unsupported baseline format (version 2); this PromiseCheck reads version 1"
            ),
            ("{\"findings\": []}", "unsupported baseline format (no version); this PromiseCheck reads version 1"),
            ("{\"version\": 1}", "not a valid baseline file: missing 'findings' at the top"),
            (
                "{\"version\": 1, \"findings\": [{\"path\": \"a\", \"rule\": \"r\", \"fingerprint\": \"f\", \"count\": 0, \"message\": \"m\"}]}",
                "the count of a r f must be at least 1"
            ),
        ])
    func refused(text: String, message: String) {
        #expect(throws: Baseline.Failure.self) { try Baseline.decode(Data(text.utf8)) }
        do {
            _ = try Baseline.decode(Data(text.utf8))
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("the fingerprint is the rule and the normalised excerpt, else the item's text, else the message")
    func fingerprint() {
        func finding(excerpt: String?, subject: String?, message: String = "m", line: Int = 1) -> Finding {
            Finding(
                ruleID: "r", severity: .info, message: message, hint: nil, path: "a", location: pos(line, 1),
                excerpt: excerpt, subject: subject)
        }
        #expect(
            finding(excerpt: "Verka  för", subject: nil).fingerprint
                == finding(excerpt: "verka för", subject: "annat", line: 9).fingerprint)
        #expect(
            finding(excerpt: nil, subject: "A b").fingerprint == finding(excerpt: nil, subject: " a\nB ").fingerprint)
        #expect(
            finding(excerpt: nil, subject: nil, message: "x").fingerprint
                != finding(excerpt: nil, subject: nil).fingerprint)
        #expect(finding(excerpt: "x", subject: nil).fingerprint != finding(excerpt: "y", subject: nil).fingerprint)
    }

    /// A run of three files: two paths that name the same file, and another file.
    static func threeFiles() throws -> Report {
        let edited = promise + "\n  - title: Parken 3\n    actions: [Verka för ro]\n"
        var run = try report(promise)
        run.files += try report(edited, path: "./promises/ekby.yaml").files
        run.files += try report(promise, path: "andra/ekby.yaml").files
        return run
    }

    @Test("one file at a time: the matcher gives what applying to the whole report gives")
    func matcherPerFile() throws {
        let baseline = Baseline(report: try Self.report(Self.promise), currentDirectory: Self.cwd)
        let report = try Self.threeFiles()
        let whole = baseline.apply(to: report, baselinePath: "b", currentDirectory: Self.cwd)
        var matcher = Baseline.Matcher(baseline)
        var inOrder: [FileReport] = []
        for var file in report.files {
            matcher.consume(&file, currentDirectory: Self.cwd)
            inOrder.append(file)
        }
        #expect(inOrder.map { $0.evaluation?.baselined.count } == whole.files.map { $0.evaluation?.baselined.count })
        #expect(inOrder.map { $0.evaluation?.findings.count } == whole.files.map { $0.evaluation?.findings.count })
        #expect(whole.files.map { $0.evaluation?.baselined.count } == [3, 0, 0], "the counts are used up once")
        // On its own, a file takes from the counts of its path as if no other file had it.
        let alone = Baseline.Matcher(baseline).applying(to: report.files[1], currentDirectory: Self.cwd)
        #expect(alone.evaluation?.baselined.count == 3)
        #expect(alone.evaluation?.findings.map(\.location.line) == [9])
    }

    @Test("entries recorded file by file and merged are the baseline of the whole report")
    func merging() throws {
        let report = try Self.threeFiles()
        let entries = report.evaluations.flatMap { Baseline.entries(for: $0, currentDirectory: Self.cwd) }
        #expect(Baseline(merging: entries) == Baseline(report: report, currentDirectory: Self.cwd))
        #expect(Baseline(merging: entries).findings.map(\.count) == [1, 2, 2, 5], "the same path's counts add up")
    }
}
