/// A byte trie: each node may end words (a whole token) and carry marks (any token that starts
/// with the node's bytes). Built once; walking it allocates nothing.
final class ByteTrie: @unchecked Sendable {
    // Plain memory, written once in `init` and only read after: walking it costs no reference
    // counting. Hence `@unchecked`.
    /// The child of the root for each first byte, or -1.
    private let root: UnsafeMutablePointer<Int32>
    /// Each node's children: `childBytes[childStart[n]..<childStart[n + 1]]`, sorted.
    private let childStart: UnsafeMutablePointer<Int32>
    private let childBytes: UnsafeMutablePointer<UInt8>
    private let childNodes: UnsafeMutablePointer<Int32>
    /// Each node's word values: `wordValues[wordStart[n]..<wordStart[n + 1]]`, in the order added.
    private let wordStart: UnsafeMutablePointer<Int32>
    private let wordValues: UnsafeMutablePointer<Int>
    /// Each node's mark values, laid out like the words.
    private let markStart: UnsafeMutablePointer<Int32>
    private let markValues: UnsafeMutablePointer<Int>
    private let hasMarks: Bool
    /// Per node, 1 when it or a node on its path from the root has marks.
    private let marksOnPath: UnsafeMutablePointer<UInt8>
    /// Each byte's class: 0 for a byte on no edge below the root, else 1 + its rank among those
    /// that are.
    private let byteClass: UnsafeMutablePointer<Int>
    /// A double array: node `n`'s child by a byte of class `c` is in slot `base[n] + c` when
    /// `check` there is `n`; `slotNode` holds that child. Nodes are placed nearest the root first
    /// (a walk passes them most) while the slots stay within ``slotBudget(edges:classes:)``;
    /// a node left out has base -1 and its children are searched in `childBytes`. Nodes without
    /// children have base 0: no slot's check names them.
    private let base: UnsafeMutablePointer<Int32>
    private let check: UnsafeMutablePointer<Int32>
    private let slotNode: UnsafeMutablePointer<Int32>
    /// The most slots a trie of `edges` edges over `classes` byte classes may take: two per
    /// edge (placed nearest the root first, the nodes take about one), so that the slots stay
    /// within a small multiple of the edge table's memory whatever the terms.
    static func slotBudget(edges: Int, classes: Int) -> Int { 2 * edges + 2 * classes + 256 }
    /// How many slots from the first free one a node's placement tries before it takes new
    /// slots at the end.
    static let placementTries = 32
    /// The number of nodes with children placed in the double array.
    let placedNodeCount: Int
    /// The number of nodes with children whose children are searched.
    let searchedNodeCount: Int
    /// The number of slots.
    let slotCount: Int
    /// Whether no term is in the trie.
    let isEmpty: Bool
    /// The number of word and mark values: the most one walk can yield.
    let valueCount: Int

