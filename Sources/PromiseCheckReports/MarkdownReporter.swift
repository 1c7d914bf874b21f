import PromiseCheck

/// A GitHub-flavoured Markdown summary for a pull-request comment or `$GITHUB_STEP_SUMMARY`:
/// the result, a score table, each file's findings in a `<details>` block, then input problems.
public struct MarkdownReporter: Reporter {
    public init() {}

    public func render(_ report: Report, policy: FailPolicy) -> String {
        let verdict = policy.verdict(for: report)
        var lines = ["## PromiseCheck report", ""]
        lines.append("**Result: \(Self.escape(RunSummary.result(verdict)))**  ")
        lines.append(Self.escape(RunSummary.counts(report)))
        if !report.packs.isEmpty {
            let packs = report.packs.map {
                "\(Self.escape($0.title)) (\(Self.escape($0.name)) \(Self.escape($0.version)))"
            }
            lines += ["", "Rule pack: " + packs.joined(separator: ", ")]
        }
        if !report.files.isEmpty {
            lines += [
                "", "| File | Area | Score | Grade | Errors | Warnings | Info |",
                "| --- | --- | ---: | :---: | ---: | ---: | ---: |",
            ]
            for file in report.files { lines.append(Self.row(file)) }
        }

        let withFindings = report.files.filter { !($0.evaluation?.findings.isEmpty ?? true) }
        if !withFindings.isEmpty {
            lines += ["", "### Findings"]
            for file in withFindings { lines += Self.findings(file) }
        }

        let withSuppressed = report.files.filter { !($0.evaluation?.suppressed.isEmpty ?? true) }
        if !withSuppressed.isEmpty {
            lines += [
                "", "### Suppressed", "",
                "Findings hidden by a comment, with its reason; \(RunSummary.suppressedNote).",
            ]
            for file in withSuppressed { lines += Self.suppressed(file) }
        }

        let problems = report.allDiagnostics
        if !problems.isEmpty {
            lines += ["", "### Input problems", ""]
            for diagnostic in problems {
                let place = diagnostic.location.map { "\(diagnostic.path):\($0)" } ?? diagnostic.path
                lines.append(
                    "- **\(diagnostic.severity.rawValue)** \(Self.escape(place)): \(Self.escape(diagnostic.message)) (\(Self.code(diagnostic.code)))"
                )
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func row(_ file: FileReport) -> String {
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

    static func findings(_ file: FileReport) -> [String] {
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

    static func suppressed(_ file: FileReport) -> [String] {
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
    static func code(_ value: String, inTable: Bool = false) -> String {
        guard !value.contains("`"), !value.contains(where: \.isNewline), !value.isEmpty else {
            return escape(value)
        }
        // GitHub splits table cells at '|' even inside code spans unless it is escaped.
        return "`" + (inTable ? String(value.flatMap { $0 == "|" ? ["\\", "|"] : [$0] }) : value) + "`"
    }
}
