import Foundation
import PromiseCheck

/// The colour of a score in the heat map and the charts: ColorBrewer's colour-blind-safe
/// diverging RdYlBu scale, red (0) through pale yellow (50) to blue (100), with the text colour
/// that contrasts most with it.
///
/// Nine stops, 12.5 apart: interpolating between distant stops (yellow straight to blue) passes
/// through muddy greys.
enum HeatColor {
    private static let stops: [(score: Double, rgb: (Double, Double, Double))] = [
        (0, (215, 48, 39)), (12.5, (244, 109, 67)), (25, (253, 174, 97)), (37.5, (254, 224, 144)),
        (50, (255, 255, 191)), (62.5, (224, 243, 248)), (75, (171, 217, 233)), (87.5, (116, 173, 209)),
        (100, (69, 117, 180)),
    ]

    /// `#rrggbb` for a score from 0 to 100 (clamped).
    static func background(_ score: Double) -> String {
        hex(rgb(score))
    }

    /// `#fff` or `#111`, whichever contrasts more with `background(score)`.
    static func text(_ score: Double) -> String {
        let (r, g, b) = rgb(score)
        func linear(_ channel: Double) -> Double {
            let c = channel / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
        let whiteContrast = 1.05 / (luminance + 0.05)
        let blackContrast = (luminance + 0.05) / 0.0556
        return whiteContrast > blackContrast ? "#fff" : "#111"
    }

    private static func rgb(_ score: Double) -> (Double, Double, Double) {
        let value = min(100, max(0, score.isFinite ? score : 0))
        var index = 0
        while index < stops.count - 2, value > stops[index + 1].score { index += 1 }
        let (low, high) = (stops[index], stops[index + 1])
        let t = (value - low.score) / (high.score - low.score)
        return (
            low.rgb.0 + (high.rgb.0 - low.rgb.0) * t, low.rgb.1 + (high.rgb.1 - low.rgb.1) * t,
            low.rgb.2 + (high.rgb.2 - low.rgb.2) * t
        )
    }

    private static func hex(_ rgb: (Double, Double, Double)) -> String {
        let digits = Array("0123456789abcdef")
        var result = "#"
        for channel in [rgb.0, rgb.1, rgb.2] {
            let value = Int(channel.rounded())
            result.append(digits[value / 16])
            result.append(digits[value % 16])
        }
        return result
    }
}

/// Inline SVG charts: no script, no external resources, text in the page's font.
///
/// Sizes are in CSS pixels; the page scales a chart down to a minimum width (then it scrolls),
/// never up, so its text stays readable on a phone. Text widths are estimated
/// at 7 px a character (12 px sans-serif), generously, so labels do not run into each other.
enum ComparisonChart {
    static let characterWidth = 7.0

