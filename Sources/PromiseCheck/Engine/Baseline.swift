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

    struct Key: Hashable {
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
        var entries: [Key: Entry] = [:]
        for evaluation in report.evaluations {
            let path = Self.normalizedPath(evaluation.path, currentDirectory: currentDirectory)
            let findings = (evaluation.findings + evaluation.baselined).sorted {
                ($0.location, $0.ruleID) < ($1.location, $1.ruleID)
            }
            for finding in findings {
                let key = Key(path: path, rule: finding.ruleID, fingerprint: finding.fingerprint)
                entries[
                    key,
                    default: Entry(
                        path: path, rule: key.rule, fingerprint: key.fingerprint, count: 0, message: finding.message)
                ]
                .count += 1
            }
        }
        self.init(findings: Array(entries.values))
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
        var remaining: [Key: Int] = [:]
        for entry in findings { remaining[entry.key, default: 0] += entry.count }
        var report = report
        report.baseline = baselinePath
        for fileIndex in report.files.indices {
            guard var evaluation = report.files[fileIndex].evaluation else { continue }
            let path = Self.normalizedPath(evaluation.path, currentDirectory: currentDirectory)
            var known: [Finding: Int] = [:]
            for finding in evaluation.findings {
                let key = Key(path: path, rule: finding.ruleID, fingerprint: finding.fingerprint)
                guard let count = remaining[key], count > 0 else { continue }
                remaining[key] = count - 1
                known[finding, default: 0] += 1
                evaluation.baselined.append(finding)
            }
            guard !known.isEmpty else { continue }
            func keep(_ finding: Finding) -> Bool {
                guard let count = known[finding], count > 0 else { return true }
                known[finding] = count - 1
                return false
            }
            for ruleIndex in evaluation.rules.indices {
                evaluation.rules[ruleIndex].findings = evaluation.rules[ruleIndex].findings.filter(keep)
            }
            evaluation.engineFindings = evaluation.engineFindings.filter(keep)
            report.files[fileIndex].evaluation = evaluation
        }
        return report
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
