import Foundation

/// The findings of one run, recorded so that later runs report only new ones
/// (`check --write-baseline FILE`, then `check --baseline FILE`).
///
/// A finding is known by its file's path, its rule id and a fingerprint of the text it points
/// at: its excerpt, else the text of the item it is about (a commitment, a section), else, for
/// findings about the whole document, its message; lower-cased with runs of whitespace made
/// one space. Line numbers play no part, so edits above a finding leave it in the baseline,
/// and changing the text it points at makes it new. Findings that share all three are counted.
public struct Baseline: Sendable, Equatable, Codable {
    /// The version of the file format; a file of another version is refused.
    public static let formatVersion = 1

    /// Findings of one file and rule that share a fingerprint.
    public struct Entry: Sendable, Hashable, Codable {
        /// The file's path, relative to the working folder when it is under it.
        public var path: String
        public var rule: String
        public var fingerprint: String
        public var count: Int
        /// The first such finding's message, for people reading the file.
        public var message: String

        public init(path: String, rule: String, fingerprint: String, count: Int, message: String) {
            self.path = path
            self.rule = rule
            self.fingerprint = fingerprint
            self.count = count
            self.message = message
        }

        var key: Key { Key(path: path, rule: rule, fingerprint: fingerprint) }
    }

    struct Key: Hashable, Sendable {
        var path: String
        var rule: String
        var fingerprint: String
    }

    public var version: Int
    /// Sorted by path, rule and fingerprint.
    public var findings: [Entry]

    public init(findings: [Entry]) {
        version = Self.formatVersion
        self.findings = findings.sorted { ($0.path, $0.rule, $0.fingerprint) < ($1.path, $1.rule, $1.fingerprint) }
    }

    /// Every finding of `report` (and those it already left out as in a baseline); paths are
    /// made relative to `currentDirectory`.
    public init(report: Report, currentDirectory: String) {
        self.init(
            merging: report.evaluations.flatMap { Self.entries(for: $0, currentDirectory: currentDirectory) })
    }

    /// Entries of several files or runs, in order; entries with the same path, rule and
    /// fingerprint become one that counts them all, with the first one's message.
    public init(merging entries: [Entry]) {
        var merged: [Key: Entry] = [:]
        for entry in entries {
            if merged[entry.key] != nil {
                merged[entry.key]!.count += entry.count
            } else {
                merged[entry.key] = entry
            }
        }
        self.init(findings: Array(merged.values))
    }

    /// The entries of one file's findings (and of those it already left out as in a baseline),
    /// in file order, for a run that records its files one at a time.
    public static func entries(for evaluation: DocumentEvaluation, currentDirectory: String) -> [Entry] {
        let path = normalizedPath(evaluation.path, currentDirectory: currentDirectory)
        let findings = (evaluation.findings + evaluation.baselined).sorted {
            ($0.location, $0.ruleID) < ($1.location, $1.ruleID)
        }
        var entries: [Entry] = []
        var indices: [Key: Int] = [:]
        for finding in findings {
            let key = Key(path: path, rule: finding.ruleID, fingerprint: finding.fingerprint)
            if let index = indices[key] {
                entries[index].count += 1
            } else {
                indices[key] = entries.count
                entries.append(
                    Entry(path: path, rule: key.rule, fingerprint: key.fingerprint, count: 1, message: finding.message))
            }
        }
        return entries
    }

