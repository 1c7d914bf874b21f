import Foundation
import PromiseCheckYAML

/// The JSON conversation with an external check program (`check: exec`), version 1.
///
/// The program reads one JSON object on standard input and writes one on standard output;
/// docs/plugins.md describes both. Everything the promise says comes with its line and column,
/// so a program's findings point into the user's file.
public enum PluginProtocol {
    public static let version = 1

    struct Located: Encodable {
        var text: String
        var line: Int
        var column: Int

        init(_ span: Span) {
            text = span.text
            line = span.location.line
            column = span.location.column
        }
    }

    struct Request: Encodable {
        struct Rule: Encodable {
            var id: String
            var options: JSONValue
        }

        struct Section: Encodable {
            var role: String?
            var heading: Located?
            var blocks: [Located]
        }

        struct Commitment: Encodable {
            var title: Located?
            var parties: [Located]
            var texts: [Located]
            var line: Int
            var column: Int
        }

        struct Signatory: Encodable {
            var name: Located?
            var role: Located?
            var party: Located?
            var date: Located?
            var place: Located?
            var line: Int
            var column: Int
        }

        struct Period: Encodable {
            var from: Located?
            var to: Located?
            var text: Located?
        }

        struct Promise: Encodable {
            var path: String
            var format: String
            var title: Located?
            var area: Located?
            var parties: [Located]
            var status: Located?
            var period: Period?
            var sections: [Section]
            var commitments: [Commitment]
            var signatories: [Signatory]
        }

        struct Item: Encodable {
            var kind: String
            var line: Int
            var column: Int
            var texts: [Located]
        }

        var `protocol` = PluginProtocol.version
        var rule: Rule
        var promise: Promise
        var item: Item
    }

    /// The request for one scope item, as JSON with sorted keys.
    static func request(ruleID: String, options: JSONValue, document: Document, item: ScopeItem) -> Data {
        let promise = Request.Promise(
            path: document.path, format: document.format.rawValue, title: document.title.map(Located.init),
            area: document.area.map(Located.init), parties: document.parties.map(Located.init),
            status: document.status.map(Located.init),
            period: document.period.map {
                Request.Period(
                    from: $0.from.map(Located.init), to: $0.to.map(Located.init), text: $0.text.map(Located.init))
            },
            sections: document.sections.map {
                Request.Section(
                    role: $0.role, heading: $0.heading.map(Located.init), blocks: $0.blocks.map(Located.init))
            },
            commitments: document.commitments.map {
                Request.Commitment(
                    title: $0.title.map(Located.init), parties: $0.parties.map(Located.init),
                    texts: $0.spans.map(Located.init), line: $0.location.line, column: $0.location.column)
            },
            signatories: document.signatories.map {
                Request.Signatory(
                    name: $0.name.map(Located.init), role: $0.role.map(Located.init), party: $0.party.map(Located.init),
                    date: $0.date.map(Located.init), place: $0.place.map(Located.init), line: $0.location.line,
                    column: $0.location.column)
            })
        let request = Request(
            rule: Request.Rule(id: ruleID, options: options), promise: promise,
            item: Request.Item(
                kind: item.kind.rawValue, line: item.location.line, column: item.location.column,
                texts: item.text.spans.map(Located.init)))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(request)) ?? Data("{}".utf8)
    }

    /// What a program answered.
    public struct Answer: Sendable, Equatable {
        public struct Finding: Sendable, Equatable {
            public var message: String
            public var location: SourceLocation?
            public var excerpt: String?
        }

        public var findings: [Finding]
        public var fraction: Double
        public var reason: String?
    }

    /// Reads and validates an answer; the error says what is wrong with it.
    public static func answer(from data: Data) -> Result<Answer, MalformedAnswer> {
        guard !data.isEmpty else { return .failure(MalformedAnswer("wrote nothing on standard output")) }
        guard let object = try? JSONSerialization.jsonObject(with: data), let root = object as? [String: Any] else {
            return .failure(MalformedAnswer("did not write one JSON object on standard output"))
        }
        guard let version = root["protocol"] as? Int else {
            return .failure(MalformedAnswer("answer has no \"protocol\" number"))
        }
        guard version == Self.version else {
            return .failure(
                MalformedAnswer("answer uses protocol \(version); this PromiseCheck speaks \(Self.version)"))
        }
        let known: Set<String> = ["protocol", "findings", "fraction", "reason"]
        if let unknown = root.keys.sorted().first(where: { !known.contains($0) }) {
            return .failure(MalformedAnswer("answer has an unknown key \"\(unknown)\""))
        }
        var findings: [Answer.Finding] = []
        if let raw = root["findings"] {
            guard let items = raw as? [Any] else { return .failure(MalformedAnswer("\"findings\" must be a list")) }
            for (index, item) in items.enumerated() {
                guard let finding = item as? [String: Any], let message = finding["message"] as? String,
                    !message.isEmpty
                else {
                    return .failure(MalformedAnswer("finding \(index + 1) needs a non-empty \"message\" string"))
                }
                var location: SourceLocation?
                if finding["line"] != nil || finding["column"] != nil {
                    guard let line = finding["line"] as? Int, line >= 1 else {
                        return .failure(MalformedAnswer("finding \(index + 1) has no valid \"line\" (1 or more)"))
                    }
                    let column = (finding["column"] as? Int) ?? 1
                    guard column >= 1 else {
                        return .failure(MalformedAnswer("finding \(index + 1) has a \"column\" below 1"))
                    }
                    location = SourceLocation(line: line, column: column)
                }
                findings.append(
                    Answer.Finding(message: message, location: location, excerpt: finding["excerpt"] as? String))
            }
        }
        var fraction = findings.isEmpty ? 1.0 : 0.0
        if let raw = root["fraction"] {
            guard let value = (raw as? NSNumber)?.doubleValue, value.isFinite, (0...1).contains(value),
                !(raw is Bool)
            else {
                return .failure(MalformedAnswer("\"fraction\" must be a number from 0 to 1"))
            }
            fraction = value
        }
        return .success(Answer(findings: findings, fraction: fraction, reason: root["reason"] as? String))
    }

    public struct MalformedAnswer: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String

        init(_ description: String) {
            self.description = description
        }
    }
}

/// A JSON value built from a YAML node: a rule's `options:` passed through to its program.
public enum JSONValue: Encodable, Sendable, Equatable {
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
    case null

    init(_ node: Node) {
        switch node.content {
        case .scalar(let value, _): self = node.isNull ? .null : .string(value)
        case .sequence(let items): self = .array(items.map(JSONValue.init))
        case .mapping(let pairs):
            var object: [String: JSONValue] = [:]
            for pair in pairs { object[pair.key.scalar ?? ""] = JSONValue(pair.value) }
            self = .object(object)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .array(let values): try container.encode(values)
        case .object(let values): try container.encode(values)
        case .null: try container.encodeNil()
        }
    }
}
