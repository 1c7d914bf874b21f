import PromiseCheck
import PromiseCheckReports

/// One `--format`/`--output` pair of a check run.
///
/// A format that can be streamed is written while the files are checked: its start when the
/// run begins, each file's part as soon as that file and every file before it are checked, its
/// end when all are. A file goes through a temporary file renamed into place at the end
/// (``OutputFile/Writer``), so a run that stops half way replaces nothing. Other formats are
/// rendered from the whole report at the end.
final class ReportOutput {
    let destination: ReportDestination
    let reporter: any Reporter
    /// Nil for a format that needs the whole report.
    let streaming: (any StreamingReporter)?
    let force: Bool
    private var writer: OutputFile.Writer?
    /// Why the output cannot be written, once that is known.
    private var failure: String?

    init(destination: ReportDestination, style: TerminalStyle, explain: Bool, force: Bool) {
        self.destination = destination
        self.reporter = destination.format.reporter(explain: explain, style: style)
        self.streaming = destination.format.streamingReporter(explain: explain, style: style)
        self.force = force
    }

    /// Opens a streamed output and writes its start.
    func begin(_ run: ReportRun) {
        guard let streaming else { return }
        do {
            writer = try open()
        } catch {
            failure = error.description
            return
        }
        var bytes: [UInt8] = []
        streaming.begin(run, into: &bytes)
        writer?.write(bytes)
    }

    /// A file's part of a streamed output (empty for the others); safe on any thread once
    /// ``begin(_:)`` has run.
    func part(of file: FileReport, index: Int) -> [UInt8] {
        guard let streaming, writer != nil else { return [] }
        var bytes: [UInt8] = []
        streaming.file(file, index: index, into: &bytes)
        return bytes
    }

    /// Writes a file's part; call in file order.
    func write(_ part: [UInt8]) {
        writer?.write(part)
    }

    /// Leaves the target as it was (a file) and stops writing.
    func discard() {
        writer?.discard()
        writer = nil
    }

    /// Writes the end of a streamed output, or the whole of another one from `report`, and
    /// puts it in place; why it could not be written, or nil.
    func finish(_ run: ReportRun, report: Report?, policy: FailPolicy) -> String? {
        if let failure { return failure }
        var bytes: [UInt8] = []
        if let streaming {
            streaming.end(run, policy: policy, into: &bytes)
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
    var parts: [[UInt8]]?
}
