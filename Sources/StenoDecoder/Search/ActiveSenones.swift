/// Collects the senones a pass needs for one frame and lists them the way Sphinx does: ascending,
/// with a pseudo-active senone every 255 ids across long gaps (Sphinx delta-codes the list in bytes,
/// and those bridging senones are scored and take part in the normalisation).
struct ActiveSenones {
    private(set) var flags: [UInt8]

    init(senoneCount: Int) {
        flags = [UInt8](repeating: 0, count: senoneCount)
    }

    /// Runs `body` with the flag array to mark senones in.
    @inline(__always)
    mutating func mark(_ body: (UnsafeMutablePointer<UInt8>) -> Void) {
        flags.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
    }

    /// The marked senones as a scoring list (bridged), clearing the marks.
    mutating func takeList() -> [Int32] {
        var list = [Int32]()
        list.reserveCapacity(1024)
        var last = 0
        flags.withUnsafeMutableBufferPointer { f in
            for s in 0..<f.count where f[s] != 0 {
                f[s] = 0
                var gap = s - last
                var bridge = last
                while gap > 255 {
                    bridge += 255
                    list.append(Int32(bridge))
                    gap -= 255
                }
                list.append(Int32(s))
                last = s
            }
        }
        return list
    }
}
