/// LIX, the Swedish readability index: words per sentence plus the percentage of long words.
///
/// LIX = words / sentences + 100 × long words / words, where a long word has more than six
/// letters. Around 40 is ordinary newspaper text; above 50 is hard; above 60 is very hard.
public struct ReadabilityCheck: Check {
    public static let kind = CheckKind(
        name: "readability",
        summary:
            "Computes LIX (words per sentence + percentage of words longer than `long_word` letters). Passes at or below `max`; the fraction falls linearly to 0 at `zero_at`.",
        parameters: [
            ParameterSpec("max", .number, "the highest LIX that passes; default 50"),
            ParameterSpec("zero_at", .number, "the LIX at which the fraction reaches 0; default 70"),
            ParameterSpec("min_words", .integer, "texts with fewer words pass without a score; default 50"),
            ParameterSpec("long_word", .integer, "a word longer than this many letters is long; default 6"),
        ],
        variables: ["lix", "max"])

    let maximum: Double
    let zeroAt: Double
    let minWords: Int
    let longWord: Int

    public init(parameters: CheckParameters) throws(CheckConfigurationError) {
        maximum = parameters.number("max") ?? 50
        zeroAt = parameters.number("zero_at") ?? 70
        minWords = parameters.integer("min_words") ?? 50
        longWord = parameters.integer("long_word") ?? 6
        guard zeroAt > maximum else {
            throw CheckConfigurationError("'zero_at' must be above 'max'", at: parameters.location(of: "zero_at"))
        }
    }

    /// The LIX of tokenized text, or nil when it has no words.
    public static func lix(of text: TokenizedText, longWord: Int = 6) -> Double? {
        counts(of: text, longWord: longWord).lix
    }

    /// What LIX is worked out from: the words (``TokenizedText/wordCount``), the long words
    /// and the sentences of a text.
    struct Counts {
        var words: Int
        var longWords: Int
        var sentences: Int

        /// The LIX, or nil when there are no words.
        var lix: Double? {
            guard words > 0 else { return nil }
            return Double(words) / Double(max(1, sentences)) + 100 * Double(longWords) / Double(words)
        }
    }

    /// The counts of `text` in one pass over its tokens.
    static func counts(of text: TokenizedText, longWord: Int) -> Counts {
        text.tokens.withUnsafeBufferPointer { tokens in
            text.foldedBytes.withUnsafeBufferPointer { bytes in
                counts(of: text, tokens: tokens, bytes: bytes, longWord: longWord)
            }
        }
    }

    /// ``counts(of:longWord:)`` over the text's tokens and folded bytes.
    private static func counts(
        of text: TokenizedText, tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>, longWord: Int
    ) -> Counts {
        var words = 0
        var longWords = 0
        var sentences = 0
        var inSentence = false
        // Each span (a list item, a paragraph) ends a sentence even without a full stop. Tokens
        // come span by span, so the spans with tokens are counted where the span changes.
        var spanEnds = 0
        var lastSpan = -1
        for token in tokens {
            if token.spanIndex != lastSpan {
                spanEnds += 1
                lastSpan = token.spanIndex
            }
            switch token.kind {
            case .word:
                words += 1
                // A word has no more characters than folded bytes: only longer ones are counted.
                let range = token.bytes
                guard range.count > longWord else {
                    inSentence = true
                    continue
                }
                var characters = 0
                if token.isSimple, range.upperBound <= bytes.count {
                    // Below U+0300 a character is a scalar: the bytes that start one.
                    for index in range where bytes[index] & 0xC0 != 0x80 { characters += 1 }
                } else {
                    characters = text.characterCount(of: token)
                }
                if characters > longWord { longWords += 1 }
                inSentence = true
            case .number:
                inSentence = true
            case .symbol:
                switch token.symbol {
                case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                    if inSentence {
                        sentences += 1
                        inSentence = false
                    }
                default: break
                }
            }
        }
        sentences = max(sentences + (inSentence ? 1 : 0), min(spanEnds, words))
        return Counts(words: words, longWords: longWords, sentences: sentences)
    }

    /// ``lix(of:longWord:)`` in two passes, counting every word's characters; what it must agree with.
    static func referenceLix(of text: TokenizedText, longWord: Int = 6) -> Double? {
        var words = 0
        var longWords = 0
        var sentences = 0
        var inSentence = false
        for token in text.tokens {
            switch token.kind {
            case .word:
                words += 1
                if text.characterCount(of: token) > longWord { longWords += 1 }
                inSentence = true
            case .number:
                inSentence = true
            case .symbol:
                if ".!?:".utf8.contains(token.symbol), inSentence {
                    sentences += 1
                    inSentence = false
                }
            }
        }
        // Each span (a list item, a paragraph) ends a sentence even without a full stop. Tokens
        // come span by span, so the spans with tokens are counted where the span changes.
        var spanEnds = 0
        var lastSpan = -1
        for token in text.tokens where token.spanIndex != lastSpan {
            spanEnds += 1
            lastSpan = token.spanIndex
        }
        sentences = max(sentences + (inSentence ? 1 : 0), min(spanEnds, words))
        guard words > 0 else { return nil }
        return Double(words) / Double(max(1, sentences)) + 100 * Double(longWords) / Double(words)
    }

    public func evaluate(_ item: ScopeItem, in document: Document) -> CheckOutcome {
        // The words are counted in the same pass as the rest.
        let counts = Self.counts(of: item.text, longWord: longWord)
        let words = counts.words
        guard words >= minWords, let lix = counts.lix else {
            return CheckOutcome(fraction: 1, reason: "\(words) words; too little text to judge readability")
        }
        return CheckOutcome(
            fraction: CheckOutcome.graded(lix, limit: maximum, zeroAt: zeroAt),
            details: Details(lix: lix, maximum: maximum))
    }

    /// A scored outcome's reason and variables, from the LIX; made only when read.
    final class Details: OutcomeDetails {
        let lix: Double
        let maximum: Double

        init(lix: Double, maximum: Double) {
            self.lix = lix
            self.maximum = maximum
        }

        var reason: String {
            let rounded = (lix * 10).rounded() / 10
            return "LIX \(rounded) (pass at or below \(CheckParameters.format(maximum)))"
        }

        var evidence: [Hit] { [] }
        var problems: [Hit] { [] }

        var variables: MessageVariables {
            ["lix": String(Int(lix.rounded())), "max": CheckParameters.format(maximum)]
        }
    }
}
