import Foundation
import PromiseCheckYAML

/// Reads promises published as plain text or drafted in Markdown into a ``Document``.
///
/// The structure comes from layout alone (``TextLayout``): headings, paragraphs, list items and
/// a signature block. What the words mean (which heading starts which section, which words name
/// a party or a signatory's title, where the area is named) comes from the pack's
/// ``TextReadingProfile``, so the reader itself knows no language.
public struct TextPromiseReader: Sendable {
    public var profile: TextReadingProfile
    public var maxInputBytes: Int

    public init(profile: TextReadingProfile, maxInputBytes: Int = 16 << 20) {
        self.profile = profile
        self.maxInputBytes = maxInputBytes
    }

    /// The keys a Markdown draft's front matter may hold.
    static let frontMatterKeys = ["title", "area", "parties", "status", "period", "signatories"]

    /// Markdown for `.md` and `.markdown` files, plain text for anything else.
    public static func format(forPath path: String) -> Document.Format {
        let pathExtension = URL(fileURLWithPath: path).pathExtension.lowercased()
        return pathExtension == "md" || pathExtension == "markdown" ? .markdown : .text
    }

    /// Reads the file at `path`, as Markdown or plain text by its extension.
    public func read(path: String) -> PromiseFileReader.Result {
        let log = DiagnosticLog()
        guard let bytes = SourceFile.bytes(at: path, log: log, maxBytes: maxInputBytes) else {
            return PromiseFileReader.Result(document: nil, diagnostics: log.diagnostics)
        }
        return read(bytes, path: path, format: Self.format(forPath: path), log: log)
    }

    /// Reads a file's contents; `path` is used in locations and, as a last resort, for the area.
    public func read(_ bytes: [UInt8], path: String, format: Document.Format) -> PromiseFileReader.Result {
        read(bytes, path: path, format: format, log: DiagnosticLog())
    }

    private func read(_ bytes: [UInt8], path: String, format: Document.Format, log: DiagnosticLog)
        -> PromiseFileReader.Result
    {
        let format: Document.Format = format == .markdown ? .markdown : .text
        func failed() -> PromiseFileReader.Result {
            PromiseFileReader.Result(document: nil, diagnostics: log.diagnostics)
        }
        if bytes.count > maxInputBytes {
            log.error(
                "file is larger than the \(SourceFile.formatBytes(maxInputBytes)) limit", path: path, at: .start,
                code: "input.too-large")
            return failed()
        }
        guard let decoded = TextDecoding.decode(bytes, path: path, log: log) else { return failed() }
        var lines = decoded.lines
        if lines.ranges.indices.allSatisfy(lines.isBlank) {
            let isEmpty = lines.count == 1 && lines.ranges[0].isEmpty
            log.error(
                isEmpty ? "file is empty" : "file holds only whitespace", path: path, at: .start, code: "input.empty")
            return failed()
        }
        var firstLine = 1
        var frontMatter: FrontMatter?
        if format == .markdown, let end = frontMatterEnd(lines, path: path, log: log) {
            frontMatter = readFrontMatter(lines, count: end, path: path, log: log)
            firstLine = end + 2
        }
        let directives = SuppressionComments.text(&lines, from: firstLine, format: format, path: path, log: log)
        let blocks = TextLayout.blocks(of: lines, format: format, from: firstLine)
        let assembler = Assembler(profile: profile, blocks: blocks)
        var document = assembler.document(path: path, format: format, frontMatter: frontMatter ?? FrontMatter())
        document.suppressions = SuppressionComments.text(directives, blocks: blocks)
        if document.sections.isEmpty && document.title == nil && frontMatter == nil {
            // Only rules, comments or code: nothing a reader of the promise would see.
            log.error("file holds no text", path: path, at: .start, code: "input.empty")
        }
        return PromiseFileReader.Result(document: log.hasErrors ? nil : document, diagnostics: log.diagnostics)
    }

    // MARK: Front matter

    /// What a Markdown draft's front matter says.
    struct FrontMatter {
        var title: Span?
        var area: Span?
        var parties: [Span] = []
        var status: Span?
        var period: Period?
        var signatories: [Signatory]?
    }

    /// The index of the line that closes front matter opened by `---` on line 1.
    private func frontMatterEnd(_ lines: TextLines, path: String, log: DiagnosticLog) -> Int? {
        func isFence(_ index: Int, _ fence: String) -> Bool {
            lines.bytes.withUnsafeBufferPointer { buffer in
                let line = lines.ranges[index]
                let end = TextLayout.trimmingWhitespace(buffer, from: line.lowerBound, to: line.upperBound)
                return buffer[line.lowerBound..<end].elementsEqual(fence.utf8)
            }
        }
        guard lines.count > 0, isFence(0, "---") else { return nil }
        if let end = lines.ranges.indices.dropFirst().first(where: { isFence($0, "---") || isFence($0, "...") }) {
            return end
        }
        log.warning(
            "front matter opened by '---' on line 1 is not closed by a '---' line; read as text", path: path,
            at: .start, code: "markdown.front-matter")
        return nil
    }

