/// What the text of a regular expression says about how long matching it can take.
///
/// Asking ICU for progress reports, which is how ``RegexDeadline`` stops a pattern that
/// backtracks too much, makes matching about five times slower, as ICU then calls back at every
/// start position. A pattern that is *tame* cannot backtrack more than the square of the
/// text's length, so on a short text (``RegexShape/shortText``) it is matched without them.
enum RegexShape {
    /// The longest text, in UTF-16 units, that a tame pattern is matched on without progress
    /// reports: at most about 16 million steps, a few hundredths of a second.
    static let shortText = 4096

    /// Whether matching a pattern on `length` UTF-16 units must be watched by a deadline.
    static func needsWatching(tame: Bool, length: Int) -> Bool { !tame || length > shortText }

    /// Whether `pattern` has no repeated group (`(…)*`, `(…){2,}`; a group may be optional),
    /// no backreference, no quoting or comments, and at most one unbounded repetition (`*`,
    /// `+`, `{n,}`) in all, lookarounds included.
    ///
    /// Exponential backtracking needs a repeated group or several overlapping repetitions, and
    /// one repetition tried from every start position is at most quadratic. Anything this
    /// reading does not understand makes the pattern not tame, so the deadline keeps watching.
    static func isTame(_ pattern: String) -> Bool {
        let scalars = Array(pattern.unicodeScalars)
        var unbounded = 0
        var index = 0
        var classDepth = 0
        // What a quantifier at `index` would repeat.
        enum Operand { case none, atom, group, quantifier }
        var operand = Operand.none
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                guard index + 1 < scalars.count else { return false }
                let next = scalars[index + 1]
                if classDepth == 0, ("1"..."9").contains(next) || ["k", "Q", "E"].contains(next) { return false }
                index += 2
                if ["p", "P", "x", "N"].contains(next), index < scalars.count, scalars[index] == "{" {
                    guard let close = scalars[index...].firstIndex(of: "}") else { return false }
                    index = close + 1
                }
                if classDepth == 0 { operand = .atom }
                continue
            }
            if classDepth > 0 {
                if scalar == "[" { classDepth += 1 }
                if scalar == "]" { classDepth -= 1 }
                if classDepth == 0 { operand = .atom }
                index += 1
                continue
            }
            switch scalar {
            case "[":
                classDepth = 1
                // A `]` right after `[` or `[^` is a member, not the end.
                if index + 1 < scalars.count, scalars[index + 1] == "^" { index += 1 }
                if index + 1 < scalars.count, scalars[index + 1] == "]" { index += 1 }
            case "(":
                if index + 1 < scalars.count, scalars[index + 1] == "?" {
                    // Lookarounds, non-capturing and named groups are fine; comments and flag
                    // settings (which may turn on free spacing) are not read here.
                    guard index + 2 < scalars.count else { return false }
                    let kind = scalars[index + 2]
                    if kind == ":" || kind == "=" || kind == "!" || kind == ">" {
                        index += 2
                    } else if kind == "<", index + 3 < scalars.count {
                        index += scalars[index + 3] == "=" || scalars[index + 3] == "!" ? 3 : 2
                    } else {
                        return false
                    }
                }
                operand = .none
            case ")":
                operand = .group
            case "*", "+", "?":
                switch operand {
                case .quantifier:
                    // `*?`, `+?`, `??` (lazy) and `*+`, `++`, `?+` (possessive) modify the last one.
                    operand = .none
                case .group:
                    guard scalar == "?" else { return false }
                    operand = .quantifier
                case .atom:
                    if scalar != "?" { unbounded += 1 }
                    operand = .quantifier
                case .none:
                    return false
                }
            case "{":
                guard let close = scalars[index...].firstIndex(of: "}") else { return false }
                let body = scalars[(index + 1)..<close]
                let parts = body.split(separator: ",", omittingEmptySubsequences: false)
                guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(isDigit) }),
                    !parts[0].isEmpty
                else {
                    // Not a repetition: ICU reads the brace as itself.
                    operand = .atom
                    index += 1
                    continue
                }
                let isUnbounded = parts.count == 2 && parts[1].isEmpty
                let maximum = parts.count == 1 ? parts[0] : parts[1]
                switch operand {
                case .group:
                    guard !isUnbounded, maximum.count == 1, maximum.first == "1" || maximum.first == "0" else {
                        return false
                    }
                case .atom:
                    if isUnbounded { unbounded += 1 }
                case .none, .quantifier:
                    return false
                }
                operand = .quantifier
                index = close + 1
                continue
            case "|", "^", "$":
                operand = .none
            default:
                operand = .atom
            }
            index += 1
        }
        return classDepth == 0 && unbounded <= 1
    }
}
