/// The result of one run: every file's evaluation and every problem met. Every output format
/// is a pure function of this value.
public struct Report: Sendable {
    public var toolVersion: String
    public var packs: [PackSummary]
    public var files: [FileReport]
    /// Problems not tied to one promise file: packs that do not load, paths that do not exist.
    public var diagnostics: [Diagnostic]
    /// The baseline file findings were compared with (`--baseline`), if any.
    public var baseline: String?

    public init(toolVersion: String, packs: [PackSummary], files: [FileReport], diagnostics: [Diagnostic]) {
        self.toolVersion = toolVersion
        self.packs = packs
        self.files = files
        self.diagnostics = diagnostics
    }

    /// Every diagnostic of the run and its files.
    public var allDiagnostics: [Diagnostic] { diagnostics + files.flatMap(\.diagnostics) }

    public var evaluations: [DocumentEvaluation] { files.compactMap(\.evaluation) }

    /// The run's counts, as a streamed run keeps them.
    public var totals: ReportTotals {
        var totals = ReportTotals(diagnostics: diagnostics)
        for file in files { totals.add(file) }
        return totals
    }

    /// The mean score of the files that could be evaluated.
    public var averageScore: Double? { totals.averageScore }

    /// Findings of every file, counted by severity.
    public func findingCount(_ severity: Severity) -> Int { totals.findingCount(severity) }

    /// Findings that inline comments suppressed, in every file.
    public var suppressedCount: Int { totals.suppressed }

    /// Findings left out because the baseline holds them, in every file.
    public var baselinedCount: Int { totals.baselined }
}

/// The counts of a run that its summary and its fail policy need, kept while the files' reports
/// go past, so a run need not hold every evaluation.
public struct ReportTotals: Sendable, Equatable {
    /// Files checked, read or not.
    public var files = 0
    /// Files that could be read and evaluated.
    public var evaluated = 0
    /// Findings to report, by severity.
    public var errors = 0
    public var warnings = 0
    public var infos = 0
    /// Findings that inline comments suppressed.
    public var suppressed = 0
    /// Findings left out because the baseline holds them.
    public var baselined = 0
    /// Diagnostics of severity error, the run's and its files'.
    public var inputErrors = 0
    /// The score of each evaluated file, in file order: 8 bytes a file, for the average and
    /// `--min-score`.
    public var scores: [Double] = []

    /// The totals of a run with no files yet and these diagnostics of its own.
    public init(diagnostics: [Diagnostic] = []) {
        inputErrors = diagnostics.count { $0.severity == .error }
    }

    /// Counts one more file.
    public mutating func add(_ file: FileReport) {
        files += 1
        inputErrors += file.diagnostics.count { $0.severity == .error }
        guard let evaluation = file.evaluation else { return }
        evaluated += 1
        scores.append(evaluation.score)
        for rule in evaluation.rules { count(rule.findings) }
        count(evaluation.engineFindings)
        suppressed += evaluation.suppressed.count
        baselined += evaluation.baselined.count
    }

    private mutating func count(_ findings: [Finding]) {
        for finding in findings {
            switch finding.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
    }

    /// Findings of every file with this severity.
    public func findingCount(_ severity: Severity) -> Int {
        switch severity {
        case .error: errors
        case .warning: warnings
        case .info: infos
        }
    }

    /// The mean score of the files that could be evaluated, one decimal.
    public var averageScore: Double? {
        scores.isEmpty ? nil : (scores.reduce(0, +) / Double(scores.count) * 10).rounded() / 10
    }
}

public struct PackSummary: Sendable, Hashable {
    public var name: String
    public var version: String
    public var title: String
    /// The language of the pack's messages and of the promises it checks, e.g. `sv`.
    public var language: String?
    /// Every enabled rule, in pack order: what formats that describe rules (SARIF) list.
    public var rules: [RuleSummary]

    public init(name: String, version: String, title: String, language: String? = nil, rules: [RuleSummary] = []) {
        self.name = name
        self.version = version
        self.title = title
        self.language = language
        self.rules = rules
    }

    /// The summary of a loaded pack, with its enabled rules.
    public init(_ pack: RulePack) {
        self.init(
            name: pack.name, version: pack.version, title: pack.title, language: pack.language,
            rules: pack.enabledRules.map { RuleSummary($0, categoryTitle: pack.categoryTitle($0.category)) })
    }
}

/// A rule's documentation, independent of any promise.
public struct RuleSummary: Sendable, Hashable {
    public var id: String
    public var title: String
    public var category: String
    public var categoryTitle: String
    public var severity: Severity
    public var weight: Double
    public var hint: String?
    public var link: String?
    /// Why the rule exists.
    public var rationale: String?

