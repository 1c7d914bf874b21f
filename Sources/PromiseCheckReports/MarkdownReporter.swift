import PromiseCheck

/// A GitHub-flavoured Markdown summary for a pull-request comment or `$GITHUB_STEP_SUMMARY`:
/// the result, a score table, each file's findings in a `<details>` block, then input problems.
///
/// The result comes first and every file is in three places (the table, its findings, its
/// suppressed findings), so the report is assembled (``AssembledReporter``): each file's pieces
/// are set aside as it is checked, and put in their places at the end.
public struct MarkdownReporter: AssembledReporter {
    public init() {}

    public func assembly(_ run: ReportRun, makeSpool: () -> any ReportSpool) -> MarkdownAssembly {
        MarkdownAssembly(makeSpool: makeSpool)
    }

    /// The title, the result, the counts and the packs.
    package static func header(_ run: ReportRun, verdict: FailPolicy.Verdict) -> [String] {
        var lines = ["## PromiseCheck report", ""]
        lines.append("**Result: \(escape(RunSummary.result(verdict)))**  ")
        lines.append(escape(RunSummary.counts(run.totals, baselineUsed: run.baseline != nil)))
        if !run.packs.isEmpty {
            let packs = run.packs.map { "\(escape($0.title)) (\(escape($0.name)) \(escape($0.version)))" }
            lines += ["", "Rule pack: " + packs.joined(separator: ", ")]
        }
        return lines
    }

    package static let tableHeader = [
        "", "| File | Area | Score | Grade | Errors | Warnings | Info |",
        "| --- | --- | ---: | :---: | ---: | ---: | ---: |",
    ]

    package static let findingsHeader = ["", "### Findings"]

    package static let suppressedHeader = [
        "", "### Suppressed", "", "Findings hidden by a comment, with its reason; \(RunSummary.suppressedNote).",
    ]

    package static let problemsHeader = ["", "### Input problems", ""]

    /// An input problem's item in the list.
    package static func problem(_ diagnostic: Diagnostic) -> String {
        let place = diagnostic.location.map { "\(diagnostic.path):\($0)" } ?? diagnostic.path
        return
            "- **\(diagnostic.severity.rawValue)** \(escape(place)): \(escape(diagnostic.message)) (\(code(diagnostic.code)))"
    }

    package static func row(_ file: FileReport) -> String {
        let path = escape(file.path)
        guard let evaluation = file.evaluation else {
            return "| \(path) | – | not checked | – | – | – | – |"
        }
        let findings = evaluation.findings
        let counts = [Severity.error, .warning, .info].map { severity in
            String(findings.filter { $0.severity == severity }.count)
        }
        let cells =
            [
                path, escape(evaluation.area ?? "–"), ScoreFormat.number(evaluation.score),
                escape(evaluation.grade),
            ] + counts
        return "| " + cells.joined(separator: " | ") + " |"
    }

    package static func findings(_ file: FileReport) -> [String] {
        let findings = file.evaluation?.findings ?? []
        let noun = findings.count == 1 ? "finding" : "findings"
        var lines = [
            "", "<details>",
            "<summary>\(MarkupEscaping.escape(file.path)): \(findings.count) \(noun)</summary>", "",
            "| Line | Severity | Finding | Rule |", "| ---: | --- | --- | --- |",
        ]
        for finding in findings {
            var text = escape(finding.message)
            if let hint = finding.hint { text += "<br>*hint:* " + escape(hint) }
            lines.append(
                "| \(finding.location) | \(finding.severity.rawValue) | \(text) | \(code(finding.ruleID, inTable: true)) |"
            )
        }
        lines += ["", "</details>"]
        return lines
    }

    package static func suppressed(_ file: FileReport) -> [String] {
        let suppressed = file.evaluation?.suppressed ?? []
        var lines = [
            "", "<details>",
            "<summary>\(MarkupEscaping.escape(file.path)): \(suppressed.count) suppressed</summary>", "",
            "| Line | Severity | Finding | Rule | Reason |", "| ---: | --- | --- | --- | --- |",
        ]
        for item in suppressed {
            let finding = item.finding
            lines.append(
                "| \(finding.location) | \(finding.severity.rawValue) | \(escape(finding.message)) | "
                    + "\(code(finding.ruleID, inTable: true)) | \(escape(item.reason)) |")
        }
        lines += ["", "</details>"]
        return lines
    }

    /// Inline text with every character that could start Markdown or HTML markup, or end a
    /// table cell, backslash-escaped, and line breaks as spaces so no text can start a block.
    public static func escape(_ text: String) -> String {
        var result = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\n" where previousWasCR:
                continue
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "~", "&", "!", "|":
                result += "\\"
                result.unicodeScalars.append(scalar)
            case "\r", "\n":
                result += " "
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A code span, or escaped text when the value holds a backtick or line break.
    package static func code(_ value: String, inTable: Bool = false) -> String {
        guard !value.contains("`"), !value.contains(where: \.isNewline), !value.isEmpty else {
            return escape(value)
        }
        // GitHub splits table cells at '|' even inside code spans unless it is escaped.
        return "`" + (inTable ? String(value.flatMap { $0 == "|" ? ["\\", "|"] : [$0] }) : value) + "`"
    }
}

/// One run's Markdown report in the making (see ``MarkdownReporter``).
public final class MarkdownAssembly: ReportAssembly {
    /// A file's lines in each of the report's parts, each line with its line feed.
    public struct Part: Sendable {
        var row: [UInt8] = []
        var findings: [UInt8] = []
        var suppressed: [UInt8] = []
        var problems: [UInt8] = []
    }

    private let rows: any ReportSpool
    private let findings: any ReportSpool
    private let suppressed: any ReportSpool
    private let problems: any ReportSpool

    init(makeSpool: () -> any ReportSpool) {
        rows = makeSpool()
        findings = makeSpool()
        suppressed = makeSpool()
        problems = makeSpool()
    }

    public func part(of file: FileReport, index: Int) -> Part {
        var part = Part()
        part.row.appendLines([MarkdownReporter.row(file)])
        if let evaluation = file.evaluation {
            if !evaluation.findings.isEmpty { part.findings.appendLines(MarkdownReporter.findings(file)) }
            if !evaluation.suppressed.isEmpty { part.suppressed.appendLines(MarkdownReporter.suppressed(file)) }
        }
        part.problems.appendLines(file.diagnostics.map(MarkdownReporter.problem))
        return part
    }

    public func add(_ part: Part) {
        rows.append(part.row)
        findings.append(part.findings)
        suppressed.append(part.suppressed)
        problems.append(part.problems)
    }

    public func finish(_ run: ReportRun, policy: FailPolicy, write: ([UInt8]) -> Void) {
        var bytes: [UInt8] = []
        bytes.appendLines(MarkdownReporter.header(run, verdict: policy.verdict(for: run.totals)))
        for (heading, spool) in [
            (MarkdownReporter.tableHeader, rows), (MarkdownReporter.findingsHeader, findings),
            (MarkdownReporter.suppressedHeader, suppressed),
        ] where spool.count > 0 {
            bytes.appendLines(heading)
            write(bytes)
            bytes = []
            spool.read(into: write)
        }
        let runProblems = run.diagnostics.map(MarkdownReporter.problem)
        if !runProblems.isEmpty || problems.count > 0 {
            bytes.appendLines(MarkdownReporter.problemsHeader + runProblems)
        }
        write(bytes)
        problems.read(into: write)
    }
}
