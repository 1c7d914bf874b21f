import PromiseCheck

/// Turns a report into one output format; a pure function of the report.
public protocol Reporter: Sendable {
    func render(_ report: Report, policy: FailPolicy) -> String
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

    /// Whether the format shows the promise's own text, so the report needs `FileReport.sourceLines`.
    public var needsSource: Bool { self == .html }
}

extension FailPolicy.Verdict {
    /// `passed`, `failed` or `input-error`: the result's name in machine-readable formats.
    var resultName: String {
        switch self {
        case .passed: "passed"
        case .failed: "failed"
        case .inputError: "input-error"
        }
    }

    /// What broke the policy, one line each; empty unless the run failed.
    var reasons: [String] {
        if case .failed(let reasons) = self { return reasons }
        return []
    }
}

/// The run's counts in words, shared by the formats that end with a one-line summary.
enum RunSummary {
    /// `2 files checked (1 could not be read); 0 errors, 3 warnings, 1 info; 2 input errors; average score 61.9`.
    ///
    /// - Parameter emphasis: how the average score is set off (bold on a terminal).
    static func counts(_ report: Report, emphasis: (String) -> String = { $0 }) -> String {
        let files = report.files.count
        let evaluated = report.evaluations.count
        var parts = ["\(files) file\(files == 1 ? "" : "s") checked"]
        if evaluated < files { parts[0] += " (\(files - evaluated) could not be read)" }
        let errors = report.findingCount(.error)
        let warnings = report.findingCount(.warning)
        parts.append(
            "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(report.findingCount(.info)) info"
        )
        parts += hidden(report)
        let inputErrors = report.allDiagnostics.filter { $0.severity == .error }.count
        if inputErrors > 0 { parts.append("\(inputErrors) input error\(inputErrors == 1 ? "" : "s")") }
        if let average = report.averageScore { parts.append("average score \(emphasis(ScoreFormat.number(average)))") }
        return parts.joined(separator: "; ")
    }

    /// `2 suppressed` when comments suppressed findings, `3 in baseline` when a baseline was used.
    static func hidden(_ report: Report) -> [String] {
        var parts: [String] = []
        if report.suppressedCount > 0 { parts.append("\(report.suppressedCount) suppressed") }
        if report.baseline != nil { parts.append("\(report.baselinedCount) in baseline") }
        return parts
    }

    /// What a report says about suppressed findings and the score.
    static let suppressedNote = "suppressed findings still count in the score"

    /// `passed`, `failed: reasons` or `input errors (exit 2)`.
    static func result(_ verdict: FailPolicy.Verdict) -> String {
        switch verdict {
        case .passed: "passed"
        case .failed(let reasons): "failed: " + reasons.joined(separator: "; ")
        case .inputError: "input errors (exit 2)"
        }
    }
}

/// A rule's link when it is a plain web address, the only kind the formats link to: anything
/// else (`javascript:`, a local path, text with spaces or markup) is shown as text or left out.
func webAddress(_ link: String) -> String? {
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
