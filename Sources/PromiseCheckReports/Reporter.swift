import PromiseCheck

/// Turns a report into one output format; a pure function of the report.
public protocol Reporter: Sendable {
    func render(_ report: Report, policy: FailPolicy) -> String
}

/// The output formats, by the name `--format` takes.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text
    case json

    /// The reporter for this format; `explain` adds per-rule contributions where the format has room.
    public func reporter(explain: Bool = false) -> any Reporter {
        switch self {
        case .text: TextReporter(explain: explain)
        case .json: JSONReporter()
        }
    }
}
