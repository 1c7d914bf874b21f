/// A conservative syntax check of regular expressions, so that a pack's patterns can be
/// compiled when first used instead of when the pack loads.
///
/// ``surelyCompiles(_:)`` accepts only a small grammar that ICU's regular expressions are known
/// to compile: literals, `.`, anchors, a few escapes and properties, simple bracket sets,
/// groups (capturing, `?:`, named, lookahead), `(?i)`/`(?-i)` and one quantifier per atom
/// (none after an anchor, `\b` or a lookahead).
/// Anything else answers false, and the caller compiles the pattern at once to find out; so a
/// false answer costs time, never a diagnostic.
enum RegexSyntax {
    /// Whether `pattern` is in the accepted grammar, and so compiles.
    static func surelyCompiles(_ pattern: String) -> Bool {
        var parser = Parser(scalars: Array(pattern.unicodeScalars))
        return parser.alternatives(depth: 0) && parser.position == parser.scalars.count
    }

    // Sets of characters as switches: a `Set` would look up its element's conformances when a
    // run first uses it.

    /// ASCII characters that are literals outside a bracket set.
    private static func isPlainPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", ",", ":", ";", "!", "\"", "'", "%", "/", "<", ">", "=", "@", "_", "~", "-", "&": true
        default: false
        }
    }

    /// ASCII characters that are literals inside a bracket set.
    private static func isSetPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", ",", ";", "!", "\"", "'", "%", "/", "<", ">", "=", "@", "_", "~", ".", "?", "*", "+", "(", ")",
            "|", "#":
            true
        default: false
        }
    }

    /// Characters that a backslash makes literal.
    private static func isEscapable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", "-", "/": true
        default: false
        }
    }

    /// Escapes for classes of characters: they may stand in a bracket set and take a quantifier.
    private static func isClassEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "s", "S", "d", "D", "w", "W": true
        default: false
        }
    }

    /// Properties accepted in `\p{…}` and `\P{…}`.
    private static func isProperty(_ name: String) -> Bool {
        switch name {
        case "L", "Lu", "Ll", "N", "Nd", "P", "Z", "Zs", "S": true
        default: false
        }
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var position = 0
        var groupNames: [String] = []

        private var next: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

        private mutating func take(_ scalar: Unicode.Scalar) -> Bool {
            guard next == scalar else { return false }
            position += 1
            return true
        }

        private mutating func take(_ text: String) -> Bool {
            let wanted = Array(text.unicodeScalars)
            guard scalars.count - position >= wanted.count,
                scalars[position..<(position + wanted.count)].elementsEqual(wanted)
            else { return false }
            position += wanted.count
            return true
        }

        /// Non-empty alternatives separated by `|`, up to a `)` or the end.
        mutating func alternatives(depth: Int) -> Bool {
            guard depth < 32 else { return false }
            repeat {
                guard sequence(depth: depth) else { return false }
            } while take("|")
            return true
        }

        /// One or more atoms, each with at most one quantifier.
        private mutating func sequence(depth: Int) -> Bool {
            var count = 0
            while let scalar = next, scalar != "|", scalar != ")" {
                guard let quantifiable = atom(depth: depth) else { return false }
                if quantifierFollows {
                    guard quantifiable, quantifier() else { return false }
                }
                count += 1
            }
            return count > 0
        }

        private var quantifierFollows: Bool { next == "?" || next == "*" || next == "+" || next == "{" }

        /// `?`, `*`, `+` or `{n}`, `{n,}`, `{n,m}`, then an optional `?` (lazy) or `+` (possessive).
        private mutating func quantifier() -> Bool {
            if take("?") || take("*") || take("+") {
                // Lazy or possessive.
            } else if take("{") {
                guard let low = number() else { return false }
                if take(",") {
                    if let high = number(), high < low { return false }
                }
                guard take("}") else { return false }
            } else {
                return false
            }
            _ = take("?") || take("+")
            return !quantifierFollows
        }

        /// Up to four digits.
        private mutating func number() -> Int? {
            var value = 0
            var digits = 0
            while let scalar = next, ("0"..."9").contains(scalar), digits < 4 {
                value = value * 10 + Int(scalar.value - 48)
                digits += 1
                position += 1
            }
            return digits > 0 ? value : nil
        }

        /// An atom; whether it may take a quantifier, or nil when it is not in the grammar.
        private mutating func atom(depth: Int) -> Bool? {
            guard let scalar = next else { return nil }
            position += 1
            switch scalar {
            case "^", "$": return false
            case ".": return true
            case "\\":
                guard let escaped = next else { return nil }
                position += 1
                if escaped == "b" || escaped == "B" { return false }
                if RegexSyntax.isClassEscape(escaped) || RegexSyntax.isEscapable(escaped) { return true }
                if escaped == "p" || escaped == "P" { return property() ? true : nil }
                return nil
            case "[": return bracketSet() ? true : nil
            case "(": return group(depth: depth)
            default: return isLiteral(scalar) ? true : nil
            }
        }

        private func isLiteral(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.value >= 0x80 { return scalar.value >= 0xA0 }
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || RegexSyntax.isPlainPunctuation(scalar)
        }

        /// `{Name}` after `\p` or `\P`, for a name in the accepted list.
        private mutating func property() -> Bool {
            guard take("{") else { return false }
            var name = ""
            while let scalar = next, scalar != "}", name.unicodeScalars.count < 4 {
                name.unicodeScalars.append(scalar)
                position += 1
            }
            return take("}") && RegexSyntax.isProperty(name)
        }

        /// After `(`: a group and its `)`; whether it may take a quantifier, or nil.
        private mutating func group(depth: Int) -> Bool? {
            if take("?-i)") || take("?i)") { return false }
            // ICU takes no quantifier after a lookahead.
            var quantifiable = true
            if take("?=") || take("?!") {
                quantifiable = false
            } else if take("?:") {
                // A group that captures nothing.
            } else if take("?<") {
                guard let first = next, ("a"..."z").contains(first) || ("A"..."Z").contains(first) else { return nil }
                var name = ""
                while let scalar = next,
                    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                {
                    name.unicodeScalars.append(scalar)
                    position += 1
                }
                guard take(">"), !groupNames.contains(name) else { return nil }
                groupNames.append(name)
            } else if next == "?" {
                return nil
            }
            guard alternatives(depth: depth + 1), take(")") else { return nil }
            return quantifiable
        }

        /// After `[`: an optional `^`, then literals, class escapes and ranges, an optional `-`
        /// last, and `]`.
        private mutating func bracketSet() -> Bool {
            _ = take("^")
            var count = 0
            var hasColon = false
            while let scalar = next, scalar != "]" {
                if scalar == ":" {
                    // Once and not last, so that it cannot read as a POSIX class `[:name:]`.
                    guard !hasColon, position + 1 < scalars.count, scalars[position + 1] != "]" else { return false }
                    hasColon = true
                    position += 1
                    count += 1
                    continue
                }
                if scalar == "-" {
                    // Only as the last member.
                    guard count > 0, position + 1 < scalars.count, scalars[position + 1] == "]" else { return false }
                    position += 1
                    count += 1
                    continue
                }
                position += 1
                var low: Unicode.Scalar?
                if scalar == "\\" {
                    guard let escaped = next else { return false }
                    position += 1
                    if RegexSyntax.isClassEscape(escaped) {
                        // A class, not an end of a range.
                    } else if escaped == "p" || escaped == "P" {
                        guard property() else { return false }
                    } else if RegexSyntax.isEscapable(escaped) {
                        low = escaped
                    } else {
                        return false
                    }
                } else if isSetLiteral(scalar) {
                    low = scalar
                } else {
                    return false
                }
                count += 1
                // A range `a-z`: a `-` followed by a literal that is not `]`.
                if let low, next == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                    let high = scalars[position + 1]
                    guard isSetLiteral(high), low.value < high.value else { return false }
                    position += 2
                }
            }
            return count > 0 && take("]")
        }

        private func isSetLiteral(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.value >= 0x80 { return scalar.value >= 0xA0 }
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || RegexSyntax.isSetPunctuation(scalar)
        }
    }
}
