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
    }

    /// Runs every example of every rule, enabled or not.
    public func run(rules ids: [String]? = nil) -> Summary {
        var passed = 0
        var failures: [Failure] = []
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
                if let failure = run(example, of: rule, engine: engine) {
                    failures.append(failure)
                } else {
                    passed += 1
                }
            }
        }
        return Summary(passed: passed, failures: failures)
    }

    func run(_ example: RuleExample, of rule: Rule, engine: Engine) -> Failure? {
        func failure(_ message: String) -> Failure {
            Failure(ruleID: rule.id, file: example.file, location: example.location, message: message)
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
        switch example.expectation {
        case .pass where !result.findings.isEmpty:
            let messages = result.findings.map(\.message).joined(separator: "; ")
            return failure("'pass' example gives findings (\(result.reason)): \(messages)")
        case .fail where result.findings.isEmpty:
            return failure("'fail' example gives no finding (\(result.reason))")
        default:
            return nil
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
