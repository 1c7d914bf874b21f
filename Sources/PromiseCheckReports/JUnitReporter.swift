import PromiseCheck

/// JUnit XML for CI test views: a `<testsuite>` per file and a `<testcase>` per rule.
///
/// A rule with findings is a failing test case (`<failure type="severity">` listing them,
/// whatever its fraction), so `failures` counts the rules a person has to act on. A rule whose
/// findings were all suppressed by comments is `<skipped>` with the reasons; suppressed findings
/// beside reported ones are listed in the test case's `<system-out>`. The engine's own findings
/// on suppression comments are a failing test case per check. A file that
/// cannot be read, and a named path that does not exist, is a suite with one `<error>` test
/// case; input warnings go to the suite's `<system-err>`. Scores and grades are suite
/// `<properties>`.
///
/// The totals come first, in `<testsuites>`, so the report is assembled (``AssembledReporter``):
/// each file's suite is set aside as it is checked and counted, and written after them at the end.
public struct JUnitReporter: AssembledReporter {
    public init() {}

    public func assembly(_ run: ReportRun, makeSpool: () -> any ReportSpool) -> JUnitAssembly {
        JUnitAssembly(suites: makeSpool())
    }

    /// The suites of the run's own diagnostics, a suite per path, in the order the paths first appear.
    package static func inputSuites(_ diagnostics: [Diagnostic]) -> [Suite] {
        var paths: [String] = []
        var byPath: [String: [Diagnostic]] = [:]
        for diagnostic in diagnostics {
            if byPath[diagnostic.path] == nil { paths.append(diagnostic.path) }
            byPath[diagnostic.path, default: []].append(diagnostic)
        }
        return paths.map { inputSuite(path: $0, diagnostics: byPath[$0] ?? []) }
    }

    /// The XML declaration and the `<testsuites>` element's start, with the totals of every suite.
    package static func header(_ totals: Counts) -> [String] {
        [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            "<testsuites name=\"promisecheck\" tests=\"\(totals.tests)\" failures=\"\(totals.failures)\" "
                + "errors=\"\(totals.errors)\"" + (totals.skipped > 0 ? " skipped=\"\(totals.skipped)\"" : "") + ">",
        ]
    }

    package static let footer = "</testsuites>"

    /// A suite's or a report's test cases by outcome.
    package struct Counts: Sendable {
        package var tests = 0
        package var failures = 0
        package var errors = 0
        package var skipped = 0

        package init() {}

        package mutating func add(_ other: Counts) {
            tests += other.tests
            failures += other.failures
            errors += other.errors
            skipped += other.skipped
        }
    }

    package struct Suite {
        var name: String
        var properties: [(String, String)] = []
        var cases: [[String]] = []
        var tests = 0
        var failures = 0
        var errors = 0
        var skipped = 0
        var systemErr: [String] = []

        package var counts: Counts {
            var counts = Counts()
            counts.tests = tests
            counts.failures = failures
            counts.errors = errors
            counts.skipped = skipped
            return counts
        }

        package var lines: [String] {
            var lines = [
                "  <testsuite name=\"\(attr(name))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\">"
            ]
            if !properties.isEmpty {
                lines.append("    <properties>")
                for (name, value) in properties {
                    lines.append("      <property name=\"\(attr(name))\" value=\"\(attr(value))\"/>")
                }
                lines.append("    </properties>")
            }
            lines += cases.flatMap { $0 }
            if !systemErr.isEmpty {
                lines.append("    <system-err>\(text(systemErr.joined(separator: "\n")))</system-err>")
            }
            lines.append("  </testsuite>")
            return lines
        }
    }

