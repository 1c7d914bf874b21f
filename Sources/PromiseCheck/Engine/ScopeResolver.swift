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
        if let simple = text.utf8.withContiguousStorageIfAvailable({ shortenSimple($0, limit: limit) }), let simple {
            return simple
        }
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

    /// ``shorten(_:limit:)`` over UTF-8, for text whose scalars, as far as it reads, all lie
    /// below U+0300 and hold no carriage return: each scalar is then a character of its own
    /// (nothing there extends a grapheme) and the whitespace to trim is space, tab and U+00A0.
    /// Nil for any other text, and for text with no line.
    private static func shortenSimple(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> String? {
        /// The scalar at `index` and its length, or nil at U+0300 and above or a carriage return.
        func scalar(at index: Int) -> (value: UInt32, length: Int)? {
            let lead = bytes[index]
            if lead < 0x80 { return lead == 0x0D ? nil : (UInt32(lead), 1) }
            guard lead < 0xCC, index + 1 < bytes.count else { return nil }
            return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
        }
        func isNewline(_ value: UInt32) -> Bool { (0x0A...0x0D).contains(value) || value == 0x85 }
        var start = 0
        while start < bytes.count {
            guard let (value, length) = scalar(at: start) else { return nil }
            guard isNewline(value) else { break }
            start += length
        }
        guard start < bytes.count else { return nil }
        var end = start
        var count = 0
        var cut = start
        while end < bytes.count {
            guard let (value, length) = scalar(at: end) else { return nil }
            if isNewline(value) { break }
            if count == limit { cut = end }
            if count > limit { break }
            end += length
            count += 1
        }
        guard count > limit else {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        func isSpace(at index: Int) -> Int {
            if bytes[index] == 0x20 || bytes[index] == 0x09 { return 1 }
            return bytes[index] == 0xC2 && index + 1 < bytes.count && bytes[index + 1] == 0xA0 ? 2 : 0
        }
        while start < cut, case let length = isSpace(at: start), length > 0 { start += length }
        while cut > start {
            if bytes[cut - 1] == 0x20 || bytes[cut - 1] == 0x09 {
                cut -= 1
            } else if cut - 2 >= start, bytes[cut - 2] == 0xC2, bytes[cut - 1] == 0xA0 {
                cut -= 2
            } else {
                break
            }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<cut]), as: UTF8.self) + "…"
    }

    /// ``shorten(_:limit:)`` by splitting the whole text into lines; what it must agree with.
    static func referenceShorten(_ text: String, limit: Int = 60) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        guard line.count > limit else { return line }
        return String(line.prefix(limit)).trimmingCharacters(in: .whitespaces) + "…"
    }
}