    /// Parses the front matter lines (the opening `---` included, so marks are lines of the file).
    private func readFrontMatter(_ lines: TextLines, count: Int, path: String, log: DiagnosticLog) -> FrontMatter {
        var frontMatter = FrontMatter()
        var bytes: [UInt8] = []
        for line in lines.ranges.prefix(count) {
            bytes += lines.bytes[line]
            bytes.append(0x0A)
        }
        let root: Node
        do {
            root = try YAMLParser.parse(bytes, limits: YAMLLimits(maxInputBytes: max(maxInputBytes, bytes.count)))
        } catch {
            log.append(SourceFile.diagnostic(for: error, path: path))
            return frontMatter
        }
        if root.isNull { return frontMatter }
        let context = PromiseFileReader.Context(
            reader: NodeReader(path: path, log: log, codePrefix: "promise"), source: SourceLines(bytes))
        guard let pairs = context.reader.mapping(root, "the front matter") else { return frontMatter }
        context.reader.checkKeys(pairs, known: Self.frontMatterKeys, in: "the front matter")
        for pair in pairs {
            let value = pair.value
            switch pair.key.scalar {
            case "title": frontMatter.title = context.span(value, "'title'")
            case "area": frontMatter.area = context.span(value, "'area'")
            case "parties": frontMatter.parties = context.spans(value, "'parties'")
            case "status": frontMatter.status = context.status(value)
            case "period": frontMatter.period = context.period(value)
            case "signatories": frontMatter.signatories = context.signatories(value)
            default: break
            }
        }
        return frontMatter
    }
}

// MARK: - From blocks to a document

extension TextPromiseReader {
    /// One pass over the blocks: headings, sections, commitments, signatories and the area.
    ///
    /// A class: its closures and methods share it rather than copying its blocks and the
    /// profile's many references; section drafts hold blocks by index, not by copy.
    final class Assembler {
        let profile: TextReadingProfile
        let blocks: [TextBlock]
        /// The section role each heading-shaped block's text matches.
        private let roles: [String?]
        /// Whether each block is a heading.
        private var isHeading: [Bool] = []
        /// When the pack's patterns stop matching in this file (see ``RegexDeadline``).
        private let deadline: RegexDeadline

        init(profile: TextReadingProfile, blocks: [TextBlock]) {
            self.profile = profile
            self.blocks = blocks
            let deadline = RegexDeadline(
                base: RegexDeadline.reading, forTextOfLength: blocks.reduce(0) { $0 + $1.utf16Count })
            self.deadline = deadline
            var roles: [String?] = []
            roles.reserveCapacity(blocks.count)
            for index in blocks.indices {
                let isShaped = blocks[index].isHeadingShaped || blocks[index].headingLevel != nil
                roles.append(isShaped ? profile.role(ofHeading: blocks[index].text, before: deadline) : nil)
            }
            self.roles = roles
        }

        /// A section as it is gathered: its heading, and its blocks with the sub-headings among
        /// them, each by its index in ``blocks``.
        struct SectionDraft {
            var role: String?
            var heading: Int?
            var entries: [Entry] = []

            /// Whether commitments are read from it: introduction, commitments and unnamed sections.
            var mayHoldCommitments: Bool { role == nil || role == "commitments" || role == "introduction" }
        }

        /// A block of a section draft, by its index in ``blocks``.
        struct Entry {
            var index: Int
            var isSubHeading: Bool
        }

        /// Where a draft starts: its heading, else its first block.
        private func location(of draft: SectionDraft) -> SourceLocation? {
            (draft.heading ?? draft.entries.first?.index).map { blocks[$0].location }
        }

        func document(path: String, format: Document.Format, frontMatter: FrontMatter) -> Document {
            isHeading = blocks.indices.map(isHeading(at:))
            var document = Document(path: path, format: format)
            let titleIndex = self.titleIndex()
            document.title = frontMatter.title ?? titleIndex.map { blocks[$0].span }
            document.parties = frontMatter.parties
            document.status = frontMatter.status
            document.period = frontMatter.period
            if frontMatter.status?.text == "draft" { document.notes.append("marked as a draft: not yet signed") }

            let bodyStart = (titleIndex ?? -1) + 1
            let runStart = hasSignaturesHeading(from: bodyStart) ? nil : signatureRunStart(from: bodyStart)
            var indices = Array(blocks.indices.prefix(runStart ?? blocks.count))
            if let titleIndex { indices.remove(at: titleIndex) }
            var drafts = sectionDrafts(indices)
            if let runStart {
                drafts.append(
                    SectionDraft(
                        role: "signatures",
                        entries: (runStart..<blocks.count).map { Entry(index: $0, isSubHeading: false) }))
            }
            document.sections = drafts.compactMap { draft in
                guard let location = location(of: draft) else { return nil }
                return Section(
                    role: draft.role, heading: draft.heading.map { blocks[$0].span },
                    blocks: draft.entries.map { blocks[$0.index].span }, location: location)
            }
            let (parties, tokenized) = partyMatches(ofBlocksIn: drafts)
            document.tokenizedSpans = tokenized
            for index in drafts.indices {
                commitments(in: drafts[index], parties: parties?[index], into: &document.commitments)
            }

            let signatureDrafts = drafts.filter { $0.role == "signatures" }
            let signed = signatures(in: signatureDrafts)
            document.signatories = frontMatter.signatories ?? signed.signatories
            if signed.isUnsigned, frontMatter.signatories == nil {
                document.notes.append("not yet signed: the signature block's place and date are not filled in")
            }
            findArea(in: &document, frontMatter: frontMatter)
            return document
        }