    /// The file's text: pretty-printed JSON with sorted keys, ending in a line break.
    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Why a baseline file cannot be used.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Reads a baseline file's contents.
    public static func decode(_ data: Data) throws(Failure) -> Baseline {
        struct Versioned: Decodable { var version: Int? }
        guard let versioned = try? JSONDecoder().decode(Versioned.self, from: data) else {
            throw Failure(description: "not a baseline file (expected a JSON object with 'version' and 'findings')")
        }
        guard versioned.version == formatVersion else {
            let found = versioned.version.map { "version \($0)" } ?? "no version"
            throw Failure(
                description: "unsupported baseline format (\(found)); this PromiseCheck reads version \(formatVersion)")
        }
        do {
            let baseline = try JSONDecoder().decode(Baseline.self, from: data)
            if let bad = baseline.findings.first(where: { $0.count < 1 }) {
                throw Failure(description: "the count of \(bad.path) \(bad.rule) \(bad.fingerprint) must be at least 1")
            }
            return baseline
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "not a valid baseline file: \(Self.describe(error))")
        }
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing '\(key.stringValue)' at \(path(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return
                "\(context.debugDescription.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))) at \(path(context.codingPath))"
        @unknown default:
            return "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "the top" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }

    /// `report` with the findings this baseline holds moved from each evaluation's findings to
    /// its `baselined`; scores are unchanged.
    public func apply(to report: Report, baselinePath: String, currentDirectory: String) -> Report {
        var matcher = Matcher(self)
        var report = report
        report.baseline = baselinePath
        for index in report.files.indices {
            matcher.consume(&report.files[index], currentDirectory: currentDirectory)
        }
        return report
    }

    /// The baseline's counts by file, for applying it one file at a time.
    ///
    /// Each finding the baseline holds is matched once: a file takes from the counts of its own
    /// path. Files with different paths do not share counts, so they can be matched in any order
    /// and on any thread (``applying(to:currentDirectory:)``); files that share a path (the same
    /// file named twice, e.g. `a.yaml` and `./a.yaml`) must go through
    /// ``consume(_:currentDirectory:)`` in report order, as ``Baseline/apply(to:baselinePath:currentDirectory:)`` does.
    public struct Matcher: Sendable {
        private var remaining: [String: [Key: Int]] = [:]

        public init(_ baseline: Baseline) {
            for entry in baseline.findings { remaining[entry.path, default: [:]][entry.key, default: 0] += entry.count }
        }

        /// `file` with the findings the baseline holds for its path moved to `baselined`, as if
        /// no other file of the run had the same path.
        public func applying(to file: FileReport, currentDirectory: String) -> FileReport {
            var copy = self
            var file = file
            copy.consume(&file, currentDirectory: currentDirectory)
            return file
        }

        /// Moves the findings of `file` the baseline still holds to `baselined`, and takes them
        /// from the counts.
        public mutating func consume(_ file: inout FileReport, currentDirectory: String) {
            guard var evaluation = file.evaluation else { return }
            let path = Baseline.normalizedPath(evaluation.path, currentDirectory: currentDirectory)
            guard var counts = remaining[path], !counts.isEmpty else { return }
            var known: [Finding: Int] = [:]
            for finding in evaluation.findings {
                let key = Key(path: path, rule: finding.ruleID, fingerprint: finding.fingerprint)
                guard let count = counts[key], count > 0 else { continue }
                counts[key] = count - 1
                known[finding, default: 0] += 1
                evaluation.baselined.append(finding)
            }
            remaining[path] = counts
            guard !known.isEmpty else { return }
            func keep(_ finding: Finding) -> Bool {
                guard let count = known[finding], count > 0 else { return true }
                known[finding] = count - 1
                return false
            }
            for ruleIndex in evaluation.rules.indices {
                evaluation.rules[ruleIndex].findings = evaluation.rules[ruleIndex].findings.filter(keep)
            }
            evaluation.engineFindings = evaluation.engineFindings.filter(keep)
            file.evaluation = evaluation
        }
    }

    /// A path as the baseline keeps it: standardized, relative to `currentDirectory` when under it.
    public static func normalizedPath(_ path: String, currentDirectory: String) -> String {
        let base = URL(fileURLWithPath: currentDirectory).standardizedFileURL.path
        let absolute = path.hasPrefix("/") ? path : (base.hasSuffix("/") ? base : base + "/") + path
        let standardized = URL(fileURLWithPath: absolute).standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return standardized.hasPrefix(prefix) ? String(standardized.dropFirst(prefix.count)) : standardized
    }
}

extension Finding {
    /// What the baseline knows the finding by: 16 hex digits of a 64-bit FNV-1a hash of the rule
    /// id and the normalised text the finding points at (see ``Baseline``).
    public var fingerprint: String {
        let text = Self.normalized(excerpt ?? subject ?? message)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Array(ruleID.utf8) + [0x1F] + Array(text.utf8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Lower-cased, with each run of whitespace one space and none at either end.
    static func normalized(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
