import Foundation

/// Figure-wide work that every band of one banded PNG needs and computes identically (contour
/// lines mapped to pixels and simplified): shared by the band threads so each piece is done once.
///
/// Bands draw the same figure in the same order, so the n-th request from one band is the n-th
/// from every other. Within a request the bands split the items: each thread claims the next
/// unclaimed index, computes it, and finally waits for the items the others claimed. Work is
/// pure, so the results are the same whoever computes them: the pixels never change.
final class SharedBandWork: @unchecked Sendable {
    private final class Request {
        let fingerprint: Any
        var results: [Any?]
        var nextClaim = 0
        var finished = 0
        init(fingerprint: Any, count: Int) {
            self.fingerprint = fingerprint
            results = [Any?](repeating: nil, count: count)
        }
    }

    // Guards `requests` and every request's fields.
    private let condition = NSCondition()
    private var requests: [Int: Request] = [:]

    /// `compute(0..<count)`, shared with the other bands making request number `ordinal`.
    /// When `fingerprint` differs from the other bands' (a different layout), this band computes
    /// everything itself, so sharing can never change what is drawn.
    func map<T: Sendable, F: Equatable & Sendable>(ordinal: Int, fingerprint: F, count: Int,
                                                   _ compute: (Int) -> T) -> [T] {
        condition.lock()
        let request: Request
        if let existing = requests[ordinal] {
            request = existing
        } else {
            request = Request(fingerprint: fingerprint, count: count)
            requests[ordinal] = request
        }
        guard (request.fingerprint as? F) == fingerprint, request.results.count == count else {
            condition.unlock()
            return (0..<count).map(compute)
        }
        while request.nextClaim < count {
            let index = request.nextClaim
            request.nextClaim += 1
            condition.unlock()
            let result = compute(index)
            condition.lock()
            request.results[index] = result
            request.finished += 1
            if request.finished == count { condition.broadcast() }
        }
        while request.finished < count { condition.wait() }
        let results = request.results.map { $0 as! T }
        condition.unlock()
        return results
    }
}

/// One band's view of the shared work: numbers its requests in drawing order.
final class SharedBandWorkClient {
    private let shared: SharedBandWork
    private var requestsMade = 0

    init(_ shared: SharedBandWork) { self.shared = shared }

    func map<T: Sendable, F: Equatable & Sendable>(fingerprint: F, count: Int, _ compute: (Int) -> T) -> [T] {
        let ordinal = requestsMade
        requestsMade += 1
        return shared.map(ordinal: ordinal, fingerprint: fingerprint, count: count, compute)
    }
}