        // MARK: Headings and sections

        /// A heading: a Markdown heading; a heading-shaped line that matches a section pattern or
        /// is numbered; or a heading candidate not followed by another heading.
        private func isHeading(at index: Int) -> Bool {
            // The block's fields read in place, here and below, not the block copied.
            if blocks[index].headingLevel != nil { return true }
            if isMatchedHeading(index) { return true }
            guard blocks[index].isHeadingCandidate else { return false }
            if blocks[index].isNumberedHeading { return true }
            // A run of short lines is a list of activities without bullets, not headings.
            let next = index + 1
            return !(blocks[next].headingLevel != nil || blocks[next].isHeadingCandidate || isMatchedHeading(next))
        }

        private func isMatchedHeading(_ index: Int) -> Bool {
            blocks[index].isHeadingShaped && index + 1 < blocks.count && roles[index] != nil
        }

        /// The first heading, when only short stray lines ("Search", a menu) come before it.
        ///
        /// A title right above the first section heading is still the title, though other short
        /// lines right above a heading are text.
        private func titleIndex() -> Int? {
            for index in blocks.indices.prefix(4) {
                if let level = blocks[index].headingLevel { return level > 1 ? nil : index }
                if isHeading[index] { return index }
                guard blocks[index].isHeadingCandidate else { return nil }
                if blocks[index + 1].headingLevel != nil || isMatchedHeading(index + 1) { return index }
            }
            return nil
        }

        private func hasSignaturesHeading(from start: Int) -> Bool {
            blocks.indices.dropFirst(start).contains { isHeading[$0] && roles[$0] == "signatures" }
        }

        /// Groups blocks into sections: a heading with a role starts one; a heading that matches
        /// no pattern is a sub-heading inside commitments (or a section without a role), else it
        /// starts a section without a role. Inside a signature block every line is its content.
        private func sectionDrafts(_ indices: [Int]) -> [SectionDraft] {
            var drafts: [SectionDraft] = []
            for index in indices {
                let entry = Entry(index: index, isSubHeading: false)
                guard let last = drafts.indices.last else {
                    // Text before the first heading, or a document without headings, introduces.
                    drafts.append(
                        isHeading[index] && !isLeadIn(index)
                            ? SectionDraft(role: roles[index], heading: index)
                            : SectionDraft(role: "introduction", entries: [entry]))
                    continue
                }
                guard isHeading[index] else {
                    drafts[last].entries.append(entry)
                    continue
                }
                let role = roles[index]
                let currentRole = drafts[last].role
                if currentRole == "signatures", role == nil || role == "signatures" {
                    drafts[last].entries.append(entry)
                } else if role != nil {
                    drafts.append(SectionDraft(role: role, heading: index))
                } else if let level = blocks[index].headingLevel,
                    let currentLevel = drafts[last].heading.flatMap({ blocks[$0].headingLevel }), level <= currentLevel
                {
                    drafts.append(SectionDraft(role: nil, heading: index))
                } else if currentRole == nil || currentRole == "commitments" {
                    drafts[last].entries.append(Entry(index: index, isSubHeading: true))
                } else if isLeadIn(index) {
                    drafts[last].entries.append(entry)
                } else {
                    drafts.append(SectionDraft(role: nil, heading: index))
                }
            }
            return drafts
        }

        /// A short line ending in `:` before a list, matching no pattern: it introduces the list
        /// ("The five areas are:") rather than starting a part of the document.
        private func isLeadIn(_ index: Int) -> Bool {
            blocks[index].headingLevel == nil && roles[index] == nil && blocks[index].endsWithColon
                && index + 1 < blocks.count && blocks[index + 1].isListItem
        }

        // MARK: Commitments

