import PromiseCheck
import Synchronization

/// The machine-readable report: one versioned JSON document with sorted keys.
///
/// Its shape is documented in docs/report-format.md and docs/report.schema.json; `version`
/// changes when a field changes meaning or goes away (new fields may appear without a change).
/// It is written with ``JSONWriter``, keys in sorted order, optional fields without a value left
/// out: the bytes `JSONEncoder` would write for the same document, each file's part on its own.
public struct JSONReporter: StreamingReporter {
    public static let formatVersion = 1

    /// The members of each rule's object that every file repeats, encoded once for the run.
    private let ruleMembers = RuleMembers()

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
        output = JSONWriter.written(after: output, level: 2, capacity: Self.partCapacity) {
            Self.write(file, ruleMembers: ruleMembers, to: &$0)
        }
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

    /// A file's object. With `ruleMembers`, each rule's fixed members are copied from it;
    /// without, every field is written one by one (the simple way, which the tests compare with).
    static func write(_ file: FileReport, ruleMembers: RuleMembers?, to json: inout JSONWriter) {
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
        if let ruleMembers {
            ruleMembers.write(evaluation?.rules ?? [], to: &json)
        } else {
            for rule in evaluation?.rules ?? [] { write(rule, to: &json) }
        }
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

    /// A rule's object, its fixed members (see ``RuleMembers``) copied from `members`.
    ///
    /// The rule is read through a pointer (into its list, valid for the call), so that the
    /// rule is not copied to be passed.
    static func write(_ rule: UnsafePointer<RuleResult>, members: RuleMembers.Entry, to json: inout JSONWriter) {
        let bytes = members.bytes
        let ends = members.ends
        json.beginObject()
        json.member(bytes, 0..<ends.category)
        json.field("error", rule.pointee.error)
        json.beginArray(key: "findings")
        for finding in rule.pointee.findings {
            json.beginObject()
            writeFindingFields(finding, reason: nil, members: members, to: &json)
            json.endObject()
        }
        json.endArray()
        json.field("fraction", (rule.pointee.fraction * 10000).rounded() / 10000)
        json.member(bytes, ends.category..<ends.id)
        json.member(bytes, ends.id..<ends.link)
        json.field("passed", rule.pointee.passed)
        json.field("reason", rule.pointee.reason)
        json.member(bytes, ends.link..<ends.severity)
        json.field("skipped", rule.pointee.skipped)
        json.member(bytes, ends.severity..<ends.title)
        json.member(bytes, ends.title..<ends.weight)
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

    /// A finding's fields, and a suppressed finding's `reason` among them in key order; its
    /// `rule` and `severity` copied from `members` when they are its rule's.
    private static func writeFindingFields(
        _ finding: Finding, reason: String?, members: RuleMembers.Entry? = nil, to json: inout JSONWriter
    ) {
        json.field("column", finding.location.column)
        json.field("excerpt", finding.excerpt)
        json.field("hint", finding.hint)
        json.field("line", finding.location.line)
        json.field("message", finding.message)
        json.field("reason", reason)
        if let members, finding.ruleID == members.id, finding.severity == members.severity {
            json.member(members.bytes, members.ends.weight..<members.bytes.count)
            json.member(members.bytes, members.ends.link..<members.ends.severity)
            return
        }
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

/// The members of a rule's object that are the same in every file it is reported for
/// (`category`, `id`, `link`, `severity`, `title` and `weight`), each encoded once as
/// `"key" : value` and copied as bytes from then on; the other members are written per file.
///
/// Kept by place: the entry for the n-th rule of the last file, used for the n-th rule of the
/// next when it has the same fixed fields (files under one configuration list the same rules in
/// the same order), replaced when not. So it holds at most one entry per rule of one file. Files
/// are written on several threads: each takes the entries it needs under a lock and writes
/// with its own copy of the list.
final class RuleMembers: Sendable {
    /// One rule's fixed fields and its members made from them. A class, so that taking one
    /// from the list is a retain rather than a copy of its fields.
    final class Entry: Sendable {
        let id: String
        let title: String
        let category: String
        let severity: Severity
        let weight: Double
        let link: String?
        /// The members one after another, in key order, and last a finding's `rule` member
        /// (the id under the key `rule`); `ends` says where each ends but that last one. `link`
        /// is empty when the rule has none.
        let bytes: [UInt8]
        let ends: (category: Int, id: Int, link: Int, severity: Int, title: Int, weight: Int)

        init(_ rule: RuleResult) {
            id = rule.id
            title = rule.title
            category = rule.category
            severity = rule.severity
            weight = rule.weight
            link = rule.link
            var bytes: [UInt8] = []
            func append(_ body: (inout JSONWriter) -> Void) -> Int {
                bytes += JSONWriter.member(body)
                return bytes.count
            }
            ends = (
                category: append { $0.field("category", rule.category) },
                id: append { $0.field("id", rule.id) },
                link: append { $0.field("link", rule.link) },
                severity: append { $0.field("severity", rule.severity.rawValue) },
                title: append { $0.field("title", rule.title) },
                weight: append { $0.field("weight", rule.weight) }
            )
            _ = append { $0.field("rule", rule.id) }
            self.bytes = bytes
        }

        /// Whether `rule`'s fixed fields are the ones the entry was made from (the weight bit
        /// for bit, so that even a `-0` is not taken for a `0`).
        /// (Read through a pointer like ``JSONReporter/write(_:members:to:)``.)
        func matches(_ rule: UnsafePointer<RuleResult>) -> Bool {
            rule.pointee.id == id && rule.pointee.title == title && rule.pointee.category == category
                && rule.pointee.severity == severity && rule.pointee.weight.bitPattern == weight.bitPattern
                && rule.pointee.link == link
        }
    }

    private let entries = Mutex<[Entry]>([])

    /// Writes the objects of `rules`, with entries from the last file where they match and
    /// new ones where not, which then replace the list.
    func write(_ rules: [RuleResult], to json: inout JSONWriter) {
        var entries = self.entries.withLock { $0 }
        var replaced = false
        // Through a buffer, so that each rule is read in place rather than copied.
        rules.withUnsafeBufferPointer { rules in
            guard let first = rules.baseAddress else { return }
            for index in rules.indices {
                let rule = first + index
                if index < entries.count, entries[index].matches(rule) {
                    JSONReporter.write(rule, members: entries[index], to: &json)
                    continue
                }
                let entry = Entry(rule.pointee)
                if index < entries.count { entries[index] = entry } else { entries.append(entry) }
                replaced = true
                JSONReporter.write(rule, members: entry, to: &json)
            }
        }
        if entries.count > rules.count {
            entries.removeLast(entries.count - rules.count)
            replaced = true
        }
        guard replaced else { return }
        self.entries.withLock { [entries] in $0 = entries }
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