    package static func suite(_ file: FileReport) -> Suite {
        guard let evaluation = file.evaluation else {
            return inputSuite(path: file.path, diagnostics: file.diagnostics)
        }
        var suite = Suite(name: file.path)
        suite.properties = [("score", ScoreFormat.number(evaluation.score)), ("grade", evaluation.grade)]
        if let area = evaluation.area { suite.properties.append(("area", area)) }
        if let period = evaluation.period, !period.isEmpty { suite.properties.append(("period", period)) }
        for category in evaluation.categories {
            suite.properties.append(("category.\(category.key)", category.score.map(ScoreFormat.number) ?? "-"))
        }
        var cases = evaluation.rules.map { ($0.id, $0.title, $0.severity, $0.findings) }
        for rule in EngineRule.allCases {
            let findings = evaluation.engineFindings.filter { $0.ruleID == rule.id }
            if !findings.isEmpty { cases.append((rule.id, rule.title, rule.severity, findings)) }
        }
        for (id, title, severity, ruleFindings) in cases {
            suite.tests += 1
            let opening = "    <testcase classname=\"\(attr(file.path))\" name=\"\(attr("\(id): \(title)"))\""
            let findings = ruleFindings.sorted { $0.location < $1.location }
            let suppressed = evaluation.suppressed.filter { $0.finding.ruleID == id }
            let suppressedText = suppressed.map {
                "\($0.finding.path):\($0.finding.location): suppressed: \($0.finding.message) (reason: \($0.reason))"
            }
            guard !findings.isEmpty else {
                if suppressed.isEmpty {
                    suite.cases.append([opening + "/>"])
                } else {
                    suite.skipped += 1
                    let reasons = suppressed.map(\.reason).joined(separator: "; ")
                    suite.cases.append([
                        opening + ">",
                        "      <skipped message=\"\(attr("suppressed: \(reasons)"))\"/>",
                        "      <system-out>\(text(suppressedText.joined(separator: "\n")))</system-out>",
                        "    </testcase>",
                    ])
                }
                continue
            }
            suite.failures += 1
            let message =
                findings.count == 1
                ? findings[0].message : "\(findings.count) findings: " + findings.map(\.message).joined(separator: "; ")
            var body = findings.map { "\($0.path):\($0.location): \($0.message)" }
            if let hint = findings.first?.hint { body.append("hint: \(hint)") }
            var lines = [
                opening + ">",
                "      <failure message=\"\(attr(message))\" type=\"\(severity.rawValue)\">"
                    + text(body.joined(separator: "\n")) + "</failure>",
            ]
            if !suppressed.isEmpty {
                lines.append("      <system-out>\(text(suppressedText.joined(separator: "\n")))</system-out>")
            }
            suite.cases.append(lines + ["    </testcase>"])
        }
        suite.systemErr = file.diagnostics.map(\.description)
        return suite
    }

    /// A suite for a path whose problems are input problems: an `<error>` test case when any is
    /// an error, otherwise only `<system-err>`.
    package static func inputSuite(path: String, diagnostics: [Diagnostic]) -> Suite {
        var suite = Suite(name: path)
        let errors = diagnostics.filter { $0.severity == .error }
        guard let first = errors.first else {
            suite.systemErr = diagnostics.map(\.description)
            return suite
        }
        suite.tests = 1
        suite.errors = 1
        suite.cases.append([
            "    <testcase classname=\"\(attr(path))\" name=\"read file\">",
            "      <error message=\"\(attr(first.message))\" type=\"\(attr(first.code))\">"
                + text(diagnostics.map(\.description).joined(separator: "\n")) + "</error>",
            "    </testcase>",
        ])
        return suite
    }
}

/// One run's JUnit report in the making (see ``JUnitReporter``).
public final class JUnitAssembly: ReportAssembly {
    public struct Part: Sendable {
        var suite: [UInt8]
        var counts: JUnitReporter.Counts
    }

    private let suites: any ReportSpool
    /// The counts of the files' suites so far.
    private var counts = JUnitReporter.Counts()

    init(suites: any ReportSpool) {
        self.suites = suites
    }

    public func part(of file: FileReport, index: Int) -> Part {
        let suite = JUnitReporter.suite(file)
        var bytes: [UInt8] = []
        bytes.appendLines(suite.lines)
        return Part(suite: bytes, counts: suite.counts)
    }

    public func add(_ part: Part) {
        suites.append(part.suite)
        counts.add(part.counts)
    }

    public func finish(_ run: ReportRun, policy: FailPolicy, write: ([UInt8]) -> Void) {
        let inputSuites = JUnitReporter.inputSuites(run.diagnostics)
        var totals = counts
        for suite in inputSuites { totals.add(suite.counts) }
        var bytes: [UInt8] = []
        bytes.appendLines(JUnitReporter.header(totals) + inputSuites.flatMap(\.lines))
        write(bytes)
        suites.read(into: write)
        write(Array((JUnitReporter.footer + "\n").utf8))
    }
}

private func attr(_ value: String) -> String { MarkupEscaping.attribute(value) }
private func text(_ value: String) -> String { MarkupEscaping.escape(value) }
