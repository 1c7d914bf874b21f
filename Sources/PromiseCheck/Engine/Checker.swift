import Foundation
import Synchronization

/// Reads promise files and evaluates them against one pack: one file in, one ``FileReport`` out.
///
/// `.yaml` and `.yml` files are promise files in PromiseCheck's format; every other file is
/// read as published text, or as a Markdown draft when it ends in `.md` or `.markdown`, with
/// the language data of the pack (its `sections:` and `reading:` tables).
public struct Checker: Sendable {
    public let engine: Engine
    public var reader: PromiseFileReader
    /// The reader of published text and Markdown, made when first used: a run over YAML files
    /// never needs it, and its profile compiles the pack's patterns and lexicon matchers.
    public var textReader: TextPromiseReader { lazyTextReader.value }
    private let lazyTextReader: LazyTextReader

    public init(pack: RulePack, reader: PromiseFileReader = PromiseFileReader()) {
        self.engine = Engine(pack: pack)
        self.reader = reader
        self.lazyTextReader = LazyTextReader(pack: pack, maxInputBytes: reader.limits.maxInputBytes)
    }

    /// The extensions of promise files in PromiseCheck's YAML format.
    public static let yamlExtensions = ["yaml", "yml"]

    /// Reads a file with the reader its extension calls for.
    public func read(path: String) -> PromiseFileReader.Result {
        Self.isYAML(path: path) ? reader.read(path: path) : textReader.read(path: path)
    }

    /// Whether the extension of `path` (``PathNames/pathExtension(of:)``) is one of
    /// ``yamlExtensions`` in any case.
    static func isYAML(path: String) -> Bool {
        yamlExtensions.contains(PathNames.pathExtension(of: path).lowercased())
    }

    /// Reads and evaluates one file; a file that cannot be read gets diagnostics and no evaluation.
    public func check(path: String) -> FileReport {
        report(of: read(path: path), path: path)
    }

    private func report(of result: PromiseFileReader.Result, path: String) -> FileReport {
        let evaluation = result.document.map(engine.evaluate)
        return FileReport(
            path: path, evaluation: evaluation,
            diagnostics: result.diagnostics + (evaluation.map(ruleErrors) ?? []))
    }

    /// ``check(path:keepSource:)`` of a file that is checked only when `keeps` accepts what was
    /// read, or nil: `keeps` gets the bytes of a regular file read whole, or nil for any other
    /// file and for one that could not be read. The file is read once, for both.
    package func check(path: String, keepSource: Bool, keeping keeps: ([UInt8]?) -> Bool) -> FileReport? {
        let log = DiagnosticLog()
        let yaml = Self.isYAML(path: path)
        // The reader's own limit, as `read(path:)` reads with (the text reader's, without making it).
        let maxBytes = yaml ? reader.limits.maxInputBytes : lazyTextReader.maxInputBytes
        var isRegularFile = false
        let bytes = SourceFile.bytes(at: path, log: log, maxBytes: maxBytes, isRegularFile: &isRegularFile)
        guard keeps(isRegularFile ? bytes : nil) else { return nil }
        guard let bytes else {
            return report(of: PromiseFileReader.Result(document: nil, diagnostics: log.diagnostics), path: path)
        }
        let result =
            yaml
            ? reader.read(bytes, path: path)
            : textReader.read(bytes, path: path, format: TextPromiseReader.format(forPath: path))
        var report = report(of: result, path: path)
        if keepSource, report.evaluation != nil { report.sourceLines = Self.sourceLines(of: bytes) }
        return report
    }

    /// A rule that could not answer (a plugin that failed) is an input error of the file,
    /// located at the rule in its pack.
    func ruleErrors(_ evaluation: DocumentEvaluation) -> [Diagnostic] {
        evaluation.rules.compactMap { result in
            guard let error = result.error else { return nil }
            let rule = engine.pack.rule(withID: result.id)
            return Diagnostic(
                .error, "rule '\(result.id)' could not check \(evaluation.path): \(error)",
                path: rule?.file ?? evaluation.path, location: rule?.location, code: "plugin.failed")
        }
    }

    /// Reads and evaluates one file and, with `keepSource`, keeps its lines for formats that show
    /// findings in place.
    ///
    /// The lines are read only from a file that could be evaluated, as UTF-8 with invalid bytes
    /// replaced, split where the reader splits (`\n`, `\r\n`, `\r`), so line numbers agree.
    public func check(path: String, keepSource: Bool) -> FileReport {
        var report = check(path: path)
        if keepSource, report.evaluation != nil {
            report.sourceLines = Self.sourceLines(at: path, maxBytes: reader.limits.maxInputBytes)
        }
        return report
    }

    /// Reads and evaluates many files on every core; the reports come back in the order of `paths`.
    ///
    /// At most one file per active processor is in flight, and each file's document is dropped
    /// once it is evaluated, so memory grows with the reports, not with the documents.
    public func check(paths: [String], keepSource: Bool = false) -> [FileReport] {
        var reports: [FileReport] = []
        reports.reserveCapacity(paths.count)
        check(paths: paths, keepSource: keepSource, window: max(paths.count, 2)) { _, report in reports.append(report) }
        return reports
    }

    /// Reads and evaluates many files on every core and hands each report to `consume` in the
    /// order of `paths`, while later files are still being checked.
    ///
    /// At most `window` reports are being checked or waiting for an earlier one at a time, so a
    /// consumer that drops each report keeps memory bounded however many files there are. See
    /// ``OrderedStream``.
    public func check(
        paths: [String], keepSource: Bool = false, window: Int = OrderedStream.defaultWindow,
        consume: (Int, FileReport) -> Void
    ) {
        OrderedStream.run(
            count: paths.count, window: window, work: { check(path: paths[$0], keepSource: keepSource) },
            consume: consume)
    }

    static func sourceLines(at path: String, maxBytes: Int) -> [String]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: maxBytes + 1), data.count <= maxBytes else { return nil }
        return sourceLines(of: [UInt8](data))
    }

    static func sourceLines(of bytes: [UInt8]) -> [String] {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        lines.append(String(current))
        if lines.count > 1, lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Evaluates a document read elsewhere.
    public func check(_ document: Document, diagnostics: [Diagnostic] = []) -> FileReport {
        let evaluation = engine.evaluate(document)
        return FileReport(
            path: document.path, evaluation: evaluation, diagnostics: diagnostics + ruleErrors(evaluation))
    }
}

/// The version of PromiseCheck, shown by `--version` and written into reports.
public enum PromiseCheckVersion {
    public static let current = "0.1.0"
}

/// A ``TextPromiseReader`` for a pack, made once on first use and shared by copies of the checker.
private final class LazyTextReader: Sendable {
    let pack: RulePack
    let maxInputBytes: Int
    let reader: Mutex<TextPromiseReader?> = Mutex(nil)

    init(pack: RulePack, maxInputBytes: Int) {
        self.pack = pack
        self.maxInputBytes = maxInputBytes
    }

    var value: TextPromiseReader {
        reader.withLock { reader in
            if let reader { return reader }
            let made = TextPromiseReader(profile: TextReadingProfile(pack: pack), maxInputBytes: maxInputBytes)
            reader = made
            return made
        }
    }
}
