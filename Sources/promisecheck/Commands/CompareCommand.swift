import ArgumentParser
import PromiseCheck
import PromiseCheckReports

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare the quality of promises between areas and over time.",
        discussion: """
            Checks the promise files like 'check' and compares them: the same file discovery, and each \
            file with the packs, rule changes and include/exclude of its nearest .promisecheck.yaml \
            (--config, --no-config as for 'check'), so a file gets the same score from both. \
            Promises are grouped by their 'area' (a file without one is a group of its own, named by \
            its path); within an area they are ordered by start year, the first four-digit year of the \
            period or else of the file name, unknown years last.

            --by area ranks the areas by the score of each area's latest promise and shows their \
            category scores side by side (with --rules, every rule's share too). --by period shows \
            each area's promises in order with the change from one to the next, and each category's \
            change from the first promise to the latest.

            Exit status: 0 compared; 2 a usage error, a pack that does not load, or a file that cannot \
            be read (the other files are still compared). Findings never fail 'compare'.
            """
    )

    @OptionGroup var packOptions: PackOptions

    @OptionGroup(title: "Configuration")
    var configFiles: ConfigFileOptions

    @Option(help: "Compare areas side by side (area) or each area over time (period).")
    var by: ComparisonOptions.View = .area

    @Flag(help: "Add a column per rule (the share of the rule each promise meets, in %).")
    var rules = false

    @Option(help: "Output format: \(ComparisonFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ComparisonFormat = .text

    @Option(help: ArgumentHelp("Write the comparison to this file instead of standard output.", valueName: "path"))
    var output: String?

    @Flag(help: "Overwrite the --output file if it exists.")
    var force = false

    @Argument(help: ArgumentHelp("Promise files or folders to compare.", valueName: "path"))
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty {
            throw ValidationError(
                "give at least one promise file or folder, e.g. 'promisecheck compare examples/promises/'")
        }
    }

    func run() throws {
        var configurations = RunConfiguration(
            RunConfiguration.Overrides(file: configFiles.file, noConfig: configFiles.noConfig, packs: packOptions.packs)
        )
        let runConfiguration = configurations.configuration(for: paths[0])
        let discovery = FileDiscovery.discover(paths)
        let selected = configurations.select(discovery, forceExclude: false)
        try configurations.stopOnErrors()
        let plan = try CheckPlan(files: selected, packOptions: packOptions)
        // The columns are the first file's pack's (the first path's configuration's when there
        // is no file); a run over several configurations says so, as its scores mix rule sets.
        let pack =
            try plan.checkers.first?.engine.pack
            ?? packOptions.loadCombined(references: runConfiguration.packReferences).applying(runConfiguration.rules)
        if plan.checkers.count > 1 {
            StandardError.write(
                "note: the files are checked under \(plan.checkers.count) configurations with different packs or "
                    + "rule changes; each score is its own configuration's, and the columns are those of the "
                    + "first file's pack")
        }
        var reports: [FileReport] = []
        reports.reserveCapacity(plan.files.count)
        OrderedStream.run(
            count: plan.files.count, work: { plan.check($0, keepSource: false) },
            consume: { if let report = $1 { reports.append(report) } })
        let report = Report(
            toolVersion: PromiseCheckVersion.current, packs: plan.packs.isEmpty ? [PackSummary(pack)] : plan.packs,
            files: reports, diagnostics: discovery.diagnostics)
        // Problems reading input go to standard error, so the comparison stays clean to pipe on.
        for diagnostic in report.allDiagnostics { StandardError.write(diagnostic.description) }
        let inputErrors = report.allDiagnostics.filter { $0.severity == .error }
        let comparison = Comparison(report: report, pack: pack)
        let rendered = format.reporter.render(comparison, options: ComparisonOptions(view: by, includeRules: rules))
        if let output {
            do {
                try OutputFile.write(rendered, to: output, force: force)
            } catch {
                StandardError.write("error: \(error.description)")
                throw ExitCode.usageError
            }
        } else {
            print(rendered, terminator: "")
        }
        if !inputErrors.isEmpty { throw ExitCode.usageError }
    }
}

extension ComparisonOptions.View: CaseArgument {}
extension ComparisonFormat: CaseArgument {}
