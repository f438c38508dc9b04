import Foundation
import Models
import Plot

/// A fitted decision tree drawn as a diagram: one box per node (its test, impurity, sample count
/// and majority class), lines from each node to its children, "yes"/"no" on the root's branches.
///
/// Leaves sit one unit apart in left-to-right order, each internal node centred over its children,
/// one unit per level downwards; boxes and lines are ordinary Plot marks in a panel without axes.
struct TreeDiagramFigure {
    let tree: DecisionTree
    /// Display names of the features and their unit ("petal length", "cm"; the unit may be empty).
    let featureNames: [String]
    let unit: String
    let classNames: [String]
    /// The impurity's name printed in each box ("gini" or "entropy").
    let impurityName: String

    /// Horizontal position of every node (leaves at 0, 1, 2 ...).
    func nodePositions() -> [Double] {
        var x = [Double](repeating: 0, count: tree.nodes.count)
        var nextLeaf = 0.0
        func place(_ id: Int) {
            let node = tree.nodes[id]
            if let left = node.left, let right = node.right {
                place(left)
                place(right)
                x[id] = (x[left] + x[right]) / 2
            } else {
                x[id] = nextLeaf
                nextLeaf += 1
            }
        }
        place(0)
        return x
    }

    /// The lines of text in a node's box.
    func lines(for node: TreeNode) -> [String] {
        var text: [String] = []
        if let feature = node.feature, let threshold = node.threshold {
            text.append("\(featureNames[feature]) ≤ \(Self.format(threshold))\(unit.isEmpty ? "" : " " + unit)")
        }
        text.append("\(impurityName) = \(Self.format(node.impurity, places: 3))")
        text.append("samples = \(node.samples)")
        let counts = node.value.map { String(Int($0.rounded())) }.joined(separator: ", ")
        text.append("counts = [\(counts)]")
        text.append("class = \(classNames[node.majorityIndex])")
        return text
    }

    /// The diagram as a figure `width` x `height` pixels.
    func figure(title: String, width: Double, height: Double) -> Figure {
        let x = nodePositions()
        let leaves = Double(tree.leafCount), levels = Double(tree.depth + 1)
        let boxWidth = 0.95, boxHeight = 0.7
        let lineHeight = 13.0
        var marks: [Mark] = []
        // Edges first, so boxes cover their ends.
        for node in tree.nodes {
            guard let left = node.left, let right = node.right else { continue }
            for (child, answer) in [(left, "yes"), (right, "no")] {
                let from = Point(x[node.id], -Double(node.depth) - boxHeight / 2)
                let to = Point(x[child], -Double(node.depth + 1) + boxHeight / 2)
                marks.append(.line([from, to], color: Color(hex: 0x777777), width: 1.2))
                if node.id == 0 {
                    marks.append(.text(answer, at: Point((from.x + to.x) / 2, (from.y + to.y) / 2),
                                       anchor: child == left ? .trailing : .leading,
                                       offset: (child == left ? -6 : 6, 0), color: Color(hex: 0x555555), size: 12))
                }
            }
        }
        for node in tree.nodes {
            let cx = x[node.id], cy = -Double(node.depth)
            let total = node.value.reduce(0, +)
            let purity = total > 0 ? (node.value.max() ?? 0) / total : 0
            // Stronger colour for purer nodes, in the colour of the node's majority class.
            let fill = DecisionRegionsFigure.color(ofClass: node.majorityIndex)
            marks.append(.rectangle(x: (cx - boxWidth / 2)...(cx + boxWidth / 2),
                                    y: (cy - boxHeight / 2)...(cy + boxHeight / 2),
                                    fill: fill, opacity: 0.08 + 0.3 * max(0, purity - 0.3) / 0.7,
                                    stroke: Color(hex: 0x666666)))
            let text = lines(for: node)
            for (i, line) in text.enumerated() {
                let shift = (Double(text.count - 1) / 2 - Double(i)) * lineHeight
                marks.append(.text(line, at: Point(cx, cy), offset: (0, shift), size: 10.5,
                                   bold: i == 0 && node.feature != nil))
            }
        }
        let panel = Panel(
            title: title, xLimits: -0.5...(leaves - 0.5), yLimits: (-levels + 0.6)...0.4, grid: false,
            legend: .hidden, showsAxes: false, marks: marks)
        return Figure(width: width, height: height, panel: panel)
    }

    /// A number with at most `places` decimals and no trailing zeros (thresholds such as 2.45).
    static func format(_ value: Double, places: Int = 4) -> String {
        var text = String(format: "%.\(places)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
