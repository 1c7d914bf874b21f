import PromiseCheck

/// RFC 4180 CSV for spreadsheets: a header, then a row per promise and rule.
///
/// Rows follow the files in report order and the rules in pack order. `findings` holds the
/// rule's findings, one `line:column: message` per line of the cell, and `suppressed` those a
/// comment suppressed, as `line:column: message (reason: …)`. The engine's own findings on
/// suppression comments follow a file's rules, a row per check with the rule fields empty. A file that could not be
/// read, and a named path that does not exist, is one row with the rule fields empty and its
/// errors in `findings`. Records end with CRLF; fields are quoted when they hold a comma, a
/// quote or a line break, with quotes doubled.
public struct CSVReporter: StreamingReporter {
    public static let header = [
        "path", "area", "period", "score", "grade", "rule", "category", "severity", "weight", "fraction", "passed",
        "findings", "suppressed",
    ]

    public init() {}

    public func begin(_ run: ReportRun, into output: inout [UInt8]) {
        var records = [Self.header]
        var missing: [String] = []
        var errorsByPath: [String: [Diagnostic]] = [:]
        for diagnostic in run.diagnostics where diagnostic.severity == .error {
            if errorsByPath[diagnostic.path] == nil { missing.append(diagnostic.path) }
            errorsByPath[diagnostic.path, default: []].append(diagnostic)
        }
        for path in missing { records.append(Self.unreadable(path: path, errorsByPath[path] ?? [])) }
        Self.append(records, to: &output)
    }

    public func file(_ file: FileReport, index: Int, into output: inout [UInt8]) {
        Self.append(Self.records(file), to: &output)
    }

    public func end(_ run: ReportRun, policy: FailPolicy, into output: inout [UInt8]) {}

    static func records(_ file: FileReport) -> [[String]] {
        guard let evaluation = file.evaluation else {
            return [Self.unreadable(path: file.path, file.diagnostics.filter { $0.severity == .error })]
        }
        var records: [[String]] = []
        let about = [
            file.path, evaluation.area ?? "", evaluation.period ?? "", ScoreFormat.number(evaluation.score),
            evaluation.grade,
        ]
        if evaluation.rules.isEmpty {
            records.append(about + ["", "", "", "", "", "", "", ""])
        }
        for rule in evaluation.rules {
            let findings = rule.findings.sorted { $0.location < $1.location }
            let suppressed = evaluation.suppressed.filter { $0.finding.ruleID == rule.id }
            records.append(
                about + [
                    rule.id, rule.category, rule.severity.rawValue, Self.number(rule.weight),
                    Self.number((rule.fraction * 10000).rounded() / 10000), rule.passed ? "true" : "false",
                    findings.map { "\($0.location): \($0.message)" }.joined(separator: "\n"),
                    suppressed.map { "\($0.finding.location): \($0.finding.message) (reason: \($0.reason))" }
                        .joined(separator: "\n"),
                ])
        }
        for rule in EngineRule.allCases {
            let findings = evaluation.engineFindings.filter { $0.ruleID == rule.id }.sorted {
                $0.location < $1.location
            }
            guard !findings.isEmpty else { continue }
            records.append(
                about + [
                    rule.id, "", rule.severity.rawValue, "", "", "false",
                    findings.map { "\($0.location): \($0.message)" }.joined(separator: "\n"), "",
                ])
        }
        return records
    }

    private static func append(_ records: [[String]], to output: inout [UInt8]) {
        for record in records {
            output.append(contentsOf: (record.map(Self.field).joined(separator: ",") + "\r\n").utf8)
        }
    }

    static func unreadable(path: String, _ errors: [Diagnostic]) -> [String] {
        let text = errors.map { diagnostic in
            let place = diagnostic.location.map { "\($0): " } ?? ""
            return "\(place)\(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code)]"
        }
        return [path, "", "", "", "", "", "", "", "", "", "", text.joined(separator: "\n"), ""]
    }

    /// A number as JSON writes it: no trailing `.0`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// A field, quoted when it must be.
    public static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + String(value.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] }) + "\""
    }
}
