/// "At least a threshold" for computed scores (`rules.md` §1 and §3: name similarity, token similarity,
/// the unit score and its margin).
///
/// Scores are computed in floating point, so an exact 9/10 can come out as 0.8999999999999999
/// (`ASRI` / `AMASRI`); a score within `tolerance` below the threshold reaches it.
public enum Threshold {
    /// How far below a threshold a computed score may fall and still reach it.
    public static let tolerance = 1e-9

    /// True when `score` is at least `threshold`, float error forgiven.
    @inline(__always)
    public static func reaches(_ score: Double, _ threshold: Double) -> Bool { score >= threshold - tolerance }
}
