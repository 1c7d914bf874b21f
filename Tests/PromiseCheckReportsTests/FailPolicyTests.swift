import PromiseCheckReports
import Testing

@testable import PromiseCheck

/// Each branch of ``FailPolicy/verdict(for:)``.
@Suite("FailPolicy")
struct FailPolicyTests {
    static func file(_ name: String, score: Double, findings severities: [Severity] = []) -> FileReport {
        let path = "promises/\(name).yaml"
        let findings = severities.enumerated().map { index, severity in
            SampleReports.finding("regel", severity, "fynd \(index)", hint: nil, path: path, at: index + 1, 1)
        }
        let rule = SampleReports.rule(
            "regel", "Regel", category: "innehall", severity: .warning, weight: 1, fraction: score / 100,
            passed: score >= 50, reason: "", findings: findings)
        let evaluation = DocumentEvaluation(
            path: path, format: .yaml, area: nil, title: nil, period: nil, score: score, grade: "C", categories: [],
            rules: [rule], notes: [])
        return FileReport(path: path, evaluation: evaluation, diagnostics: [])
    }

    static func report(_ files: [FileReport], diagnostics: [Diagnostic] = []) -> Report {
        Report(toolVersion: SampleReports.version, packs: SampleReports.packs, files: files, diagnostics: diagnostics)
    }

    static let unreadable = FileReport(
        path: "promises/trasig.yaml", evaluation: nil,
        diagnostics: [
            Diagnostic(.error, "file is empty", path: "promises/trasig.yaml", location: .start, code: "yaml.empty")
        ])

    @Test("no findings and no minimum: passed, exit 0")
    func passed() {
        let verdict = FailPolicy().verdict(for: Self.report([Self.file("a", score: 100)]))
        #expect(verdict == .passed)
        #expect(verdict.exitCode == 0)
    }

    @Test("findings below --fail-on do not fail")
    func belowFailLevel() {
        let report = Self.report([Self.file("a", score: 60, findings: [.warning, .info])])
        #expect(FailPolicy(failOn: .error).verdict(for: report) == .passed)
    }

    @Test("one finding at --fail-on fails, in the singular")
    func oneFinding() {
        let report = Self.report([Self.file("a", score: 60, findings: [.error, .warning])])
        let verdict = FailPolicy(failOn: .error).verdict(for: report)
        #expect(verdict == .failed(["1 finding at or above 'error' (--fail-on error)"]))
        #expect(verdict.exitCode == 1)
    }