        /// The list items of commitments, introduction and unnamed sections, and the paragraphs
        /// of commitments sections.
        ///
        /// A paragraph ending in `:` or `;` right before a list is a lead-in: it names who carries
        /// out the items. One right before sub-headings names who carries out everything under
        /// them, up to the end of the section. In a section whose heading itself ends in `:` and announces a list, only
        /// the list items are commitments; text after the list ("the promise is valid …") is not.
        ///
        /// `parties` are the party markers of the draft's blocks from the shared scan; without
        /// them each block is scanned on its own.
        private func commitments(in draft: SectionDraft, parties: DraftParties?, into commitments: inout [Commitment]) {
            guard draft.mayHoldCommitments else { return }
            func partyMatches(at position: Int) -> [PartyMatch] {
                parties?.entries[position] ?? plainPartyMatches(in: blocks[draft.entries[position].index].span)
            }
            let hasItems = draft.entries.contains { blocks[$0.index].isListItem }
            let headingAnnouncesList = draft.heading.map { blocks[$0].endsWithColon } ?? false
            let paragraphsCount = draft.role == "commitments" && !(headingAnnouncesList && hasItems)
            let headingParties =
                draft.heading.map { parties?.heading ?? plainPartyMatches(in: blocks[$0].span) } ?? []
            // The sub-heading by its index in the blocks.
            var subHeading: Int? = draft.role == nil ? draft.heading : nil
            var subHeadingParties = draft.role == nil ? headingParties : []
            var subHeadingUsed = false
            var leadInParties: [PartyMatch] = []
            var sectionLeadInParties: [PartyMatch] = []
            let closing = headingAnnouncesList ? Self.paragraphAfterLastItem(draft.entries, in: blocks) : nil
            for (position, entry) in draft.entries.enumerated() {
                let block = entry.index
                // What follows the announced items is the section's own text, not an item.
                if let closing, position >= closing { break }
                if entry.isSubHeading {
                    subHeading = entry.index
                    subHeadingParties = partyMatches(at: position)
                    subHeadingUsed = false
                    leadInParties = []
                    continue
                }
                if !blocks[block].isListItem {
                    let next = draft.entries.indices.contains(position + 1) ? draft.entries[position + 1] : nil
                    let announces = blocks[block].announcesWhatFollows
                    if announces, let next, !next.isSubHeading, blocks[next.index].isListItem {
                        leadInParties = partyMatches(at: position)
                        continue
                    }
                    if announces, let next, next.isSubHeading {
                        sectionLeadInParties = partyMatches(at: position)
                        continue
                    }
                    leadInParties = []
                    guard paragraphsCount else { continue }
                }
                let includesSubHeading = subHeading != nil && !subHeadingUsed
                // Who acts: the parties named in the text itself, and those its lead-in, sub-heading
                // or section heading names for it ("Polisen och kommunen ska:").
                let own = partyMatches(at: position)
                let fromContext: [PartyMatch]
                let contextIsSubHeading: Bool
                if !leadInParties.isEmpty {
                    (fromContext, contextIsSubHeading) = (leadInParties, false)
                } else if !subHeadingParties.isEmpty {
                    (fromContext, contextIsSubHeading) = (subHeadingParties, true)
                } else if !sectionLeadInParties.isEmpty {
                    (fromContext, contextIsSubHeading) = (sectionLeadInParties, false)
                } else {
                    (fromContext, contextIsSubHeading) = (draft.role == nil ? [] : headingParties, false)
                }
                // Each list made at its size: the sub-heading, the parties added from the context
                // (unless they are the sub-heading's, which is there already) and the block.
                let spansAdded = !(contextIsSubHeading && includesSubHeading)
                var spans: [Span] = []
                spans.reserveCapacity((includesSubHeading ? 1 : 0) + (spansAdded ? fromContext.count : 0) + 1)
                let subHeadingSpan = subHeading.map { blocks[$0].span }
                if includesSubHeading, let subHeadingSpan {
                    spans.append(subHeadingSpan)
                    subHeadingUsed = true
                }
                var parties: [Span] = []
                parties.reserveCapacity(own.count + fromContext.count)
                for party in own { parties.append(party.span) }
                // A block names a handful of parties at most: a look through them beats a set.
                for party in fromContext where !own.contains(where: { $0.group == party.group }) {
                    parties.append(party.span)
                    if spansAdded { spans.append(party.span) }
                }
                spans.append(blocks[block].span)
                commitments.append(
                    Commitment(title: subHeadingSpan, parties: parties, spans: spans, location: blocks[block].location))
            }
        }

        /// Where the paragraphs after a list of sub-headed items start, if they do.
        ///
        /// When a heading announces items ("… genom att:") and every sub-heading but the last
        /// has exactly one paragraph, a further paragraph under the last one breaks the items'
        /// shape: it closes the list (a general remark), so it is not one of the items.
        static func paragraphAfterLastItem(_ entries: [Entry], in blocks: [TextBlock]) -> Int? {
            var counts: [Int] = []
            var lastItemStart: Int?
            for (position, entry) in entries.enumerated() {
                if entry.isSubHeading {
                    counts.append(0)
                    lastItemStart = position
                } else if !counts.isEmpty {
                    guard !blocks[entry.index].isListItem else { return nil }
                    counts[counts.count - 1] += 1
                }
            }
            guard counts.count >= 2, let lastItemStart, counts.dropLast().allSatisfy({ $0 == 1 }),
                let last = counts.last, last > 1
            else { return nil }
            return lastItemStart + 2
        }

        struct PartyMatch {
            var group: String
            var span: Span
        }

        /// The party markers of a section draft's heading and of each of its entries.
        struct DraftParties {
            var heading: [PartyMatch] = []
            var entries: [[PartyMatch]] = []
        }

