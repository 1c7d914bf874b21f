/// Writes a document in PromiseCheck's YAML promise format (version 1).
///
/// Used by `promisecheck import` to turn published text or a Markdown draft into a promise
/// file. Every piece of text is placed: in the key of its section's role, as a commitment, as a
/// signatory, or under `other:` when it has no role, so checking the written file gives the
/// same verdicts as checking the text. What the reader inferred (the area and where it came
/// from, a missing signature) is said in comments.
public struct PromiseYAMLWriter: Sendable {
    /// Names the parties in `by:`: a word that marks a party ("polisens") is written as its
    /// group in the pack's parties lexicon ("polis").
    public var parties: PhraseMatcher?

    public init(parties: PhraseMatcher? = nil) {
        self.parties = parties
    }

    /// Roles whose text becomes one key each, in the format's order.
    static let textRoles = [
        "introduction", "situation", "priorities", "follow_up", "evaluation", "expected_effect", "revision",
    ]

    public func write(_ document: Document) -> String {
        var out: [String] = []
        out.append("# Imported by promisecheck from \(document.path) (\(document.format.rawValue)).")
        out.append("# Check the values below against the original, then run: promisecheck check <this file>")
        out.append("promise: 1")
        if let title = document.title {
            out.append("title: \(YAMLText.scalar(YAMLText.normalize(title.text)))  # line \(title.location.line)")
        }
        if let area = document.area {
            let source = document.areaSource.map { " (from the \(Self.describe($0)))" } ?? ""
            out.append("area: \(YAMLText.scalar(area.text))  # line \(area.location.line)\(source)")
        } else {
            out.append("# area: no area found; add it, e.g. area: Ekby")
        }
        if !document.parties.isEmpty {
            out.append("parties: [\(document.parties.map { YAMLText.scalar($0.text) }.joined(separator: ", "))]")
        }
        if let status = document.status {
            out.append("status: \(YAMLText.scalar(status.text))")
        }
        if let period = document.period {
            if let from = period.from, let to = period.to {
                out.append("period: {from: \(YAMLText.scalar(from.text)), to: \(YAMLText.scalar(to.text))}")
            } else if let text = period.text ?? period.from ?? period.to {
                out.append("period: \(YAMLText.scalar(text.text))")
            }
        }

        let commitmentLocations = Set(document.commitments.flatMap { $0.spans.map(\.location) })
        var byRole: [String: [String]] = [:]
        var other: [(heading: Span?, blocks: [String])] = []
        for section in document.sections {
            let blocks = section.blocks.filter { !commitmentLocations.contains($0.location) }.map(\.text)
            switch section.role {
            case let role? where Self.textRoles.contains(role):
                byRole[role, default: []] += blocks
            case "signatures":
                // Signature blocks become `signatories`; their other lines are kept as comments.
                if !blocks.isEmpty { other.append((section.heading, blocks)) }
            default:
                if !blocks.isEmpty || (section.heading != nil && section.role == nil) {
                    other.append((section.heading, blocks))
                }
            }
        }

        for role in Self.textRoles {
            guard let paragraphs = byRole[role], paragraphs.contains(where: { !YAMLText.normalize($0).isEmpty }) else {
                continue
            }
            switch role {
            case "situation", "follow_up":
                out.append("\(role):")
                out.append("  text: \(YAMLText.value(paragraphs, indent: 4))")
            case "priorities":
                out.append("priorities:")
                for paragraph in paragraphs { out.append("  - \(YAMLText.value([paragraph], indent: 4))") }
            default:
                out.append("\(role): \(YAMLText.value(paragraphs, indent: 2))")
            }
        }

        if !document.commitments.isEmpty {
            out.append("commitments:")
            for commitment in document.commitments { out += lines(for: commitment) }
        }
        if !document.signatories.isEmpty {
            out.append("signatories:")
            for signatory in document.signatories {
                let fields: [(String, Span?)] = [
                    ("name", signatory.name), ("role", signatory.role), ("party", signatory.party),
                    ("date", signatory.date), ("place", signatory.place),
                ]
                var first = true
                for (key, span) in fields {
                    guard let span else { continue }
                    out.append("\(first ? "  - " : "    ")\(key): \(YAMLText.scalar(YAMLText.normalize(span.text)))")
                    first = false
                }
                if first { out.append("  - {}") }
            }
        }
        if !other.isEmpty {
            out.append("# Text without a section of its own, kept so that it is checked too:")
            out.append("other:")
            for item in other {
                if let heading = item.heading {
                    out.append(
                        "  - heading: \(YAMLText.scalar(YAMLText.normalize(heading.text)))  # line \(heading.location.line)"
                    )
                    if !item.blocks.isEmpty { out.append("    text: \(YAMLText.value(item.blocks, indent: 6))") }
                } else {
                    out.append("  - text: \(YAMLText.value(item.blocks, indent: 6))")
                }
            }
        }
        for note in document.notes {
            out.append("# note: \(note)")
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func lines(for commitment: Commitment) -> [String] {
        let partyKeys = Set(commitment.parties.map { "\($0.location)\u{0}\($0.text)" })
        let titleKey = commitment.title.map { "\($0.location)\u{0}\($0.text)" }
        let actions = commitment.spans.filter { span in
            let key = "\(span.location)\u{0}\(span.text)"
            return !partyKeys.contains(key) && key != titleKey
        }
        var out: [String] = []
        var prefix = "  - "
        func add(_ line: String) {
            out.append(prefix + line)
            prefix = "    "
        }
        if let title = commitment.title { add("title: \(YAMLText.scalar(YAMLText.normalize(title.text)))") }
        var seen: Set<String> = []
        let parties = commitment.parties.map(partyName).filter { seen.insert($0).inserted }
        if !parties.isEmpty { add("by: [\(parties.map(YAMLText.scalar).joined(separator: ", "))]") }
        if !actions.isEmpty {
            add("actions:  # line \(actions[0].location.line)")
            for action in actions { out.append("      - \(YAMLText.value([action.text], indent: 8))") }
        }
        if out.isEmpty { out.append("  - actions: []") }
        return out
    }

    private func partyName(_ span: Span) -> String {
        let group = parties?.matches(in: TokenizedText([span])).first?.entry.group
        return group ?? span.text.lowercased()
    }

    static func describe(_ source: Document.AreaSource) -> String {
        switch source {
        case .title: "title"
        case .frontMatter: "front matter"
        case .body: "text of the promise"
        case .fileName: "file name; a guess: check it"
        }
    }
}
