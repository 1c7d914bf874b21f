import Foundation
import PromiseCheck

/// The machine-readable report: one versioned JSON document with sorted keys.
///
/// Its shape is documented in docs/report-format.md; `version` changes when a field changes
/// meaning or goes away (new fields may appear without a change).
public struct JSONReporter: Reporter {
    public static let formatVersion = 1

    public init() {}

    public func render(_ report: Report, policy: FailPolicy) -> String {
        JSONText.encode(JSONReport(report, policy: policy))
    }
}

/// The Codable shape of the JSON report.
struct JSONReport: Encodable {
    typealias Tool = JSONToolInfo
    typealias Pack = JSONPackInfo

    struct Location: Encodable {
        var line: Int
        var column: Int
    }

    struct Diagnostic: Encodable {
        var severity: String
        var message: String
        var path: String
        var line: Int?
        var column: Int?
        var code: String
        var snippet: String?

        init(_ diagnostic: PromiseCheck.Diagnostic) {
            severity = diagnostic.severity.rawValue
            message = diagnostic.message
            path = diagnostic.path
            line = diagnostic.location?.line
            column = diagnostic.location?.column
            code = diagnostic.code
            snippet = diagnostic.snippet
        }
    }

    struct Finding: Encodable {
        var rule: String
        var severity: String
        var message: String
        var hint: String?
        var line: Int
        var column: Int
        var excerpt: String?
    }

    /// Where a suppressing comment is and what it covers.
    struct Suppression: Encodable {
        var line: Int
        var column: Int
        /// `file` for `ignore-file`, `item` for `ignore`.
        var scope: String
    }

    struct SuppressedFinding: Encodable {
        var rule: String
        var severity: String
        var message: String
        var hint: String?
        var line: Int
        var column: Int
        var excerpt: String?
        var reason: String
        var suppression: Suppression
    }

    struct Rule: Encodable {
        var id: String
        var title: String
        var category: String
        var severity: String
        var weight: Double
        var fraction: Double
        var passed: Bool
        var reason: String
        var link: String?
        var findings: [Finding]
        /// Why the rule did not run; a skipped rule is not in the score.
        var skipped: String?
        /// Why the rule could not answer; not in the score.
        var error: String?
    }

    struct Category: Encodable {
        var key: String
        var title: String
        var score: Double?
    }

    struct File: Encodable {
        var path: String
        var checked: Bool
        var format: String?
        var area: String?
        var title: String?
        var period: String?
        var score: Double?
        var grade: String?
        var categories: [Category]
        var rules: [Rule]
        var notes: [String]
        var diagnostics: [Diagnostic]
        var engine_findings: [Finding]
        var suppressed: [SuppressedFinding]
        var baselined: Int
    }

    struct Summary: Encodable {
        var files: Int
        var checked: Int
        var errors: Int
        var warnings: Int
        var infos: Int
        var input_errors: Int
        var average_score: Double?
        var suppressed: Int
        var baselined: Int
        var baseline: String?
        var result: String
        var exit_code: Int32
        var reasons: [String]
    }

    var version = JSONReporter.formatVersion
    var tool: Tool
    var packs: [Pack]
    var files: [File]
    var diagnostics: [Diagnostic]
    var summary: Summary

    init(_ report: Report, policy: FailPolicy) {
        tool = Tool(version: report.toolVersion)
        // Files under different configurations can use the same pack with other rule settings.
        var seenPacks: Set<[String]> = []
        packs = report.packs.filter { seenPacks.insert([$0.name, $0.version, $0.title]).inserted }
            .map { Pack(name: $0.name, version: $0.version, title: $0.title) }
        diagnostics = report.diagnostics.map(Diagnostic.init)
        files = report.files.map { file in
            let evaluation = file.evaluation
            return File(
                path: file.path, checked: evaluation != nil, format: evaluation?.format.rawValue,
                area: evaluation?.area,
                title: evaluation?.title, period: evaluation?.period, score: evaluation?.score,
                grade: evaluation?.grade,
                categories: evaluation?.categories.map { Category(key: $0.key, title: $0.title, score: $0.score) }
                    ?? [],
                rules: evaluation?.rules.map(Self.rule) ?? [], notes: evaluation?.notes ?? [],
                diagnostics: file.diagnostics.map(Diagnostic.init),
                engine_findings: evaluation?.engineFindings.sorted { $0.location < $1.location }.map(Self.finding)
                    ?? [],
                suppressed: evaluation?.suppressed.map(Self.suppressed) ?? [],
                baselined: evaluation?.baselined.count ?? 0)
        }
        let verdict = policy.verdict(for: report)
        let result: String
        var reasons: [String] = []
        switch verdict {
        case .passed: result = "passed"
        case .failed(let why):
            result = "failed"
            reasons = why
        case .inputError: result = "input-error"
        }
        summary = Summary(
            files: report.files.count, checked: report.evaluations.count, errors: report.findingCount(.error),
            warnings: report.findingCount(.warning), infos: report.findingCount(.info),
            input_errors: report.allDiagnostics.filter { $0.severity == .error }.count,
            average_score: report.averageScore, suppressed: report.suppressedCount, baselined: report.baselinedCount,
            baseline: report.baseline, result: result, exit_code: verdict.exitCode, reasons: reasons)
    }

    static func rule(_ result: RuleResult) -> Rule {
        Rule(
            id: result.id, title: result.title, category: result.category, severity: result.severity.rawValue,
            weight: result.weight, fraction: (result.fraction * 10000).rounded() / 10000, passed: result.passed,
            reason: result.reason, link: result.link,
            findings: result.findings.map(finding), skipped: result.skipped, error: result.error)
    }

    static func finding(_ finding: PromiseCheck.Finding) -> Finding {
        Finding(
            rule: finding.ruleID, severity: finding.severity.rawValue, message: finding.message, hint: finding.hint,
            line: finding.location.line, column: finding.location.column, excerpt: finding.excerpt)
    }

    static func suppressed(_ suppressed: PromiseCheck.SuppressedFinding) -> SuppressedFinding {
        let finding = suppressed.finding
        return SuppressedFinding(
            rule: finding.ruleID, severity: finding.severity.rawValue, message: finding.message, hint: finding.hint,
            line: finding.location.line, column: finding.location.column, excerpt: finding.excerpt,
            reason: suppressed.reason,
            suppression: Suppression(
                line: suppressed.suppressionLocation.line, column: suppressed.suppressionLocation.column,
                scope: suppressed.isFileWide ? "file" : "item"))
    }
}
