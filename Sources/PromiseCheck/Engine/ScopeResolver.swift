import Foundation

/// Turns a rule's scope into the items its check runs on, tokenizing each text once per document.
struct ScopeResolver {
    let document: Document
    /// The automaton of each scope's lexicons, which the scope's texts scan with.
    let lexicons: [Scope: CombinedMatcher]
    /// The tokens of each span met so far, in one buffer, and where each span's are, by where
    /// it starts: scopes share spans (a section is part of the document), and each span is
    /// tokenized once.
    private var store = SpanTokens()
    /// The spans met, each with its piece and the one met before it at the same place (-1 for
    /// none); `latest` gives the last met at each place. One entry per place but in rare cases,
    /// without an array for each.
    private var known: [KnownSpan] = []
    private var latest = PlaceTable()
    /// A span met: its text, where its tokens are, and the one met before it at its place.
    /// (A struct, not a tuple: an array of tuples is destroyed by the runtime's generic code.)
    private struct KnownSpan {
        var text: String
        var piece: SpanTokens.Piece
        var previous: Int
    }
    /// The places `latest` first makes room for, more than most promises' spans.
    private static let placesReserved = 128
    /// The most tokens kept for sharing, some 12 MB with their bytes: far more than a promise of
    /// a few pages has.
    static let tokensKept = 1 << 18

    /// The pieces the last text was made of, kept for the room of their array.
    private var pieces: [SpanTokens.Piece] = []

    /// The most tokens this resolver keeps (``tokensKept``, smaller in tests).
    private let keepLimit: Int

    init(document: Document, lexicons: [Scope: CombinedMatcher] = [:], tokensKept: Int = Self.tokensKept) {
        self.document = document
        self.lexicons = lexicons
        self.keepLimit = tokensKept
        if let read = document.tokenizedSpans, read.store.tokens.count <= tokensKept {
            store = read.store
            for (span, piece) in zip(read.spans, read.pieces) { remember(span, piece) }
        }
    }

    /// The items of `scope`, made anew on each call (their spans' tokens come from the store):
    /// the engine asks once for each scope and holds the list alone, so that reading its items
    /// in place never copies it.
    mutating func items(for scope: Scope) -> [ScopeItem] {
        resolve(scope)
    }

    /// Where the tokens of `span` are in the store when met before, looking from the span met
    /// at `index` (the last met at its place) back.
    private func knownPiece(of span: Span, from index: Int) -> SpanTokens.Piece? {
        var index = index
        while index >= 0 {
            if known[index].text == span.text { return known[index].piece }
            index = known[index].previous
        }
        return nil
    }

    /// Notes that the tokens of `span` are at `piece`; `previous` is the span met before at
    /// its place (-1 for none), or nil for finding it.
    private mutating func remember(_ span: Span, _ piece: SpanTokens.Piece, previous: Int? = nil) {
        if known.isEmpty {
            known.reserveCapacity(Self.placesReserved)
            latest = PlaceTable(capacity: Self.placesReserved)
        }
        let previous = previous ?? latest[span.location] ?? -1
        latest.set(known.count, at: span.location)
        known.append(KnownSpan(text: span.text, piece: piece, previous: previous))
    }

    /// The tokenized text of `spans`, from the store when all of them fit in it.
    ///
    /// The spans not met before are tokenized together and added to the store in one go.
    private mutating func tokenized(_ spans: [Span], lexicons: CombinedMatcher?) -> TokenizedText {
        // The array of the last call, emptied: one allocation for all the resolver's texts.
        var found = pieces
        pieces = []
        found.removeAll(keepingCapacity: true)
        found.reserveCapacity(spans.count)
        defer { pieces = found }
        for span in spans {
            guard let piece = knownPiece(of: span, from: latest[span.location] ?? -1) else { break }
            found.append(piece)
        }
        guard found.count < spans.count else {
            return TokenizedText(spans, pieces: found, of: store, lexicons: lexicons)
        }
        let rest = spans[found.count...]
        var addition = SpanTokens.Addition(to: store, capacity: rest.reduce(0) { $0 + $1.text.utf8.count })
        for span in rest {
            let previous = latest[span.location] ?? -1
            if let piece = knownPiece(of: span, from: previous) {
                found.append(piece)
                continue
            }
            let piece = addition.add(span)
            // A very large document is tokenized again rather than held twice (its spans here and
            // in the scopes' texts): the kept tokens are bounded.
            guard piece.tokens.upperBound <= keepLimit else {
                addition.removeLast(piece)
                store.commit(addition)
                return TokenizedText(spans, lexicons: lexicons)
            }
            remember(span, piece, previous: previous)
            found.append(piece)
        }
        store.commit(addition)
        return TokenizedText(spans, pieces: found, of: store, lexicons: lexicons)
    }

