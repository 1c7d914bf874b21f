import PromiseCheck

/// GitHub Actions workflow commands: an annotation per finding and input problem on its file,
/// line and column, and a closing `::notice::` with the summary.
///
/// Findings are `::error`, `::warning` or `::notice` by severity, titled with the rule id; the
/// hint follows the message on a second line. Values are escaped as the runner requires
/// (see ``escapeData(_:)`` and ``escapeProperty(_:)``), so no message can end the command early
/// or start another.
public struct GitHubReporter: StreamingReporter {
    public init() {}

    public func begin(_ run: ReportRun, into output: inout [UInt8]) {
        output.appendLines(run.diagnostics.map(Self.command))
    }

    public func file(_ file: FileReport, index: Int, into output: inout [UInt8]) {
        var lines = file.diagnostics.map(Self.command)
        for finding in file.evaluation?.findings ?? [] {
            let message = finding.hint.map { "\(finding.message)\nhint: \($0)" } ?? finding.message
            lines.append(
                Self.command(
                    finding.severity, file: finding.path, at: finding.location, title: finding.ruleID,
                    message: message))
        }
        output.appendLines(lines)
    }

    public func end(_ run: ReportRun, policy: FailPolicy, into output: inout [UInt8]) {
        let counts = RunSummary.counts(run.totals, baselineUsed: run.baseline != nil)
        let summary = "promisecheck: \(counts); result: \(RunSummary.result(policy.verdict(for: run.totals)))"
        output.appendLines(["::notice::" + Self.escapeData(summary)])
    }

    static func command(_ diagnostic: Diagnostic) -> String {
        command(
            diagnostic.severity, file: diagnostic.path, at: diagnostic.location, title: diagnostic.code,
            message: diagnostic.message)
    }

    static func command(
        _ severity: Severity, file: String, at location: SourceLocation?, title: String, message: String
    ) -> String {
        let name =
            switch severity {
            case .error: "error"
            case .warning: "warning"
            case .info: "notice"
            }
        var properties = ["file=\(escapeProperty(file))"]
        if let location { properties += ["line=\(location.line)", "col=\(location.column)"] }
        properties.append("title=\(escapeProperty(title))")
        return "::\(name) \(properties.joined(separator: ","))::\(escapeData(message))"
    }

    /// A command's message: `%` → `%25`, CR → `%0D`, LF → `%0A`.
    public static func escapeData(_ value: String) -> String {
        var result = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A command's property value: as ``escapeData(_:)``, and `:` → `%3A`, `,` → `%2C`.
    public static func escapeProperty(_ value: String) -> String {
        var result = ""
        for scalar in escapeData(value).unicodeScalars {
            switch scalar {
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
