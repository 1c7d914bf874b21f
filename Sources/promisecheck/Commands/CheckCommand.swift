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
            \(formatList)

            One run can write several reports from the same evaluation: --format and --output are \
            repeatable and pair up in order, the first --output with the first --format, and so on; \
            a last --format without an --output goes to standard output. For example \
            --format sarif --output report.sarif --format junit --output report.xml --format text \
            writes two files and shows the text report. Files are written whole or not at all, and \
            an existing file is replaced only with --force. The text report is coloured only on a \
            terminal (see --color).

            Configuration: each file gets the settings of the nearest .promisecheck.yaml in its folder \
            or a folder above (packs, rule overrides, include/exclude); the fail policy and report \
            defaults come from the first path's. Options on the command line win over the file. \
            'promisecheck config PATH' shows the settings a path gets; docs/configuration.md has them all.

            Inline comments '# promisecheck: ignore RULE-ID — reason' (in Markdown and text \
            '<!-- promisecheck: ignore RULE-ID — reason -->') suppress findings; suppressed findings are \
            listed apart and still count in the score (docs/suppressions.md). --write-baseline records \
            today's findings; --baseline then reports only new ones.

            Exit status: 0 passed; 1 a finding at or above --fail-on, a file below --min-score, or an \
            average below --min-average; 2 a usage or configuration error, a pack that does not load, \
            or a file that cannot be read.
            """
    )

    /// The formats for the help, one a line: the name in ten columns, then its summary. Built
    /// without Foundation's `padding` and a generic `joined`: the configuration is made on every
    /// run, `--version` included, and those cost more than the rest of it together.
    static var formatList: String {
        var list = ""
        for format in ReportFormat.allCases {
            if !list.isEmpty { list += "\n" }
            let name = format.rawValue
            list += "  " + name + String(repeating: " ", count: max(0, 10 - name.utf16.count)) + format.summary
        }
        return list
    }

    // PackOptions' two options, declared here rather than as an @OptionGroup: each group costs
    // ArgumentParser reflection passes, and the Swift runtime four conformance scans of the
    // binary, on every run.
    @Option(name: .customLong("pack"), help: PackOptions.packHelp)
    var packs: [String] = []

    @Flag(name: .customLong("allow-exec"), help: PackOptions.allowExecHelp)
    var allowExec = false

    var packOptions: PackOptions { PackOptions(packs: packs, allowExec: allowExec) }

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

    @Flag(help: "Overwrite --output and --write-baseline files that exist.")
    var force = false

    @Option(
        help: ArgumentHelp(
            "Colour the text report on standard output: auto (on a terminal), always or never.",
            discussion: "NO_COLOR in the environment, with any value, turns colour off; files never get colour.",
            valueName: "when"))
    var color: ColorChoice = .auto

    @Flag(help: "In text output, list every rule's weight, fraction, points and reason under each file.")
    var explain = false

    @OptionGroup(title: "Configuration and fail policy")
    var configOptions: ConfigOptions

    @Flag(
        name: .customLong("force-exclude"),
        help: ArgumentHelp(
            "Filter files named on the command line like files found in folders: by include/exclude, "
                + "and only promise files (for pre-commit hooks, which name every changed file)."))
    var forceExclude = false

    @Option(
        name: .customLong("baseline"),
        help: ArgumentHelp(
            "Report only findings that are not in this baseline file; the others are counted as 'in baseline'.",
            valueName: "file"))
    var baseline: String?

    @Option(
        name: .customLong("write-baseline"),
        help: ArgumentHelp(
            "Record this run's findings in a baseline file, for --baseline later (replaced only with --force).",
            valueName: "file"))
    var writeBaseline: String?

    @Argument(help: ArgumentHelp("Promise files or folders to check.", valueName: "path"))
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty {
            throw ValidationError(
                "give at least one promise file or folder, e.g. 'promisecheck check examples/promises/'")
        }
        _ = try ReportDestination.pairing(formats: formats, outputs: outputs)
    }

    func run() throws {
        var configurations = RunConfiguration(options: configOptions, packs: packOptions.packs)
        // Run-wide settings (fail policy, reports) come from the first path's configuration.
        let runConfiguration = configurations.configuration(for: paths[0])
        try configurations.stopOnErrors()
        let destinations =
            formats.isEmpty && outputs.isEmpty
            ? try runConfiguration.destinations() : try ReportDestination.pairing(formats: formats, outputs: outputs)
        // Every output is checked before anything is written, so a run writes all or nothing.
        for path in destinations.compactMap(\.path) + [writeBaseline].compactMap({ $0 }) {
            if let refusal = OutputFile.refusal(for: path, force: force) {
                StandardError.write("error: \(refusal)")
                throw ExitCode.usageError
            }
        }
        let previous = try baseline.map(Self.readBaseline)

        let discovery = FileDiscovery.discover(paths)
        let selected = configurations.select(discovery, forceExclude: forceExclude)
        try configurations.stopOnErrors()

        let keepSource = destinations.contains { $0.format.needsSource }
        let plan = try CheckPlan(files: selected, packOptions: packOptions)
        let files = plan.files
        var packs = plan.packs
        if packs.isEmpty {
            // No file to check: the run's packs still load (and fail the run when they cannot).
            let pack = try packOptions.loadCombined(references: runConfiguration.packReferences)
            packs = [PackSummary(pack.applying(runConfiguration.rules))]
        }
        var run = ReportRun(
            toolVersion: PromiseCheckVersion.current, packs: packs, diagnostics: discovery.diagnostics,
            baseline: previous == nil ? nil : baseline)
        let policy = runConfiguration.failPolicy
        let outputs = destinations.map { destination in
            ReportOutput(
                destination: destination,
                style: color.style(
                    toStandardOutput: destination.path == nil, isTerminal: isatty(STDOUT_FILENO) == 1,
                    environment: ProcessEnvironment.current),
                explain: explain, force: force)
        }
        for output in outputs { output.begin(run) }
        let collect = outputs.contains(where: \.needsReport)

        let currentDirectory = FileManager.default.currentDirectoryPath
        var matcher = previous.map(Baseline.Matcher.init)
        // Files that share a path (named twice, differently) share the baseline's counts, so
        // they are matched in order, on the consuming thread; every other file on its worker.
        let inOrder = matcher == nil ? [] : Self.sharedPaths(files.map(\.path), currentDirectory: currentDirectory)
        var baselineEntries: [Baseline.Entry] = []
        var collected: [FileReport] = []
        OrderedStream.run(
            count: files.count,
            work: { index -> CheckedFile? in
                // A file dropped here (no promise) is no part of the run; the first file is
                // always checked, so a file's index is 0 only when it is the first in the report.
                guard var report = plan.check(index, keepSource: keepSource) else { return nil }
                let entries =
                    writeBaseline == nil
                    ? [] : report.evaluation.map { Baseline.entries(for: $0, currentDirectory: currentDirectory) } ?? []
                if inOrder.contains(index) { return CheckedFile(report: report, baselineEntries: entries, parts: nil) }
                if let matcher { report = matcher.applying(to: report, currentDirectory: currentDirectory) }
                let parts = outputs.map { $0.part(of: report, index: index) }
                return CheckedFile(report: report, baselineEntries: entries, parts: parts)
            },
            consume: { index, checked in
                guard let checked else { return }
                var report = checked.report
                if checked.parts == nil { matcher?.consume(&report, currentDirectory: currentDirectory) }
                let parts = checked.parts ?? outputs.map { $0.part(of: report, index: index) }
                for (output, part) in zip(outputs, parts) { output.write(part) }
                run.totals.add(report)
                baselineEntries += checked.baselineEntries
                if collect { collected.append(report) }
            })

        if let writeBaseline {
            do {
                try OutputFile.write(Baseline(merging: baselineEntries).encoded(), to: writeBaseline, force: force)
            } catch {
                for output in outputs { output.discard() }
                StandardError.write("error: \(error.description)")
                throw ExitCode.usageError
            }
        }
        var report: Report?
        if collect {
            report = Report(
                toolVersion: run.toolVersion, packs: run.packs, files: collected, diagnostics: run.diagnostics)
            report?.baseline = run.baseline
        }
        var failed = false
        for output in outputs {
            if let failure = output.finish(run, report: report, policy: policy) {
                StandardError.write("error: \(failure)")
                failed = true
            }
        }
        if failed { throw ExitCode.usageError }
        let verdict = policy.verdict(for: run.totals)
        if verdict != .passed { throw ExitCode(verdict.exitCode) }
    }

    /// The files' indices whose paths name the same file as another file's.
    static func sharedPaths(_ paths: [String], currentDirectory: String) -> Set<Int> {
        var byPath: [String: [Int]] = [:]
        for (index, path) in paths.enumerated() {
            byPath[Baseline.normalizedPath(path, currentDirectory: currentDirectory), default: []].append(index)
        }
        return Set(byPath.values.filter { $0.count > 1 }.joined())
    }

    /// The baseline in `path`, or exits with status 2 saying why it cannot be used.
    static func readBaseline(_ path: String) throws -> Baseline {
        // Read like a promise file, so a pipe or a device named by mistake cannot hang the run.
        let read = SourceFile.read(path, maxBytes: 64 << 20)
        guard let bytes = read.bytes else {
            let reason = read.diagnostics.first?.message ?? "cannot be read"
            StandardError.write("error: \(path): the baseline file cannot be read (\(reason))")
            throw ExitCode.usageError
        }
        do {
            return try Baseline.decode(Data(bytes))
        } catch {
            StandardError.write("error: \(path): \(error.description)")
            throw ExitCode.usageError
        }
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
        let name = PathNames.lastComponent(of: path).lowercased()
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

extension ColorChoice: CaseArgument {}