    private mutating func resolve(_ scope: Scope) -> [ScopeItem] {
        let lexicons = lexicons[scope]
        func tokenized(_ spans: [Span]) -> TokenizedText { self.tokenized(spans, lexicons: lexicons) }
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
        if let simple = shortenSimple(text, limit: limit) { return simple }
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

    /// ``shorten(_:limit:)`` over the UTF-8 of text whose scalars, as far as it reads, lie below
    /// U+0300 or are the punctuation of U+2010–U+2027 and U+2030–U+205E (dashes, quotes, the
    /// ellipsis): each is a character of its own (CR LF, a newline either way, aside), and the
    /// blanks to trim are space, tab and no-break space. Nil for any other text.
    static func shortenSimple(_ text: String, limit: Int) -> String? {
        let result = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            /// The length of the scalar at `index` when it is one of those above, 0 for any other.
            /// (No such punctuation joins a neighbour into one character, is a blank or ends a line.)
            func width(at index: Int) -> Int {
                let lead = bytes[index]
                // Lead bytes from 0xCC up start scalars at or above U+0300.
                if lead < 0xCC { return lead < 0x80 ? 1 : 2 }
                guard lead == 0xE2, index + 2 < bytes.count else { return 0 }
                switch (bytes[index + 1], bytes[index + 2]) {
                case (0x80, 0x90...0xA7), (0x80, 0xB0...0xBF), (0x81, 0x80...0x9E): return 3
                default: return 0
                }
            }
            /// The length of the newline scalar at `index` (LF, VT, FF, CR or NEL), 0 for any other.
            func newline(at index: Int) -> Int {
                switch bytes[index] {
                case 0x0A...0x0D: 1
                case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: 2
                default: 0
                }
            }
            var index = 0
            while index < bytes.count {
                guard width(at: index) > 0 else { return nil }
                let width = newline(at: index)
                guard width > 0 else { break }
                index += width
            }
            guard index < bytes.count else { return nil }
            let start = index
            var count = 0
            var cut = start
            while index < bytes.count {
                let width = width(at: index)
                guard width > 0 else { return nil }
                if newline(at: index) > 0 { break }
                if count == limit { cut = index }
                if count > limit { break }
                index += width
                count += 1
            }
            guard count > limit else { return String(decoding: bytes[start..<index], as: UTF8.self) }
            var end = cut
            var first = start
            while first < end {
                if bytes[first] == 0x20 || bytes[first] == 0x09 {
                    first += 1
                } else if bytes[first] == 0xC2, bytes[first + 1] == 0xA0 {
                    first += 2
                } else {
                    break
                }
            }
            while end > first {
                if bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 {
                    end -= 1
                } else if bytes[end - 1] == 0xA0, bytes[end - 2] == 0xC2 {
                    end -= 2
                } else {
                    break
                }
            }
            // The bytes and the ellipsis (U+2026) written into one string.
            let length = end - first
            return String(unsafeUninitializedCapacity: length + 3) { buffer in
                _ = buffer.initialize(fromContentsOf: bytes[first..<end])
                buffer[length] = 0xE2
                buffer[length + 1] = 0x80
                buffer[length + 2] = 0xA6
                return length + 3
            }
        }
        return result ?? nil
    }

    /// ``shorten(_:limit:)`` by splitting the whole text into lines; what it must agree with.
    static func referenceShorten(_ text: String, limit: Int = 60) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        guard line.count > limit else { return line }
        return String(line.prefix(limit)).trimmingCharacters(in: .whitespaces) + "…"
    }
}
