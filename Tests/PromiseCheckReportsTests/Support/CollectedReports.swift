import Foundation
import PromiseCheck
import PromiseCheckReports

/// The SARIF, JUnit and Markdown reports as they were rendered before they were assembled from
/// parts set aside: from the whole report at once, SARIF through `Codable`. The reference the
/// assembled reports are compared with.
enum CollectedReports {
    static func render(_ format: ReportFormat, _ report: Report, policy: FailPolicy) -> String? {
        switch format {
        case .sarif: sarif(report, policy: policy)
        case .junit: junit(report, policy: policy)
        case .markdown: markdown(report, policy: policy)
        default: nil
        }
    }

    static func sarif(_ report: Report, policy: FailPolicy) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(SARIFLog(report, policy: policy)) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func junit(_ report: Report, policy: FailPolicy) -> String {
        var suites: [JUnitReporter.Suite] = []
        var paths: [String] = []
        var byPath: [String: [Diagnostic]] = [:]
        for diagnostic in report.diagnostics {
            if byPath[diagnostic.path] == nil { paths.append(diagnostic.path) }
            byPath[diagnostic.path, default: []].append(diagnostic)
        }
        for path in paths { suites.append(JUnitReporter.inputSuite(path: path, diagnostics: byPath[path] ?? [])) }
        suites += report.files.map(JUnitReporter.suite)

        let tests = suites.reduce(0) { $0 + $1.counts.tests }
        let failures = suites.reduce(0) { $0 + $1.counts.failures }
        let errors = suites.reduce(0) { $0 + $1.counts.errors }
        let skipped = suites.reduce(0) { $0 + $1.counts.skipped }
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            "<testsuites name=\"promisecheck\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\""
                + (skipped > 0 ? " skipped=\"\(skipped)\"" : "") + ">",
        ]
        for suite in suites { lines += suite.lines }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    static func markdown(_ report: Report, policy: FailPolicy) -> String {
        typealias Markdown = MarkdownReporter
        let verdict = policy.verdict(for: report)
        var lines = ["## PromiseCheck report", ""]
        lines.append("**Result: \(Markdown.escape(RunSummary.result(verdict)))**  ")
        lines.append(Markdown.escape(RunSummary.counts(report)))
        if !report.packs.isEmpty {
            let packs = report.packs.map {
                "\(Markdown.escape($0.title)) (\(Markdown.escape($0.name)) \(Markdown.escape($0.version)))"
            }
            lines += ["", "Rule pack: " + packs.joined(separator: ", ")]
        }
        if !report.files.isEmpty {
            lines += [
                "", "| File | Area | Score | Grade | Errors | Warnings | Info |",
                "| --- | --- | ---: | :---: | ---: | ---: | ---: |",
            ]
            for file in report.files { lines.append(Markdown.row(file)) }
        }

        let withFindings = report.files.filter { !($0.evaluation?.findings.isEmpty ?? true) }
        if !withFindings.isEmpty {
            lines += ["", "### Findings"]
            for file in withFindings { lines += Markdown.findings(file) }
        }

        let withSuppressed = report.files.filter { !($0.evaluation?.suppressed.isEmpty ?? true) }
        if !withSuppressed.isEmpty {
            lines += [
                "", "### Suppressed", "",
                "Findings hidden by a comment, with its reason; \(RunSummary.suppressedNote).",
            ]
            for file in withSuppressed { lines += Markdown.suppressed(file) }
        }

        let problems = report.allDiagnostics
        if !problems.isEmpty {
            lines += ["", "### Input problems", ""]
            for diagnostic in problems {
                let place = diagnostic.location.map { "\(diagnostic.path):\($0)" } ?? diagnostic.path
                lines.append(
                    "- **\(diagnostic.severity.rawValue)** \(Markdown.escape(place)): \(Markdown.escape(diagnostic.message)) (\(Markdown.code(diagnostic.code)))"
                )
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The Codable shape of the SARIF log, with only the properties PromiseCheck fills.
private struct SARIFLog: Encodable {
    struct Message: Encodable {
        var text: String
    }

    struct MultiformatMessage: Encodable {
        var text: String
        var markdown: String
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
    }

    struct ArtifactLocation: Encodable {
        var uri: String
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation

        init(path: String, at location: SourceLocation?) {
            physicalLocation = PhysicalLocation(
                artifactLocation: ArtifactLocation(uri: SARIFReporter.artifactURI(path)),
                region: location.map { Region(startLine: $0.line, startColumn: $0.column) })
        }
    }

    struct Configuration: Encodable {
        var level: String
    }

    struct RuleProperties: Encodable {
        var category: String
        var categoryTitle: String
        var weight: Double
        var tags: [String]
    }

    struct ReportingDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message?
        var help: MultiformatMessage?
        var helpUri: String?
        var defaultConfiguration: Configuration
        var properties: RuleProperties

        init(_ rule: RuleSummary) {
            id = rule.id
            name = SARIFReporter.ruleName(rule.id)
            shortDescription = Message(text: rule.title)
            fullDescription = rule.rationale.map(Message.init)
            // Only web addresses are links: a viewer must not be handed `javascript:` or a local path.
            helpUri = rule.link.flatMap(webAddress)
            if let hint = rule.hint {
                let more = helpUri.map { "\n\n[\(MarkdownReporter.escape(rule.title))](<\($0)>)" } ?? ""
                help = MultiformatMessage(text: hint, markdown: MarkdownReporter.escape(hint) + more)
            }
            defaultConfiguration = Configuration(level: SARIFReporter.level(rule.severity))
            properties = RuleProperties(
                category: rule.category, categoryTitle: rule.categoryTitle, weight: rule.weight, tags: [rule.category])
        }
    }

    struct Driver: Encodable {
        var name = "promisecheck"
        var version: String
        var rules: [ReportingDescriptor]
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Suppression: Encodable {
        var kind = "inSource"
        var justification: String
        var location: Location
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        /// `new` for every result when a baseline was used: the baselined ones are left out.
        var baselineState: String?
        var suppressions: [Suppression]?
    }

    struct DescriptorReference: Encodable {
        var id: String
    }

    struct Notification: Encodable {
        var level: String
        var message: Message
        var descriptor: DescriptorReference
        var locations: [Location]

        init(_ diagnostic: Diagnostic) {
            level = SARIFReporter.level(diagnostic.severity)
            message = Message(text: diagnostic.message)
            descriptor = DescriptorReference(id: diagnostic.code)
            locations = [Location(path: diagnostic.path, at: diagnostic.location)]
        }
    }

    struct Invocation: Encodable {
        var executionSuccessful: Bool
        var exitCode: Int32
        var toolConfigurationNotifications: [Notification]?
        var toolExecutionNotifications: [Notification]?
    }

    struct Category: Encodable {
        var key: String
        var title: String
        var score: Double?
    }

    struct Score: Encodable {
        var path: String
        var area: String?
        var score: Double
        var grade: String
        var categories: [Category]
    }

    struct RunProperties: Encodable {
        var scores: [Score]
        var averageScore: Double?
        var result: String
        var reasons: [String]
        /// Findings left out because the baseline holds them; only when a baseline was used.
        var baselined: Int?
    }

    struct Run: Encodable {
        var tool: Tool
        var invocations: [Invocation]
        var results: [Result]
        var columnKind = "unicodeCodePoints"
        var properties: RunProperties
    }

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version
        case runs
    }

    var schema = SARIFReporter.schemaURI
    var version = "2.1.0"
    var runs: [Run]

    init(_ report: Report, policy: FailPolicy) {
        let rules = Self.rules(of: report)
        var index: [String: Int] = [:]
        for (position, rule) in rules.enumerated() { index[rule.id] = position }
        let baselineState = report.baseline == nil ? nil : "new"
        func result(_ finding: Finding, suppressions: [Suppression]? = nil) -> Result {
            Result(
                ruleId: finding.ruleID, ruleIndex: index[finding.ruleID] ?? 0,
                level: SARIFReporter.level(finding.severity), message: Message(text: finding.message),
                locations: [Location(path: finding.path, at: finding.location)], baselineState: baselineState,
                suppressions: suppressions)
        }
        // Suppressed findings are results with an in-source suppression, which viewers hide.
        let results = report.evaluations.flatMap { evaluation in
            let reported = evaluation.findings.map { (finding: $0, result: result($0)) }
            let suppressed = evaluation.suppressed.map { suppressed in
                (
                    finding: suppressed.finding,
                    result: result(
                        suppressed.finding,
                        suppressions: [
                            Suppression(
                                justification: suppressed.reason,
                                location: Location(path: evaluation.path, at: suppressed.suppressionLocation))
                        ])
                )
            }
            return (reported + suppressed).sorted {
                ($0.finding.location, $0.finding.ruleID) < ($1.finding.location, $1.finding.ruleID)
            }
            .map(\.result)
        }
        let diagnostics = report.allDiagnostics
        let configuration = diagnostics.filter { $0.code.hasPrefix("pack.") }.map(Notification.init)
        let execution = diagnostics.filter { !$0.code.hasPrefix("pack.") }.map(Notification.init)
        let verdict = policy.verdict(for: report)
        let invocation = Invocation(
            executionSuccessful: !diagnostics.containsErrors, exitCode: verdict.exitCode,
            toolConfigurationNotifications: configuration.isEmpty ? nil : configuration,
            toolExecutionNotifications: execution.isEmpty ? nil : execution)
        let scores = report.evaluations.map { evaluation in
            Score(
                path: evaluation.path, area: evaluation.area, score: evaluation.score, grade: evaluation.grade,
                categories: evaluation.categories.map { Category(key: $0.key, title: $0.title, score: $0.score) })
        }
        let properties = RunProperties(
            scores: scores, averageScore: report.averageScore, result: verdict.resultName, reasons: verdict.reasons,
            baselined: report.baseline == nil ? nil : report.baselinedCount)
        runs = [
            Run(
                tool: Tool(
                    driver: Driver(version: report.toolVersion, rules: rules.map(ReportingDescriptor.init))),
                invocations: [invocation], results: results, properties: properties)
        ]
    }

    /// The packs' rules, then any rule a file was evaluated against that no pack lists, then
    /// the engine's own checks that have findings.
    static func rules(of report: Report) -> [RuleSummary] {
        var rules: [RuleSummary] = []
        var seen: Set<String> = []
        for rule in report.packs.flatMap(\.rules) where seen.insert(rule.id).inserted {
            rules.append(rule)
        }
        for evaluation in report.evaluations {
            for result in evaluation.rules where seen.insert(result.id).inserted {
                rules.append(
                    RuleSummary(
                        id: result.id, title: result.title, category: result.category,
                        categoryTitle: evaluation.categories.first { $0.key == result.category }?.title,
                        severity: result.severity, weight: result.weight,
                        hint: result.findings.first?.hint, link: result.link))
            }
        }
        let engineIDs = Set(report.evaluations.flatMap { $0.engineFindings.map(\.ruleID) })
        for rule in EngineRule.allCases where engineIDs.contains(rule.id) && seen.insert(rule.id).inserted {
            rules.append(rule.summary)
        }
        return rules
    }
}
