/// Turns the chapter names on the command line into registered chapters, in teaching order.
enum ChapterSelection {
    /// The chapters to build: all of them, or those named (duplicates ignored).
    ///
    /// - Throws: ``ReportError/unknownChapters(_:valid:)`` naming every unknown name with a
    ///   suggestion for near misses, or ``ReportError/noChapterSelected``.
    static func resolve(names: [String], all: Bool, registry: ChapterRegistry) throws -> [any Chapter] {
        if all { return registry.chapters }
        guard !names.isEmpty else { throw ReportError.noChapterSelected }
        let unknown = names.filter { registry.chapter(withID: $0) == nil }
        guard unknown.isEmpty else {
            var seen = Set<String>()
            let described = unknown.filter { seen.insert($0).inserted }.map { name in
                ReportError.UnknownChapter(name: name, suggestion: suggestion(for: name, among: registry.ids),
                                           planned: ChapterRegistry.plannedIDs.contains(name))
            }
            throw ReportError.unknownChapters(described, valid: registry.ids)
        }
        let wanted = Set(names)
        return registry.chapters.filter { wanted.contains($0.id) }
    }

    /// The id closest to `name`, if it is close enough to be a typo (or `name` is a prefix of it).
    static func suggestion(for name: String, among ids: [String]) -> String? {
        let lowered = name.lowercased()
        if let prefixed = ids.first(where: { $0.hasPrefix(lowered) && lowered.count >= 3 }) { return prefixed }
        let scored = ids.map { (id: $0, distance: editDistance(lowered, $0)) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        return best.distance <= max(2, best.id.count / 4) ? best.id : nil
    }

    /// Levenshtein distance: insertions, deletions and substitutions that turn `a` into `b`.
    ///
    /// Complexity: O(a.count * b.count) time, O(b.count) memory.
    static func editDistance(_ a: String, _ b: String) -> Int {
        // excerpt: edit-distance
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
        // end excerpt
    }
}
