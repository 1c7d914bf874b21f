import Foundation
import PromiseCheck

/// The human-readable report: per file a score line, category scores, findings with hints,
/// and input problems with their source snippets; then a summary.
///
/// With a coloured ``TerminalStyle`` severity words, scores, grades and the result are marked
/// with ANSI colours; with ``TerminalStyle/plain`` (the default) the output has no escapes.
public struct TextReporter: StreamingReporter {
    /// Whether to list every rule's weight, fraction and reason under each file.
    public var explain: Bool
    public var style: TerminalStyle

    public init(explain: Bool = false, style: TerminalStyle = .plain) {
        self.explain = explain
        self.style = style
    }

    public func begin(_ run: ReportRun, into output: inout [UInt8]) {
        var lines = run.diagnostics.flatMap(lines(for:))
        if !run.diagnostics.isEmpty { lines.append("") }
        output.appendLines(lines)
    }

    public func file(_ file: FileReport, index: Int, into output: inout [UInt8]) {
        output.appendLines(render(file) + [""])
    }

    public func end(_ run: ReportRun, policy: FailPolicy, into output: inout [UInt8]) {
        output.appendLines([summary(run, policy: policy)])
    }

    private func render(_ file: FileReport) -> [String] {
        var lines: [String] = []
        guard let evaluation = file.evaluation else {
            lines.append("\(file.path): not checked")
            for diagnostic in file.diagnostics { lines += self.lines(for: diagnostic).map { "  " + $0 } }
            return lines
        }
        var heading =
            "\(file.path): score \(style.bold(ScoreFormat.number(evaluation.score))) (grade \(style.bold(evaluation.grade)))"
        if let area = evaluation.area { heading += " · \(area)" }
        if let period = evaluation.period, !period.isEmpty { heading += " · \(period)" }
        lines.append(heading)
        let categories = evaluation.categories.map { category in
            "\(category.title) \(category.score.map(ScoreFormat.number) ?? "–")"
        }
        if !categories.isEmpty { lines.append("  " + categories.joined(separator: " · ")) }
        for note in evaluation.notes { lines.append("  note: \(note)") }
        for rule in evaluation.rules where rule.skipped != nil {
            lines.append("  note: rule '\(rule.id)' skipped: \(rule.reason)")
        }
        for diagnostic in file.diagnostics { lines += self.lines(for: diagnostic).map { "  " + $0 } }
        if explain { lines += contributions(evaluation) }
        for finding in evaluation.findings {
            lines.append(
                "  \(finding.path):\(finding.location): \(style.severity(finding.severity)): \(finding.message) [\(finding.ruleID)]"
            )
            if let hint = finding.hint { lines.append("    hint: \(hint)") }
        }
        if !evaluation.suppressed.isEmpty {
            lines.append("  suppressed (\(RunSummary.suppressedNote)):")
            for suppressed in evaluation.suppressed {
                let finding = suppressed.finding
                lines.append(
                    "    \(finding.path):\(finding.location): \(finding.severity.rawValue): \(finding.message) [\(finding.ruleID)]"
                )
                lines.append("      reason: \(suppressed.reason) (\(suppressed.commentDescription))")
            }
        }
        return lines
    }

    /// One line per rule: passed or not, id, weight × fraction = points, and why.
    private func contributions(_ evaluation: DocumentEvaluation) -> [String] {
        let totalWeight = evaluation.rules.filter(\.isScored).reduce(0) { $0 + $1.weight }
        let width = evaluation.rules.map(\.id.count).max() ?? 0
        return evaluation.rules.map { rule in
            guard rule.isScored else {
                let id = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
                return "  \(rule.error == nil ? "skip" : "ERR ") \(id)  not scored: \(rule.reason)"
            }
            let mark = rule.passed ? "pass" : "FAIL"
            let points = totalWeight > 0 ? rule.weight * rule.fraction / totalWeight * 100 : 0
            let id = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
            return
                "  \(mark) \(id)  weight \(ScoreFormat.number(rule.weight)) × \(String(format: "%.2f", rule.fraction)) = \(ScoreFormat.number(points)) points: \(rule.reason)"
        }
    }

    /// The diagnostic's one-line rendering (its `description`, with the severity styled) and its snippet.
    func lines(for diagnostic: Diagnostic) -> [String] {
        let place = diagnostic.location.map { "\(diagnostic.path):\($0)" } ?? diagnostic.path
        var lines = [
            "\(place): \(style.severity(diagnostic.severity)): \(diagnostic.message) [\(diagnostic.code)]"
        ]
        if let snippet = diagnostic.snippet {
            lines += snippet.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
        }
        return lines
    }

    private func summary(_ run: ReportRun, policy: FailPolicy) -> String {
        var line = RunSummary.counts(run.totals, baselineUsed: run.baseline != nil, emphasis: style.bold)
        switch policy.verdict(for: run.totals) {
        case .passed: line += "\nresult: \(style.passed("passed"))"
        case .failed(let reasons): line += "\nresult: \(style.failed("failed")): " + reasons.joined(separator: "; ")
        case .inputError: line += "\nresult: \(style.failed("input errors")) (exit 2)"
        }
        return line
    }
}
