/// What stands around a pattern's required letters, read from the pattern, so that a text whose
/// occurrences of the letters are in the wrong company is not matched at all.
///
/// `…\s+[Kk]ommuns?\b` requires `ommun`, which most paragraphs hold ("kommunen"); only an
/// occurrence with `k` and whitespace before it and a word boundary or `s` after it can be part of
/// a match. Likewise `^uppföljning:?$` needs its letters at the end of the heading.
///
/// The pattern is read as a sequence of pieces a small backtracking matcher understands: ASCII
/// literals and sets, `.`, `\s`, `\d`, `\w`, `\b`, `^`, `$`, groups with alternatives (optional at
/// most) and counted repetitions of single characters. Anything else (lookarounds, other escapes,
/// repeated groups) is an unknown piece that the matcher takes to match. Like the letters, the
/// test is exact: it only says "no match" when the pattern cannot match. Letters are compared
/// without case whatever the pattern's flags say, `^` and `$` also match at line breaks and `.`
/// matches any scalar, so the matcher allows at least what the pattern does; and wherever a
/// piece meets a scalar outside ASCII (the ``PatternLiterals/Folded`` text has only harmless
/// ones), it gives up and answers "may match", except at `^` and `$`, which know the harmless
/// scalars that break lines (U+0085, U+2028, U+2029) from those that do not.
extension PatternLiterals {
    /// A set of ASCII bytes.
    struct ByteSet: Equatable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        func contains(_ byte: UInt8) -> Bool {
            byte < 64 ? low & (1 << UInt64(byte)) != 0 : byte < 128 && high & (1 << UInt64(byte - 64)) != 0
        }

        /// Adds `byte`, and for a letter the other case too.
        mutating func insert(_ byte: UInt8) {
            guard byte < 128 else { return }
            for member in Self.isLetter(byte) ? [byte | 0x20, byte & ~0x20] : [byte] {
                if member < 64 { low |= 1 << UInt64(member) } else { high |= 1 << UInt64(member - 64) }
            }
        }

        mutating func insert(_ range: ClosedRange<UInt8>) {
            for byte in range { insert(byte) }
        }

        mutating func formUnion(_ other: ByteSet) {
            low |= other.low
            high |= other.high
        }

        /// The ASCII bytes not in the set.
        var inverted: ByteSet { ByteSet(low: ~low, high: ~high) }

