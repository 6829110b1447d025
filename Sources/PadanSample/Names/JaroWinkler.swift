/// Jaro–Winkler similarity and the soft Dice score of `rules.md` section 1.
///
/// The generator uses them to keep every planted fuzzy case well away from the thresholds; they are
/// the textbook definitions (prefix scale 0.1, prefix of at most 4), not Padan's own code.
package enum JaroWinkler {
    /// Similarity of two strings, 0…1, compared by Unicode scalar.
    package static func similarity(_ a: String, _ b: String) -> Double {
        similarity(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    /// Similarity of two scalar arrays, 0…1.
    package static func similarity(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        let jaro = jaroSimilarity(a, b)
        var prefix = 0
        while prefix < min(4, a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    private static func jaroSimilarity(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        if a == b { return 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        let window = max(0, max(a.count, b.count) / 2 - 1)
        var matchedA = [Bool](repeating: false, count: a.count)
        var matchedB = [Bool](repeating: false, count: b.count)
        var matches = 0
        for i in a.indices {
            let low = max(0, i - window)
            let high = min(i + window + 1, b.count)
            guard low < high else { continue }
            for j in low..<high where !matchedB[j] && a[i] == b[j] {
                matchedA[i] = true
                matchedB[j] = true
                matches += 1
                break
            }
        }
        if matches == 0 { return 0 }
        var transpositions = 0
        var k = 0
        for i in a.indices where matchedA[i] {
            while !matchedB[k] { k += 1 }
            if a[i] != b[k] { transpositions += 1 }
            k += 1
        }
        let m = Double(matches)
        return (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions) / 2) / m) / 3
    }

    /// The soft Dice coefficient of two token lists: tokens pair when their similarity is at least
    /// `threshold`, each at most once, most similar first; two empty lists score 1.
    package static func softDice(_ a: [String], _ b: [String], threshold: Double = 0.90) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        var pairs: [(Double, Int, Int)] = []
        for (i, x) in a.enumerated() {
            for (j, y) in b.enumerated() {
                let score = similarity(x, y)
                if score >= threshold - 1e-9 { pairs.append((score, i, j)) }
            }
        }
        pairs.sort { $0.0 > $1.0 || ($0.0 == $1.0 && ($0.1, $0.2) < ($1.1, $1.2)) }
        var usedA = Set<Int>()
        var usedB = Set<Int>()
        var count = 0
        for (_, i, j) in pairs where !usedA.contains(i) && !usedB.contains(j) {
            usedA.insert(i)
            usedB.insert(j)
            count += 1
        }
        return 2 * Double(count) / Double(a.count + b.count)
    }

    /// Whether any pair of tokens sits within `margin` of `threshold` (an unsafe planted case).
    package static func nearThreshold(_ a: [String], _ b: [String], threshold: Double = 0.90, margin: Double = 0.025)
        -> Bool
    {
        for x in a {
            for y in b where x != y {
                if abs(similarity(x, y) - threshold) < margin { return true }
            }
        }
        return false
    }
}
