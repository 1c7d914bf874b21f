import PromiseCheck

/// When a run fails: which finding severity, and which scores, break it.
public struct FailPolicy: Sendable, Hashable {
    /// The least severe finding that fails the run; nil never fails on findings.
    public var failOn: Severity?
    /// Each evaluated file must score at least this.
    public var minScore: Double?
    /// The run's average score must be at least this.
    public var minAverage: Double?
    /// Where each setting came from, as the summary names it after a broken part of the
    /// policy; nil for its command-line option (`--fail-on error`, `--min-score`, `--min-average`).
    public var sources = Sources()

    /// Where the settings of a policy came from, e.g. `fail_on in .promisecheck.yaml:7`.
    public struct Sources: Sendable, Hashable {
        public var failOn: String?
        public var minScore: String?
        public var minAverage: String?

        public init(failOn: String? = nil, minScore: String? = nil, minAverage: String? = nil) {
            self.failOn = failOn
            self.minScore = minScore
            self.minAverage = minAverage
        }
    }

    public init(failOn: Severity? = .error, minScore: Double? = nil, minAverage: Double? = nil) {
        self.failOn = failOn
        self.minScore = minScore
        self.minAverage = minAverage
    }

    /// What the run's exit status says.
    public enum Verdict: Sendable, Equatable {
        case passed
        /// Findings or scores broke the policy; each reason is one line for the summary.
        case failed([String])
        /// Some input could not be read or a pack could not be loaded.
        case inputError(Int)

        public var exitCode: Int32 {
            switch self {
            case .passed: 0
            case .failed: 1
            case .inputError: 2
            }
        }
    }

    public func verdict(for report: Report) -> Verdict {
        verdict(for: report.totals)
    }

    /// The verdict from a run's counts, as a streamed run keeps them.
    public func verdict(for report: ReportTotals) -> Verdict {
        let inputErrors = report.inputErrors
        if inputErrors > 0 { return .inputError(inputErrors) }
        var reasons: [String] = []
        if let failOn {
            let failing = Severity.allCases.filter { $0 >= failOn }
            let count = failing.reduce(0) { $0 + report.findingCount($1) }
            if count > 0 {
                reasons.append(
                    "\(count) finding\(count == 1 ? "" : "s") at or above '\(failOn.rawValue)' (\(sources.failOn ?? "--fail-on \(failOn.rawValue)"))"
                )
            }
        }
        if let minScore {
            let low = report.scores.filter { $0 < minScore }
            if !low.isEmpty {
                reasons.append(
                    "\(low.count) file\(low.count == 1 ? "" : "s") scored below \(ScoreFormat.number(minScore)) (\(sources.minScore ?? "--min-score"))"
                )
            }
        }
        if let minAverage, let average = report.averageScore, average < minAverage {
            reasons.append(
                "the average score \(ScoreFormat.number(average)) is below \(ScoreFormat.number(minAverage)) (\(sources.minAverage ?? "--min-average"))"
            )
        }
        return reasons.isEmpty ? .passed : .failed(reasons)
    }
}

/// How scores and fractions are written in every format.
public enum ScoreFormat {
    /// "87.5", or "88" for whole numbers.
    public static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        guard rounded.isFinite, abs(rounded) < 1e15 else { return String(value) }
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