    public init(
        id: String, title: String, category: String, categoryTitle: String? = nil, severity: Severity, weight: Double,
        hint: String? = nil, link: String? = nil, rationale: String? = nil
    ) {
        self.id = id
        self.title = title
        self.category = category
        self.categoryTitle = categoryTitle ?? category
        self.severity = severity
        self.weight = weight
        self.hint = hint
        self.link = link
        self.rationale = rationale
    }

    public init(_ rule: Rule, categoryTitle: String? = nil) {
        self.init(
            id: rule.id, title: rule.title, category: rule.category, categoryTitle: categoryTitle,
            severity: rule.severity, weight: rule.weight, hint: rule.hint, link: rule.link, rationale: rule.rationale)
    }
}

/// One input file: its evaluation when it could be read, and what went wrong reading it.
public struct FileReport: Sendable {
    public var path: String
    public var evaluation: DocumentEvaluation?
    public var diagnostics: [Diagnostic]
    /// The file's text, one element per line without its line break, for formats that show
    /// findings in place (HTML); nil unless asked for with `Checker.check(path:keepSource:)`.
    public var sourceLines: [String]?

    public init(path: String, evaluation: DocumentEvaluation?, diagnostics: [Diagnostic], sourceLines: [String]? = nil)
    {
        self.path = path
        self.evaluation = evaluation
        self.diagnostics = diagnostics
        self.sourceLines = sourceLines
    }
}

/// How one promise scored against a pack.
public struct DocumentEvaluation: Sendable {
    public var path: String
    public var format: Document.Format
    public var area: String?
    public var title: String?
    public var period: String?
    /// 0–100, one decimal.
    public var score: Double
    public var grade: String
    public var categories: [CategoryScore]
    /// Every enabled rule, in pack order, with the findings left after suppressions and the
    /// baseline.
    public var rules: [RuleResult]
    public var notes: [String]
    /// Findings of the engine itself about suppression comments (``EngineRule``); they belong
    /// to no pack rule and do not change the score.
    public var engineFindings: [Finding] = []
    /// Findings that inline comments suppressed, in file order. They still count in the score.
    public var suppressed: [SuppressedFinding] = []
    /// Findings the baseline already holds, in file order: not reported as findings.
    public var baselined: [Finding] = []

    /// Every finding to report, the rules' and the engine's, in file order.
    public var findings: [Finding] {
        (rules.flatMap(\.findings) + engineFindings).sorted { ($0.location, $0.ruleID) < ($1.location, $1.ruleID) }
    }
}

public struct CategoryScore: Sendable, Hashable {
    public var key: String
    public var title: String
    /// 0–100, one decimal; nil when the category's rules weigh nothing.
    public var score: Double?
}

/// What one rule found in one promise, and what it contributed to the score.
public struct RuleResult: Sendable {
    public var id: String
    public var title: String
    public var category: String
    public var severity: Severity
    public var weight: Double
    /// How far the promise satisfies the rule, 0…1.
    public var fraction: Double
    /// Whether the fraction reaches the pack's pass threshold.
    public var passed: Bool
    /// Why, in a sentence.
    public var reason: String
    public var findings: [Finding]
    public var link: String?
    /// Why the rule did not run (an external program the user has not allowed); a skipped
    /// rule is left out of the score.
    public var skipped: String? = nil
    /// Why the rule could not give an answer (a program that failed); left out of the score,
    /// and reported as an input error of the file.
    public var error: String? = nil

    /// Whether the rule counts in the score: it ran and answered.
    public var isScored: Bool { skipped == nil && error == nil }
}

/// A quality finding: a place in a promise that does not meet a rule.
public struct Finding: Sendable, Hashable {
    public var ruleID: String
    public var severity: Severity
    public var message: String
    public var hint: String?
    public var path: String
    public var location: SourceLocation
    /// The text the finding points at, when it points at a specific phrase.
    public var excerpt: String?
    /// The text of the item the finding is about (a commitment, a section), when it has no
    /// excerpt; what its baseline fingerprint is made from.
    public var subject: String? = nil

    /// `path:line:column: severity: message [rule-id]`.
    public var formatted: String {
        "\(path):\(location): \(severity.rawValue): \(message) [\(ruleID)]"
    }
}
