/// Finding which items of a list are equal without a dictionary.
///
/// Start-up code that groups a handful of values (a pack's scopes, its shared checks, the
/// lexicons of an automaton) uses this instead of a `Dictionary` keyed by a type of its own:
/// the first use of each such dictionary type in a process costs the Swift runtime about
/// 0.36 M instructions of type set-up, more than the grouping itself.
enum EqualItems {
    /// For each of `count` items, the first one equal to it (itself when none comes before it):
    /// the items sorted by `hash` (equal items must hash alike), each compared with the first
    /// of each kind before it among those of its hash. Quadratic only among items whose hashes
    /// are the same.
    static func first(count: Int, hash: (Int) -> Int, equal: (Int, Int) -> Bool) -> [Int] {
        let hashes = (0..<count).map(hash)
        let order = (0..<count).sorted { (hashes[$0], $0) < (hashes[$1], $1) }
        var first = Array(0..<count)
        var runStart = 0
        for (rank, item) in order.enumerated() {
            if rank > 0, hashes[order[rank - 1]] != hashes[item] { runStart = rank }
            // The run of one hash is in item order: the first equal one is the earliest.
            for earlier in order[runStart..<rank] where first[earlier] == earlier && equal(earlier, item) {
                first[item] = earlier
                break
            }
        }
        return first
    }
}