        /// The party markers of every heading and block of the sections commitments are read
        /// from, by draft (empty for the other drafts), in one tokenized text of one span per
        /// block rather than one text each.
        ///
        /// A term never matches across spans (the matchers stop at a span's end), so the matches
        /// of the whole text are those of each span on its own, in order; nil when there is
        /// nothing to scan or a match cannot be placed. With them, the spans scanned and their
        /// tokens, for the engine (nil when nothing was scanned or the engine would not keep them).
        func partyMatches(ofBlocksIn drafts: [SectionDraft]) -> ([DraftParties]?, TokenizedSpans?) {
            guard profile.parties != nil else { return (nil, nil) }
            var spans: [Span] = []
            for draft in drafts where draft.mayHoldCommitments {
                if let heading = draft.heading { spans.append(blocks[heading].span) }
                for entry in draft.entries { spans.append(blocks[entry.index].span) }
            }
            guard !spans.isEmpty else { return (nil, nil) }
            let text = TokenizedText(spans)
            // Tokens beyond what the engine keeps are not held on to (it tokenizes such a text again).
            let shared = text.tokens.count <= ScopeResolver.tokensKept ? TokenizedSpans(text) : nil
            return (partyMatches(of: drafts, in: text), shared)
        }

        /// ``partyMatches(ofBlocksIn:)``'s matches in `text`, the spans of `drafts` tokenized.
        private func partyMatches(of drafts: [SectionDraft], in text: TokenizedText) -> [DraftParties]? {
            guard let matcher = profile.parties else { return nil }
            let spans = text.spans
            var found = [[PartyMatch]](repeating: [], count: spans.count)
            var currentSpan = -1
            var seen = SeenGroups()
            for match in matcher.matches(in: text) {
                guard match.tokens.lowerBound < text.tokens.count else { return nil }
                let spanIndex = text.tokens[match.tokens.lowerBound].spanIndex
                if spanIndex != currentSpan {
                    currentSpan = spanIndex
                    seen.removeAll()
                }
                let group = match.entry.group ?? match.entry.term
                guard seen.insert(group), let excerpt = Self.excerpt(match.tokens, in: text) else { continue }
                found[spanIndex].append(PartyMatch(group: group, span: excerpt))
            }
            // The spans' matches handed back to their drafts, in the order they were put in.
            var next = 0
            return drafts.map { draft in
                guard draft.mayHoldCommitments else { return DraftParties() }
                var parties = DraftParties()
                if draft.heading != nil {
                    parties.heading = found[next]
                    next += 1
                }
                parties.entries = Array(found[next..<(next + draft.entries.count)])
                next += draft.entries.count
                return parties
            }
        }

        /// The first marker of each party in `span`, each located where it stands, by a scan of
        /// the span alone.
        func plainPartyMatches(in span: Span) -> [PartyMatch] {
            guard let matcher = profile.parties else { return [] }
            let text = TokenizedText([span])
            var seen = SeenGroups()
            var found: [PartyMatch] = []
            for match in matcher.matches(in: text) {
                let group = match.entry.group ?? match.entry.term
                guard seen.insert(group), let excerpt = Self.excerpt(match.tokens, in: text) else { continue }
                found.append(PartyMatch(group: group, span: excerpt))
            }
            return found
        }

        /// The party groups already found in a span: a short list looked through, as a span
        /// names a handful of parties, and a set once it grows, so that no span costs more than
        /// one hash per match.
        struct SeenGroups {
            private var few: [String] = []
            private var many: Set<String> = []
            /// The size beyond which groups go into the set.
            static let listLimit = 8

            /// Adds `group`; whether it was new.
            mutating func insert(_ group: String) -> Bool {
                if few.contains(group) { return false }
                if few.count < Self.listLimit {
                    few.append(group)
                    return true
                }
                return many.insert(group).inserted
            }

            mutating func removeAll() {
                few.removeAll(keepingCapacity: true)
                if !many.isEmpty { many.removeAll(keepingCapacity: true) }
            }
        }

        /// The text of `tokens` as written, as a span located in the file.
        static func excerpt(_ tokens: Range<Int>, in text: TokenizedText) -> Span? {
            guard let firstIndex = tokens.first, let range = text.range(of: tokens) else { return nil }
            let first = text.tokens[firstIndex]
            let span = text.spans[first.spanIndex]
            let excerpt = String(span.text[range])
            return span.slice(excerpt, fromScalarOffset: first.scalarOffset)
        }

        // MARK: Signatures

        /// The start of a run of blocks at the end that reads as a signature block: names, titles,
        /// a place and date line, blanks to fill in.
        private func signatureRunStart(from first: Int) -> Int? {
            var start: Int?
            var names = 0
            var others = 0
            var index = blocks.count - 1
            while index >= max(first, 0) {
                guard blocks[index].kind == .paragraph, let kinds = signatureLineKinds(blocks[index]) else { break }
                names += kinds.names
                others += kinds.others
                start = index
                index -= 1
            }
            guard let start, names > 0, others > 0 else { return nil }
            return start
        }

        /// Counts of names and of other signature lines (titles, dates, markers) in a block, or
        /// nil when a line of it is ordinary text.
        private func signatureLineKinds(_ block: TextBlock) -> (names: Int, others: Int)? {
            var names = 0
            var others = 0
            for line in lineSpans(of: block) {
                let text = line.text
                if Self.isPlaceholder(text) { continue }
                if Self.containsYear(text), Self.wordCount(text) <= 8 {
                    others += 1
                } else if isUnsignedMarker(text) {
                    others += 1
                } else if isName(text) {
                    names += 1
                } else if let comma = Self.firstComma(in: text), isName(String(text[..<comma])) {
                    names += 1
                    others += 1
                } else if Self.wordCount(text) <= 10, matchesSignatoryRole(text) {
                    others += 1
                } else {
                    return nil
                }
            }
            return (names, others)
        }

