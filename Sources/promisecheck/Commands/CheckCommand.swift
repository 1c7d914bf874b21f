import ArgumentParser
import Foundation
import PromiseCheck
import PromiseCheckReports

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check promise files and report scores and findings.",
        discussion: """
            Each file gets a score from 0 to 100 (the weight-averaged share of each rule that it meets), \
            a grade from the pack's bands, a score per category, and one finding per problem, as \
            path:line:column: severity: message [rule-id] followed by a hint.

            Folders are searched recursively for .yaml/.yml files with a top-level 'promise:' key; \
            files named explicitly are always checked. A file that cannot be read is reported with \
            the reason and the other files are still checked.

            Formats (--format; docs/report-format.md shows each):
            \(ReportFormat.allCases.map { "  \($0.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0))\($0.summary)" }.joined(separator: "\n"))

            One run can write several reports from the same evaluation: --format and --output are \
            repeatable and pair up in order, the first --output with the first --format, and so on; \
            a last --format without an --output goes to standard output. For example \
            --format sarif --output report.sarif --format junit --output report.xml --format text \
            writes two files and shows the text report. Files are written whole or not at all, and \
            an existing file is replaced only with --force. The text report is coloured only on a \
            terminal (see --color).

            Exit status: 0 passed; 1 a finding at or above --fail-on, or a file below --min-score; \
            2 a usage error, a pack that does not load, or a file that cannot be read.
            """
    )

    @OptionGroup var packOptions: PackOptions

    @Option(
        name: .customLong("format"),
        help: ArgumentHelp(
            "An output format, repeatable: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")) "
                + "(default: text).",
            valueName: "format"),
        completion: .list(ReportFormat.allCases.map(\.rawValue)),
        transform: ReportFormat.parse)
    var formats: [ReportFormat] = []

    @Option(
        name: .customLong("output"),
        help: ArgumentHelp(
            "Write the report of the matching --format to this file instead of standard output (repeatable).",
            valueName: "path"))
    var outputs: [String] = []

    @Flag(help: "Overwrite --output files that exist.")
    var force = false

    @Option(
        help: ArgumentHelp(
            "Colour the text report on standard output: auto (on a terminal), always or never.",
            discussion: "NO_COLOR in the environment, with any value, turns colour off; files never get colour.",
            valueName: "when"))
    var color: ColorChoice = .auto

    @Flag(help: "In text output, list every rule's weight, fraction, points and reason under each file.")
    var explain = false

    @Option(
        name: .customLong("fail-on"),
        help: "The least severe finding that fails the run: error, warning, info or never.")
    var failOn: FailLevel = .error

    @Option(
        name: .customLong("min-score"),
        help: ArgumentHelp("Fail when any file scores below this (0–100).", valueName: "score"))
    var minScore: Double?

    @Argument(help: ArgumentHelp("Promise files or folders to check.", valueName: "path"))
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty {
            throw ValidationError(
                "give at least one promise file or folder, e.g. 'promisecheck check examples/promises/'")
        }
        if let minScore, !(0...100).contains(minScore) {
            throw ValidationError("--min-score must be between 0 and 100, found \(minScore)")
        }
        _ = try ReportDestination.pairing(formats: formats, outputs: outputs)
    }

    func run() throws {
        let destinations = try ReportDestination.pairing(formats: formats, outputs: outputs)
        if !force {
            for case let path? in destinations.map(\.path) where FileManager.default.fileExists(atPath: path) {
                StandardError.write("error: \(path): already exists; use --force to overwrite it")
                throw ExitCode.usageError
            }
        }
        let pack = try packOptions.loadCombined()
        let discovery = FileDiscovery.discover(paths)
        let checker = Checker(pack: pack)
        let keepSource = destinations.contains { $0.format.needsSource }
        let report = Report(
            toolVersion: PromiseCheckVersion.current, packs: [PackSummary(pack)],
            files: discovery.files.map { checker.check(path: $0, keepSource: keepSource) },
            diagnostics: discovery.diagnostics)
        let policy = FailPolicy(failOn: failOn.severity, minScore: minScore)
        var failed = false
        for destination in destinations {
            let style = color.style(
                toStandardOutput: destination.path == nil, isTerminal: isatty(STDOUT_FILENO) == 1,
                environment: ProcessInfo.processInfo.environment)
            let rendered = destination.format.reporter(explain: explain, style: style).render(report, policy: policy)
            guard let path = destination.path else {
                print(rendered, terminator: "")
                continue
            }
            do {
                try OutputFile.write(rendered, to: path, force: force)
            } catch {
                StandardError.write("error: \(error.description)")
                failed = true
            }
        }
        if failed { throw ExitCode.usageError }
        let verdict = policy.verdict(for: report)
        if verdict != .passed { throw ExitCode(verdict.exitCode) }
    }
}

