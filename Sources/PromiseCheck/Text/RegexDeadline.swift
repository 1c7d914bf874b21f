import Foundation

/// When a pack's regular expressions must stop matching.
///
/// Packs are input too, and a pattern such as `(a+)+$` backtracks exponentially: on a line
/// of thirty `a`s it runs for seconds, on a page for ever. `NSRegularExpression` takes no step
/// limit, so matching asks ICU to report progress (it calls back every few thousand steps and
/// at each start position) and stops once the deadline has passed.
///
/// The time allowed grows with the text: sound patterns take time in proportion to it, about
/// 0.1 s a MiB with the progress reports (0.3 s under ThreadSanitizer), so the allowance of
/// 4 s a MiB on top of the base is never reached by them, on a slow or busy machine either,
/// and their results never depend on the machine. The limit is a whole number of tenths of a
/// second, so the message about a stopped pattern is the same on every machine too.
struct RegexDeadline: Sendable {
    /// How long one pattern check may match on one scope item, before the text's allowance.
    static let patternCheck = Duration.seconds(1)
    /// How long a text reader's patterns (headings, area, signatures) may match on one file,
    /// before the text's allowance.
    static let reading = Duration.seconds(1)
    /// The time added for each MiB (2^20 UTF-16 units) of text.
    static let perMebibyte = Duration.seconds(4)

    let end: ContinuousClock.Instant
    let limit: Duration

    /// A deadline `limit` from now.
    init(after limit: Duration) {
        self.limit = limit
        end = .now + limit
    }

    /// A deadline for matching `length` UTF-16 units: `base` and the text's allowance, rounded
    /// up to a tenth of a second.
    init(base: Duration, forTextOfLength length: Int) {
        let perMebibyteTenths = Double(Self.perMebibyte.components.seconds * 10)
        let tenths = (Double(max(0, length)) / Double(1 << 20) * perMebibyteTenths).rounded(.up)
        self.init(after: base + .milliseconds(100 * Int64(min(tenths, 1e9))))
    }

    var hasPassed: Bool { ContinuousClock.now >= end }

    /// The limit for messages, e.g. `0.25 s`.
    var limitDescription: String {
        let milliseconds = limit.components.seconds * 1000 + limit.components.attoseconds / 1_000_000_000_000_000
        return "\(NumberReader.format(Double(milliseconds) / 1000)) s"
    }
}

extension NSRegularExpression {
    /// The matches in `range` of `text` (all of it by default) found before `deadline`, and
    /// whether matching finished.
    ///
    /// With `tame` (see ``RegexShape/isTame(_:)``), a range of at most ``RegexShape/shortText``
    /// is matched without progress reports, which cannot take long and is five times faster.
    func matches(
        in text: String, range: NSRange? = nil, before deadline: RegexDeadline, first: Bool = false,
        tame: Bool = false
    ) -> (matches: [NSTextCheckingResult], finished: Bool) {
        guard !deadline.hasPassed else { return ([], false) }
        var matches: [NSTextCheckingResult] = []
        let searched = range ?? NSRange(text.startIndex..<text.endIndex, in: text)
        if !RegexShape.needsWatching(tame: tame, length: searched.length) {
            enumerateMatches(in: text, options: [], range: searched) { result, _, stop in
                guard let result else { return }
                matches.append(result)
                if first { stop.pointee = true }
            }
            return (matches, true)
        }
        var finished = true
        var calls = 0
        enumerateMatches(in: text, options: [.reportProgress], range: searched) { result, _, stop in
            if let result {
                matches.append(result)
                if first { stop.pointee = true }
            }
            // A callback comes at most every few thousand steps; the clock is read every 64th.
            calls &+= 1
            if calls & 63 == 0, deadline.hasPassed {
                finished = false
                stop.pointee = true
            }
        }
        return (matches, finished)
    }

    /// The first match in `range` of `text`, or nil when there is none or `deadline` passed first.
    func firstMatch(in text: String, range: NSRange, before deadline: RegexDeadline) -> NSTextCheckingResult? {
        matches(in: text, range: range, before: deadline, first: true).matches.first
    }
}