    /// A trie of `childStart.count - 1` nodes, their word and mark values laid out as the
    /// properties have them.
    private init(
        root: [Int32], childStart: [Int32], childBytes: [UInt8], childNodes: [Int32],
        words: (start: [Int32], values: [Int]), marks: (start: [Int32], values: [Int]), slotLimit: Int?
    ) {
        func copy<Element>(_ array: [Element]) -> UnsafeMutablePointer<Element> {
            let pointer = UnsafeMutablePointer<Element>.allocate(capacity: max(1, array.count))
            pointer.initialize(from: array, count: array.count)
            return pointer
        }
        let nodeCount = max(0, childStart.count - 1)
        self.root = copy(root)
        self.childStart = copy(childStart)
        self.childBytes = copy(childBytes)
        self.childNodes = copy(childNodes)
        self.wordStart = copy(words.start)
        self.wordValues = copy(words.values)
        self.markStart = copy(marks.start)
        self.markValues = copy(marks.values)
        self.hasMarks = !marks.values.isEmpty
        // Nodes come after their parents, so a parent's flag is set before its children's.
        var marksOnPath = (0..<nodeCount).map { marks.start[$0] < marks.start[$0 + 1] ? UInt8(1) : 0 }
        for node in 0..<nodeCount {
            for index in Int(childStart[node])..<Int(childStart[node + 1]) {
                marksOnPath[Int(childNodes[index])] |= marksOnPath[node]
            }
        }
        self.marksOnPath = copy(marksOnPath)
        self.isEmpty = nodeCount <= 1
        self.valueCount = words.values.count + marks.values.count
        var byteClass = [Int](repeating: 0, count: 256)
        // The root's edges come first; its children are found in `root`.
        for byte in childBytes[min(childBytes.count, nodeCount > 1 ? Int(childStart[1]) : 0)...] {
            byteClass[Int(byte)] = 1
        }
        var classCount = 1
        for byte in 0..<256 where byteClass[byte] != 0 {
            byteClass[byte] = classCount
            classCount += 1
        }
        // The nodes by depth, nearest the root first: each node's children in turn, from the
        // root's.
        var order = [Int32](repeating: 0, count: 1)
        order.reserveCapacity(nodeCount)
        var next = 0
        while next < order.count {
            let node = Int(order[next])
            for index in Int(childStart[node])..<Int(childStart[node + 1]) { order.append(childNodes[index]) }
            next += 1
        }
        let budget = min(
            slotLimit ?? Self.slotBudget(edges: childBytes.count, classes: classCount), Int(Int32.max))
        var base = [Int32](repeating: 0, count: nodeCount)
        // Every base is followed by a slot for each class, so no lookup leaves the arrays. They
        // are allocated at the budget (at least one slot per class), and only the slots used are
        // written: no array grows by doubling nor is copied. The first slot per class is never
        // used, so base 0 (the nodes without children) finds no child, and a node's lowest child
        // may go in any free slot after them.
        let capacity = max(classCount, budget)
        let check = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        let slotNode = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        check.initialize(repeating: -1, count: classCount)
        slotNode.initialize(repeating: -1, count: classCount)
        var slotCount = classCount
        var firstFree = classCount
        var placed = 0
        var searched = 0
        var lastBase = 0
        for node in order.dropFirst().lazy.map({ Int($0) }) where childStart[node] < childStart[node + 1] {
            let first = Int(childStart[node])
            let end = Int(childStart[node + 1])
            // Classes rank as bytes do, so the first child's class is the lowest.
            let lowest = byteClass[Int(childBytes[first])]
            let highest = byteClass[Int(childBytes[end - 1])]
            // The first base, from the first free slot on, where every child's slot is free; else
            // new slots at the end.
            var nodeBase = slotCount - lowest
            var position = max(firstFree, lowest)
            let limit = min(slotCount, position + Self.placementTries)
            while position < limit {
                var fits = check[position] < 0
                var index = first + 1
                while fits, index < end {
                    let slot = position - lowest + byteClass[Int(childBytes[index])]
                    fits = slot >= slotCount || check[slot] < 0
                    index += 1
                }
                if fits {
                    nodeBase = position - lowest
                    break
                }
                position += 1
            }
            guard nodeBase + classCount <= budget else {
                base[node] = -1
                searched += 1
                continue
            }
            if slotCount <= nodeBase + highest {
                let added = nodeBase + highest + 1 - slotCount
                (check + slotCount).initialize(repeating: -1, count: added)
                (slotNode + slotCount).initialize(repeating: -1, count: added)
                slotCount += added
            }
            base[node] = Int32(nodeBase)
            lastBase = max(lastBase, nodeBase)
            for index in first..<end {
                let slot = nodeBase + byteClass[Int(childBytes[index])]
                check[slot] = Int32(node)
                slotNode[slot] = childNodes[index]
            }
            placed += 1
            while firstFree < slotCount, check[firstFree] >= 0 { firstFree += 1 }
        }
        self.placedNodeCount = placed
        self.searchedNodeCount = searched
        // The slots after the last base's.
        let padding = max(0, lastBase + classCount - slotCount)
        (check + slotCount).initialize(repeating: -1, count: padding)
        (slotNode + slotCount).initialize(repeating: -1, count: padding)
        self.slotCount = slotCount + padding
        self.byteClass = copy(byteClass)
        self.base = copy(base)
        self.check = check
        self.slotNode = slotNode
    }

