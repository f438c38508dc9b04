import Foundation
import Testing
@testable import Report

/// The excerpts of Sources/Models only (where the k-NN and tree excerpts live), scanned once:
/// scanning every source file costs most of a second in a debug build.
private let neighboursTreesExcerpts = SourceExcerpts(scanning: URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/Models"))

/// Helpers for the k-NN and decision-tree chapter tests.
enum NeighboursTreesTestSupport {
    /// Builds a chapter the way the report does (seed, PNG, real excerpts) and places its items in
    /// its bundled prose, so a test sees exactly what a reader would.
    static func buildAndAssemble(_ chapter: some Chapter, seed: UInt64 = 42) throws -> (page: ChapterPage, built: BuiltChapter) {
        let context = ChapterContext(seed: seed, formats: [.png], scale: 1, excerpts: neighboursTreesExcerpts)
        let page = try chapter.build(context)
        let prose = try ProseLibrary.markdown(for: chapter.id)
        let blocks = try MarkdownBlocks.parse(prose.text, file: prose.file)
        let built = try ChapterAssembly(chapter: chapter, page: page, blocks: blocks, proseFile: prose.file,
                                        formats: [.png]).assemble()
        return (page, built)
    }

    /// Renders every figure of `page` as PNG into a temporary folder and returns the files' bytes by stem.
    static func renderPNGs(_ page: ChapterPage) throws -> [String: Data] {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var files: [String: Data] = [:]
        for figure in page.figures {
            let url = folder.url.appendingPathComponent("\(figure.stem).png")
            try figure.render(url, .png, 1)
            files[figure.stem] = try Data(contentsOf: url)
        }
        return files
    }

    /// Whether `data` starts with the PNG signature and holds an image of the given size.
    static func isPNG(_ data: Data, width: Int, height: Int) -> Bool {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return false }
        func be32(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return be32(16) == width && be32(20) == height
    }
}
