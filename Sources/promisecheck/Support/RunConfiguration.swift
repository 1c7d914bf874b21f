import ArgumentParser
import Foundation
import PromiseCheck
import PromiseCheckReports

/// The configurations of one run: each path's nearest `.promisecheck.yaml` (or the `--config`
/// file, or none with `--no-config`) with the command line laid over it.
///
/// Every configuration file is read once; its problems are printed to standard error once, and
/// a file with errors makes the run a usage error (exit 2) once every file has been read.
struct RunConfiguration {
    /// What the command line sets; nil or empty for what it leaves to the files.
    struct Overrides {
        var file: String?
        var noConfig = false
        var packs: [String] = []
        var failOn: FailLevel?
        var minScore: Double?
        var minAverage: Double?
    }

    let options: Overrides
    private var locator = ConfigurationLocator()
    private var loaded: [String: Configuration?] = [:]
    /// The nearest configuration file of the files in each folder, by the folder as written
    /// in their paths.
    private var nearestInFolder: [Substring: String?] = [:]
    /// Whether some configuration file could not be used.
    private(set) var hasErrors = false

    init(_ overrides: Overrides) {
        options = overrides
    }

    init(options: ConfigOptions, packs: [String]) {
        self.init(
            Overrides(
                file: options.file, noConfig: options.noConfig, packs: packs, failOn: options.failOn,
                minScore: options.minScore, minAverage: options.minAverage))
    }

    static let loader = ConfigurationLoader(formats: ReportFormat.allCases.map(\.rawValue))

    /// The effective configuration for a file or folder; `isFile` says that `path` is known
    /// not to be a folder, which spares asking.
    mutating func configuration(for path: String, isFile: Bool = false) -> Configuration {
        var configuration = Configuration()
        let file: String? = options.noConfig ? nil : (options.file ?? nearest(to: path, isFile: isFile))
        if let file {
            if let cached = loaded[file] {
                configuration = cached ?? Configuration()
            } else {
                let result = Self.loader.load(file: file)
                for diagnostic in result.diagnostics { StandardError.write(diagnostic.description) }
                if result.configuration == nil { hasErrors = true }
                loaded[file] = result.configuration
                configuration = result.configuration ?? Configuration()
            }
        }
        if !options.packs.isEmpty {
            configuration.packs = options.packs
            configuration.origins[Configuration.Key.packs.rawValue] = .commandLine
        }
        if let failOn = options.failOn {
            configuration.failOn = failOn
            configuration.origins[Configuration.Key.failOn.rawValue] = .commandLine
        }
        if let minScore = options.minScore {
            configuration.minScore = minScore
            configuration.origins[Configuration.Key.minScore.rawValue] = .commandLine
        }
        if let minAverage = options.minAverage {
            configuration.minAverage = minAverage
            configuration.origins[Configuration.Key.minAverage.rawValue] = .commandLine
        }
        return configuration
    }

    /// Whether the configuration of `path` is known without reading a configuration file, so
    /// that asking for it prints nothing.
    mutating func hasRead(configurationFor path: String, isFile: Bool = false) -> Bool {
        guard !options.noConfig, let file = options.file ?? nearest(to: path, isFile: isFile) else { return true }
        return loaded[file] != nil
    }

    /// The configuration file for `path`, asked of the locator once per folder of files.
    ///
    /// The locator makes the path absolute and asks whether it is a folder, which costs more
    /// than checking a small file. A path that is not a folder and ends in a plain name gets
    /// the answer for its folder, so its siblings share the first one's answer.
    private mutating func nearest(to path: String, isFile: Bool) -> String? {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return locator.nearest(to: path) }
        let name = path[path.utf8.index(after: slash)...]
        guard !name.isEmpty, name != ".", name != "..", isFile || !Self.isFolder(path) else {
            return locator.nearest(to: path)
        }
        let folder = path[..<slash]
        if let cached = nearestInFolder[folder] { return cached }
        let file = locator.nearest(to: path)
        nearestInFolder[folder] = file
        return file
    }

    /// Whether `path` leads to a folder (through symbolic links), as `FileManager` answers.
    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Stops the run when a configuration file had errors (they have been printed).
    func stopOnErrors() throws {
        if hasErrors { throw ExitCode.usageError }
    }
}

extension Configuration {
    /// The fail policy of a run with this configuration; a setting from a file is named with
    /// its place in the summary's reasons.
    var failPolicy: FailPolicy {
        var policy = FailPolicy(failOn: failOn.severity, minScore: minScore, minAverage: minAverage)
        func source(_ key: Key) -> String? {
            guard case .file = origin(of: key) else { return nil }
            return "\(key.rawValue) in \(origin(of: key))"
        }
        policy.sources = FailPolicy.Sources(
            failOn: source(.failOn), minScore: source(.minScore), minAverage: source(.minAverage))
        return policy
    }

    /// Where the reports go by this configuration's `format` and `output`.
    func destinations() throws -> [ReportDestination] {
        var formats: [ReportFormat] = []
        for name in self.formats {
            guard let format = ReportFormat(rawValue: name) else { continue }
            formats.append(format)
        }
        do {
            return try ReportDestination.pairing(formats: formats, outputs: outputPaths)
        } catch {
            let place = origin(of: .format)
            throw ValidationError(
                "\(place == .defaultValue ? (file ?? "configuration") : place.description): \(error.message)")
        }
    }
}
