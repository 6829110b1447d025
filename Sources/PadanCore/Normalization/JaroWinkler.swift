/// Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4) on Unicode scalars.
public enum JaroWinkler {
    /// Similarity in 0…1; 1 for equal strings, two empty strings included.
    public static func similarity(_ a: String, _ b: String) -> Double {
        if a == b { return 1 }
        // Two ASCII texts (nearly every normalized name and school token) compared as their bytes, each byte
        // one scalar: the two scalar arrays made per call were most of the comparison (unit matching's fuzzy
        // step, which scores tens of millions of token pairs nationally).
        var a = a, b = b
        let ascii = a.withUTF8 { a in b.withUTF8 { b in isASCII(a) && isASCII(b) ? similarity(bytes: a, b) : nil } }
        if let ascii { return ascii }
        return similarity(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var any: UInt8 = 0
        for byte in bytes { any |= byte }
        return any < 0x80
    }

    /// ``similarity(_:_:)-([Unicode.Scalar],[Unicode.Scalar])`` of two ASCII texts, one byte a scalar, its
    /// matched flags on the stack.
    private static func similarity(bytes a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        if a.isEmpty || b.isEmpty { return 0 }
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: a.count + b.count) { flags in
            flags.initialize(repeating: false)
            let aMatched = UnsafeMutableBufferPointer(rebasing: flags[0..<a.count])
            let bMatched = UnsafeMutableBufferPointer(rebasing: flags[a.count...])
            return score(a, b, aMatched, bMatched)
        }
    }

    /// Similarity of two scalar arrays (callers comparing one string many times keep the array).
    public static func similarity(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        if a == b { return 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        var aMatched = [Bool](repeating: false, count: a.count)
        var bMatched = [Bool](repeating: false, count: b.count)
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                aMatched.withUnsafeMutableBufferPointer { aMatched in
                    bMatched.withUnsafeMutableBufferPointer { bMatched in score(a, b, aMatched, bMatched) }
                }
            }
        }
    }

    /// The Jaro-Winkler similarity of two non-empty sequences, with a flag per element of each, all false.
    private static func score<T: Equatable>(
        _ a: UnsafeBufferPointer<T>, _ b: UnsafeBufferPointer<T>, _ aMatched: UnsafeMutableBufferPointer<Bool>,
        _ bMatched: UnsafeMutableBufferPointer<Bool>
    ) -> Double {
        let window = max(0, max(a.count, b.count) / 2 - 1)
        var matches = 0
        for i in 0..<a.count {
            let lo = max(0, i - window), hi = min(b.count - 1, i + window)
            if lo > hi { continue }
            for j in lo...hi where !bMatched[j] && a[i] == b[j] {
                aMatched[i] = true
                bMatched[j] = true
                matches += 1
                break
            }
        }
        if matches == 0 { return 0 }
        var transpositions = 0
        var k = 0
        for i in 0..<a.count where aMatched[i] {
            while !bMatched[k] { k += 1 }
            if a[i] != b[k] { transpositions += 1 }
            k += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions / 2)) / m) / 3
        var prefix = 0
        while prefix < min(4, a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }
}
