import PromiseCheck

/// Turns a report into one output format; a pure function of the report.
public protocol Reporter: Sendable {
    func render(_ report: Report, policy: FailPolicy) -> String
}

/// A format that can be written while the files are checked, each file's part as soon as it is
/// ready, so a run holds no more than a few files' reports at a time.
///
/// A streamed report is `begin`, then `file` for each file in report order, then `end`: the same
/// bytes as ``Reporter/render(_:policy:)``, which every streaming reporter gets from these three.
/// `file` depends on nothing but its arguments, so the parts of many files can be rendered on
/// several threads at once and written in order afterwards.
public protocol StreamingReporter: Reporter {
    /// What comes before the first file.
    func begin(_ run: ReportRun, into output: inout [UInt8])
    /// One file's part; `index` is 0 for the first file of the report and greater for the others
    /// (its place in the report, or in a run that drops files it finds are no promises, its place
    /// before they were dropped).
    func file(_ file: FileReport, index: Int, into output: inout [UInt8])
    /// What comes after the last file; `run.totals` counts every file.
    func end(_ run: ReportRun, policy: FailPolicy, into output: inout [UInt8])
}

extension StreamingReporter {
    public func render(_ report: Report, policy: FailPolicy) -> String {
        let run = ReportRun(report)
        var output: [UInt8] = []
        begin(run, into: &output)
        for (index, file) in report.files.enumerated() { self.file(file, index: index, into: &output) }
        end(run, policy: policy, into: &output)
        return String(decoding: output, as: UTF8.self)
    }
}

/// A report without its files: what a streamed report is written from before and after them.
public struct ReportRun: Sendable {
    public var toolVersion: String
    public var packs: [PackSummary]
    /// Problems not tied to one promise file.
    public var diagnostics: [Diagnostic]
    /// The baseline file findings were compared with (`--baseline`), if any.
    public var baseline: String?
    /// The counts of the run's diagnostics and of the files so far.
    public var totals: ReportTotals

    public init(toolVersion: String, packs: [PackSummary], diagnostics: [Diagnostic], baseline: String? = nil) {
        self.toolVersion = toolVersion
        self.packs = packs
        self.diagnostics = diagnostics
        self.baseline = baseline
        self.totals = ReportTotals(diagnostics: diagnostics)
    }

    /// The frame of a whole report, with every file counted.
    public init(_ report: Report) {
        self.init(
            toolVersion: report.toolVersion, packs: report.packs, diagnostics: report.diagnostics,
            baseline: report.baseline)
        totals = report.totals
    }
}

/// The output formats, by the name `--format` takes.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text
    case json
    case sarif
    case junit
    case github
    case markdown
    case csv
    case html

    /// The reporter for this format; `explain` adds per-rule contributions where the format has room.
    public func reporter(explain: Bool = false) -> any Reporter {
        reporter(explain: explain, style: .plain)
    }

    /// The reporter for this format; `style` colours the text format and is ignored by the others.
    public func reporter(explain: Bool = false, style: TerminalStyle) -> any Reporter {
        switch self {
        case .text: TextReporter(explain: explain, style: style)
        case .json: JSONReporter()
        case .sarif: SARIFReporter()
        case .junit: JUnitReporter()
        case .github: GitHubReporter()
        case .markdown: MarkdownReporter()
        case .csv: CSVReporter()
        case .html: HTMLReporter()
        }
    }

    /// What the format is for, in a few words, for `--help`.
    public var summary: String {
        switch self {
        case .text: "for people, on a terminal (the default)"
        case .json: "the versioned machine-readable report, see docs/report.schema.json"
        case .sarif: "SARIF 2.1.0, for GitHub code scanning and other SARIF viewers"
        case .junit: "JUnit XML for CI test views: a suite per file, a test case per rule"
        case .github: "GitHub Actions annotations on the promise's lines"
        case .markdown: "a summary for a pull-request comment or $GITHUB_STEP_SUMMARY"
        case .csv: "RFC 4180, a row per promise and rule, for spreadsheets"
        case .html: "one self-contained page, each finding shown in the promise's text"
        }
    }

    /// File name endings that are this format's own (lower case, without the dot), so that a
    /// report written to a name another format owns can be recognised as a mix-up.
    public var fileExtensions: [String] {
        switch self {
        case .text: ["txt"]
        case .json: ["json"]
        case .sarif: ["sarif", "sarif.json"]
        case .junit: ["xml"]
        case .github: []
        case .markdown: ["md", "markdown"]
        case .csv: ["csv"]
        case .html: ["html", "htm"]
        }
    }

    /// The reporter for this format when it can be streamed (text, json, github, csv); nil for
    /// formats whose start depends on the whole run (SARIF, JUnit, Markdown, see
    /// ``assembledReporter()``) or that show every file's text (HTML).
    public func streamingReporter(explain: Bool = false, style: TerminalStyle = .plain) -> (any StreamingReporter)? {
        switch self {
        case .text: TextReporter(explain: explain, style: style)
        case .json: JSONReporter()
        case .github: GitHubReporter()
        case .csv: CSVReporter()
        case .sarif, .junit, .markdown, .html: nil
        }
    }

    /// The reporter for this format when it is put together at the end from parts set aside as
    /// the files are checked (SARIF, JUnit, Markdown); nil for the formats that stream and for
    /// HTML, which needs the whole report.
    public func assembledReporter() -> (any AssembledReporter)? {
        switch self {
        case .sarif: SARIFReporter()
        case .junit: JUnitReporter()
        case .markdown: MarkdownReporter()
        case .text, .json, .github, .csv, .html: nil
        }
    }

    /// Whether the format shows the promise's own text, so the report needs `FileReport.sourceLines`.
    public var needsSource: Bool { self == .html }
}

