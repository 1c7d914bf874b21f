import Foundation

/// Turns a rule's scope into the items its check runs on, tokenizing each text once per document.
struct ScopeResolver {
    let document: Document
    /// The automaton of each scope's lexicons, which the scope's texts scan with.
    let lexicons: [Scope: CombinedMatcher]
    private var cache: [Scope: [ScopeItem]] = [:]
    /// The tokens of each span met so far, by where it starts: scopes share spans (a section
    /// is part of the document), and each span is tokenized once.
    private var spanTokens: [SourceLocation: [(text: String, tokens: [Token], bytes: [UInt8])]] = [:]
    private var keptTokens = 0
    /// The most tokens kept for sharing, some 20 MB: far more than a promise of a few pages has.
    static let tokensKept = 1 << 18

    /// The most tokens this resolver keeps (``tokensKept``, smaller in tests).
    private let keepLimit: Int

    init(document: Document, lexicons: [Scope: CombinedMatcher] = [:], tokensKept: Int = Self.tokensKept) {
        self.document = document
        self.lexicons = lexicons
        self.keepLimit = tokensKept
    }

    mutating func items(for scope: Scope) -> [ScopeItem] {
        if let cached = cache[scope] { return cached }
        let items = resolve(scope)
        cache[scope] = items
        return items
    }

    private mutating func tokens(of span: Span) -> (tokens: [Token], bytes: [UInt8]) {
        if let known = spanTokens[span.location]?.first(where: { $0.text == span.text }) {
            return (known.tokens, known.bytes)
        }
        let found = TokenizedText.tokens(of: span)
        // A very large document is tokenized again rather than held twice (its spans here and
        // in the scopes' texts): the kept tokens are bounded.
        if keptTokens + found.tokens.count <= keepLimit {
            keptTokens += found.tokens.count
            spanTokens[span.location, default: []].append((span.text, found.tokens, found.bytes))
        }
        return found
    }

    private mutating func resolve(_ scope: Scope) -> [ScopeItem] {
        let lexicons = lexicons[scope]
        func tokenized(_ spans: [Span]) -> TokenizedText {
            TokenizedText(spans, tokenized: spans.map { tokens(of: $0) }, lexicons: lexicons)
        }
        switch scope {
        case .document:
            let start = document.title?.location ?? document.allSpans.first?.location ?? .start
            return [ScopeItem(kind: .document, location: start, text: tokenized(document.allSpans))]
        case .sections(let roles):
            let sections = document.sections(withRoles: roles)
            let location = sections.first.map { $0.heading?.location ?? $0.location } ?? .start
            return [
                ScopeItem(
                    kind: .section, location: location, text: tokenized(sections.flatMap(\.blocks)),
                    variables: ["section": roles[0]])
            ]
        case .commitments:
            return document.commitments.map { commitment in
                let title = commitment.title?.text ?? commitment.spans.first.map { Self.shorten($0.text) } ?? ""
                return ScopeItem(
                    kind: .commitment, location: commitment.location,
                    text: tokenized(commitment.spans), variables: ["title": title], commitment: commitment)
            }
        case .signatories:
            return document.signatories.map { signatory in
                var variables: MessageVariables = [:]
                if let name = signatory.name { variables["name"] = name.text }
                if let role = signatory.role { variables["role"] = role.text }
                if let party = signatory.party { variables["party"] = party.text }
                return ScopeItem(
                    kind: .signatory, location: signatory.location, text: tokenized(signatory.spans),
                    variables: variables, signatory: signatory)
            }
        }
    }

    /// The first words of a long text, for naming an item in a message.
    ///
    /// Reads no further than the first line and `limit` characters, however long the text.
    static func shorten(_ text: String, limit: Int = 60) -> String {
        var start = text.startIndex
        while start < text.endIndex, text[start].isNewline { start = text.index(after: start) }
        guard start < text.endIndex else { return referenceShorten(text, limit: limit) }
        var end = start
        var count = 0
        var cut = start
        while end < text.endIndex, !text[end].isNewline {
            if count == limit { cut = end }
            if count > limit { break }
            end = text.index(after: end)
            count += 1
        }
        guard count > limit else { return String(text[start..<end]) }
        return String(text[start..<cut]).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// ``shorten(_:limit:)`` by splitting the whole text into lines; what it must agree with.
    static func referenceShorten(_ text: String, limit: Int = 60) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        guard line.count > limit else { return line }
        return String(line.prefix(limit)).trimmingCharacters(in: .whitespaces) + "…"
    }
}
