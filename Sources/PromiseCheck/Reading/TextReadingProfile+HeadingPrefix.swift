/// The letters every heading a section pattern matches must start with, to skip the pattern
/// cheaply on a heading that does not.
///
/// Most heading patterns start with `^` and a word (`^uppföljning:?$`), and most headings match
/// none of them, so testing the first letters saves running the regular expression. The test is
/// exact: it never skips a pattern that could match. Only ASCII letters, digits and spaces of the
/// pattern are used, and a heading scalar outside ASCII stops the test (`ſ`, `K` or `ß` match
/// ASCII letters case-insensitively), so within the compared part an ASCII letter matches only
/// itself in either case.
struct HeadingPrefix: Sendable, Equatable {
    /// Lower-case ASCII bytes.
    let bytes: [UInt8]

    /// The literal start of `pattern`, or nil when it has none that can be relied on: the
    /// pattern does not start with `^`, a letter of the start is optional (`^ab?`), or the
    /// pattern has an alternative outside parentheses (`^ab|cd`) or syntax that could hide one.
    init?(pattern: String) {
        let scalars = Array(pattern.unicodeScalars)
        guard scalars.first == "^", Self.hasNoTopLevelAlternative(scalars) else { return nil }
        var bytes: [UInt8] = []
        var index = 1
        while index < scalars.count, let byte = Self.literalByte(scalars[index]) {
            bytes.append(byte)
            index += 1
        }
        // A quantifier that allows zero repetitions applies to the last letter.
        if index < scalars.count, ["?", "*", "{"].contains(scalars[index]), !bytes.isEmpty { bytes.removeLast() }
        guard !bytes.isEmpty else { return nil }
        self.bytes = bytes
    }

    /// A scalar that matches only itself (in either case, for letters), lower-cased.
    private static func literalByte(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar {
        case "a"..."z", "0"..."9", " ": UInt8(scalar.value)
        case "A"..."Z": UInt8(scalar.value) | 0x20
        default: nil
        }
    }

    /// Whether every `|` of the pattern is inside parentheses, so `^` anchors every match.
    ///
    /// Escapes, `\Q…\E` quotes and `[…]` sets (nested ones too) are skipped; comments and the
    /// `x` flag, which could hide brackets, make the answer no.
    private static func hasNoTopLevelAlternative(_ scalars: [Unicode.Scalar]) -> Bool {
        var depth = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\\":
                if index + 1 < scalars.count, scalars[index + 1] == "Q" {
                    guard let end = endOfQuote(scalars, from: index + 2) else { return false }
                    index = end
                    continue
                }
                index += 2
                continue
            case "[":
                guard let end = endOfSet(scalars, from: index) else { return false }
                index = end
                continue
            case "(":
                if index + 1 < scalars.count, scalars[index + 1] == "?" {
                    var flag = index + 2
                    if flag < scalars.count, scalars[flag] == "#" { return false }
                    while flag < scalars.count, scalars[flag].properties.isAlphabetic || scalars[flag] == "-" {
                        if scalars[flag] == "x" { return false }
                        flag += 1
                    }
                }
                depth += 1
            case ")":
                depth -= 1
                if depth < 0 { return false }
            case "|":
                if depth == 0 { return false }
            default:
                break
            }
            index += 1
        }
        return true
    }

    /// The index after the `\E` that ends a quote starting at `start`, or the end of the pattern.
    private static func endOfQuote(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index + 1 < scalars.count {
            if scalars[index] == "\\", scalars[index + 1] == "E" { return index + 2 }
            index += 1
        }
        return nil
    }

    /// The index after the `]` that closes the set opened at `start`, or nil when that is unclear.
    private static func endOfSet(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var depth = 0
        var index = start
        while index < scalars.count {
            switch scalars[index] {
            case "\\":
                index += 2
                continue
            case "[":
                depth += 1
                var next = index + 1
                if next < scalars.count, scalars[next] == "^" { next += 1 }
                // A `]` first in a set may be a literal or close it: not worth knowing which.
                if next < scalars.count, scalars[next] == "]" { return nil }
                index = next
                continue
            case "]":
                depth -= 1
                if depth == 0 { return index + 1 }
            default:
                break
            }
            index += 1
        }
        return nil
    }

    /// Whether a heading (as patterns see it) may start with the prefix: false only when an ASCII
    /// scalar of it differs from the prefix, or it ends before the prefix does.
    func mayStart(_ heading: String) -> Bool {
        var utf8 = heading.utf8.makeIterator()
        for expected in bytes {
            guard let byte = utf8.next() else { return false }
            if byte >= 0x80 { return true }
            let folded = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            if folded != expected { return false }
        }
        return true
    }
}