    /// A horizontal bar per item on a 0–100 axis, the value printed after each bar.
    static func bars(id: String, title: String, items: [(label: String, value: Double?)]) -> String {
        let width = 480.0
        let labelWidth = min(170, max(60, Double(items.map(\.label.count).max() ?? 0) * characterWidth + 12))
        let plotLeft = labelWidth
        let plotRight = width - 44
        let plotWidth = plotRight - plotLeft
        let rowHeight = 26.0
        let top = 8.0
        let plotBottom = top + rowHeight * Double(items.count)
        let height = plotBottom + 40
        var svg: [String] = []
        svg.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart bar-chart\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-labelledby=\"\(id)-title\">"
        )
        svg.append("<title id=\"\(id)-title\">\(escape(title))</title>")
        for tick in stride(from: 0.0, through: 100, by: 25) {
            let x = plotLeft + plotWidth * tick / 100
            svg.append(
                "<line class=\"grid\" x1=\"\(n(x))\" y1=\"\(n(top))\" x2=\"\(n(x))\" y2=\"\(n(plotBottom))\"/>")
            svg.append(
                "<text class=\"tick\" x=\"\(n(x))\" y=\"\(n(plotBottom + 16))\" text-anchor=\"middle\">\(n(tick))</text>"
            )
        }
        svg.append(
            "<line class=\"axis\" x1=\"\(n(plotLeft))\" y1=\"\(n(plotBottom))\" x2=\"\(n(plotRight))\" y2=\"\(n(plotBottom))\"/>"
        )
        svg.append(
            "<text class=\"axis-title\" x=\"\(n(plotLeft + plotWidth / 2))\" y=\"\(n(plotBottom + 33))\" text-anchor=\"middle\">score (0–100)</text>"
        )
        for (index, item) in items.enumerated() {
            let y = top + rowHeight * Double(index)
            let middle = y + rowHeight / 2
            let label = truncated(item.label, toWidth: labelWidth - 12)
            svg.append("<g>")
            svg.append(
                "<title>\(escape(item.label)): \(escape(item.value.map(ScoreFormat.number) ?? "no score"))</title>")
            svg.append(
                "<text class=\"label\" x=\"\(n(plotLeft - 8))\" y=\"\(n(middle + 4))\" text-anchor=\"end\">\(escape(label))</text>"
            )
            if let value = item.value {
                let barWidth = max(1, plotWidth * min(100, max(0, value)) / 100)
                svg.append(
                    "<rect class=\"bar\" x=\"\(n(plotLeft))\" y=\"\(n(y + 5))\" width=\"\(n(barWidth))\" height=\"\(n(rowHeight - 10))\" fill=\"\(HeatColor.background(value))\"/>"
                )
                svg.append(
                    "<text class=\"value\" x=\"\(n(plotLeft + barWidth + 6))\" y=\"\(n(middle + 4))\">\(ScoreFormat.number(value))</text>"
                )
            } else {
                svg.append(
                    "<text class=\"none\" x=\"\(n(plotLeft + 6))\" y=\"\(n(middle + 4))\">no score</text>")
            }
            svg.append("</g>")
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    /// A line through an area's scores over the years, each point labelled with its score.
    ///
    /// Points are placed by year; promises in the same year are spread a quarter year apart.
    static func trend(id: String, title: String, points: [(year: Int, score: Double)]) -> String {
        let width = 640.0
        let height = 240.0
        let (left, right, top, bottom) = (44.0, 28.0, 24.0, 44.0)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        // Points stay this far from the plot's sides, so their labels clear the axis labels.
        let inset = 36.0
        var positions: [Double] = []
        for (index, point) in points.enumerated() {
            let sameYearBefore = points[..<index].filter { $0.year == point.year }.count
            positions.append(Double(point.year) + Double(sameYearBefore) * 0.25)
        }
        let low = positions.min() ?? 0
        let high = positions.max() ?? 0
        func x(_ position: Double) -> Double {
            high > low
                ? left + inset + (position - low) / (high - low) * (plotWidth - 2 * inset) : left + plotWidth / 2
        }
        func y(_ score: Double) -> Double { top + plotHeight * (1 - min(100, max(0, score)) / 100) }
        var svg: [String] = []
        svg.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart line-chart\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-labelledby=\"\(id)-title\">"
        )
        svg.append("<title id=\"\(id)-title\">\(escape(title))</title>")
        for tick in stride(from: 0.0, through: 100, by: 25) {
            svg.append(
                "<line class=\"grid\" x1=\"\(n(left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(tick)))\"/>"
            )
            svg.append(
                "<text class=\"tick\" x=\"\(n(left - 8))\" y=\"\(n(y(tick) + 4))\" text-anchor=\"end\">\(n(tick))</text>"
            )
        }
        svg.append(
            "<line class=\"axis\" x1=\"\(n(left))\" y1=\"\(n(top + plotHeight))\" x2=\"\(n(width - right))\" y2=\"\(n(top + plotHeight))\"/>"
        )
        var labelledYears: Set<Int> = []
        for (point, position) in zip(points, positions) where labelledYears.insert(point.year).inserted {
            svg.append(
                "<text class=\"tick\" x=\"\(n(x(position)))\" y=\"\(n(top + plotHeight + 18))\" text-anchor=\"middle\">\(point.year)</text>"
            )
        }
        svg.append(
            "<text class=\"axis-title\" x=\"\(n(left + plotWidth / 2))\" y=\"\(n(height - 6))\" text-anchor=\"middle\">start year of the promise</text>"
        )
        let line = zip(points, positions).map { "\(n(x($1))),\(n(y($0.score)))" }.joined(separator: " ")
        svg.append("<polyline class=\"trend\" points=\"\(line)\"/>")
        for (point, position) in zip(points, positions) {
            svg.append("<g>")
            svg.append("<title>\(point.year): \(ScoreFormat.number(point.score))</title>")
            svg.append(
                "<circle class=\"point\" cx=\"\(n(x(position)))\" cy=\"\(n(y(point.score)))\" r=\"5\" fill=\"\(HeatColor.background(point.score))\"/>"
            )
            svg.append(
                "<text class=\"value\" x=\"\(n(x(position)))\" y=\"\(n(y(point.score) - 10))\" text-anchor=\"middle\">\(ScoreFormat.number(point.score))</text>"
            )
            svg.append("</g>")
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    /// The label, cut with "…" so that it fits `width` at the estimated character width.
    static func truncated(_ label: String, toWidth width: Double) -> String {
        let fits = max(1, Int(width / characterWidth))
        return label.count <= fits ? label : String(label.prefix(fits - 1)) + "…"
    }

    /// A coordinate: at most one decimal.
    private static func n(_ value: Double) -> String { ScoreFormat.number(value) }

    private static func escape(_ text: String) -> String { MarkupEscaping.escape(text) }
}