extension FailPolicy.Verdict {
    /// `passed`, `failed` or `input-error`: the result's name in machine-readable formats.
    package var resultName: String {
        switch self {
        case .passed: "passed"
        case .failed: "failed"
        case .inputError: "input-error"
        }
    }

    /// What broke the policy, one line each; empty unless the run failed.
    package var reasons: [String] {
        if case .failed(let reasons) = self { return reasons }
        return []
    }
}

/// The run's counts in words, shared by the formats that end with a one-line summary.
package enum RunSummary {
    /// `2 files checked (1 could not be read); 0 errors, 3 warnings, 1 info; 2 input errors; average score 61.9`.
    ///
    /// - Parameter emphasis: how the average score is set off (bold on a terminal).
    package static func counts(_ report: Report, emphasis: (String) -> String = { $0 }) -> String {
        counts(report.totals, baselineUsed: report.baseline != nil, emphasis: emphasis)
    }

    package static func counts(_ totals: ReportTotals, baselineUsed: Bool, emphasis: (String) -> String = { $0 })
        -> String
    {
        let files = totals.files
        let evaluated = totals.evaluated
        var parts = ["\(files) file\(files == 1 ? "" : "s") checked"]
        if evaluated < files { parts[0] += " (\(files - evaluated) could not be read)" }
        let errors = totals.errors
        let warnings = totals.warnings
        parts.append(
            "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(totals.infos) info"
        )
        if totals.suppressed > 0 { parts.append("\(totals.suppressed) suppressed") }
        if baselineUsed { parts.append("\(totals.baselined) in baseline") }
        let inputErrors = totals.inputErrors
        if inputErrors > 0 { parts.append("\(inputErrors) input error\(inputErrors == 1 ? "" : "s")") }
        if let average = totals.averageScore { parts.append("average score \(emphasis(ScoreFormat.number(average)))") }
        return parts.joined(separator: "; ")
    }

    /// What a report says about suppressed findings and the score.
    package static let suppressedNote = "suppressed findings still count in the score"

    /// `passed`, `failed: reasons` or `input errors (exit 2)`.
    package static func result(_ verdict: FailPolicy.Verdict) -> String {
        switch verdict {
        case .passed: "passed"
        case .failed(let reasons): "failed: " + reasons.joined(separator: "; ")
        case .inputError: "input errors (exit 2)"
        }
    }
}

/// A rule's link when it is a plain web address, the only kind the formats link to: anything
/// else (`javascript:`, a local path, text with spaces or markup) is shown as text or left out.
package func webAddress(_ link: String) -> String? {
    let lower = link.lowercased()
    guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
    let unsafe = link.unicodeScalars.contains { scalar in
        scalar.value <= 0x20 || scalar.value == 0x7F || "<>\"'`\\{}|^".unicodeScalars.contains(scalar)
            || scalar.properties.isWhitespace
    }
    return unsafe ? nil : link
}

extension SuppressedFinding {
    /// `comment at 19:3`, or `whole-file comment at 1:1` for `ignore-file`.
    var commentDescription: String {
        (isFileWide ? "whole-file comment at " : "comment at ") + suppressionLocation.description
    }
}

extension [UInt8] {
    /// Each line's UTF-8 and a line feed.
    mutating func appendLines(_ lines: [String]) {
        for line in lines {
            append(contentsOf: line.utf8)
            append(UInt8(ascii: "\n"))
        }
    }
}