    deinit {
        root.deallocate()
        childStart.deallocate()
        childBytes.deallocate()
        childNodes.deallocate()
        wordStart.deallocate()
        wordValues.deallocate()
        markStart.deallocate()
        markValues.deallocate()
        byteClass.deallocate()
        base.deallocate()
        check.deallocate()
        slotNode.deallocate()
        marksOnPath.deallocate()
    }

    /// The trie's memory as plain pointers, for walks in a hot loop: a walk through them costs
    /// no reference counting. Valid while the trie lives.
    var nodes: Nodes {
        Nodes(
            root: root, childStart: childStart, childBytes: childBytes, childNodes: childNodes, wordStart: wordStart,
            wordValues: wordValues, markStart: markStart, markValues: markValues, marksOnPath: marksOnPath,
            byteClass: byteClass, base: base, check: check, slotNode: slotNode)
    }

    /// The first word value of the node that `bytes` reach exactly, or nil when they are not a word.
    func wordValue(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? { nodes.wordValue(bytes) }

    /// Appends to `values` the word values of the node that `bytes` reach exactly, then the
    /// mark values of every node on the way, shortest first.
    @inline(__always)
    func collectMatches<Bytes: Collection<UInt8>>(_ bytes: Bytes, into values: inout [Int]) {
        var node: Int32 = 0
        var depth = 0
        var complete = true
        // Whether a node on the way has marks: most tokens pass none, and are walked once.
        var sawMark = false
        for byte in bytes {
            let next = depth == 0 ? root[Int(byte)] : child(of: node, byte)
            guard next >= 0 else {
                complete = false
                break
            }
            node = next
            depth += 1
            if hasMarks, markStart[Int(node)] < markStart[Int(node) + 1] { sawMark = true }
        }
        guard depth > 0 else { return }
        if complete {
            for index in Int(wordStart[Int(node)])..<Int(wordStart[Int(node) + 1]) { values.append(wordValues[index]) }
        }
        guard sawMark else { return }
        var current: Int32 = 0
        var step = 0
        for byte in bytes where step < depth {
            current = step == 0 ? root[Int(byte)] : child(of: current, byte)
            step += 1
            for index in Int(markStart[Int(current)])..<Int(markStart[Int(current) + 1]) {
                values.append(markValues[index])
            }
        }
    }

    /// Whether `bytes` are one of the words added.
    @inline(__always)
    func containsWord<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var node: Int32 = 0
        var depth = 0
        for byte in bytes {
            let next = depth == 0 ? root[Int(byte)] : child(of: node, byte)
            guard next >= 0 else { return false }
            node = next
            depth += 1
        }
        return depth > 0 && wordStart[Int(node)] < wordStart[Int(node) + 1]
    }

    /// The child of `node` by `byte`, or -1; one lookup, the borrowed view's.
    @inline(__always)
    private func child(of node: Int32, _ byte: UInt8) -> Int32 { nodes.child(of: node, byte) }

    /// A ``ByteTrie``'s memory, borrowed: what ``ByteTrie/nodes`` gives. Only read, as the trie's is.
    struct Nodes: @unchecked Sendable {
        fileprivate let root: UnsafeMutablePointer<Int32>
        fileprivate let childStart: UnsafeMutablePointer<Int32>
        fileprivate let childBytes: UnsafeMutablePointer<UInt8>
        fileprivate let childNodes: UnsafeMutablePointer<Int32>
        fileprivate let wordStart: UnsafeMutablePointer<Int32>
        fileprivate let wordValues: UnsafeMutablePointer<Int>
        fileprivate let markStart: UnsafeMutablePointer<Int32>
        fileprivate let markValues: UnsafeMutablePointer<Int>
        fileprivate let marksOnPath: UnsafeMutablePointer<UInt8>
        fileprivate let byteClass: UnsafeMutablePointer<Int>
        fileprivate let base: UnsafeMutablePointer<Int32>
        fileprivate let check: UnsafeMutablePointer<Int32>
        fileprivate let slotNode: UnsafeMutablePointer<Int32>

