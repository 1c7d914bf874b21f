import Foundation
import PromiseCheck

/// The checkers of a run: one per group of files whose configurations evaluate alike (the same
/// packs and rule overrides), and which one checks each file. `check` and `compare` both use it,
/// so a file gets the same score from either.
struct CheckPlan {
    /// A file to check, with its configuration.
    struct File {
        var path: String
        var configuration: Configuration
        /// Whether the file is checked only when it declares a promise, which its checker
        /// looks for in the bytes it reads (``check(_:keepSource:)``).
        var mustDeclare = false
    }

    /// The files to check, in run order: the first is checked, and so is the first of each
    /// checker's (they decide which packs the run uses); the others that must declare a
    /// promise are dropped when they are checked and do not.
    var files: [File] = []
    var checkers: [Checker] = []
    /// For each file, in run order, the index of its checker.
    var checkerOfFile: [Int] = []
    /// The packs the files are checked with, each once, in the order first used.
    var packs: [PackSummary] = []

    /// Loads every pack before any file is checked, and prints each configuration's unknown
    /// rule ids once. Exits with status 2 when a pack does not load.
    ///
    /// A file that must declare a promise and would be the first of a checker is looked at
    /// here, and dropped when it does not: a pack is loaded only for files that are checked.
    init(files: [File], packOptions: PackOptions) throws {
        var groups: [Configuration.EvaluationKey: Int] = [:]
        var loadedPacks: [[String]: RulePack] = [:]
        var warned: Set<String> = []
        self.files.reserveCapacity(files.count)
        for var file in files {
            let key = file.configuration.evaluationKey
            if let group = groups[key] {
                self.files.append(file)
                checkerOfFile.append(group)
                continue
            }
            if file.mustDeclare {
                guard FileDiscovery.isPromiseFile(file.path) else { continue }
                file.mustDeclare = false
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
            self.files.append(file)
            checkerOfFile.append(checkers.count)
            checkers.append(Checker(pack: pack))
        }
    }

    /// The checker of the file at `index`.
    func checker(ofFile index: Int) -> Checker { checkers[checkerOfFile[index]] }

    /// Checks the file at `index` with its checker; nil when it must declare a promise and
    /// does not (it is no promise: dropped from the run). The file is read once.
    func check(_ index: Int, keepSource: Bool) -> FileReport? {
        let file = files[index]
        let checker = checker(ofFile: index)
        guard file.mustDeclare else { return checker.check(path: file.path, keepSource: keepSource) }
        return checker.check(path: file.path, keepSource: keepSource) { bytes in
            FileDiscovery.declaresPromise(path: file.path, read: bytes)
        }
    }
}

extension RunConfiguration {
    /// The files of `discovery` to check, each with its configuration: files found in folders
    /// only when their configuration's include/exclude lets them in, and files named on the
    /// command line always, unless `forceExclude` filters them like found files (and to
    /// promise files only).
    ///
    /// Whether a YAML file declares a promise is left to its checker (``CheckPlan/File/mustDeclare``),
    /// except for a file found in a folder whose configuration file has not been read yet: it
    /// is looked at first, so that a configuration is read (and its problems printed) only for
    /// files that are checked.
    mutating func select(_ discovery: FileDiscovery.Result, forceExclude: Bool) -> [CheckPlan.File] {
        var candidates: [CheckPlan.File] = []
        for (path, foundMustDeclare) in zip(discovery.files, discovery.mustDeclare) {
            var mustDeclare = foundMustDeclare
            if mustDeclare, !hasRead(configurationFor: path, isFile: true) {
                guard FileDiscovery.isPromiseFile(path) else { continue }
                mustDeclare = false
            }
            let named = discovery.named.contains(path)
            // A file found in a folder is a file (the walk saw it), never a folder.
            let configuration = configuration(for: path, isFile: !named)
            guard named && !forceExclude || configuration.includes(path) else { continue }
            if named && forceExclude {
                switch FileDiscovery.candidacy(name: PathNames.lastComponent(of: path)) {
                case .no: continue
                case .yes: break
                case .ifDeclared: mustDeclare = true
                }
            }
            candidates.append(CheckPlan.File(path: path, configuration: configuration, mustDeclare: mustDeclare))
        }
        return candidates
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
