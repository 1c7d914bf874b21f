import Testing

@testable import PromiseCheck

@Suite struct TextLayoutTests {
    private func blocks(_ text: String, format: Document.Format = .text) -> [TextBlock] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        return TextLayout.blocks(of: TextLines(lines), format: format)
    }

    /// Everything a block holds, for comparing two layouts.
    private func details(_ blocks: [TextBlock]) -> [String] {
        blocks.map { block in
            "\(block.kind) \(block.span.lineStarts.map { "\($0.offset)@\($0.location)" }) \(block.lineCount) "
                + "\(block.followsBlankLine) \(block.isHeadingShaped) \(block.isHeadingCandidate) "
                + "\(block.isNumberedHeading) \(block.utf16Count) [\(block.text)]"
        }
    }

    /// The layout read from UTF-8 is the layout read from arrays of scalars, on random lines of
    /// Markdown and text marks, indentation of every kind of whitespace, and letters of one to
    /// four bytes; the lines stand in the middle of a larger buffer, as a file's lines do.
    @Test func layoutOfUTF8IsTheLayoutOfScalars() {
        var generator = SeededGenerator(state: 0x1A7)
        let pieces = [
            "", " ", "  ", "    ", "\t", "\u{A0}", "\u{2003}", "\u{3000}", "#", "## ", "#", "-", "- ", "* ", "***",
            "---", "===", "_ _ _", "• ", "–", "— ", "▸ ", "o ", "o", "1. ", "12) ", "1234.", "a) ", "ö) ", "> ", ">",
            "```", "~~~", "<!--", "-->", "<!-- x -->", "Polisen ska", "TRYGGHET", "ÅTGÄRDER", "Åby", "öka.", "ß",
            "𝔘𝔫𝔦", "🚓", "e\u{301}", ":", ";", "Del 2:", "text,", "*Fokus*", "_", "\u{85}",
            // Forty-nine scalars: two or three make a line about as long as a heading may be.
            "Trygghetsvandring i centrum med fastighetsägare o",
        ]
        for round in 0..<3_000 {
            let lines = (0..<Int.random(in: 0...10, using: &generator)).map { _ in
                (0..<Int.random(in: 0...5, using: &generator)).map { _ in
                    pieces.randomElement(using: &generator)!
                }.joined()
            }
            let scalarLines = lines.map { Array($0.unicodeScalars) }
            // Each line in its own place of one buffer, with bytes around that are no line's.
            var bytes = Array("ÅÄÖ\r\n".utf8)
            var ranges: [Range<Int>] = []
            for line in lines {
                let start = bytes.count
                bytes += line.utf8
                ranges.append(start..<bytes.count)
                bytes += Array("\u{2028}é\n".utf8)
            }
            for format in [Document.Format.text, .markdown] {
                let firstLine = Int.random(in: 1...2, using: &generator)
                let fromBytes = TextLayout.blocks(
                    of: TextLines(bytes: bytes, ranges: ranges), format: format, from: firstLine)
                let fromScalars = TextLayoutScalarReference.blocks(of: scalarLines, format: format, from: firstLine)
                #expect(details(fromBytes) == details(fromScalars), "round \(round): \(lines)")
            }
        }
    }

    /// `kind line:column text` of each block.
    private func described(_ blocks: [TextBlock]) -> [String] {
        blocks.map { block in
            let kind =
                switch block.kind {
                case .paragraph: "p"
                case .quote: "quote"
                case .listItem(let indent): "item\(indent)"
                case .heading(let level): "h\(level)"
                }
            return "\(kind) \(block.location) \(block.text)"
        }
    }

    // MARK: Paragraphs and lists

    /// The ASCII shortcuts answer as Unicode's properties do, for every scalar.
    @Test func scalarClassesAgreeWithUnicodeProperties() {
        var differing: [Unicode.Scalar] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let properties = scalar.properties
            if TextLayout.isWhitespace(scalar) != (scalar == " " || scalar == "\t" || properties.isWhitespace)
                || TextLayout.isAlphabetic(scalar) != properties.isAlphabetic
                || TextLayout.isLowercase(scalar) != properties.isLowercase
            {
                differing.append(scalar)
            }
        }
        #expect(differing == [])
    }

    /// Text made from scalars through UTF-8 is the text made scalar by scalar.
    @Test func stringsFromScalarsAreTheSame() {
        let samples = [
            "", "Polisen ska", "Lägesbild – ÅÄÖ", "o\u{308}ka\u{AD}", "𝔘𝔫𝔦 🚓", "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}",
        ]
        for sample in samples {
            let scalars = Array(sample.unicodeScalars)
            #expect(TextLayout.string(scalars) == String(String.UnicodeScalarView(scalars)))
            #expect(TextLayout.string(scalars).utf8.elementsEqual(sample.utf8))
        }
    }

    @Test func blankLinesSeparateParagraphsWhoseLinesAreJoined() {
        let result = blocks("Första raden\n  andra raden  \n\n\nNästa stycke.")
        #expect(described(result) == ["p 1:1 Första raden andra raden", "p 5:1 Nästa stycke."])
        #expect(result[0].span.lineStarts.map(\.location) == [pos(1, 1), pos(2, 3)])
        #expect(result[0].span.location(atScalarOffset: 13) == pos(2, 3))
        #expect(result.map(\.lineCount) == [2, 1])
    }

    @Test(arguments: ["•", "-", "–", "—", "*", "+", "·", "▪", "o"])
    func bulletsFollowedByASpaceStartListItems(_ bullet: String) {
        let result = blocks("\(bullet) Första\n  \(bullet)\tAndra")
        #expect(described(result) == ["item0 1:3 Första", "item2 2:5 Andra"])
    }

    @Test func numberedAndLetteredItems() {
        let result = blocks("1. Ett\n2) Två\n10. Tio\na) Ett a\nB) Ett b")
        #expect(
            described(result) == [
                "item0 1:4 Ett", "item0 2:4 Två", "item0 3:5 Tio", "item0 4:4 Ett a", "item0 5:4 Ett b",
            ])
    }

    @Test func textThatOnlyLooksLikeAMarkerIsAParagraph() {
        for text in [
            "-5 grader i natt", "1.5 miljoner kronor", "2025. Ett år", "*betoning* här", "ok) sa hon", "o.s.v.",
        ] {
            #expect(blocks(text).map(\.kind) == [.paragraph], "\(text)")
        }
    }

    @Test func continuationLinesJoinTheirItem() {
        let result = blocks(
            """
            - Polisen patrullerar
            varje fredag.
            - Kommunen lagar lampor

              före jul.

            Nytt stycke.
            """)
        #expect(
            described(result) == [
                "item0 1:3 Polisen patrullerar varje fredag.", "item0 3:3 Kommunen lagar lampor före jul.",
                "p 7:1 Nytt stycke.",
            ])
        #expect(result[1].span.location(atScalarOffset: 22) == pos(5, 3))
        #expect(result[2].followsBlankLine)
    }

    @Test func nestedItemsAreItemsOfTheirOwn() {
        let result = blocks("- Möten\n - Dialoger\n   fortsätter\n- Kampanjer")
        #expect(
            described(result) == [
                "item0 1:3 Möten", "item1 2:4 Dialoger fortsätter", "item0 4:3 Kampanjer",
            ])
    }

    @Test func aParagraphRightAboveAListEndsThere() {
        let result = blocks("Polisen ska:\n- patrullera\n- kontrollera")
        #expect(described(result) == ["p 1:1 Polisen ska:", "item0 2:3 patrullera", "item0 3:3 kontrollera"])
        #expect(!result[1].followsBlankLine)
        // A lead-in glued to its list is not a heading.
        #expect(result[0].isHeadingShaped)
        #expect(!result[0].isHeadingCandidate)
    }

    // MARK: Headings

    @Test func headingCandidatesAreShortLinesFollowedByABlock() {
        let result = blocks(
            """
            Situationen idag

            Det här ska vi göra:

            Text som slutar med punkt.

            Sista raden
            """)
        #expect(result.map(\.isHeadingCandidate) == [true, true, false, false])
        // The last block has nothing after it to head.
        #expect(result[3].isHeadingShaped)
    }

    @Test(arguments: [
        ("Situationen idag", true), ("Det här ska vi göra:", true), ("SITUATIONEN IDAG", true),
        ("**Trygg park**", true), ("1. Trafik", true), ("Slutar med punkt.", false), ("Slutar med komma,", false),
        ("Semikolon;", false), ("Utrop!", false), ("Fråga?", false), ("börjar med liten bokstav", false),
        ("2025 – 2026", false), (".....", false), ("____", false),
        ("ett två tre fyra fem sex sju åtta nio tio elva tolv tretton", false),
        (String(repeating: "Långt", count: 21), false),
    ])
    func headingShape(_ text: String, _ shaped: Bool) {
        #expect(TextLayout.isHeadingShaped(text) == shaped)
        // A paragraph of one line has the shape of its text.
        if let block = blocks(text + "\n\nText.").first, block.kind == .paragraph {
            #expect(block.isHeadingShaped == shaped)
        }
    }

    /// A line of 100 scalars may be a heading, one of 101 is not, whatever their bytes.
    @Test func aHeadingHasAtMostAHundredScalars() {
        for letter in ["a", "ö", "𝔘"] {
            let hundred = "Å" + String(repeating: letter, count: 99)
            #expect(blocks(hundred + "\n\nText.")[0].isHeadingShaped)
            #expect(!blocks(hundred + letter + "\n\nText.")[0].isHeadingShaped)
        }
    }

    @Test func numberedHeadings() {
        #expect(TextLayout.isNumberedHeading("Fokus 1: Trafik"))
        #expect(TextLayout.isNumberedHeading("Del 12"))
        #expect(TextLayout.isNumberedHeading("Steg 3 – uppföljning"))
        #expect(!TextLayout.isNumberedHeading("Medborgarlöfte 2025–2026"))
        #expect(!TextLayout.isNumberedHeading("Trygg park"))
        #expect(!TextLayout.isNumberedHeading("Fokus 1 och 2 samtidigt"))
    }

    @Test func aLineInCapitalsFlushAgainstItsTextIsABlockOfItsOwn() {
        let result = blocks("SITUATIONEN IDAG\nMånga är otrygga.\nFler än förra året.")
        #expect(described(result) == ["p 1:1 SITUATIONEN IDAG", "p 2:1 Många är otrygga. Fler än förra året."])
        #expect(result[0].isHeadingCandidate)
        // Two lines in capitals stay one paragraph.
        #expect(blocks("EKBY\nKOMMUN").count == 1)
    }

    @Test func underlinedHeadingsInTextAndMarkdown() {
        for format in [Document.Format.text, .markdown] {
            let result = blocks("Titel\n=====\nSituationen idag\n----------------\nText.", format: format)
            #expect(described(result) == ["h1 1:1 Titel", "h2 3:1 Situationen idag", "p 5:1 Text."])
        }
    }

    @Test func rulesSeparateBlocks() {
        let result = blocks("Ett stycke.\n\n***\n- - -\n___\nAnnat stycke.")
        #expect(described(result) == ["p 1:1 Ett stycke.", "p 6:1 Annat stycke."])
    }

    // MARK: Markdown

    @Test func atxHeadingsKeepTheirLevel() {
        let result = blocks(
            "# Titel\n## Bakgrund ##\n###### Djup\n####### Inte rubrik\n#Inte heller", format: .markdown)
        #expect(
            described(result) == [
                "h1 1:3 Titel", "h2 2:4 Bakgrund", "h6 3:8 Djup", "p 4:1 ####### Inte rubrik #Inte heller",
            ])
        // In plain text a '#' line is text.
        #expect(blocks("# Titel").map(\.kind) == [.paragraph])
    }

    @Test func fencedCodeAndCommentsAreSkipped() {
        let result = blocks(
            """
            Före.
            ```swift
            - inte en punkt
            ```
            ~~~~
            # inte en rubrik
            ~~~~
            <!-- en kommentar -->
            <!--
            flera rader
            -->
            Efter.
            """, format: .markdown)
        #expect(described(result) == ["p 1:1 Före.", "p 12:1 Efter."])
    }

    @Test func anUnclosedFenceSkipsTheRest() {
        #expect(described(blocks("Text.\n```\nkod", format: .markdown)) == ["p 1:1 Text."])
    }

    @Test func quotesAreParagraphsAndEmphasisStays() {
        let result = blocks("> Vi redovisar\n> på *webben*.\n\n- **Polisen** ska", format: .markdown)
        #expect(described(result) == ["quote 1:3 Vi redovisar på *webben*.", "item0 4:3 **Polisen** ska"])
        #expect(result[0].span.location(atScalarOffset: 13) == pos(2, 3))
        #expect(!result[0].isHeadingShaped)
    }

    @Test func markdownListsAndNumbering() {
        let result = blocks("* ett\n+ två\n1. tre\n2) fyra", format: .markdown)
        #expect(described(result) == ["item0 1:3 ett", "item0 2:3 två", "item0 3:4 tre", "item0 4:4 fyra"])
    }

    // MARK: Spans within spans

    @Test func slicesAndJoinsKeepTheirPlaces() throws {
        let block = try #require(blocks("Anna Berg\n  Chef Lokalpolisområde Ekby").first)
        let text = block.text
        let range = try #require(text.range(of: "Chef Lokalpolisområde"))
        let slice = try #require(block.span.slice(range))
        #expect(slice.text == "Chef Lokalpolisområde")
        #expect(slice.location == pos(2, 3))
        let acrossRange = try #require(text.range(of: "Berg Chef"))
        let across = try #require(block.span.slice(acrossRange))
        #expect(across.location == pos(1, 6))
        #expect(across.location(atScalarOffset: 5) == pos(2, 3))

        let joined = try #require(
            Span.joined([
                Span("Chef", at: pos(3, 1), isVerbatim: true), Span("Södra Roslagen", at: pos(4, 2), isVerbatim: true),
            ]))
        #expect(joined.text == "Chef Södra Roslagen")
        #expect(joined.location(atScalarOffset: 5) == pos(4, 2))
        #expect(Span.joined([]) == nil)
    }
}
