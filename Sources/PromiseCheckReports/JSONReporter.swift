import PromiseCheck

/// The machine-readable report: one versioned JSON document with sorted keys.
///
/// Its shape is documented in docs/report-format.md and docs/report.schema.json; `version`
/// changes when a field changes meaning or goes away (new fields may appear without a change).
/// It is written with ``JSONWriter``, keys in sorted order, optional fields without a value left
/// out: the bytes `JSONEncoder` would write for the same document, each file's part on its own.
public struct JSONReporter: StreamingReporter {
    public static let formatVersion = 1

    public init() {}

    public func begin(_ run: ReportRun, into output: inout [UInt8]) {
        var json = JSONWriter(into: output)
        output = []
        json.beginObject()
        json.key("diagnostics")
        Self.write(run.diagnostics, to: &json)
        json.beginArray(key: "files")
        output = json.bytes
    }

    public func file(_ file: FileReport, index: Int, into output: inout [UInt8]) {
        if index > 0 { output.append(contentsOf: Self.fileSeparator) }
        output.append(contentsOf: Self.fileIndentation)
        output = JSONWriter.written(after: output, level: 2, capacity: Self.partCapacity) { Self.write(file, to: &$0) }
    }

    public func end(_ run: ReportRun, policy: FailPolicy, into output: inout [UInt8]) {
        // Resumes the document where `begin` and the files left it: in the top object after
        // two members, in the `files` array after every file.
        var json = JSONWriter(into: output, resuming: [2, run.totals.files])
        output = []
        json.endArray()
        json.beginArray(key: "packs")
        // Files under different configurations can use the same pack with other rule settings.
        var seenPacks: Set<[String]> = []
        for pack in run.packs where seenPacks.insert([pack.name, pack.version, pack.title]).inserted {
            json.writePack(name: pack.name, title: pack.title, version: pack.version)
        }
        json.endArray()
        json.key("summary")
        Self.writeSummary(run, verdict: policy.verdict(for: run.totals), to: &json)
        json.key("tool")
        json.writeTool(version: run.toolVersion)
        json.field("version", Self.formatVersion)
        json.endObject()
        output = json.bytes
        output.append(UInt8(ascii: "\n"))
    }

    /// Room a file's part starts with: most are 10 to 30 KB, so few grow.
    private static let partCapacity = 32 * 1024
    private static let fileSeparator = Array(",\n".utf8)
    private static let fileIndentation = Array("    ".utf8)

    /// `"categories": [{"key", "score", "title"}, …]`, as the json and sarif reports give them.
    static func writeCategories(_ categories: [CategoryScore], to json: inout JSONWriter) {
        json.beginArray(key: "categories")
        for category in categories {
            json.beginObject()
            json.field("key", category.key)
            json.field("score", category.score)
            json.field("title", category.title)
            json.endObject()
        }
        json.endArray()
    }

    static func write(_ file: FileReport, to json: inout JSONWriter) {
        let evaluation = file.evaluation
        json.beginObject()
        json.field("area", evaluation?.area)
        json.field("baselined", evaluation?.baselined.count ?? 0)
        writeCategories(evaluation?.categories ?? [], to: &json)
        json.field("checked", evaluation != nil)
        json.key("diagnostics")
        write(file.diagnostics, to: &json)
        json.beginArray(key: "engine_findings")
        for finding in evaluation?.engineFindings.sorted(by: { $0.location < $1.location }) ?? [] {
            write(finding, to: &json)
        }
        json.endArray()
        json.field("format", evaluation?.format.rawValue)
        json.field("grade", evaluation?.grade)
        json.field("notes", evaluation?.notes ?? [])
        json.field("path", file.path)
        json.field("period", evaluation?.period)
        json.beginArray(key: "rules")
        for rule in evaluation?.rules ?? [] { write(rule, to: &json) }
        json.endArray()
        json.field("score", evaluation?.score)
        json.beginArray(key: "suppressed")
        for suppressed in evaluation?.suppressed ?? [] { write(suppressed, to: &json) }
        json.endArray()
        json.field("title", evaluation?.title)
        json.endObject()
    }

    static func write(_ rule: RuleResult, to json: inout JSONWriter) {
        json.beginObject()
        json.field("category", rule.category)
        json.field("error", rule.error)
        json.beginArray(key: "findings")
        for finding in rule.findings { write(finding, to: &json) }
        json.endArray()
        json.field("fraction", (rule.fraction * 10000).rounded() / 10000)
        json.field("id", rule.id)
        json.field("link", rule.link)
        json.field("passed", rule.passed)
        json.field("reason", rule.reason)
        json.field("severity", rule.severity.rawValue)
        json.field("skipped", rule.skipped)
        json.field("title", rule.title)
        json.field("weight", rule.weight)
        json.endObject()
    }

    static func write(_ finding: Finding, to json: inout JSONWriter) {
        json.beginObject()
        writeFindingFields(finding, reason: nil, to: &json)
        json.endObject()
    }

    static func write(_ suppressed: SuppressedFinding, to json: inout JSONWriter) {
        json.beginObject()
        writeFindingFields(suppressed.finding, reason: suppressed.reason, to: &json)
        json.beginObject(key: "suppression")
        json.field("column", suppressed.suppressionLocation.column)
        json.field("line", suppressed.suppressionLocation.line)
        json.field("scope", suppressed.isFileWide ? "file" : "item")
        json.endObject()
        json.endObject()
    }

    /// A finding's fields, and a suppressed finding's `reason` among them in key order.
    private static func writeFindingFields(_ finding: Finding, reason: String?, to json: inout JSONWriter) {
        json.field("column", finding.location.column)
        json.field("excerpt", finding.excerpt)
        json.field("hint", finding.hint)
        json.field("line", finding.location.line)
        json.field("message", finding.message)
        json.field("reason", reason)
        json.field("rule", finding.ruleID)
        json.field("severity", finding.severity.rawValue)
    }

    static func write(_ diagnostics: [Diagnostic], to json: inout JSONWriter) {
        json.beginArray()
        for diagnostic in diagnostics {
            json.beginObject()
            json.field("code", diagnostic.code)
            json.field("column", diagnostic.location?.column)
            json.field("line", diagnostic.location?.line)
            json.field("message", diagnostic.message)
            json.field("path", diagnostic.path)
            json.field("severity", diagnostic.severity.rawValue)
            json.field("snippet", diagnostic.snippet)
            json.endObject()
        }
        json.endArray()
    }

    static func writeSummary(_ run: ReportRun, verdict: FailPolicy.Verdict, to json: inout JSONWriter) {
        let totals = run.totals
        json.beginObject()
        json.field("average_score", totals.averageScore)
        json.field("baseline", run.baseline)
        json.field("baselined", totals.baselined)
        json.field("checked", totals.evaluated)
        json.field("errors", totals.errors)
        json.field("exit_code", Int(verdict.exitCode))
        json.field("files", totals.files)
        json.field("infos", totals.infos)
        json.field("input_errors", totals.inputErrors)
        json.field("reasons", verdict.reasons)
        json.field("result", verdict.resultName)
        json.field("suppressed", totals.suppressed)
        json.field("warnings", totals.warnings)
        json.endObject()
    }
}

extension JSONWriter {
    /// `{"name": "promisecheck", "version": …}`: the tool that wrote a JSON document.
    mutating func writeTool(version: String) {
        beginObject()
        field("name", "promisecheck")
        field("version", version)
        endObject()
    }

    /// A pack a JSON document was made with.
    mutating func writePack(name: String, title: String, version: String) {
        beginObject()
        field("name", name)
        field("title", title)
        field("version", version)
        endObject()
    }
}
