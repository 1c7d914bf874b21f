import Foundation
import Synchronization
import Testing

@testable import PromiseCheck

/// `OrderedStream`: results in index order, a bounded window, whatever the threads do.
@Suite struct OrderedStreamTests {
    /// Work that takes a varying time, so later indices often finish first.
    static func slowly(_ index: Int) -> Int {
        usleep(UInt32((index * 7919) % 5) * 200)
        return index * index
    }

    @Test("results reach the consumer in index order while workers finish out of order", arguments: [1, 2, 4, 8])
    func order(workers: Int) {
        var consumed: [Int] = []
        var values: [Int] = []
        OrderedStream.run(count: 500, window: 16, workers: workers, work: Self.slowly) { index, value in
            consumed.append(index)
            values.append(value)
        }
        #expect(consumed == Array(0..<500))
        #expect(values == (0..<500).map { $0 * $0 })
    }

    @Test("no more than the window is claimed and not yet consumed", arguments: [2, 3, 16])
    func window(size: Int) {
        // Whether workers run side by side is up to the thread pool, which a busy test run can
        // keep from lending a second thread for a while; so up to five attempts, each bounded.
        var sideBySide = false
        for _ in 0..<5 where !sideBySide {
            let claimed = Atomic<Int>(0)
            let most = Atomic<Int>(0)
            var consumedCount = 0
            OrderedStream.run(
                count: 400, window: size, workers: 4,
                work: { index in
                    let outstanding = claimed.add(1, ordering: .sequentiallyConsistent).newValue
                    most.max(outstanding, ordering: .sequentiallyConsistent)
                    // The first item waits (up to 2 s) until another worker has claimed one.
                    if index == 0 {
                        let deadline = Date().addingTimeInterval(2)
                        while most.load(ordering: .sequentiallyConsistent) < 2, Date() < deadline { usleep(200) }
                    }
                    return Self.slowly(index)
                },
                consume: { _, _ in
                    // The consumer is slow too, so the window fills up.
                    usleep(100)
                    consumedCount += 1
                    claimed.subtract(1, ordering: .sequentiallyConsistent)
                })
            #expect(consumedCount == 400)
            #expect(most.load(ordering: .sequentiallyConsistent) <= size)
            sideBySide = most.load(ordering: .sequentiallyConsistent) >= 2
        }
        #expect(sideBySide, "the workers did run side by side in one of the attempts")
    }

    @Test("nothing to do, one item, and one worker are done in order on the calling thread")
    func serial() {
        var seen: [Int] = []
        OrderedStream.run(count: 0, work: { $0 }) { index, _ in seen.append(index) }
        #expect(seen.isEmpty)
        OrderedStream.run(count: 1, work: { $0 }) { index, _ in seen.append(index) }
        OrderedStream.run(count: 5, workers: 1, work: { $0 }) { index, _ in seen.append(index) }
        #expect(seen == [0, 0, 1, 2, 3, 4])
    }
}