        /// Reads names, titles and the place and date line of the signature sections.
        private func signatures(in drafts: [SectionDraft]) -> (signatories: [Signatory], isUnsigned: Bool) {
            struct Draft {
                var name: Span
                var roleLines: [Span] = []
            }
            var found: [Draft] = []
            var dateLines: [Span] = []
            var sawMarker = false
            // The drafts' headings and blocks, in order, by index.
            let indices = drafts.flatMap { draft in [draft.heading].compactMap { $0 } + draft.entries.map(\.index) }
            for index in indices {
                var content: [Span] = []
                for line in lineSpans(of: blocks[index]) {
                    if Self.isPlaceholder(line.text) { continue }
                    if Self.containsYear(line.text) {
                        dateLines.append(line)
                    } else if isUnsignedMarker(line.text) {
                        sawMarker = true
                    } else {
                        content.append(line)
                    }
                }
                guard let first = content.first else { continue }
                if isName(first.text) {
                    found.append(Draft(name: first, roleLines: Array(content.dropFirst())))
                } else if let comma = first.text.firstIndex(of: ","),
                    let name = first.slice(first.text.startIndex..<comma),
                    isName(name.text)
                {
                    let rest = first.slice(first.text.index(after: comma)..<first.text.endIndex)
                    found.append(Draft(name: name, roleLines: (rest.map { [$0] } ?? []) + content.dropFirst()))
                } else if !found.isEmpty {
                    found[found.count - 1].roleLines += content
                }
            }
            let signatories = found.enumerated().map { index, draft in
                var signatory = Signatory(name: draft.name, location: draft.name.location)
                if let role = Span.joined(draft.roleLines) {
                    signatory.role = role
                    signatory.party = party(ofRole: role)
                }
                let dateLine =
                    dateLines.count == found.count
                    ? dateLines[index] : (dateLines.last { $0.location < draft.name.location } ?? dateLines.first)
                if let dateLine {
                    let (place, date) = Self.placeAndDate(dateLine)
                    signatory.place = place
                    signatory.date = date
                }
                return signatory
            }
            return (signatories, sawMarker && dateLines.isEmpty)
        }

        /// The party a title signs for: the group of the first signatory role in it, located there.
        private func party(ofRole role: Span) -> Span? {
            guard let matcher = profile.signatoryRoles else { return nil }
            let text = TokenizedText([role])
            for match in matcher.matches(in: text) {
                guard let group = match.entry.group, let first = match.tokens.first else { continue }
                return Span(group, at: text.location(of: text.tokens[first]))
            }
            return nil
        }

        /// A person's name: two to four words of letters and hyphens, the first and last
        /// capitalised, that are not a title.
        private func isName(_ text: String) -> Bool {
            Self.isNameShaped(text) && !matchesSignatoryRole(text)
        }

        /// Two to four words (split at characters whose first scalar is whitespace) of letters
        /// and hyphens, each with a letter, the first and last starting with an upper-case letter.
        ///
        /// A text whose scalars are characters of their own (see
        /// ``TextReadingProfile/isCharacterAlone(_:)``) has the words of its scalars, read in one
        /// pass without splitting it; other text is split by characters.
        static func isNameShaped(_ text: String) -> Bool {
            let scalars = text.unicodeScalars
            guard scalars.allSatisfy(TextReadingProfile.isCharacterAlone) else { return isNameShapedByCharacters(text) }
            var words = 0
            var inWord = false
            var hasLetter = false
            var lastInitial: Unicode.Scalar = " "
            for scalar in scalars {
                if TextLayout.isWhitespace(scalar) {
                    if inWord, !hasLetter { return false }
                    inWord = false
                    continue
                }
                let isLetter = TextLayout.isAlphabetic(scalar)
                guard isLetter || scalar == "-" else { return false }
                if !inWord {
                    inWord = true
                    hasLetter = false
                    words += 1
                    guard words <= 4 else { return false }
                    // The first word's initial is checked here, the last one's at the end.
                    if words == 1, !isUppercase(scalar) { return false }
                    lastInitial = scalar
                }
                hasLetter = hasLetter || isLetter
            }
            guard !inWord || hasLetter, words >= 2 else { return false }
            return isUppercase(lastInitial)

            func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
                scalar.isASCII ? ("A"..."Z").contains(scalar) : scalar.properties.isUppercase
            }
        }

        /// ``isNameShaped(_:)`` by characters, for any text.
        static func isNameShapedByCharacters(_ text: String) -> Bool {
            let words = text.split { TextLayout.isWhitespace($0.unicodeScalars.first ?? " ") }
            guard (2...4).contains(words.count) else { return false }
            for word in words {
                guard word.unicodeScalars.allSatisfy({ TextLayout.isAlphabetic($0) || $0 == "-" }),
                    word.unicodeScalars.contains(where: TextLayout.isAlphabetic)
                else { return false }
            }
            for word in [words[0], words[words.count - 1]] {
                guard let initial = word.unicodeScalars.first, initial.properties.isUppercase else { return false }
            }
            return true
        }