        static func isLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte | 0x20) }

        /// Whitespace, generously: what `\s` matches in ASCII and the separators U+001C–U+001F.
        static let whitespace: ByteSet = {
            var set = ByteSet()
            set.insert(0x09...0x0D)
            set.insert(0x1C...0x20)
            return set
        }()
        static let digits: ByteSet = {
            var set = ByteSet()
            set.insert(0x30...0x39)
            return set
        }()
        static let letters: ByteSet = {
            var set = ByteSet()
            set.insert(0x61...0x7A)
            return set
        }()
        static let wordCharacters: ByteSet = {
            var set = letters
            set.formUnion(digits)
            set.insert(UInt8(ascii: "_"))
            return set
        }()
        static let all = ByteSet(low: ~0, high: ~0)
    }

    /// One piece of a pattern, as the matcher understands it.
    indirect enum Piece: Equatable {
        /// One scalar of `set`, repeated `min` to `max` times (`max` nil: without limit). An empty
        /// set stands for a scalar outside ASCII that matches no ASCII scalar in any case.
        case bytes(ByteSet, min: Int, max: Int?)
        case wordBoundary
        case lineStart
        case lineEnd
        /// A group: one of its alternatives, each a sequence of pieces.
        case group([[Piece]], isOptional: Bool)
        /// Something the matcher does not read: it may match anything.
        case unknown

        /// Whether the piece is, or holds, one the matcher does not read.
        var holdsUnknown: Bool {
            switch self {
            case .unknown: true
            case .group(let alternatives, _): alternatives.contains { $0.contains(where: \.holdsUnknown) }
            default: false
            }
        }

        /// The same piece for matching from right to left.
        var reversed: Piece {
            guard case .group(let alternatives, let isOptional) = self else { return self }
            return .group(alternatives.map { $0.reversed().map(\.reversed) }, isOptional: isOptional)
        }

        /// The one byte a piece matches, once: a literal (in either case for a letter).
        var literal: UInt8? {
            guard case .bytes(let set, 1, 1) = self else { return nil }
            let members = (0..<128).filter { set.contains(UInt8($0)) }
            if members.count == 1 { return UInt8(members[0]) }
            if members.count == 2, ByteSet.isLetter(UInt8(members[0])) { return UInt8(members[0]) | 0x20 }
            return nil
        }
    }

    /// Where the required letters stand among a pattern's pieces, and the pieces around them.
    struct Context: Equatable {
        /// The pieces before the letters, last first, for matching leftwards from them.
        let before: Program
        /// The pieces after the letters.
        let after: Program

        /// The context of `required` in `pattern`: the pieces around the first place where the
        /// pattern's top-level pieces are those letters one after another; nil when the pattern
        /// cannot be read or has no such place.
        ///
        /// With no letters required, the whole pattern is what stands after them, and it is
        /// tried at every place of a text; then nil also when the pattern has a piece the matcher
        /// does not read, which would answer "may match" everywhere.
        init?(pattern: String, required: [UInt8]) {
            var reader = PatternReader(pattern)
            guard let read = reader.sequence(depth: 0), reader.isAtEnd else { return nil }
            if required.isEmpty, read.contains(where: \.holdsUnknown) { return nil }
            // `b+` is `b` and `b*`: the required letters may end with the first `b`.
            let pieces = read.flatMap { piece -> [Piece] in
                guard case .bytes(let set, let min, let max) = piece, min >= 1, max != 1,
                    Piece.bytes(set, min: 1, max: 1).literal != nil
                else { return [piece] }
                return [.bytes(set, min: 1, max: 1), .bytes(set, min: min - 1, max: max.map { $0 - 1 })]
            }
            let literals = pieces.map(\.literal)
            guard pieces.count >= required.count,
                let start = (0...(pieces.count - required.count)).first(where: { start in
                    required.indices.allSatisfy { literals[start + $0] == required[$0] }
                })
            else { return nil }
            before = Program(pieces[..<start].reversed().map(\.reversed))
            after = Program(Array(pieces[(start + required.count)...]))
        }

        /// Whether some occurrence of `required` in `text` (ASCII letters lower-cased) has what
        /// the pattern needs before and after it, or the matcher gives up on the question; with
        /// no letters required, whether the pattern may match from some place of `text`.
        func mayMatch(_ text: [UInt8], required: [UInt8]) -> Bool {
            guard text.count >= required.count else { return false }
            // One allowance for all the occurrences: a text that makes the matcher work this hard
            // is left to ICU.
            var matcher = ContextMatcher(text: text)
            guard let first = required.first else {
                // `before` is empty: the whole pattern is `after`, tried where a scalar starts
                // (a continuation byte is 10xxxxxx), as ICU tries it, and at the end.
                for start in 0...text.count where start == text.count || text[start] & 0xC0 != 0x80 {
                    if matcher.matches(after, at: start, forwards: true) { return true }
                }
                return false
            }
            var start = 0
            while start + required.count <= text.count {
                defer { start += 1 }
                guard text[start] == first else { continue }
                var offset = 1
                while offset < required.count, text[start + offset] == required[offset] { offset += 1 }
                guard offset == required.count else { continue }
                if matcher.matches(before, at: start, forwards: false),
                    matcher.matches(after, at: start + required.count, forwards: true)
                {
                    return true
                }
            }
            return false
        }
    }

    /// Pieces compiled for ``ContextMatcher``: operations run in order, a group becoming a split
    /// to its alternatives, each of which jumps to what follows the group.
    struct Program: Equatable {
        struct Operation: Equatable {
            enum Kind: UInt8 { case bytes, wordBoundary, lineStart, lineEnd, split, jump, accept, giveUp }
            var kind: Kind
            var set = ByteSet()
            var min = 1
            /// `Int.max`: without limit.
            var max = 1
            /// Where a jump goes.
            var target = 0
            /// For a split, the range of `branches` it tries.
            var branches: Range<Int> = 0..<0
        }

        private(set) var operations: [Operation] = []
        /// Where the splits go.
        private(set) var branches: [Int] = []

        init(_ pieces: [Piece]) {
            append(pieces)
            operations.append(Operation(kind: .accept))
        }

        private mutating func append(_ pieces: [Piece]) {
            for piece in pieces {
                switch piece {
                case .bytes(let set, let min, let max):
                    operations.append(Operation(kind: .bytes, set: set, min: min, max: max ?? .max))
                case .wordBoundary: operations.append(Operation(kind: .wordBoundary))
                case .lineStart: operations.append(Operation(kind: .lineStart))
                case .lineEnd: operations.append(Operation(kind: .lineEnd))
                case .unknown: operations.append(Operation(kind: .giveUp))
                case .group(let alternatives, let isOptional):
                    let split = operations.count
                    operations.append(Operation(kind: .split))
                    var starts: [Int] = []
                    var jumps: [Int] = []
                    for alternative in alternatives {
                        starts.append(operations.count)
                        append(alternative)
                        jumps.append(operations.count)
                        operations.append(Operation(kind: .jump))
                    }
                    let end = operations.count
                    for jump in jumps { operations[jump].target = end }
                    if isOptional { starts.append(end) }
                    operations[split].branches = branches.count..<(branches.count + starts.count)
                    branches += starts
                }
            }
        }
    }

    /// A backtracking matcher of a ``Program`` on ASCII text; it answers true ("may match") when
    /// it meets an unknown piece or a scalar outside ASCII, or when it has taken too many steps.
    struct ContextMatcher {
        let text: [UInt8]
        /// What is left of the steps (operations run and bytes read) it may take.
        private var steps: Int
        /// Reading rightwards (1) or leftwards (-1).
        private var step = 1

        init(text: [UInt8]) {
            self.text = text
            steps = 10_000 + 16 * text.count
        }

        /// Whether `program` matches at `position`, reading rightwards or leftwards.
        mutating func matches(_ program: Program, at position: Int, forwards: Bool) -> Bool {
            step = forwards ? 1 : -1
            return match(program, from: 0, at: position)
        }

        private func isWord(_ byte: UInt8?) -> Bool { byte.map(ByteSet.wordCharacters.contains) ?? false }

        /// Whether the scalar before `position` (a scalar boundary after the start) may end a
        /// line: an ASCII line break, or U+0085, U+2028 or U+2029, the harmless scalars that do.
        private func isLineBreak(endingAt position: Int) -> Bool {
            let previous = text[position - 1]
            if previous < 0x80 { return (0x0A...0x0D).contains(previous) }
            if previous == 0x85 { return position >= 2 && text[position - 2] == 0xC2 }
            return (previous == 0xA8 || previous == 0xA9) && position >= 3 && text[position - 3] == 0xE2
                && text[position - 2] == 0x80
        }

        /// Whether the scalar at `position` (a scalar boundary before the end) may end a line.
        private func isLineBreak(startingAt position: Int) -> Bool {
            let next = text[position]
            if next < 0x80 { return (0x0A...0x0D).contains(next) }
            if next == 0xC2 { return position + 1 < text.count && text[position + 1] == 0x85 }
            return next == 0xE2 && position + 2 < text.count && text[position + 1] == 0x80
                && (text[position + 2] == 0xA8 || text[position + 2] == 0xA9)
        }

        /// Whether `program` matches from operation `start` at `position`; true also whenever the
        /// matcher gives up.
        private mutating func match(_ program: Program, from start: Int, at position: Int) -> Bool {
            var index = start
            var position = position
            while index < program.operations.count {
                steps -= 1
                if steps < 0 { return true }
                let operation = program.operations[index]
                index += 1
                switch operation.kind {
                case .accept, .giveUp:
                    return true
                case .jump:
                    index = operation.target
                case .split:
                    for branch in program.branches[operation.branches] {
                        if match(program, from: branch, at: position) { return true }
                    }
                    return false
                case .wordBoundary:
                    let previous = position > 0 ? text[position - 1] : nil
                    let next = position < text.count ? text[position] : nil
                    if previous ?? 0 >= 0x80 || next ?? 0 >= 0x80 { return true }
                    guard isWord(previous) != isWord(next) else { return false }
                case .lineStart:
                    guard position > 0 else { continue }
                    guard isLineBreak(endingAt: position) else { return false }
                case .lineEnd:
                    guard position < text.count else { continue }
                    guard isLineBreak(startingAt: position) else { return false }
                case .bytes:
                    var count = 0
                    // The byte read next is at `position` rightwards, before it leftwards.
                    let offset = step > 0 ? 0 : -1
                    while count < operation.max, position + offset >= 0, position + offset < text.count {
                        let byte = text[position + offset]
                        if byte >= 0x80 { return true }
                        guard operation.set.contains(byte) else { break }
                        count += 1
                        position += step
                    }
                    steps -= count
                    if count < operation.min { return false }
                    if count == operation.min { continue }
                    while count >= operation.min {
                        if match(program, from: index, at: position) { return true }
                        count -= 1
                        position -= step
                    }
                    return false
                }
            }
            return true
        }
    }

    /// Reads a pattern into ``Piece``s.
    struct PatternReader {
        let scalars: [Unicode.Scalar]
        var position = 0

        init(_ pattern: String) {
            scalars = Array(pattern.unicodeScalars)
        }

        var isAtEnd: Bool { position == scalars.count }

        private var next: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

        /// The pieces up to a `)` or the end; nil for syntax the reader does not follow, or an
        /// alternative at depth 0.
        mutating func sequence(depth: Int) -> [Piece]? {
            guard let alternatives = alternatives(depth: depth), alternatives.count == 1 else { return nil }
            return alternatives[0]
        }

        private mutating func alternatives(depth: Int) -> [[Piece]]? {
            var alternatives: [[Piece]] = [[]]
            while let scalar = next {
                if scalar == ")" {
                    guard depth > 0 else { return nil }
                    return alternatives
                }
                if scalar == "|" {
                    guard depth > 0 else { return nil }
                    position += 1
                    alternatives.append([])
                    continue
                }
                guard let piece = self.piece(depth: depth) else { return nil }
                alternatives[alternatives.count - 1].append(piece)
            }
            return depth == 0 ? alternatives : nil
        }

        /// One piece and its quantifier.
        private mutating func piece(depth: Int) -> Piece? {
            guard let scalar = next else { return nil }
            position += 1
            var piece: Piece
            switch scalar {
            case "(":
                guard let group = group(depth: depth) else { return nil }
                piece = group
            case "[":
                let start = position - 1
                guard let end = PatternLiterals.endOfSet(scalars, from: start) else { return nil }
                position = end
                piece = Self.set(scalars[(start + 1)..<(end - 1)]).map { .bytes($0, min: 1, max: 1) } ?? .unknown
            case "\\":
                guard let end = PatternLiterals.endOfEscape(scalars, at: position - 1) else { return nil }
                piece = Self.escape(scalars[position..<end])
                position = end
            case ".":
                piece = .bytes(.all, min: 1, max: 1)
            case "^":
                piece = .lineStart
            case "$":
                piece = .lineEnd
            case "?", "*", "+", "{":
                return nil
            case "]", "}":
                piece = .unknown
            default:
                piece = Self.literal(scalar).map { .bytes($0, min: 1, max: 1) } ?? .unknown
            }
            let min: Int
            let max: Int?
            switch quantifier() {
            case .none: return piece
            case .invalid: return nil
            case .bounds(let lower, let upper): (min, max) = (lower, upper)
            }
            switch piece {
            case .bytes(let set, 1, 1):
                piece = .bytes(set, min: min, max: max)
            case .group(let alternatives, false) where min == 0 && max == 1:
                piece = .group(alternatives, isOptional: true)
            case .group(_, false) where min == 1 && max == 1:
                break
            default:
                piece = .unknown
            }
            return piece
        }

        /// A group after its `(`, through its `)`.
        private mutating func group(depth: Int) -> Piece? {
            var isKnown = true
            if next == "?" {
                position += 1
                switch next {
                case ":":
                    position += 1
                case "<" where position + 1 < scalars.count && !["=", "!"].contains(scalars[position + 1]):
                    // A named group.
                    guard let close = scalars[position...].firstIndex(of: ">") else { return nil }
                    position = close + 1
                case "=", "!", "<", ">":
                    // Lookaround and atomic groups: read to find their end, not matched.
                    isKnown = false
                    position += next == "<" ? 2 : 1
                default:
                    // Flags, alone (`(?-i)`) or for a group (`(?i:…)`).
                    while let flag = next, flag != ")" && flag != ":" {
                        guard ["i", "m", "s", "-"].contains(flag) else { return nil }
                        position += 1
                    }
                    if next == ")" {
                        position += 1
                        return .group([[]], isOptional: false)
                    }
                    position += 1
                }
            }
            guard let alternatives = alternatives(depth: depth + 1), next == ")" else { return nil }
            position += 1
            return isKnown ? .group(alternatives, isOptional: false) : .unknown
        }

        enum Quantifier {
            case none
            /// From `min` to `max` repetitions; `max` nil: without limit.
            case bounds(min: Int, max: Int?)
            /// Syntax the reader does not follow.
            case invalid
        }

        /// The repetitions the quantifier after a piece allows.
        private mutating func quantifier() -> Quantifier {
            let bounds: Quantifier
            switch next {
            case "?": bounds = .bounds(min: 0, max: 1)
            case "*": bounds = .bounds(min: 0, max: nil)
            case "+": bounds = .bounds(min: 1, max: nil)
            case "{":
                guard let close = scalars[position...].firstIndex(of: "}") else { return .invalid }
                let parts = String(String.UnicodeScalarView(scalars[(position + 1)..<close]))
                    .split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
                guard let first = parts.first, first.count <= 6, let min = Int(first) else { return .invalid }
                var max: Int? = min
                if parts.count == 2 {
                    if parts[1].isEmpty {
                        max = nil
                    } else {
                        guard parts[1].count <= 6, let upper = Int(parts[1]), upper >= min else { return .invalid }
                        max = upper
                    }
                }
                bounds = .bounds(min: min, max: max)
                position = close
            default:
                return .none
            }
            position += 1
            // Lazy and possessive forms allow no repetitions the greedy one does not.
            if next == "?" || next == "+" { position += 1 }
            if let next, ["?", "*", "+", "{"].contains(next) { return .invalid }
            return bounds
        }

        /// The set of one literal scalar: ASCII (in either case for a letter), or empty for a
        /// scalar outside ASCII that no ASCII scalar matches; nil for any other.
        private static func literal(_ scalar: Unicode.Scalar) -> ByteSet? {
            if scalar.value < 0x80 {
                var set = ByteSet()
                set.insert(UInt8(scalar.value))
                return set
            }
            return isHarmless(scalar) ? ByteSet() : nil
        }

        /// A scalar outside ASCII whose case variants are outside ASCII too (see
        /// ``PatternLiterals/harmlessLength(_:at:)``).
        private static func isHarmless(_ scalar: Unicode.Scalar) -> Bool {
            (0xA0...0xFF).contains(scalar.value) && scalar != "\u{DF}" || (0x2000...0x203F).contains(scalar.value)
        }

        /// The piece an escape stands for, the backslash left out.
        private static func escape(_ escaped: ArraySlice<Unicode.Scalar>) -> Piece {
            guard let first = escaped.first else { return .unknown }
            switch first {
            case "b": return escaped.count == 1 ? .wordBoundary : .unknown
            case "A": return .lineStart
            case "z", "Z": return .lineEnd
            default: return classEscape(escaped).map { .bytes($0, min: 1, max: 1) } ?? .unknown
            }
        }

        /// The bytes an escape that matches one scalar may match: a class, a property, a control
        /// character or escaped punctuation; nil for any other.
        private static func classEscape(_ escaped: ArraySlice<Unicode.Scalar>) -> ByteSet? {
            guard let first = escaped.first else { return nil }
            var set = ByteSet()
            switch first {
            case "s": set = .whitespace
            case "d": set = .digits
            case "w": set = .wordCharacters
            case "t": set.insert(0x09)
            case "n": set.insert(0x0A)
            case "f": set.insert(0x0C)
            case "r": set.insert(0x0D)
            case "p":
                let name = String(String.UnicodeScalarView(escaped.dropFirst()))
                switch name {
                case "{L}", "{Lu}", "{Ll}": set = .letters
                case "{N}", "{Nd}": set = .digits
                case "{Z}", "{Zs}": set.insert(0x20)
                default: return nil
                }
            default:
                guard escaped.count == 1, first.value < 0x80, !ByteSet.isLetter(UInt8(first.value)),
                    !("0"..."9").contains(first)
                else { return nil }
                set.insert(UInt8(first.value))
            }
            return set
        }

        /// The bytes a bracket set (its inside) may match, nil when it holds anything but literals,
        /// ranges of ASCII and class escapes, or is negated with letters in it.
        private static func set(_ inside: ArraySlice<Unicode.Scalar>) -> ByteSet? {
            var scalars = inside
            let isNegated = scalars.first == "^"
            if isNegated { scalars.removeFirst() }
            var set = ByteSet()
            var index = scalars.startIndex
            while index < scalars.endIndex {
                let scalar = scalars[index]
                if scalar == "\\" {
                    guard let end = PatternLiterals.endOfEscape(Array(scalars), at: index - scalars.startIndex),
                        let members = classEscape(scalars[(index + 1)..<(scalars.startIndex + end)])
                    else { return nil }
                    set.formUnion(members)
                    index = scalars.startIndex + end
                    continue
                }
                if ["[", "]", "&"].contains(scalar) { return nil }
                if scalar == "-" {
                    // A dash is a literal only first or last.
                    guard index == scalars.startIndex || index + 1 == scalars.endIndex else { return nil }
                    set.insert(UInt8(ascii: "-"))
                    index += 1
                    continue
                }
                if index + 2 < scalars.endIndex, scalars[index + 1] == "-" {
                    let upper = scalars[index + 2]
                    guard scalar.value < 0x80, upper.value < 0x80, scalar <= upper, upper != "\\", upper != "[" else {
                        return nil
                    }
                    set.insert(UInt8(scalar.value)...UInt8(upper.value))
                    index += 3
                    continue
                }
                if scalar.value < 0x80 {
                    set.insert(UInt8(scalar.value))
                } else if !isHarmless(scalar) {
                    return nil
                }
                index += 1
            }
            guard isNegated else { return set }
            // Whether case closing comes before or after negating, letters may match.
            guard set.high & ByteSet.letters.high == 0 else { return nil }
            return set.inverted
        }
    }
}
