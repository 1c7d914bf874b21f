import Foundation
import PromiseCheck
import PromiseCheckReports

/// One `--format`/`--output` pair of a check run.
///
/// A format that can be streamed is written while the files are checked: its start when the
/// run begins, each file's part as soon as that file and every file before it are checked, its
/// end when all are. A format that is assembled (SARIF, JUnit, Markdown) renders each file's
/// part as it comes too, sets it aside in temporary files (``FileSpool``) and writes the whole
/// at the end. A file goes through a temporary file renamed into place at the end
/// (``OutputFile/Writer``), so a run that stops half way replaces nothing. HTML is rendered from
/// the whole report at the end.
final class ReportOutput {
    let destination: ReportDestination
    let reporter: any Reporter
    /// Nil for a format that is not streamed.
    let streaming: (any StreamingReporter)?
    /// Nil for a format that is not assembled.
    let assembled: (any AssembledReporter)?
    let force: Bool
    private var writer: OutputFile.Writer?
    /// The assembled report of this run, once it has begun.
    private var assembly: (any ReportAssembly)?
    /// The temporary files the assembly sets parts aside in.
    private var spools: [FileSpool] = []
    /// Why the output cannot be written, once that is known.
    private var failure: String?

    /// A file's share of an output, rendered on a worker.
    enum Part {
        /// Nothing: the output takes the whole report, or cannot be written.
        case none
        /// Bytes to write in file order.
        case bytes([UInt8])
        /// An assembly's part, set aside in file order.
        case assembled(any Sendable)
    }

    init(destination: ReportDestination, style: TerminalStyle, explain: Bool, force: Bool) {
        self.destination = destination
        self.reporter = destination.format.reporter(explain: explain, style: style)
        self.streaming = destination.format.streamingReporter(explain: explain, style: style)
        self.assembled = destination.format.assembledReporter()
        self.force = force
    }

    /// Whether the output is rendered from the whole report at the end.
    var needsReport: Bool { streaming == nil && assembled == nil }

    /// Opens a streamed or assembled output and writes the start of a streamed one.
    func begin(_ run: ReportRun) {
        guard streaming != nil || assembled != nil else { return }
        do {
            writer = try open()
        } catch {
            failure = error.description
            return
        }
        if let assembled {
            assembly = assembled.assembly(run, makeSpool: makeSpool)
        } else if let streaming {
            var bytes: [UInt8] = []
            streaming.begin(run, into: &bytes)
            writer?.write(bytes)
        }
    }

    /// A file's part of a streamed or assembled output; safe on any thread once ``begin(_:)``
    /// has run.
    func part(of file: FileReport, index: Int) -> Part {
        guard writer != nil else { return .none }
        if let assembly { return .assembled(assembly.part(of: file, index: index)) }
        guard let streaming else { return .none }
        var bytes: [UInt8] = []
        streaming.file(file, index: index, into: &bytes)
        return .bytes(bytes)
    }

    /// Writes or sets aside a file's part; call in file order.
    func write(_ part: Part) {
        switch part {
        case .none: break
        case .bytes(let bytes): writer?.write(bytes)
        case .assembled(let part): assembly?.add(anyPart: part)
        }
    }

    /// Leaves the target as it was (a file) and stops writing.
    func discard() {
        writer?.discard()
        writer = nil
        assembly = nil
        spools = []
    }

    /// Writes the end of a streamed output, the whole of an assembled one, or the whole of
    /// another one from `report`, and puts it in place; why it could not be written, or nil.
    func finish(_ run: ReportRun, report: Report?, policy: FailPolicy) -> String? {
        if let failure { return failure }
        var bytes: [UInt8] = []
        if let streaming {
            streaming.end(run, policy: policy, into: &bytes)
        } else if let assembly, let writer {
            assembly.finish(run, policy: policy) { writer.write($0) }
            if let failure = spools.lazy.compactMap(\.failure).first {
                discard()
                return "\(destination.path ?? "standard output"): cannot be written: \(failure)"
            }
            self.assembly = nil
            spools = []
        } else if let report {
            bytes = Array(reporter.render(report, policy: policy).utf8)
            do {
                writer = try open()
            } catch {
                return error.description
            }
        }
        guard let writer else { return nil }
        self.writer = nil
        writer.write(bytes)
        do {
            try writer.commit()
            return nil
        } catch {
            return error.description
        }
    }

    /// A spool in a temporary file: next to the output file, whose file system must have room
    /// for the report anyway, or in the temporary folder (for standard output, a device or a
    /// pipe); in memory when neither can be made.
    private func makeSpool() -> any ReportSpool {
        var folders: [String] = []
        var target = stat()
        if let path = destination.path, stat(path, &target) != 0 || target.st_mode & S_IFMT == S_IFREG {
            folders.append(URL(fileURLWithPath: path).deletingLastPathComponent().path)
        }
        folders.append(ProcessEnvironment.current["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp")
        for folder in folders {
            if let spool = FileSpool(in: folder) {
                spools.append(spool)
                return spool
            }
        }
        return MemorySpool()
    }

    private func open() throws(OutputFile.Failure) -> OutputFile.Writer {
        guard let path = destination.path else { return OutputFile.Writer.standardOutput() }
        return try OutputFile.Writer(path: path, force: force)
    }
}

/// What a worker hands on for one file: its report, its baseline entries for `--write-baseline`,
/// and its part of each output, or nil when the baseline must be applied in file order first.
struct CheckedFile {
    var report: FileReport
    var baselineEntries: [Baseline.Entry]
    var parts: [ReportOutput.Part]?
}

/// A spool in a temporary file that is removed as soon as it is made: it takes no memory, and
/// nothing is left behind however the run ends. Appends are buffered and go out in large
/// `write(2)` calls; the first error is kept and makes the output fail.
final class FileSpool: ReportSpool {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private static let bufferSize = 256 * 1024
    /// Bytes appended, written or not.
    private(set) var count = 0
    /// Why the spool lost bytes, when it did.
    private(set) var failure: String?

    /// A spool in `folder`, or nil when no file can be made there.
    convenience init?(in folder: String) {
        var template = Array((folder + "/.promisecheck-spool-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { return nil }
        template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }
        self.init(descriptor: descriptor)
    }

    /// A spool in an open file it then owns and closes.
    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    func append(_ bytes: [UInt8]) {
        count += bytes.count
        guard failure == nil else { return }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { flush() }
    }

    func read(_ range: Range<Int>, into body: ([UInt8]) -> Void) {
        flush()
        var chunk = [UInt8](repeating: 0, count: min(range.count, Self.bufferSize))
        var offset = range.lowerBound
        while offset < range.upperBound, failure == nil {
            let wanted = min(chunk.count, range.upperBound - offset)
            let read = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, wanted, off_t(offset)) }
            if read < 0 && errno == EINTR { continue }
            guard read > 0 else {
                failure = read < 0 ? OutputFile.reason(errno) : "a temporary file ended early"
                return
            }
            body(Array(chunk[0..<read]))
            offset += read
        }
    }

    private func flush() {
        guard failure == nil, !buffer.isEmpty else { return }
        if let error = buffer.withUnsafeBytes({ OutputFile.writeAll($0, to: descriptor) }) {
            failure = OutputFile.reason(error)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