        private func matchesSignatoryRole(_ text: String) -> Bool {
            guard let matcher = profile.signatoryRoles else { return false }
            return matcher.containsMatch(in: TokenizedText([Span(text, at: .start)]))
        }

        private func isUnsignedMarker(_ text: String) -> Bool {
            let trimmed = Self.trimmedOfWhitespaces(text)
            // Folded once for all the patterns; counted in UTF-16 only when one is run.
            let folded = PatternLiterals.Folded(trimmed)
            var range: NSRange?
            for (regex, literals) in zip(profile.unsignedMarkers, profile.unsignedLiterals) {
                guard literals?.mayMatch(in: folded) ?? true else { continue }
                let whole = range ?? NSRange(location: 0, length: TextLayout.utf16Count(trimmed))
                range = whole
                if regex.firstMatch(in: trimmed, range: whole, before: deadline) != nil { return true }
            }
            return false
        }

        /// `text.trimmingCharacters(in: .whitespaces)`: a text that starts and ends with a scalar
        /// that is no whitespace at all (as the lines of a block do) is that text, without asking
        /// Foundation. (`.whitespaces` is the spaces, Zs, and tab: whitespace all of them.)
        static func trimmedOfWhitespaces(_ text: String) -> String {
            let scalars = text.unicodeScalars
            if let first = scalars.first, let last = scalars.last, !TextLayout.isWhitespace(first),
                !TextLayout.isWhitespace(last)
            {
                return text
            }
            return text.trimmingCharacters(in: .whitespaces)
        }

        /// The lines of a block, each a span at its place in the file.
        private func lineSpans(of block: TextBlock) -> [Span] {
            Self.lineSpans(of: block.span)
        }

        /// The lines of a block's span (joined with one space, line starts ascending), each cut
        /// from its text in one piece, the text walked once.
        static func lineSpans(of span: Span) -> [Span] {
            let count = span.lineStartCount
            guard count > 1 else { return [span] }
            let scalars = span.text.unicodeScalars
            var position = scalars.startIndex
            var offset = 0
            func index(at target: Int) -> String.Index {
                while offset < target, position < scalars.endIndex {
                    position = scalars.index(after: position)
                    offset += 1
                }
                return position
            }
            return (0..<count).map { line in
                let start = span.lineStart(at: line)
                let lower = index(at: start.offset)
                // Lines are joined with one space.
                let upper = line + 1 < count ? index(at: span.lineStart(at: line + 1).offset - 1) : scalars.endIndex
                return Span(String(scalars[lower..<max(lower, upper)]), at: start.location, isVerbatim: true)
            }
        }

        /// Dots, underscores or dashes to write on.
        static func isPlaceholder(_ text: String) -> Bool {
            var marks = 0
            for scalar in text.unicodeScalars {
                if [".", "_", "…", "-", "–", "—"].contains(scalar) {
                    marks += 1
                } else if !TextLayout.isWhitespace(scalar) {
                    return false
                }
            }
            return marks >= 3
        }

        /// Whether four digits standing alone make a year from 1900 to 2099.
        static func containsYear(_ text: String) -> Bool {
            var run = 0
            var value = 0
            // Digits are ASCII: every byte of another scalar ends a run as the scalar would.
            for byte in text.utf8 {
                if (0x30...0x39).contains(byte) {
                    run += 1
                    // Only a run of four can be a year; a longer one would overflow.
                    if run <= 4 { value = value * 10 + Int(byte - 0x30) }
                    continue
                }
                if run == 4, (1900...2099).contains(value) { return true }
                run = 0
                value = 0
            }
            return run == 4 && (1900...2099).contains(value)
        }

        static func wordCount(_ text: String) -> Int {
            scalarWordCount(text) ?? text.split { $0.isWhitespace }.count
        }

        /// The number of words of a text whose scalars are characters of their own (see
        /// ``TextReadingProfile/isCharacterAlone(_:)``), counted scalar by scalar; nil for other text.
        ///
        /// For such text it is the number of words split at whitespace characters, and at
        /// characters whose first scalar is whitespace (CR LF is whitespace either way).
        static func scalarWordCount(_ text: String) -> Int? {
            var count = 0
            var inWord = false
            for scalar in text.unicodeScalars {
                guard TextReadingProfile.isCharacterAlone(scalar) else { return nil }
                if TextLayout.isWhitespace(scalar) {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    count += 1
                }
            }
            return count
        }

        /// `text.firstIndex(of: ",")`, found among scalars when every scalar before the comma and
        /// the one after it are characters of their own.
        static func firstComma(in text: String) -> String.Index? {
            let scalars = text.unicodeScalars
            var index = scalars.startIndex
            while index < scalars.endIndex {
                let scalar = scalars[index]
                guard TextReadingProfile.isCharacterAlone(scalar) else { return text.firstIndex(of: ",") }
                if scalar == "," {
                    let next = scalars.index(after: index)
                    guard next == scalars.endIndex || TextReadingProfile.isCharacterAlone(scalars[next]) else {
                        return text.firstIndex(of: ",")
                    }
                    return index
                }
                index = scalars.index(after: index)
            }
            return nil
        }