        /// The child of `node` by `byte`, or -1: from the double array when the node is placed
        /// in it, else by the node's sorted child bytes.
        @inline(__always)
        fileprivate func child(of node: Int32, _ byte: UInt8) -> Int32 {
            let nodeBase = base[Int(node)]
            if nodeBase >= 0 {
                let slot = Int(nodeBase) &+ byteClass[Int(byte)]
                return check[slot] == node ? slotNode[slot] : -1
            }
            var index = Int(childStart[Int(node)])
            let end = Int(childStart[Int(node) + 1])
            while index < end {
                let candidate = childBytes[index]
                if candidate == byte { return childNodes[index] }
                if candidate > byte { return -1 }
                index += 1
            }
            return -1
        }

        /// What ``ByteTrie/collectMatches(_:into:)`` appends for `bytes` (`reversed`: for them
        /// read from the last), written at `values + count`, advancing `count`.
        ///
        /// `values` must have room for every value in the trie.
        @inline(__always)
        func collectMatches(
            _ bytes: UnsafeBufferPointer<UInt8>, reversed: Bool, into values: UnsafeMutablePointer<Int>,
            count: inout Int
        ) {
            guard let start = bytes.baseAddress, bytes.count > 0 else { return }
            // The bytes in the walk's order: from `first` to `last`, a `step` at a time.
            let step = reversed ? -1 : 1
            let first = reversed ? start + (bytes.count - 1) : start
            let last = reversed ? start : start + (bytes.count - 1)
            var node = root[Int(first.pointee)]
            guard node >= 0 else { return }
            // The last byte walked.
            var cursor = first
            while cursor != last {
                let next = child(of: node, (cursor + step).pointee)
                guard next >= 0 else { break }
                node = next
                cursor += step
            }
            if cursor == last {
                for index in Int(wordStart[Int(node)])..<Int(wordStart[Int(node) + 1]) {
                    values[count] = wordValues[index]
                    count += 1
                }
            }
            guard marksOnPath[Int(node)] != 0 else { return }
            var current = root[Int(first.pointee)]
            var at = first
            while true {
                for index in Int(markStart[Int(current)])..<Int(markStart[Int(current) + 1]) {
                    values[count] = markValues[index]
                    count += 1
                }
                guard at != cursor else { break }
                at += step
                current = child(of: current, at.pointee)
            }
        }

        /// Whether `bytes` are one of the words added.
        @inline(__always)
        func containsWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let node = node(reachedBy: bytes) else { return false }
            return wordStart[Int(node)] < wordStart[Int(node) + 1]
        }

        /// The first word value of the node that `bytes` reach exactly, or nil.
        @inline(__always)
        func wordValue(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            guard let node = node(reachedBy: bytes), wordStart[Int(node)] < wordStart[Int(node) + 1] else {
                return nil
            }
            return wordValues[Int(wordStart[Int(node)])]
        }

