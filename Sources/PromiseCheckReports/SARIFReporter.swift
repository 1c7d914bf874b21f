import Foundation
import PromiseCheck

/// SARIF 2.1.0, the format GitHub code scanning reads: one run, the pack's rules as the
/// driver's rules, one result per finding on the promise's line and column.
///
/// Problems reading input are not results: a result says something about a promise's
/// quality, under one of the pack's rules. They are notifications of the invocation instead
/// (pack problems `toolConfigurationNotifications`, the rest `toolExecutionNotifications`),
/// with their locations and their code as the descriptor id, and `executionSuccessful` is
/// false when any is an error. SARIF viewers show them apart from the results, and the rule
/// list stays exactly the pack's enabled rules.
///
/// The log is written with ``JSONWriter`` in the layout `JSONEncoder` gives it (sorted keys,
/// pretty-printed), as an ``AssembledReporter``: the invocation and the run's properties come
/// before the results and need the whole run, so each file's results, score and notifications
/// are set aside as it is checked and the log is put together at the end.
public struct SARIFReporter: AssembledReporter {
    public static let schemaURI =
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    public init() {}

    public func assembly(_ run: ReportRun, makeSpool: () -> any ReportSpool) -> SARIFAssembly {
        SARIFAssembly(run, makeSpool: makeSpool)
    }

    /// The SARIF level of a severity.
    package static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A rule id as a SARIF `name`: UpperCamelCase from its words (`tomma-ord` → `TommaOrd`).
    package static func ruleName(_ id: String) -> String {
        let words = id.split { !$0.isLetter && !$0.isNumber }
        let name = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return name.isEmpty ? id : name
    }

    /// A path as a URI reference: relative paths stay relative (for `%SRCROOT%`-style
    /// resolution by the viewer), absolute ones become `file://` URIs; both percent-encoded.
    package static func artifactURI(_ path: String) -> String {
        let encoded = percentEncoded(path)
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }

