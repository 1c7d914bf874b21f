/// Spans of text split into tokens once, so every check can match against the same tokens.
///
/// Words are runs of letters (including å, ä, ö), numbers are runs of digits, and a few
/// symbols that carry meaning in promises (`/ % - – . ! ? : ; +`) are their own tokens. Other
/// punctuation (commas, quotes, brackets) only separates tokens, so "minst, fyra" matches the
/// phrase "minst fyra".
public struct TokenizedText: Sendable {
    public let spans: [Span]
    public let tokens: [Token]

    public init(_ spans: [Span]) {
        self.spans = spans
        var tokens: [Token] = []
        for (index, span) in spans.enumerated() {
            Self.tokenize(span.text, spanIndex: index, into: &tokens)
        }
        self.tokens = tokens
    }

    /// The symbols that are tokens of their own; every other non-alphanumeric character separates.
    static let meaningfulSymbols: Set<Unicode.Scalar> = ["/", "%", "-", "–", "—", ".", "!", "?", ":", ";", "+"]

    static func tokenize(_ text: String, spanIndex: Int, into tokens: inout [Token]) {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var offset = 0
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let kind: Token.Kind?
            if scalar.properties.isAlphabetic {
                kind = .word
            } else if ("0"..."9").contains(scalar) {
                kind = .number
            } else if meaningfulSymbols.contains(scalar) {
                kind = .symbol
            } else {
                kind = nil
            }
            guard let kind else {
                index = scalars.index(after: index)
                offset += 1
                continue
            }
            let start = index
            let startOffset = offset
            index = scalars.index(after: index)
            offset += 1
            if kind != .symbol {
                while index < scalars.endIndex {
                    let next = scalars[index]
                    let continues =
                        kind == .word
                        ? (next.properties.isAlphabetic || next == "\u{AD}" || isCombiningMark(next))
                        : ("0"..."9").contains(next)
                    guard continues else { break }
                    index = scalars.index(after: index)
                    offset += 1
                }
            }
            let range = start..<index
            var folded = String(text.unicodeScalars[range]).lowercased()
            if kind == .word { folded.removeAll { $0 == "\u{AD}" } }
            if kind == .symbol, folded == "–" || folded == "—" { folded = "-" }
            tokens.append(
                Token(kind: kind, folded: folded, spanIndex: spanIndex, scalarOffset: startOffset, range: range))
        }
    }

    /// Where a token stands in the file.
    public func location(of token: Token) -> SourceLocation {
        spans[token.spanIndex].location(atScalarOffset: token.scalarOffset)
    }

    /// The original text from the first to the last token of `range`, as written.
    public func excerpt(_ range: Range<Int>) -> String {
        guard let first = range.first, let last = range.last, last < tokens.count else { return "" }
        let start = tokens[first]
        let end = tokens[last]
        guard start.spanIndex == end.spanIndex else {
            return range.map { tokens[$0].folded }.joined(separator: " ")
        }
        let text = spans[start.spanIndex].text
        return String(text[start.range.lowerBound..<end.range.upperBound])
    }

    /// Number of word tokens.
    public var wordCount: Int { tokens.lazy.filter { $0.kind == .word }.count }

    /// Combining marks (a decomposed "ö" is "o" + U+0308) belong to the word they follow.
    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