/// Where one report goes: a file, or standard output when `path` is nil.
struct ReportDestination: Equatable {
    var format: ReportFormat
    var path: String?

    /// Pairs `--format` and `--output` values in order; a last format without an output goes to
    /// standard output, and no format at all means text.
    static func pairing(formats: [ReportFormat], outputs: [String]) throws(ValidationError) -> [ReportDestination] {
        let formats = formats.isEmpty && outputs.count <= 1 ? [.text] : formats
        if outputs.count > formats.count {
            throw ValidationError(
                "\(outputs.count) --output files but \(formats.isEmpty ? "no" : "only \(formats.count)") --format "
                    + "value\(formats.count == 1 ? "" : "s"): each --output needs a --format, and they pair up in order"
            )
        }
        if formats.count > outputs.count + 1 {
            let unpaired = formats[outputs.count...].map(\.rawValue).joined(separator: ", ")
            throw ValidationError(
                "\(formats.count) --format values but \(outputs.count) --output file\(outputs.count == 1 ? "" : "s"): "
                    + "only one report can go to standard output, not \(formats.count - outputs.count) (\(unpaired)); "
                    + "give an --output for each of the others")
        }
        var seen: Set<String> = []
        for output in outputs where !seen.insert(output).inserted {
            throw ValidationError("--output \(output) is given twice; each report needs its own file")
        }
        let destinations = formats.enumerated().map { index, format in
            ReportDestination(format: format, path: index < outputs.count ? outputs[index] : nil)
        }
        for (index, destination) in destinations.enumerated() {
            guard let path = destination.path, let owner = owner(of: path), owner != destination.format,
                formats.contains(owner)
            else { continue }
            throw ValidationError(
                "--output \(path) would get the \(destination.format.rawValue) report: --output values pair with "
                    + "--format values in order (this is the \(ordinal(index + 1)) of each); put the --format that "
                    + "goes to standard output last, or reorder them")
        }
        return destinations
    }

    /// The format whose own file ending the path has, the longest ending first (`.sarif.json`).
    static func owner(of path: String) -> ReportFormat? {
        let name = (path as NSString).lastPathComponent.lowercased()
        let candidates = ReportFormat.allCases.flatMap { format in format.fileExtensions.map { (format, $0) } }
            .filter { name.hasSuffix("." + $0.1) }
        return candidates.max { $0.1.count < $1.1.count }?.0
    }

    static func ordinal(_ number: Int) -> String {
        let suffix =
            switch (number % 10, number % 100) {
            case (_, 11...13): "th"
            case (1, _): "st"
            case (2, _): "nd"
            case (3, _): "rd"
            default: "th"
            }
        return "\(number)\(suffix)"
    }
}

/// `--fail-on` values.
enum FailLevel: String, CaseIterable, ExpressibleByArgument {
    case error, warning, info, never

    var severity: Severity? { Severity(rawValue: rawValue) }
}

extension ReportFormat {
    /// A `--format` value; an unknown one is named with every format there is.
    static func parse(_ value: String) throws -> ReportFormat {
        guard let format = ReportFormat(rawValue: value) else {
            let names = allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw ValidationError("unknown format '\(value)'; use one of \(names)")
        }
        return format
    }
}

extension ColorChoice: ExpressibleByArgument {}
