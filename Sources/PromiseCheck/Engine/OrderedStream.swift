import Foundation

/// Computes results for `0..<count` on every core and hands them to a consumer in index order,
/// while later ones are still being computed.
///
/// At most `window` results are claimed and not yet consumed at any time (being computed, or
/// finished and waiting for an earlier one), so memory stays bounded however many there are.
/// The consumer runs on one thread at a time, always in index order, so the output is the same
/// whatever the threads do. It is called on whichever worker thread finished the result the
/// consumer was waiting for, between that thread's own computations.
public enum OrderedStream {
    /// How many results may be claimed and not yet consumed, when the caller does not say.
    public static let defaultWindow = 256

    public static func run<Result>(
        count: Int, window: Int = defaultWindow, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        work: (Int) -> Result, consume: (Int, Result) -> Void
    ) {
        guard count > 1, workers > 1, window > 1 else {
            for index in 0..<count { consume(index, work(index)) }
            return
        }
        let state = StreamState<Result>(count: count, window: window)
        withoutActuallyEscaping(work) { work in
            withoutActuallyEscaping(consume) { consume in
                let shared = Unchecked((work, consume))
                DispatchQueue.concurrentPerform(iterations: min(workers, count)) { _ in
                    let (work, consume) = shared.value
                    while let index = state.claim() {
                        let result = work(index)
                        state.finish(index, result, consume: consume)
                    }
                }
            }
        }
    }
}

/// Lets closures that are only ever called as `OrderedStream` allows (the work on any thread,
/// the consumer on one thread at a time) cross into `concurrentPerform`.
private struct Unchecked<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}

/// The shared state of one `OrderedStream.run`, guarded by one condition lock.
private final class StreamState<Result>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    /// The next index to hand to a worker.
    private var nextClaim = 0
    /// The next index to consume.
    private var nextConsume = 0
    /// Finished results not yet consumed, by index.
    private var finished: [Int: Result] = [:]
    /// Whether a thread is consuming now.
    private var consuming = false

    init(count: Int, window: Int) {
        self.count = count
        self.window = window
    }

    /// The next index to compute, waiting while the window is full; nil when all are claimed.
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while nextClaim < count && nextClaim - nextConsume >= window { condition.wait() }
        guard nextClaim < count else { return nil }
        nextClaim += 1
        return nextClaim - 1
    }

    /// Stores a result and, unless another thread is consuming, consumes every result that is
    /// next in order.
    func finish(_ index: Int, _ result: Result, consume: (Int, Result) -> Void) {
        condition.lock()
        finished[index] = result
        guard !consuming else {
            condition.unlock()
            return
        }
        consuming = true
        while let next = finished.removeValue(forKey: nextConsume) {
            let position = nextConsume
            condition.unlock()
            consume(position, next)
            condition.lock()
            nextConsume += 1
            condition.broadcast()
        }
        consuming = false
        condition.unlock()
    }
}