    @Test("findings at and above --fail-on are counted across files, in the plural")
    func severalFindings() {
        let report = Self.report([
            Self.file("a", score: 60, findings: [.error, .warning, .info]),
            Self.file("b", score: 70, findings: [.warning]),
        ])
        #expect(
            FailPolicy(failOn: .warning).verdict(for: report)
                == .failed(["3 findings at or above 'warning' (--fail-on warning)"]))
        #expect(
            FailPolicy(failOn: .info).verdict(for: report)
                == .failed(["4 findings at or above 'info' (--fail-on info)"]))
    }

    @Test("--fail-on never (nil) never fails on findings")
    func never() {
        let report = Self.report([Self.file("a", score: 10, findings: [.error, .error])])
        #expect(FailPolicy(failOn: nil).verdict(for: report) == .passed)
    }

    @Test("a file below --min-score fails; a score equal to it does not")
    func minScore() {
        #expect(
            FailPolicy(failOn: nil, minScore: 80).verdict(for: Self.report([Self.file("a", score: 79.9)]))
                == .failed(["1 file scored below 80 (--min-score)"]))
        #expect(FailPolicy(failOn: nil, minScore: 80).verdict(for: Self.report([Self.file("a", score: 80)])) == .passed)
        #expect(
            FailPolicy(failOn: nil, minScore: 87.5).verdict(
                for: Self.report([Self.file("a", score: 50), Self.file("b", score: 87.4), Self.file("c", score: 90)]))
                == .failed(["2 files scored below 87.5 (--min-score)"]))
    }

    @Test("both reasons, findings first")
    func bothReasons() {
        let report = Self.report([Self.file("a", score: 40, findings: [.warning])])
        #expect(
            FailPolicy(failOn: .warning, minScore: 50).verdict(for: report)
                == .failed([
                    "1 finding at or above 'warning' (--fail-on warning)", "1 file scored below 50 (--min-score)",
                ]))
    }

    @Test("an error diagnostic in a file is an input error, whatever the findings and scores")
    func inputErrorInFile() {
        let report = Self.report([Self.file("a", score: 10, findings: [.error]), Self.unreadable])
        for policy in [FailPolicy(), FailPolicy(failOn: nil), FailPolicy(failOn: .info, minScore: 100)] {
            let verdict = policy.verdict(for: report)
            #expect(verdict == .inputError(1))
            #expect(verdict.exitCode == 2)
        }
    }

    @Test("error diagnostics of the run and of files are counted together; warnings are not input errors")
    func inputErrorCount() {
        let missing = Diagnostic(.error, "no such file or folder", path: "saknas.yaml", code: "input.not-found")
        let warning = Diagnostic(.warning, "unknown key", path: "a.yaml", location: .start, code: "promise.unknown-key")
        #expect(
            FailPolicy().verdict(for: Self.report([Self.unreadable], diagnostics: [missing, warning])) == .inputError(2)
        )
        #expect(FailPolicy().verdict(for: Self.report([Self.file("a", score: 100)], diagnostics: [warning])) == .passed)
    }

    @Test("unreadable files do not count as scoring below --min-score")
    func minScoreIgnoresUnreadable() {
        var unreadable = Self.unreadable
        unreadable.diagnostics = []
        #expect(FailPolicy(minScore: 90).verdict(for: Self.report([unreadable, Self.file("a", score: 95)])) == .passed)
    }

    @Test("no files: passed")
    func noFiles() {
        #expect(FailPolicy(failOn: .info, minScore: 100).verdict(for: Self.report([])) == .passed)
    }

    @Test("the default policy fails on errors and has no minimum")
    func defaults() {
        #expect(FailPolicy() == FailPolicy(failOn: .error, minScore: nil))
        #expect(FailPolicy().minAverage == nil)
        #expect(FailPolicy().sources == FailPolicy.Sources())
    }

    @Test("--min-average fails on the run's average, not on each file's score")
    func minAverage() {
        // 50 and 75: the average is 62.5, though one file is below 60.
        let report = Self.report([Self.file("a", score: 50), Self.file("b", score: 75)])
        #expect(FailPolicy(failOn: nil, minAverage: 60).verdict(for: report) == .passed)
        #expect(FailPolicy(failOn: nil, minAverage: 62.5).verdict(for: report) == .passed)
        let verdict = FailPolicy(failOn: nil, minAverage: 70).verdict(for: report)
        #expect(verdict == .failed(["the average score 62.5 is below 70 (--min-average)"]))
        #expect(verdict.exitCode == 1)
    }

    @Test("every broken part is named, in order: findings, file scores, the average")
    func allThreeParts() {
        let report = Self.report([Self.file("a", score: 50, findings: [.error]), Self.file("b", score: 75)])
        let verdict = FailPolicy(failOn: .error, minScore: 60, minAverage: 70).verdict(for: report)
        #expect(
            verdict
                == .failed([
                    "1 finding at or above 'error' (--fail-on error)", "1 file scored below 60 (--min-score)",
                    "the average score 62.5 is below 70 (--min-average)",
                ]))
    }

    @Test("settings from a configuration file are named by where they were set")
    func sourcesInReasons() {
        let report = Self.report([Self.file("a", score: 50, findings: [.warning])])
        var policy = FailPolicy(failOn: .warning, minScore: 60, minAverage: 70)
        policy.sources = FailPolicy.Sources(
            failOn: "fail_on in .promisecheck.yaml:3", minScore: "min_score in .promisecheck.yaml:4",
            minAverage: "min_average in .promisecheck.yaml:5")
        #expect(
            policy.verdict(for: report)
                == .failed([
                    "1 finding at or above 'warning' (fail_on in .promisecheck.yaml:3)",
                    "1 file scored below 60 (min_score in .promisecheck.yaml:4)",
                    "the average score 50 is below 70 (min_average in .promisecheck.yaml:5)",
                ]))
    }

    @Test("no file could be evaluated: no average, so --min-average does not fail")
    func minAverageWithoutScores() {
        var unreadable = Self.unreadable
        unreadable.diagnostics = []
        #expect(FailPolicy(minAverage: 100).verdict(for: Self.report([unreadable])) == .passed)
    }

    @Test("engine findings count against --fail-on; suppressed and baselined findings do not")
    func hiddenFindingsDoNotFail() {
        var file = Self.file("a", score: 50)
        let finding = SampleReports.finding("regel", .error, "fynd", hint: nil, path: file.path, at: 3, 1)
        file.evaluation?.suppressed = [
            SuppressedFinding(finding: finding, reason: "skäl", suppressionLocation: .start, isFileWide: true)
        ]
        file.evaluation?.baselined = [finding]
        #expect(FailPolicy(failOn: .info).verdict(for: Self.report([file])) == .passed)
        file.evaluation?.engineFindings = [
            SampleReports.finding("unused-suppression", .warning, "oanvänd", hint: nil, path: file.path, at: 1, 1)
        ]
        #expect(
            FailPolicy(failOn: .warning).verdict(for: Self.report([file]))
                == .failed(["1 finding at or above 'warning' (--fail-on warning)"]))
    }
}