        /// A place and date line: the place is what stands before the first comma, or the
        /// capitalised words the line starts with; the date runs from the first digit to the end.
        static func placeAndDate(_ line: Span) -> (place: Span?, date: Span?) {
            let text = line.text
            let scalars = text.unicodeScalars
            guard let digit = scalars.firstIndex(where: { ("0"..."9").contains($0) }) else { return (nil, nil) }
            var dateEnd = text.endIndex
            while dateEnd > digit, let previous = scalars[..<dateEnd].last,
                previous == "." || TextLayout.isWhitespace(previous)
            {
                dateEnd = scalars.index(before: dateEnd)
            }
            let date = line.slice(digit..<dateEnd)
            var place: Span?
            if let comma = text.firstIndex(of: ","), comma < digit {
                place = line.slice(text.startIndex..<comma)
            } else {
                var end = text.startIndex
                for word in text[..<digit].split(whereSeparator: \.isWhitespace) {
                    guard let initial = word.unicodeScalars.first, initial.properties.isUppercase else { break }
                    end = word.endIndex
                }
                place = end > text.startIndex ? line.slice(text.startIndex..<end) : nil
            }
            return (place, date)
        }

        // MARK: Area

        /// The area, from the first place that names it: front matter, title, body, file name.
        private func findArea(in document: inout Document, frontMatter: FrontMatter) {
            if let area = frontMatter.area {
                document.area = area
                document.areaSource = .frontMatter
                return
            }
            if let title = document.title,
                let area = Self.area(
                    in: title, patterns: profile.titleArea, literals: profile.titleAreaLiterals, before: deadline)
            {
                document.area = area
                document.areaSource = .title
                document.notes.append("area '\(area.text)' taken from the title")
                return
            }
            if !profile.bodyArea.isEmpty {
                func area(in span: Span) -> Span? {
                    Self.area(
                        in: span, patterns: profile.bodyArea, literals: profile.bodyAreaLiterals, before: deadline)
                }
                // The first area of a heading or block, section by section.
                func firstArea(in sections: [Section]) -> Span? {
                    for section in sections {
                        if let heading = section.heading, let area = area(in: heading) { return area }
                        for span in section.blocks {
                            if let area = area(in: span) { return area }
                        }
                    }
                    return nil
                }
                if let area = firstArea(in: document.sections) {
                    document.area = area
                    document.areaSource = .body
                    document.notes.append("area '\(area.text)' taken from the text")
                    return
                }
            }
            if let name = Self.areaGuess(fromPath: document.path) {
                document.area = Span(name, at: .start)
                document.areaSource = .fileName
                document.notes.append("area '\(name)' guessed from the file name")
            }
        }

        /// The `area` group of the earliest match of any of `patterns` in `span`; a pattern whose
        /// `literals` the text does not hold is not run.
        static func area(
            in span: Span, patterns: [NSRegularExpression], literals: [PatternLiterals?],
            before deadline: RegexDeadline
        ) -> Span? {
            let text = span.text
            lazy var whole = NSRange(location: 0, length: TextLayout.utf16Count(text))
            lazy var folded = PatternLiterals.Folded(text)
            var best: NSRange?
            for (regex, literals) in zip(patterns, literals) {
                guard literals?.mayMatch(in: folded) ?? true,
                    let match = regex.firstMatch(in: text, range: whole, before: deadline)
                else { continue }
                let group = match.range(withName: "area")
                guard group.location != NSNotFound, group.length > 0 else { continue }
                if best == nil || group.location < best?.location ?? Int.max { best = group }
            }
            guard let best, let range = Range(best, in: text) else { return nil }
            return span.slice(range)
        }

        /// The file's name without digits, dashes and underscores, each word capitalised:
        /// `norrvik-2025_2026.txt` → `Norrvik`.
        static func areaGuess(fromPath path: String) -> String? {
            let stem = simpleFileStem(path).map(String.init) ?? fileStem(path)
            let words = stem.split { $0 == "-" || $0 == "_" || $0.isWhitespace || $0.isNumber }
            let name = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
            return name.contains(where: \.isLetter) ? name : nil
        }

        /// The file's name without its extension, as Foundation's `URL` reads it.
        static func fileStem(_ path: String) -> String {
            URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        }

        /// ``fileStem(_:)`` of a path whose last part is a name without dots and an extension of
        /// ASCII letters and digits (`norrvik-2025.txt`, as promises are saved), cut from the
        /// path without building a `URL`; nil for any other path.
        static func simpleFileStem(_ path: String) -> Substring? {
            let utf8 = path.utf8
            guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")) else { return nil }
            let pathExtension = utf8[utf8.index(after: dot)...]
            guard !pathExtension.isEmpty,
                pathExtension.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x7A).contains($0 | 0x20) })
            else { return nil }
            // `/` and `.` are ASCII: the indices stand between scalars.
            let start = utf8[..<dot].lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
            guard start < dot, !utf8[start..<dot].contains(UInt8(ascii: ".")) else { return nil }
            return path[start..<dot]
        }
    }
}