    private static func percentEncoded(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            let scalar = Unicode.Scalar(byte)
            // RFC 3986 unreserved characters, sub-delimiters, '@' and '/'; ':' is encoded so a
            // relative path's first segment is never read as a scheme.
            if byte < 0x80,
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "-._~!$&'()*+,;=@/".unicodeScalars.contains(scalar)
            {
                result.unicodeScalars.append(scalar)
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// One run's SARIF log in the making (see ``SARIFReporter``).
///
/// The rules come last in the log, so rules the packs do not list (a file evaluated against
/// another rule set, the engine's own checks) are gathered as files come, and only then get
/// their index: a file's results hold `0` in their place, replaced as the results are written.
public final class SARIFAssembly: ReportAssembly {
    public struct Part: Sendable {
        /// The file's results, as elements of the `results` array.
        var results: [UInt8] = []
        /// Where in `results` a result's rule index is left as `0` for a rule no pack lists.
        var lateIndices: [LateIndex] = []
        /// The file's entry in the run's `scores`, when it was evaluated.
        var score: [UInt8] = []
        /// Its diagnostics, as elements of the invocation's notification arrays.
        var configurationNotifications: [UInt8] = []
        var executionNotifications: [UInt8] = []
        /// The rules it was evaluated against that no pack lists, first mention first.
        var rules: [RuleSummary] = []
        /// The engine's checks that have findings in it.
        var engineIDs: Set<String> = []
    }

    struct LateIndex: Sendable {
        var offset: Int
        var ruleID: String
    }

    // Nesting of the arrays the files' parts go into: inside the log's object, its `runs`
    // array and the run's object (results), then the run's `properties` (scores), or the
    // `invocations` array and its one invocation (notifications).
    private static let resultsLevel = 3
    private static let scoresLevel = 4
    private static let notificationsLevel = 5

    private let packRules: [RuleSummary]
    private let packIndex: [String: Int]
    private let baselineState: String?
    private let results: any ReportSpool
    private let scores: any ReportSpool
    private let configurationNotifications: any ReportSpool
    private let executionNotifications: any ReportSpool
    /// Rule indices left as `0` in `results`, in order.
    private var lateIndices: [LateIndex] = []
    private var lateRules: [RuleSummary] = []
    private var seenRules: Set<String>
    private var engineIDs: Set<String> = []

    init(_ run: ReportRun, makeSpool: () -> any ReportSpool) {
        var rules: [RuleSummary] = []
        var seen: Set<String> = []
        for rule in run.packs.flatMap(\.rules) where seen.insert(rule.id).inserted { rules.append(rule) }
        packRules = rules
        var index: [String: Int] = [:]
        for (position, rule) in rules.enumerated() { index[rule.id] = position }
        packIndex = index
        seenRules = seen
        baselineState = run.baseline == nil ? nil : "new"
        results = makeSpool()
        scores = makeSpool()
        configurationNotifications = makeSpool()
        executionNotifications = makeSpool()
    }

    public func part(of file: FileReport, index: Int) -> Part {
        var part = Part()
        var configuration = JSONWriter.fragment(level: Self.notificationsLevel)
        var execution = JSONWriter.fragment(level: Self.notificationsLevel)
        for diagnostic in file.diagnostics {
            if Self.isConfigurationProblem(diagnostic) {
                Self.writeNotification(diagnostic, to: &configuration)
            } else {
                Self.writeNotification(diagnostic, to: &execution)
            }
        }
        part.configurationNotifications = configuration.bytes
        part.executionNotifications = execution.bytes
        guard let evaluation = file.evaluation else { return part }

        var seen: Set<String> = []
        for result in evaluation.rules where packIndex[result.id] == nil && seen.insert(result.id).inserted {
            part.rules.append(
                RuleSummary(
                    id: result.id, title: result.title, category: result.category,
                    categoryTitle: evaluation.categories.first { $0.key == result.category }?.title,
                    severity: result.severity, weight: result.weight, hint: result.findings.first?.hint,
                    link: result.link))
        }
        part.engineIDs = Set(evaluation.engineFindings.map(\.ruleID))
        writeResults(of: evaluation, into: &part)

        var score = JSONWriter.fragment(level: Self.scoresLevel)
        score.beginObject()
        score.field("area", evaluation.area)
        JSONReporter.writeCategories(evaluation.categories, to: &score)
        score.field("grade", evaluation.grade)
        score.field("path", evaluation.path)
        score.field("score", evaluation.score)
        score.endObject()
        part.score = score.bytes
        return part
    }

    /// The file's findings and suppressed findings, in file order; suppressed findings are
    /// results with an in-source suppression, which viewers hide.
    private func writeResults(of evaluation: DocumentEvaluation, into part: inout Part) {
        let reported = evaluation.findings.map { (finding: $0, suppression: SuppressedFinding?.none) }
        let suppressed = evaluation.suppressed.map { (finding: $0.finding, suppression: Optional($0)) }
        let items = (reported + suppressed).sorted {
            ($0.finding.location, $0.finding.ruleID) < ($1.finding.location, $1.finding.ruleID)
        }
        var json = JSONWriter.fragment(level: Self.resultsLevel)
        for (position, (finding, suppression)) in items.enumerated() {
            json.beginObject()
            json.field("baselineState", baselineState)
            json.field("level", SARIFReporter.level(finding.severity))
            json.beginArray(key: "locations")
            Self.writeLocation(path: finding.path, at: finding.location, to: &json)
            json.endArray()
            json.beginObject(key: "message")
            json.field("text", finding.message)
            json.endObject()
            json.field("ruleId", finding.ruleID)
            if let index = packIndex[finding.ruleID] {
                json.field("ruleIndex", index)
            } else {
                // The placeholder ends the bytes handed over, so its offset is known; the
                // writer goes on inside this result (and the array), both holding something.
                json.field("ruleIndex", 0)
                part.results += json.bytes
                part.lateIndices.append(LateIndex(offset: part.results.count - 1, ruleID: finding.ruleID))
                json = JSONWriter(level: Self.resultsLevel, resuming: [position + 1, 1])
            }
            if let suppression {
                json.beginArray(key: "suppressions")
                json.beginObject()
                json.field("justification", suppression.reason)
                json.field("kind", "inSource")
                json.key("location")
                Self.writeLocation(path: evaluation.path, at: suppression.suppressionLocation, to: &json)
                json.endObject()
                json.endArray()
            }
            json.endObject()
        }
        part.results += json.bytes
    }

    public func add(_ part: Part) {
        let start = results.appendElements(part.results)
        lateIndices += part.lateIndices.map { LateIndex(offset: start + $0.offset, ruleID: $0.ruleID) }
        scores.appendElements(part.score)
        configurationNotifications.appendElements(part.configurationNotifications)
        executionNotifications.appendElements(part.executionNotifications)
        for rule in part.rules where seenRules.insert(rule.id).inserted { lateRules.append(rule) }
        engineIDs.formUnion(part.engineIDs)
    }

    public func finish(_ run: ReportRun, policy: FailPolicy, write: ([UInt8]) -> Void) {
        var rules = packRules + lateRules
        var seen = seenRules
        for rule in EngineRule.allCases where engineIDs.contains(rule.id) && seen.insert(rule.id).inserted {
            rules.append(rule.summary)
        }
        let verdict = policy.verdict(for: run.totals)
        var json = JSONWriter()
        json.beginObject()
        json.field("$schema", SARIFReporter.schemaURI)
        json.beginArray(key: "runs")
        json.beginObject()
        json.field("columnKind", "unicodeCodePoints")
        json.beginArray(key: "invocations")
        json.beginObject()
        json.field("executionSuccessful", run.totals.inputErrors == 0)
        json.field("exitCode", Int(verdict.exitCode))
        writeNotifications(
            "toolConfigurationNotifications", run.diagnostics.filter(Self.isConfigurationProblem),
            configurationNotifications, to: &json, write: write)
        writeNotifications(
            "toolExecutionNotifications", run.diagnostics.filter { !Self.isConfigurationProblem($0) },
            executionNotifications, to: &json, write: write)
        json.endObject()
        json.endArray()
        json.beginObject(key: "properties")
        json.field("averageScore", run.totals.averageScore)
        json.field("baselined", run.baseline == nil ? nil : run.totals.baselined)
        json.field("reasons", verdict.reasons)
        json.field("result", verdict.resultName)
        json.beginArray(key: "scores")
        json.handOver(to: write, depth: 5)
        scores.read(into: write)
        json.endArray()
        json.endObject()
        json.beginArray(key: "results")
        json.handOver(to: write, depth: 4)
        writeResults(rules: rules, write: write)
        json.endArray()
        json.beginObject(key: "tool")
        json.beginObject(key: "driver")
        json.field("name", "promisecheck")
        json.beginArray(key: "rules")
        for rule in rules { Self.writeDescriptor(rule, to: &json) }
        json.endArray()
        json.field("version", run.toolVersion)
        json.endObject()
        json.endObject()
        json.endObject()
        json.endArray()
        json.field("version", "2.1.0")
        json.endObject()
        json.handOver(to: write, depth: 0)
        write(Array("\n".utf8))
    }

    /// The results set aside, each `0` left for a rule index replaced by the index of its rule
    /// in `rules` (0 when it has none there).
    private func writeResults(rules: [RuleSummary], write: ([UInt8]) -> Void) {
        var index: [String: Int] = [:]
        for (position, rule) in rules.enumerated() where index[rule.id] == nil { index[rule.id] = position }
        var start = 0
        for late in lateIndices {
            results.read(start..<late.offset, into: write)
            write(Array(String(index[late.ruleID] ?? 0).utf8))
            start = late.offset + 1
        }
        results.read(start..<results.count, into: write)
    }

    /// A notification array, the run's diagnostics then the files', left out when both are empty.
    private func writeNotifications(
        _ key: StaticString, _ diagnostics: [Diagnostic], _ spool: any ReportSpool, to json: inout JSONWriter,
        write: ([UInt8]) -> Void
    ) {
        guard !diagnostics.isEmpty || spool.count > 0 else { return }
        json.beginArray(key: key)
        for diagnostic in diagnostics { Self.writeNotification(diagnostic, to: &json) }
        json.handOver(to: write, depth: 6)
        if !diagnostics.isEmpty && spool.count > 0 { write(Array(",\n".utf8)) }
        spool.read(into: write)
        json.endArray()
    }

    /// Pack problems are the tool's configuration's; the rest its execution's.
    private static func isConfigurationProblem(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.code.hasPrefix("pack.")
    }

    private static func writeNotification(_ diagnostic: Diagnostic, to json: inout JSONWriter) {
        json.beginObject()
        json.beginObject(key: "descriptor")
        json.field("id", diagnostic.code)
        json.endObject()
        json.field("level", SARIFReporter.level(diagnostic.severity))
        json.beginArray(key: "locations")
        writeLocation(path: diagnostic.path, at: diagnostic.location, to: &json)
        json.endArray()
        json.beginObject(key: "message")
        json.field("text", diagnostic.message)
        json.endObject()
        json.endObject()
    }

    private static func writeLocation(path: String, at location: SourceLocation?, to json: inout JSONWriter) {
        json.beginObject()
        json.beginObject(key: "physicalLocation")
        json.beginObject(key: "artifactLocation")
        json.field("uri", SARIFReporter.artifactURI(path))
        json.endObject()
        if let location {
            json.beginObject(key: "region")
            json.field("startColumn", location.column)
            json.field("startLine", location.line)
            json.endObject()
        }
        json.endObject()
        json.endObject()
    }

    private static func writeDescriptor(_ rule: RuleSummary, to json: inout JSONWriter) {
        // Only web addresses are links: a viewer must not be handed `javascript:` or a local path.
        let helpURI = rule.link.flatMap(webAddress)
        json.beginObject()
        json.beginObject(key: "defaultConfiguration")
        json.field("level", SARIFReporter.level(rule.severity))
        json.endObject()
        if let rationale = rule.rationale {
            json.beginObject(key: "fullDescription")
            json.field("text", rationale)
            json.endObject()
        }
        if let hint = rule.hint {
            let more = helpURI.map { "\n\n[\(MarkdownReporter.escape(rule.title))](<\($0)>)" } ?? ""
            json.beginObject(key: "help")
            json.field("markdown", MarkdownReporter.escape(hint) + more)
            json.field("text", hint)
            json.endObject()
        }
        json.field("helpUri", helpURI)
        json.field("id", rule.id)
        json.field("name", SARIFReporter.ruleName(rule.id))
        json.beginObject(key: "properties")
        json.field("category", rule.category)
        json.field("categoryTitle", rule.categoryTitle)
        json.field("tags", [rule.category])
        json.field("weight", rule.weight)
        json.endObject()
        json.beginObject(key: "shortDescription")
        json.field("text", rule.title)
        json.endObject()
        json.endObject()
    }
}
