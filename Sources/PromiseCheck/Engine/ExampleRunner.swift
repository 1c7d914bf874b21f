import Foundation

/// Runs a pack's rule examples: the documentation that is also the test.
///
/// A text example is placed where the rule looks: as a paragraph of the document, as the
/// text of the first section role in its scope, as a commitment, or, for signatories, as
/// "Name, Role" (split at the first comma). A mapping example is read as a promise fragment.
/// A `pass` example must give the rule no findings; a `fail` example at least one.
public struct ExampleRunner: Sendable {
    public let pack: RulePack

    public init(pack: RulePack) {
        self.pack = pack
    }

    public struct Failure: Sendable, CustomStringConvertible {
        public var ruleID: String
        public var file: String
        public var location: SourceLocation
        public var message: String

        public var description: String { "\(file):\(location): error: \(message) [\(ruleID)]" }
    }

    public struct Summary: Sendable {
        public var passed: Int
        public var failures: [Failure]
        /// Examples of rules that did not run (an external program not allowed), with why:
        /// neither passed nor failed.
        public var skipped: [Failure] = []
    }

    enum Verdict {
        case passed
        case failed(Failure)
        case skipped(Failure)
    }

    /// Runs every example of every rule, enabled or not.
    public func run(rules ids: [String]? = nil) -> Summary {
        var passed = 0
        var failures: [Failure] = []
        var skipped: [Failure] = []
        let engine = Engine(pack: pack)
        for rule in pack.rules where ids?.contains(rule.id) ?? true {
            if rule.examples.isEmpty {
                failures.append(
                    Failure(
                        ruleID: rule.id, file: rule.file, location: rule.location,
                        message: "rule '\(rule.id)' has no examples"))
                continue
            }
            for example in rule.examples {
                switch verdict(example, of: rule, engine: engine) {
                case .passed: passed += 1
                case .failed(let failure): failures.append(failure)
                case .skipped(let reason): skipped.append(reason)
                }
            }
        }
        return Summary(passed: passed, failures: failures, skipped: skipped)
    }

    /// The failure of one example, or nil when it passes or does not run.
    func run(_ example: RuleExample, of rule: Rule, engine: Engine) -> Failure? {
        if case .failed(let failure) = verdict(example, of: rule, engine: engine) { return failure }
        return nil
    }

    func verdict(_ example: RuleExample, of rule: Rule, engine: Engine) -> Verdict {
        func failure(_ message: String) -> Verdict {
            .failed(Failure(ruleID: rule.id, file: example.file, location: example.location, message: message))
        }
        let document: Document
        switch example.content {
        case .text(let text):
            document = Self.document(placing: text, for: rule.scope, file: example.file, at: example.location)
        case .promise(let node):
            let result = PromiseFileReader().document(fromExample: node, path: example.file)
            guard let read = result.document else {
                let reasons = result.diagnostics.filter { $0.severity == .error }.map(\.message)
                return failure("example is not a valid promise fragment: \(reasons.joined(separator: "; "))")
            }
            document = read
        }
        let result = engine.evaluate(rule, on: document)
        if let reason = result.skipped {
            return .skipped(Failure(ruleID: rule.id, file: example.file, location: example.location, message: reason))
        }
        if let error = result.error { return failure("the rule could not answer: \(error)") }
        switch example.expectation {
        case .pass where !result.findings.isEmpty:
            let messages = result.findings.map(\.message).joined(separator: "; ")
            return failure("'pass' example gives findings (\(result.reason)): \(messages)")
        case .fail where result.findings.isEmpty:
            return failure("'fail' example gives no finding (\(result.reason))")
        default:
            return .passed
        }
    }

    /// A document with `text` where a rule of `scope` looks.
    public static func document(placing text: String, for scope: Scope, file: String, at location: SourceLocation)
        -> Document
    {
        var document = Document(path: file, format: .text)
        let span = Span(text, at: location, isVerbatim: !text.contains("\n"))
        switch scope {
        case .document:
            document.sections = [Section(role: nil, blocks: [span], location: location)]
        case .sections(let roles):
            document.sections = [Section(role: roles[0], blocks: [span], location: location)]
        case .commitments:
            document.commitments = [Commitment(title: nil, parties: [], spans: [span], location: location)]
            document.sections = [Section(role: "commitments", blocks: [span], location: location)]
        case .signatories:
            let parts = text.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            var signatory = Signatory(location: location)
            if let name = parts.first, !name.isEmpty { signatory.name = Span(name, at: location) }
            if parts.count > 1, !parts[1].isEmpty { signatory.role = Span(parts[1], at: location) }
            document.signatories = [signatory]
        }
        return document
    }
}
