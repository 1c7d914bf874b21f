import Foundation
import PromiseCheck

/// The checkers of a run: one per group of files whose configurations evaluate alike (the same
/// packs and rule overrides), and which one checks each file. `check` and `compare` both use it,
/// so a file gets the same score from either.
struct CheckPlan {
    var checkers: [Checker] = []
    /// For each file, in run order, the index of its checker.
    var checkerOfFile: [Int] = []
    /// The packs the files are checked with, each once, in the order first used.
    var packs: [PackSummary] = []

    /// Loads every pack before any file is checked, and prints each configuration's unknown
    /// rule ids once. Exits with status 2 when a pack does not load.
    init(files: [(path: String, configuration: Configuration)], packOptions: PackOptions) throws {
        var groups: [Configuration.EvaluationKey: Int] = [:]
        var loadedPacks: [[String]: RulePack] = [:]
        var warned: Set<String> = []
        for file in files {
            let key = file.configuration.evaluationKey
            if let group = groups[key] {
                checkerOfFile.append(group)
                continue
            }
            let base: RulePack
            if let cached = loadedPacks[key.packs] {
                base = cached
            } else {
                base = try packOptions.loadCombined(references: key.packs)
                loadedPacks[key.packs] = base
            }
            for diagnostic in file.configuration.unknownRules(in: base)
            where warned.insert(diagnostic.description).inserted {
                StandardError.write(diagnostic.description)
            }
            let pack = base.applying(key.rules)
            let summary = PackSummary(pack)
            if !packs.contains(summary) { packs.append(summary) }
            groups[key] = checkers.count
            checkerOfFile.append(checkers.count)
            checkers.append(Checker(pack: pack))
        }
    }

    /// The checker of the file at `index`.
    func checker(ofFile index: Int) -> Checker { checkers[checkerOfFile[index]] }
}

extension RunConfiguration {
    /// The files of `discovery` to check, each with its configuration: files found in folders
    /// only when their configuration's include/exclude lets them in, and files named on the
    /// command line always, unless `forceExclude` filters them like found files (and to
    /// promise files only).
    mutating func select(_ discovery: FileDiscovery.Result, forceExclude: Bool) -> [(
        path: String, configuration: Configuration
    )] {
        var candidates: [(path: String, configuration: Configuration)] = []
        // The named YAML files that `forceExclude` keeps only when they declare a promise.
        var mustDeclare: [Int] = []
        for path in discovery.files {
            let named = discovery.named.contains(path)
            // A file found in a folder is a file (the walk saw it), never a folder.
            let configuration = configuration(for: path, isFile: !named)
            guard named && !forceExclude || configuration.includes(path) else { continue }
            if named && forceExclude {
                switch FileDiscovery.candidacy(name: PathNames.lastComponent(of: path)) {
                case .no: continue
                case .yes: break
                case .ifDeclared: mustDeclare.append(candidates.count)
                }
            }
            candidates.append((path, configuration))
        }
        guard !mustDeclare.isEmpty else { return candidates }
        let declares = FileDiscovery.declaringPromise(mustDeclare.map { candidates[$0].path })
        let dropped = Set(zip(mustDeclare, declares).filter { !$0.1 }.map(\.0))
        return candidates.indices.filter { !dropped.contains($0) }.map { candidates[$0] }
    }
}

extension PackOptions {
    /// The combined pack as the configuration of `path` (the current folder by default) gives
    /// it: its packs unless `--pack` names others, with its rule changes, and the configuration
    /// file they came from (nil when none applies). Unknown rule ids in it are warnings; a
    /// configuration or pack that cannot be used exits with status 2.
    func loadConfigured(_ files: ConfigFileOptions, for path: String = ".") throws -> (
        pack: RulePack, configurationFile: String?
    ) {
        var configurations = RunConfiguration(
            RunConfiguration.Overrides(file: files.file, noConfig: files.noConfig, packs: packs))
        let configuration = configurations.configuration(for: path)
        try configurations.stopOnErrors()
        let base = try loadCombined(references: configuration.packReferences)
        for diagnostic in configuration.unknownRules(in: base) { StandardError.write(diagnostic.description) }
        return (base.applying(configuration.rules), configuration.file)
    }
}
