/// The cell geometry that contour lines and filled bands share, so a band's border and the
/// contour line of the same level are the same segments, bit for bit.
///
/// A cell (i, j) has corners c0 = (i, j), c1 = (i+1, j), c2 = (i+1, j+1), c3 = (i, j+1),
/// counter-clockwise when x and y increase, and edges 0 (bottom, c0-c1), 1 (right, c1-c2),
/// 2 (top, c3-c2) and 3 (left, c0-c3). A corner is "above" a level when its value is >= the level.
enum MarchingSquares {
    /// The point where `level` crosses the grid edge from node a to node b, interpolated linearly.
    /// Both cells that share an edge call it with the same node order (lower index first), so they
    /// get the same point.
    @inline(__always)
    static func crossing(
        level: Double, from va: Double, to vb: Double,
        xa: Double, ya: Double, xb: Double, yb: Double
    ) -> Point {
        let t = (level - va) / (vb - va)
        return Point(xa + t * (xb - xa), ya + t * (yb - ya))
    }

    /// The edge joined to `edge` by the contour segment of one level inside a cell.
    ///
    /// - Parameters:
    ///   - crossed: bit e set when the level crosses edge e (two or four bits set).
    ///   - corner0Above: whether corner c0 is above the level.
    ///   - centreAbove: whether the mean of the four corners is above the level; it decides saddle
    ///     cells (four crossings): the corners on the centre's side are connected through the middle.
    @inline(__always)
    static func partner(of edge: Int, crossed: Int, corner0Above: Bool, centreAbove: Bool) -> Int {
        if crossed != 0b1111 {
            // Two crossed edges: the other one.
            let other = crossed & ~(1 << edge)
            return other.trailingZeroBitCount
        }
        // Saddle: cut off the two corners that differ from the centre. Cutting c0 and c2 pairs
        // edges 3-0 and 1-2; cutting c1 and c3 pairs edges 0-1 and 2-3.
        return corner0Above != centreAbove ? 3 - edge : edge ^ 1
    }
}
