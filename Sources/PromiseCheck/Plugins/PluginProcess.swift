import Foundation

/// Runs an external check program: an argument vector (no shell), a minimal environment, a
/// working folder, bytes on standard input, and bounds on time and output.
public struct PluginProcess: Sendable {
    /// The program and its arguments; the first is a path or a name looked up on `PATH`.
    public var arguments: [String]
    public var workingDirectory: String
    public var timeout: Double
    public var maxOutputBytes: Int
    /// The child's whole environment: only what a plugin needs to run.
    public var environment: [String: String]

    public init(
        arguments: [String], workingDirectory: String, timeout: Double = 5, maxOutputBytes: Int = 1 << 20,
        environment: [String: String] = PluginProcess.minimalEnvironment()
    ) {
        self.arguments = arguments
        self.workingDirectory = workingDirectory
        self.timeout = timeout
        self.maxOutputBytes = maxOutputBytes
        self.environment = environment
    }

    /// `PATH`, `LANG` and `HOME` from this process, or safe defaults; nothing else is passed on.
    public static func minimalEnvironment(from parent: [String: String] = ProcessInfo.processInfo.environment)
        -> [String: String]
    {
        [
            "PATH": parent["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "HOME": parent["HOME"] ?? "/",
            "PROMISECHECK_PLUGIN_PROTOCOL": String(PluginProtocol.version),
        ]
    }

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case notFound(String)
        case couldNotStart(String)
        case timedOut(Double)
        case outputTooLarge(Int)
        case exited(Int32, stderr: String)

        public var description: String {
            switch self {
            case .notFound(let program): "program '\(program)' not found"
            case .couldNotStart(let reason): "could not start: \(reason)"
            case .timedOut(let seconds): "did not finish within \(Self.seconds(seconds)) s"
            case .outputTooLarge(let limit): "wrote more than \(limit) bytes"
            case .exited(let status, let stderr):
                "exited with status \(status)" + (stderr.isEmpty ? "" : ": \(stderr)")
            }
        }

        static func seconds(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String(value)
        }
    }

    /// The program's full path: an absolute or relative path as given, or the first match on `PATH`.
    public func resolvedExecutable() -> String? {
        guard let program = arguments.first, !program.isEmpty else { return nil }
        if program.contains("/") {
            let path = program.hasPrefix("/") ? program : workingDirectory + "/" + program
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// A program that exits without reading its input must not take this process down with
    /// SIGPIPE when we write to it: ignored once, process-wide, so the write fails quietly.
    private static let ignoreBrokenPipes: Void = {
        signal(SIGPIPE, SIG_IGN)
    }()

    /// Runs the program with `input` on standard input and returns its standard output.
    ///
    /// The time limit covers the program and the reading of its output. At the limit the
    /// program is stopped with SIGTERM, then SIGKILL a second later, and so are the processes
    /// it started: Foundation starts it as the leader of a process group of its own, and the
    /// signals go to the whole group. (Were it started in this process's group, only the
    /// program itself would be signalled.) A process that leaves the group (`setsid`) is not
    /// followed.
    public func run(input: Data) -> Result<Data, Failure> {
        Self.ignoreBrokenPipes
        guard let executable = resolvedExecutable() else { return .failure(.notFound(arguments.first ?? "")) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(arguments.dropFirst())
        process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory)
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr

        let collector = OutputCollector(limit: maxOutputBytes)
        let errorCollector = OutputCollector(limit: 4096)
        let finished = DispatchSemaphore(value: 0)
        let readers = DispatchGroup()
        // A termination handler, not waitUntilExit on a queue: that needs free dispatch threads
        // and can miss the time limit on a busy machine. (On Linux Foundation keeps a Process
        // with a handler alive, a few KB per program run; a known cost, see docs/plugins.md.)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            return .failure(.couldNotStart(error.localizedDescription))
        }
        let group = ProcessGroup(leader: process.processIdentifier)
        readers.enter()
        DispatchQueue.global().async {
            collector.drain(stdout.fileHandleForReading) { group.signal(SIGTERM) }
            readers.leave()
        }
        readers.enter()
        DispatchQueue.global().async {
            errorCollector.drain(stderr.fileHandleForReading) {}
            readers.leave()
        }
        DispatchQueue.global().async {
            // A plugin that does not read its input must not block us: write, then close.
            try? stdin.fileHandleForWriting.write(contentsOf: input)
            try? stdin.fileHandleForWriting.close()
        }
        let deadline = DispatchTime.now() + timeout
        if finished.wait(timeout: deadline) == .timedOut {
            group.signal(SIGTERM)
            _ = finished.wait(timeout: .now() + 1)
            group.signal(SIGKILL)
            _ = finished.wait(timeout: .now() + 1)
            _ = readers.wait(timeout: .now() + 1)
            return .failure(.timedOut(timeout))
        }
        if readers.wait(timeout: deadline) == .timedOut {
            // The program has ended, but something it started still holds its output open.
            if group.isOwnGroup { group.signal(SIGKILL) }
            _ = readers.wait(timeout: .now() + 1)
            return .failure(.timedOut(timeout))
        }
        if collector.overflowed { return .failure(.outputTooLarge(maxOutputBytes)) }
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorCollector.data, as: UTF8.self)
                .split(whereSeparator: \.isNewline).prefix(3).joined(separator: " ")
            return .failure(.exited(process.terminationStatus, stderr: message))
        }
        return .success(collector.data)
    }
}

/// The processes a plugin run started: the program's process group when Foundation made the
/// program the leader of a group of its own (as it does on Linux), else the program alone.
private struct ProcessGroup: Sendable {
    let leader: pid_t
    /// Whether `leader` leads a group of its own, decided once right after it started, while it
    /// cannot yet have been reaped.
    let isOwnGroup: Bool

    init(leader: pid_t) {
        self.leader = leader
        isOwnGroup = leader > 0 && getpgid(leader) == leader && leader != getpgrp()
    }

    func signal(_ number: Int32) {
        guard leader > 0 else { return }
        _ = kill(isOwnGroup ? -leader : leader, number)
    }
}

/// Reads a pipe to its end, keeping at most `limit` bytes.
private final class OutputCollector: @unchecked Sendable {
    let limit: Int
    private(set) var data = Data()
    private(set) var overflowed = false

    init(limit: Int) {
        self.limit = limit
    }

    /// Reads until end of file; calls `onOverflow` once when the limit is passed, then discards.
    func drain(_ handle: FileHandle, onOverflow: () -> Void) {
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { return }
            guard !overflowed else { continue }
            if data.count + chunk.count > limit {
                overflowed = true
                onOverflow()
            } else {
                data.append(chunk)
            }
        }
    }
}
