import Foundation
import PromiseCheck
import Synchronization

/// A pack load started ahead, on a thread of its own, while the run finds its files.
///
/// `check` and `compare` know the packs of the first path's configuration before they walk the
/// folders, and most runs check every file with those. Loading them meanwhile takes the pack
/// load (some 10 ms for the shipped pack) off the run's serial start. Nothing is printed here:
/// the load's diagnostics are printed by whoever takes the result, at the point a load without
/// the prefetch would have printed them, so a run's messages come in the same order either way.
final class PackPrefetch: Sendable {
    /// The pack references being loaded.
    let references: [String]
    private let loaded = Mutex<(packs: [RulePack], diagnostics: [Diagnostic])?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    /// Starts loading `references` (those of `options` when nil) with `options`' locator and
    /// exec setting.
    init(_ options: PackOptions, references: [String]? = nil) {
        let references = references ?? options.references
        self.references = references
        Thread.detachNewThread { [self] in
            let result = options.load(references: references)
            loaded.withLock { $0 = result }
            finished.signal()
        }
    }

    /// The loaded packs and the load's diagnostics when `references` are the ones being loaded,
    /// waiting for the load to finish; nil for other references.
    func result(for references: [String]) -> (packs: [RulePack], diagnostics: [Diagnostic])? {
        guard references == self.references else { return nil }
        finished.wait()
        // Let the next caller through too: the result stays.
        finished.signal()
        return loaded.withLock { $0 }
    }
}
