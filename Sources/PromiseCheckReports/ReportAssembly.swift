import PromiseCheck

/// A format that cannot be written in file order while the files are checked, because what
/// comes first depends on the whole run (SARIF's invocation, JUnit's totals, Markdown's result)
/// or it lists the files in several places (Markdown's table, findings and suppressed findings),
/// and yet need not hold the files' reports: each file's part is rendered as the file is
/// checked, its pieces are set aside in spools (in memory, or in temporary files on the command
/// line), and the report is put together from them at the end.
///
/// ``Reporter/render(_:policy:)`` is the same assembly with spools in memory.
public protocol AssembledReporter: Reporter {
    associatedtype Assembly: ReportAssembly
    /// The assembly of one run's report. It may use `run`'s tool version, packs, diagnostics
    /// and baseline, not its totals (no file has been counted yet); `makeSpool` makes each
    /// spool it sets parts aside in.
    func assembly(_ run: ReportRun, makeSpool: () -> any ReportSpool) -> Assembly
}

/// One run's report in the making: see ``AssembledReporter``.
public protocol ReportAssembly: AnyObject {
    associatedtype Part: Sendable
    /// A file's part; `index` is its place in the report. It depends on nothing but its
    /// arguments and the run the assembly was made for, so the parts of many files can be
    /// rendered on several threads at once.
    func part(of file: FileReport, index: Int) -> Part
    /// Sets a file's part aside; called once per file, in file order.
    func add(_ part: Part)
    /// Hands the whole report to `write`, in pieces, the parts set aside in their places;
    /// `run.totals` counts every file.
    func finish(_ run: ReportRun, policy: FailPolicy, write: ([UInt8]) -> Void)
}

extension ReportAssembly {
    /// ``add(_:)`` for a part as `any ReportAssembly` returns it from ``part(of:index:)``.
    public func add(anyPart part: any Sendable) {
        guard let part = part as? Part else {
            preconditionFailure("a part of \(type(of: part)) given to an assembly of \(Part.self)")
        }
        add(part)
    }
}

extension AssembledReporter {
    public func render(_ report: Report, policy: FailPolicy) -> String {
        let start = ReportRun(
            toolVersion: report.toolVersion, packs: report.packs, diagnostics: report.diagnostics,
            baseline: report.baseline)
        let assembly = assembly(start, makeSpool: { MemorySpool() })
        for (index, file) in report.files.enumerated() { assembly.add(assembly.part(of: file, index: index)) }
        var output: [UInt8] = []
        assembly.finish(ReportRun(report), policy: policy) { output.append(contentsOf: $0) }
        return String(decoding: output, as: UTF8.self)
    }
}

/// Bytes set aside while a report is assembled, read back at its end.
public protocol ReportSpool: AnyObject {
    /// How many bytes have been set aside.
    var count: Int { get }
    func append(_ bytes: [UInt8])
    /// Hands the bytes in `range` (within `0..<count`) to `body` in order, in one or more pieces.
    func read(_ range: Range<Int>, into body: ([UInt8]) -> Void)
}

/// A spool in memory.
public final class MemorySpool: ReportSpool {
    private var bytes: [UInt8] = []

    public init() {}

    public var count: Int { bytes.count }

    public func append(_ bytes: [UInt8]) { self.bytes.append(contentsOf: bytes) }

    public func read(_ range: Range<Int>, into body: ([UInt8]) -> Void) {
        let range = range.clamped(to: 0..<bytes.count)
        if !range.isEmpty { body(Array(bytes[range])) }
    }
}

extension ReportSpool {
    /// Hands every byte to `body`.
    func read(into body: ([UInt8]) -> Void) { read(0..<count, into: body) }

    /// Appends a file's elements of a JSON array the spool holds the elements of, written
    /// without a separator before the first (see ``JSONWriter/fragment(level:)``), and the
    /// separator before them when the spool holds some already; returns where they start.
    @discardableResult
    func appendElements(_ elements: [UInt8]) -> Int {
        guard !elements.isEmpty else { return count }
        if count > 0 { append(Self.elementSeparator) }
        let start = count
        append(elements)
        return start
    }

    private static var elementSeparator: [UInt8] { Array(",\n".utf8) }
}

extension JSONWriter {
    /// A writer for elements of an array whose brackets are written elsewhere: the array is
    /// the innermost container, at nesting `level`, and holds nothing yet.
    static func fragment(level: Int) -> JSONWriter {
        JSONWriter(level: level, resuming: [0])
    }

    /// Hands what is written so far to `write` and goes on as an empty writer at the same place,
    /// inside `depth` open containers (each taken to hold something already), so that bytes
    /// written to `write` meanwhile, a spool's elements, end up inside the innermost.
    mutating func handOver(to write: ([UInt8]) -> Void, depth: Int) {
        write(bytes)
        self = JSONWriter(resuming: Array(repeating: 1, count: depth))
    }
}
