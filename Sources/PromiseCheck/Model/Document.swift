/// A promise as read from any format: metadata and an ordered tree of located text.
///
/// Every reader (YAML promise files, and later Markdown and published text) produces this one
/// model, so checks never know which format a promise came from.
public struct Document: Sendable {
    public enum Format: String, Sendable, Codable {
        case yaml
        case markdown
        case text
    }

    /// Where a reader found the area a promise is for.
    public enum AreaSource: String, Sendable, Codable {
        case title
        case frontMatter = "front-matter"
        case body
        /// A guess from the file's name.
        case fileName = "file-name"
    }

    public var path: String
    public var format: Format
    public var title: Span?
    public var area: Span?
    /// Where `area` was found, when a text reader had to look for it.
    public var areaSource: AreaSource?
    public var parties: [Span] = []
    public var status: Span?
    public var period: Period?
    public var sections: [Section] = []
    public var commitments: [Commitment] = []
    public var signatories: [Signatory] = []
    /// Observations by the reader worth showing in the report, e.g. that the promise is unsigned.
    public var notes: [String] = []
    /// The file's `promisecheck: ignore …` comments, with the lines each covers.
    public var suppressions: [Suppression] = []
    /// Spans the reader tokenized, which the engine need not tokenize again.
    var tokenizedSpans: TokenizedSpans?

    public init(path: String, format: Format) {
        self.path = path
        self.format = format
    }

    /// All text of the document in reading order.
    public var allSpans: [Span] {
        // Room for them all made once (a signatory has five spans at most), and each signatory's
        // appended without an array of its own.
        var count = title == nil ? 0 : 1
        for section in sections { count += (section.heading == nil ? 0 : 1) + section.blocks.count }
        var spans: [Span] = []
        spans.reserveCapacity(count + 5 * signatories.count)
        if let title { spans.append(title) }
        for section in sections {
            if let heading = section.heading { spans.append(heading) }
            spans.append(contentsOf: section.blocks)
        }
        for signatory in signatories { signatory.appendSpans(to: &spans) }
        return spans
    }

    /// The sections whose role is one of `roles`, in document order.
    public func sections(withRoles roles: [String]) -> [Section] {
        sections.filter { section in section.role.map(roles.contains) ?? false }
    }

    /// The text of a named metadata field or section role, for checks that ask whether
    /// something is stated at all.
    public func spans(forField field: String) -> [Span]? {
        switch field {
        case "title": return title.map { [$0] } ?? []
        case "area": return area.map { [$0] } ?? []
        case "parties": return parties
        case "status": return status.map { [$0] } ?? []
        case "period": return period?.spans ?? []
        case "commitments": return commitments.flatMap(\.spans)
        case "signatories": return signatories.flatMap(\.spans)
        default:
            let matching = sections(withRoles: [field])
            return matching.flatMap(\.blocks)
        }
    }

    /// The names `spans(forField:)` understands besides section roles.
    public static let fieldNames = ["title", "area", "parties", "status", "period", "commitments", "signatories"]
}

/// A titled part of a promise with a role such as `situation` or `follow_up`.
///
/// The role comes from the format's structure (a YAML key) or from the pack's table of
/// heading patterns (published text); a section whose heading matches nothing has no role.
public struct Section: Sendable {
    public var role: String?
    public var heading: Span?
    /// Paragraphs and list items, in order.
    public var blocks: [Span]
    public var location: SourceLocation

    public init(role: String?, heading: Span? = nil, blocks: [Span], location: SourceLocation) {
        self.role = role
        self.heading = heading
        self.blocks = blocks
        self.location = location
    }
}

/// One thing the parties promise to do.
public struct Commitment: Sendable {
    public var title: Span?
    /// Who carries it out, as written (e.g. "polisen", "kommunen").
    public var parties: [Span]
    /// Every piece of its text as written: title, who acts, actions, target, timing.
    public var spans: [Span]
    public var location: SourceLocation

    public init(title: Span?, parties: [Span], spans: [Span], location: SourceLocation) {
        self.title = title
        self.parties = parties
        self.spans = spans
        self.location = location
    }
}

/// A person who signs the promise.
public struct Signatory: Sendable {
    public var name: Span?
    public var role: Span?
    public var party: Span?
    public var date: Span?
    public var place: Span?
    public var location: SourceLocation

    public init(
        name: Span? = nil, role: Span? = nil, party: Span? = nil, date: Span? = nil, place: Span? = nil,
        location: SourceLocation
    ) {
        self.name = name
        self.role = role
        self.party = party
        self.date = date
        self.place = place
        self.location = location
    }

    public var spans: [Span] {
        var spans: [Span] = []
        spans.reserveCapacity(5)
        appendSpans(to: &spans)
        return spans
    }

    /// Appends ``spans`` to `spans`, without an array of them.
    func appendSpans(to spans: inout [Span]) {
        if let name { spans.append(name) }
        if let role { spans.append(role) }
        if let party { spans.append(party) }
        if let date { spans.append(date) }
        if let place { spans.append(place) }
    }
}

/// The stated validity period: structured dates, free text, or both.
public struct Period: Sendable {
    public var from: Span?
    public var to: Span?
    public var text: Span?
    public var location: SourceLocation

    public init(from: Span? = nil, to: Span? = nil, text: Span? = nil, location: SourceLocation) {
        self.from = from
        self.to = to
        self.text = text
        self.location = location
    }

    public var spans: [Span] { [text, from, to].compactMap { $0 } }
}
