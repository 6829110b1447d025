/// The trend chart's geometry: open disparities as a line, new and resolved as bars, per night.
///
/// Only numbers and dates go into it; the template draws it as inline SVG.
struct ReportChart {
    static let width = 880.0
    static let height = 240.0
    static let left = 56.0
    static let right = 16.0
    static let top = 14.0
    static let bottom = 34.0

    let nights: [ReportModel.Night]

    var plotWidth: Double { Self.width - Self.left - Self.right }
    var plotHeight: Double { Self.height - Self.top - Self.bottom }

    /// The top of the scale: a round number at or above every value.
    var scaleMax: Int {
        let peak = nights.map { max($0.open, $0.new, $0.resolved) }.max() ?? 0
        guard peak > 0 else { return 4 }
        let magnitude = pow10(floorLog10(peak))
        for step in [1, 2, 5, 10] where step * magnitude >= peak { return step * magnitude }
        return 10 * magnitude
    }

    func x(_ i: Int) -> Double {
        let slot = plotWidth / Double(max(nights.count, 1))
        return Self.left + slot * (Double(i) + 0.5)
    }

    func y(_ value: Int) -> Double {
        Self.top + plotHeight * (1 - Double(value) / Double(scaleMax))
    }

    /// The template's view of the chart.
    var view: [String: Any] {
        let slot = plotWidth / Double(max(nights.count, 1))
        let barWidth = min(18, max(2, slot * 0.3))
        let labelEvery = max(1, Int((Double(nights.count) / 12).rounded(.up)))
        let ticks = (0...4).map { k -> [String: Any] in
            let value = scaleMax * k / 4
            return ["y": fmt(y(value)), "labelY": fmt(y(value) + 4), "label": ReportText.number(value)]
        }
        let points = nights.enumerated().map { i, n -> [String: Any] in
            [
                "x": fmt(x(i)), "yOpen": fmt(y(n.open)),
                "newX": fmt(x(i) - barWidth - 1), "newY": fmt(y(n.new)), "newH": fmt(y(0) - y(n.new)),
                "resolvedX": fmt(x(i) + 1), "resolvedY": fmt(y(n.resolved)), "resolvedH": fmt(y(0) - y(n.resolved)),
                "barW": fmt(barWidth),
                "showLabel": i % labelEvery == 0 || i == nights.count - 1,
                "label": ReportText.shortDate(n.asOf), "labelY": fmt(Self.height - Self.bottom + 18),
                "title": "\(ReportText.date(n.asOf)): \(ReportText.number(n.open)) terbuka, "
                    + "\(ReportText.number(n.new)) baru, \(ReportText.number(n.resolved)) selesai",
            ]
        }
        return [
            "width": fmt(Self.width), "height": fmt(Self.height),
            "left": fmt(Self.left), "right": fmt(Self.width - Self.right), "baseY": fmt(y(0)),
            "ticks": ticks, "points": points,
            "openLine": nights.indices.map { "\(fmt(x($0))),\(fmt(y(nights[$0].open)))" }.joined(separator: " "),
        ]
    }

    private func fmt(_ v: Double) -> String { String((v * 10).rounded() / 10) }

    private func floorLog10(_ n: Int) -> Int {
        var k = 0, v = n
        while v >= 10 {
            v /= 10
            k += 1
        }
        return k
    }

    private func pow10(_ k: Int) -> Int { (0..<k).reduce(1) { r, _ in r * 10 } }
}
