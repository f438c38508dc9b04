import Foundation

/// Builds a whole report: runs the chapters concurrently, renders their figures, writes the pages
/// and swaps the result into the output folder.
///
/// Chapters are independent, so they run in parallel (at most one per core); pages are written
/// afterwards in teaching order, so the output does not depend on which chapter finished first.
/// Any failure discards the staging folder and leaves the previous report untouched.
struct ReportBuilder {
    /// What to build and where.
    struct Options: Sendable {
        var chapters: [any Chapter]
        var output: URL
        var formats: [FigureFormat]
        var scale: Double
        var seed: UInt64
    }

    /// What a finished run produced (the numbers of the summary line).
    struct Summary: Sendable, Equatable {
        let chapters: Int
        let figures: Int
        let files: Int
        let seconds: Double
        let index: URL
    }

    let options: Options
    let excerpts: SourceExcerpts
    let log: ProgressLog
    /// When the run began; the summary's wall time is measured from here.
    var started: ContinuousClock.Instant = .now

    func run() throws -> Summary {
        let clock = ContinuousClock()
        let folder = try OutputFolder.prepare(options.output)
        do {
            let built = try buildChapters(into: folder)
            let files = try writePages(built, into: folder)
            try folder.commit()
            let seconds = Self.seconds(clock.now - started)
            let index = folder.destination.appendingPathComponent(IndexPageLayout.fileName)
            let figures = built.reduce(0) { $0 + $1.figures.count }
            log.finished(chapters: built.count, figures: figures, files: files, seconds: seconds, index: index.path)
            return Summary(chapters: built.count, figures: figures, files: files, seconds: seconds, index: index)
        } catch {
            folder.discard()
            throw error
        }
    }

    /// Builds and renders every chapter, concurrently; results come back in teaching order.
    private func buildChapters(into folder: OutputFolder) throws -> [BuiltChapter] {
        let chapters = options.chapters
        let results = ResultSlots<BuiltChapter>(count: chapters.count)
        let context = ChapterContext(seed: options.seed, formats: options.formats, scale: options.scale, excerpts: excerpts)
        let formats = options.formats
        let log = self.log
        DispatchQueue.concurrentPerform(iterations: chapters.count) { index in
            let chapter = chapters[index]
            let clock = ContinuousClock()
            let start = clock.now
            do {
                let built = try Self.build(chapter, context: context, formats: formats, folder: folder)
                results.set(index, .success(built))
                log.chapterFinished(id: chapter.id, seconds: Self.seconds(clock.now - start), figures: built.figures.count)
            } catch {
                results.set(index, .failure(error))
            }
        }
        var built: [BuiltChapter] = []
        var failures: [ReportError.ChapterFailure] = []
        for (index, result) in results.values.enumerated() {
            switch result {
            case .success(let chapter): built.append(chapter)
            case .failure(let error): failures.append(.init(id: chapters[index].id, message: "\(error)"))
            case nil: failures.append(.init(id: chapters[index].id, message: "did not run"))
            }
        }
        guard failures.isEmpty else { throw ReportError.chaptersFailed(failures) }
        return built
    }

    /// One chapter: build its page, parse its prose, place the items, render the figures.
    private static func build(_ chapter: any Chapter, context: ChapterContext, formats: [FigureFormat],
                              folder: OutputFolder) throws -> BuiltChapter {
        let page = try chapter.build(context)
        let prose: (text: String, file: String)
        switch page.prose {
        case .bundled: prose = try ProseLibrary.markdown(for: chapter.id)
        case .inline(let markdown, let file): prose = (markdown, file)
        }
        let blocks = try MarkdownBlocks.parse(prose.text, file: prose.file)
        let built = try ChapterAssembly(chapter: chapter, page: page, blocks: blocks, proseFile: prose.file,
                                        formats: formats).assemble()
        let figures = Dictionary(uniqueKeysWithValues: page.figures.map { ($0.stem, $0) })
        for placed in built.figures {
            guard let figure = figures[placed.stem] else { continue }
            for file in placed.files {
                let url = folder.staging.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                do {
                    try figure.render(url, file.format, context.scale)
                } catch {
                    throw PageError(chapterID: chapter.id, message: "figure '\(figure.stem)' (\(file.format.displayName)) failed: \(error)")
                }
                guard FileManager.default.fileExists(atPath: url.path) else {
                    throw PageError(chapterID: chapter.id, message: "figure '\(figure.stem)' did not write \(file.path)")
                }
            }
        }
        return built
    }

    /// Writes the chapter pages, the index, the figures page and the stylesheet; returns how many
    /// files the report holds in all.
    private func writePages(_ chapters: [BuiltChapter], into folder: OutputFolder) throws -> Int {
        let footer = PageShell.footer(seed: options.seed, formats: options.formats)
        for (index, chapter) in chapters.enumerated() {
            let previous = index > 0 ? chapters[index - 1] : nil
            let next = index + 1 < chapters.count ? chapters[index + 1] : nil
            try folder.write(ChapterPageLayout.render(chapter, previous: previous, next: next, footer: footer),
                             to: ChapterPageLayout.fileName(for: chapter.id))
        }
        try folder.write(IndexPageLayout.render(chapters, footer: footer), to: IndexPageLayout.fileName)
        try folder.write(FiguresPageLayout.render(chapters, footer: footer), to: FiguresPageLayout.fileName)
        try folder.write(try ProseLibrary.stylesheet(), to: "style.css")
        try folder.write(OutputFolder.readmeContents, to: OutputFolder.readmeFileName)
        let figureFiles = chapters.reduce(0) { $0 + $1.figures.reduce(0) { $0 + $1.files.count } }
        // Chapter pages, index, figures page, stylesheet, README, marker.
        return figureFiles + chapters.count + 5
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}

/// Slots that concurrent workers fill by index, so results keep their order.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Result<Value, any Error>?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<Value, any Error>) {
        lock.lock()
        defer { lock.unlock() }
        storage[index] = result
    }

    var values: [Result<Value, any Error>?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