        /// The node that all of `bytes` lead to, or nil when they leave the trie (or are empty).
        @inline(__always)
        private func node(reachedBy bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
            guard let first = bytes.first else { return nil }
            var node = root[Int(first)]
            var index = 1
            while node >= 0, index < bytes.count {
                node = child(of: node, bytes[index])
                index += 1
            }
            return node >= 0 ? node : nil
        }
    }

    struct Builder {
        /// The edge to each node but the root, by its parent node and byte (`node << 8 | byte`):
        /// node `n`'s is `edgeKeys[n - 1]` (nodes are numbered as made).
        private var edgeKeys: [Int] = []
        /// The root's children by byte, and for each node its last child made and the child
        /// of its parent made before it (-1 for none): a node's children are a short list, and
        /// finding one costs no hashing (a node has at most 256).
        private var rootChildren = [Int32](repeating: -1, count: 256)
        private var lastChild: [Int32] = [-1]
        private var previousSibling: [Int32] = [-1]
        /// Each word value and the node it ends at, in the order added; the marks alike. Flat
        /// lists, not one per node: most nodes have none.
        private var words: [(node: Int32, value: Int)] = []
        private var marks: [(node: Int32, value: Int)] = []

        mutating func add(_ bytes: some Sequence<UInt8>, word value: Int) { words.append((node(for: bytes), value)) }

        mutating func add(_ bytes: some Sequence<UInt8>, mark value: Int) { marks.append((node(for: bytes), value)) }

        private mutating func node(for bytes: some Sequence<UInt8>) -> Int32 {
            var node: Int32 = 0
            for byte in bytes {
                var child: Int32
                if node == 0 {
                    child = rootChildren[Int(byte)]
                } else {
                    child = lastChild[Int(node)]
                    while child >= 0, UInt8(truncatingIfNeeded: edgeKeys[Int(child) - 1]) != byte {
                        child = previousSibling[Int(child)]
                    }
                }
                if child < 0 {
                    edgeKeys.append(Int(node) << 8 | Int(byte))
                    child = Int32(edgeKeys.count)
                    lastChild.append(-1)
                    if node == 0 {
                        rootChildren[Int(byte)] = child
                        previousSibling.append(-1)
                    } else {
                        previousSibling.append(lastChild[Int(node)])
                        lastChild[Int(node)] = child
                    }
                }
                node = child
            }
            return node
        }

        /// The trie; `slotLimit` (for tests) overrides ``ByteTrie/slotBudget(edges:classes:)``.
        func build(slotLimit: Int? = nil) -> ByteTrie {
            let nodeCount = edgeKeys.count + 1
            var root = [Int32](repeating: -1, count: 256)
            // Each node's children in byte order, the nodes in turn: the children counted by
            // parent, placed in the order made, then each node's few sorted by byte.
            var childStart = [Int32](repeating: 0, count: nodeCount + 1)
            for key in edgeKeys { childStart[key >> 8 + 1] += 1 }
            for node in 0..<nodeCount { childStart[node + 1] += childStart[node] }
            var next = childStart
            var childBytes = [UInt8](repeating: 0, count: edgeKeys.count)
            var childNodes = [Int32](repeating: 0, count: edgeKeys.count)
            for (edge, key) in edgeKeys.enumerated() {
                let position = Int(next[key >> 8])
                next[key >> 8] += 1
                childBytes[position] = UInt8(truncatingIfNeeded: key)
                childNodes[position] = Int32(edge + 1)
            }
            for node in 0..<nodeCount {
                // An insertion sort: a node has at most 256 children, most one or two.
                let start = Int(childStart[node])
                for index in start..<Int(childStart[node + 1]) {
                    let (byte, child) = (childBytes[index], childNodes[index])
                    var position = index
                    while position > start, childBytes[position - 1] > byte {
                        childBytes[position] = childBytes[position - 1]
                        childNodes[position] = childNodes[position - 1]
                        position -= 1
                    }
                    (childBytes[position], childNodes[position]) = (byte, child)
                }
            }
            for index in 0..<Int(childStart[1]) { root[Int(childBytes[index])] = childNodes[index] }
            return ByteTrie(
                root: root, childStart: childStart, childBytes: childBytes, childNodes: childNodes,
                words: Self.byNode(words, nodeCount: nodeCount), marks: Self.byNode(marks, nodeCount: nodeCount),
                slotLimit: slotLimit)
        }

        /// `values` grouped by node, each node's in the order added, with where each node's start.
        private static func byNode(
            _ values: [(node: Int32, value: Int)], nodeCount: Int
        ) -> (start: [Int32], values: [Int]) {
            var start = [Int32](repeating: 0, count: nodeCount + 1)
            for (node, _) in values { start[Int(node) + 1] += 1 }
            for node in 0..<nodeCount { start[node + 1] += start[node] }
            var next = start
            var grouped = [Int](repeating: 0, count: values.count)
            for (node, value) in values {
                grouped[Int(next[Int(node)])] = value
                next[Int(node)] += 1
            }
            return (start, grouped)
        }
    }
}
