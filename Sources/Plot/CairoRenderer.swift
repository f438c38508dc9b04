// The only file in Plot that talks to Cairo and libpng. Nothing Cairo outlives a call:
// every entry point creates a surface, draws, encodes and destroys it.
internal import CCairo
import Foundation

/// Draws with a Cairo context; one instance per surface, used on one thread.
final class CairoRenderer: Renderer {
    private let context: OpaquePointer
    let prefersRasterCells: Bool
    private var currentFont: Font?
    let sharedWork: SharedBandWorkClient?

    init(context: OpaquePointer, prefersRasterCells: Bool, sharedWork: SharedBandWork? = nil) {
        self.context = context
        self.prefersRasterCells = prefersRasterCells
        self.sharedWork = sharedWork.map(SharedBandWorkClient.init)
    }

    private func setColor(_ color: Color) {
        cairo_set_source_rgba(context, color.red, color.green, color.blue, color.alpha)
    }

    private func appendPath(_ path: Path) {
        cairo_new_path(context)
        for element in path.elements {
            switch element {
            case .move(let p): cairo_move_to(context, p.x, p.y)
            case .line(let p): cairo_line_to(context, p.x, p.y)
            case .close: cairo_close_path(context)
            case .circle(let center, let radius):
                cairo_new_sub_path(context)
                cairo_arc(context, center.x, center.y, radius, 0, 2 * Double.pi)
                cairo_close_path(context)
            }
        }
    }

    func fill(_ path: Path, color: Color, rule: FillRule) {
        guard !path.isEmpty else { return }
        appendPath(path)
        setColor(color)
        cairo_set_fill_rule(context, rule == .evenOdd ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING)
        cairo_fill(context)
    }

    func stroke(_ path: Path, style: StrokeStyle) {
        guard !path.isEmpty, style.width > 0 else { return }
        appendPath(path)
        setColor(style.color)
        cairo_set_line_width(context, style.width)
        cairo_set_line_cap(context, style.roundCaps ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
        // Round joins on dense polylines cost much and show nothing at these widths; bevel there.
        cairo_set_line_join(context, path.elements.count > 64 ? CAIRO_LINE_JOIN_BEVEL : CAIRO_LINE_JOIN_ROUND)
        if style.dash.isEmpty {
            cairo_set_dash(context, nil, 0, 0)
        } else {
            style.dash.withUnsafeBufferPointer { cairo_set_dash(context, $0.baseAddress, Int32($0.count), 0) }
        }
        cairo_stroke(context)
    }

    private func select(_ font: Font) {
        guard font != currentFont else { return }
        cairo_select_font_face(context, font.family, CAIRO_FONT_SLANT_NORMAL,
                               font.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, font.size)
        currentFont = font
    }

    func measure(_ text: String, font: Font) -> TextMetrics {
        select(font)
        var fontExtents = cairo_font_extents_t()
        cairo_font_extents(context, &fontExtents)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        return TextMetrics(width: extents.x_advance, ascent: fontExtents.ascent, descent: fontExtents.descent)
    }

    func drawText(_ text: String, at origin: Point, font: Font, color: Color, rotation: Double) {
        guard !text.isEmpty else { return }
        select(font)
        setColor(color)
        cairo_save(context)
        cairo_translate(context, origin.x, origin.y)
        if rotation != 0 { cairo_rotate(context, rotation) }
        cairo_new_path(context)
        cairo_move_to(context, 0, 0)
        cairo_show_text(context, text)
        cairo_restore(context)
    }

    func drawImage(_ image: RasterImage, in rect: Rect) {
        guard image.width > 0, image.height > 0, image.pixels.count == image.width * image.height,
              rect.width > 0, rect.height > 0,
              let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(image.width), Int32(image.height))
        else { return }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS,
              let data = cairo_image_surface_get_data(surface) else { return }
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        for row in 0..<image.height {
            let line = UnsafeMutableRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            for column in 0..<image.width {
                line[column] = premultipliedARGB(image.pixels[row * image.width + column])
            }
        }
        cairo_surface_mark_dirty(surface)
        cairo_save(context)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(context)
        cairo_translate(context, rect.x, rect.y)
        cairo_scale(context, rect.width / Double(image.width), rect.height / Double(image.height))
        cairo_set_source_surface(context, surface, 0, 0)
        let pattern = cairo_get_source(context)
        cairo_pattern_set_filter(pattern, CAIRO_FILTER_NEAREST)
        cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD)
        cairo_paint(context)
        cairo_restore(context)
    }

    func pushClip(_ rect: Rect) {
        cairo_save(context)
        cairo_new_path(context)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(context)
    }

    func popClip() {
        cairo_restore(context)
        currentFont = nil
    }
}

/// A colour as Cairo's native-endian premultiplied 0xAARRGGBB.
private func premultipliedARGB(_ color: Color) -> UInt32 {
    let a = min(max(color.alpha, 0), 1)
    func channel(_ value: Double) -> UInt32 { UInt32((min(max(value, 0), 1) * a * 255).rounded()) }
    return UInt32((a * 255).rounded()) << 24 | channel(color.red) << 16 | channel(color.green) << 8
        | channel(color.blue)
}

/// Collects the bytes a vector surface streams out.
private final class ByteSink {
    var data = Data()
}

private let appendToSink: cairo_write_func_t = { closure, bytes, length in
    guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
    Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
    return CAIRO_STATUS_SUCCESS
}

private func statusMessage(_ status: cairo_status_t) -> String {
    String(cString: cairo_status_to_string(status))
}

/// Entry points that turn a drawing closure into file bytes.
enum CairoOutput {
    /// zlib level for PNG image data. Level 1 costs about a tenth less CPU than 3 on dense charts
    /// (the largest benchmark chart: 202 KiB instead of 194 KiB) for the very same pixels.
    static let pngCompressionLevel: Int32 = 1

    /// Draws at `scale` into an image surface and encodes it with libpng
    /// (zlib level 1, no row filters, pHYs = 96 dpi x scale, tEXt title and description).
    /// Large images are drawn and deflated in horizontal bands on parallel threads; `bands`
    /// overrides that count (tests compare banded against whole-image drawing).
    static func png(width: Double, height: Double, scale: Double, opaque: Bool,
                    title: String?, description: String?, bands: Int? = nil,
                    draw: (Renderer) throws -> Void) throws -> Data {
        let pixelWidth = Int32((width * scale).rounded()), pixelHeight = Int32((height * scale).rounded())
        guard pixelWidth > 0, pixelHeight > 0 else {
            throw PlotError.renderFailed("Cairo could not create a \(pixelWidth) x \(pixelHeight) image")
        }
        let layout: PNGPixelLayout = opaque ? .nativeXRGB : .rgba
        let count = max(1, min(Int(pixelHeight), bands ?? pngStripeCount(width: pixelWidth, height: pixelHeight, layout: layout)))
        let results = BandResults(count: count)
        defer { results.release() }
        // Band-independent work (contour lines in pixels) is done once for all bands.
        let sharedWork = count > 1 ? SharedBandWork() : nil
        withoutActuallyEscaping(draw) { draw in
            // Bands run at once, so the closure crosses threads: drawing only reads the immutable figure
            // and each band draws through its own Cairo context.
            nonisolated(unsafe) let draw = draw
            let renderBand: @Sendable (Int) -> Void = { index in
                let top = Int32(Int(pixelHeight) * index / count), bottom = Int32(Int(pixelHeight) * (index + 1) / count)
                do {
                    results.stripes[index] = try drawAndDeflateBand(
                        width: pixelWidth, top: top, bottom: bottom, last: index == count - 1,
                        scale: scale, layout: layout, sharedWork: sharedWork, draw: draw)
                } catch {
                    results.errors[index] = error
                }
            }
            if count == 1 {
                renderBand(0)
            } else {
                runConcurrently(count, renderBand)
            }
        }
        for index in 0..<count {
            if let error = results.errors[index] { throw error }
        }
        var buffer = ccairo_png_buffer()
        defer { ccairo_png_buffer_free(&buffer) }
        let pixelsPerMeter = UInt32((96 * scale / 0.0254).rounded())
        let result: Int32 = withOptionalCString(title) { titlePointer in
            withOptionalCString(description) { descriptionPointer in
                ccairo_png_write(pixelWidth, pixelHeight, layout == .rgba ? 4 : 3, results.stripes, Int32(count),
                                 pngCompressionLevel, pixelsPerMeter, titlePointer, descriptionPointer, &buffer)
            }
        }
        return try pngBytes(result: result, buffer: &buffer)
    }

    /// Draws rows `top..<bottom` of the image on their own surface and deflates them (PNG filter None).
    private static func drawAndDeflateBand(width: Int32, top: Int32, bottom: Int32, last: Bool, scale: Double,
                                           layout: PNGPixelLayout, sharedWork: SharedBandWork?,
                                           draw: (Renderer) throws -> Void) throws -> ccairo_png_stripe {
        let rows = bottom - top
        let format = layout == .nativeXRGB ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32
        let surfaceStride = cairo_format_stride_for_width(format, width)
        guard surfaceStride > 0 else {
            throw PlotError.renderFailed("Cairo could not create a \(width) x \(rows) image")
        }
        // Pixel memory from a small pool: reused pages are much cheaper than fresh ones.
        var capacity = 0
        guard let memory = ccairo_pixels_acquire(Int(surfaceStride) * Int(rows), &capacity) else {
            throw PlotError.renderFailed("out of memory for a \(width) x \(rows) image")
        }
        defer { ccairo_pixels_release(memory, capacity) }
        guard let surface = cairo_image_surface_create_for_data(memory, format, width, rows, surfaceStride) else {
            throw PlotError.renderFailed("Cairo could not create a \(width) x \(rows) image")
        }
        defer { cairo_surface_destroy(surface) }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PlotError.renderFailed("Cairo image surface: \(statusMessage(status))")
        }
        try drawWithContext(on: surface, scale: scale, originY: Double(top), prefersRasterCells: true,
                            sharedWork: sharedWork, draw: draw)
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else {
            throw PlotError.renderFailed("Cairo image surface has no pixel data")
        }
        let stride = Int(cairo_image_surface_get_stride(surface))
        var stripe = ccairo_png_stripe()
        stripe.width = width
        stripe.channels = layout == .rgba ? 4 : 3
        stripe.native_xrgb = layout == .nativeXRGB ? 1 : 0
        stripe.level = pngCompressionLevel
        stripe.row_begin = 0
        stripe.row_end = rows
        stripe.last = last ? 1 : 0
        if layout == .nativeXRGB {
            stripe.pixels = UnsafePointer(data)
            stripe.stride = Int32(stride)
            ccairo_png_deflate_stripe(&stripe)
        } else {
            let pixels = straightRGBA(data, stride: stride, width: Int(width), rows: Int(rows))
            pixels.withUnsafeBufferPointer { raw in
                stripe.pixels = raw.baseAddress
                stripe.stride = width * 4
                ccairo_png_deflate_stripe(&stripe)
            }
        }
        stripe.pixels = nil
        guard stripe.status == 0 else {
            ccairo_png_stripe_free(&stripe)
            throw PlotError.renderFailed("zlib could not compress the image")
        }
        return stripe
    }

    /// Cairo keeps premultiplied alpha; PNG wants straight alpha.
    private static func straightRGBA(_ data: UnsafeMutablePointer<UInt8>, stride: Int, width: Int, rows: Int) -> [UInt8] {
        let rowBytes = width * 4
        var pixels = [UInt8](repeating: 0, count: rowBytes * rows)
        pixels.withUnsafeMutableBufferPointer { out in
            for row in 0..<rows {
                let line = UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
                var o = row * rowBytes
                for column in 0..<width {
                    let argb = line[column]
                    let a = argb >> 24
                    func straight(_ c: UInt32) -> UInt8 {
                        a == 0 ? 0 : UInt8(min(255, (c * 255 + a / 2) / a))
                    }
                    out[o] = straight((argb >> 16) & 0xFF)
                    out[o + 1] = straight((argb >> 8) & 0xFF)
                    out[o + 2] = straight(argb & 0xFF)
                    out[o + 3] = UInt8(a)
                    o += 4
                }
            }
        }
        return pixels
    }

    /// The encoder's bytes, or a typed error carrying libpng's message.
    /// On success the bytes move into the `Data` without a copy and `buffer` is left empty.
    private static func pngBytes(result: Int32, buffer: inout ccairo_png_buffer) throws -> Data {
        guard result == 0, let bytes = buffer.data else {
            var message = buffer.message
            let text = withUnsafeBytes(of: &message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            throw PlotError.renderFailed("libpng could not encode the image (code \(result)): \(text)")
        }
        let data = Data(bytesNoCopy: bytes, count: buffer.size, deallocator: .free)
        buffer.data = nil
        buffer.size = 0
        buffer.capacity = 0
        return data
    }

    /// How the rows handed to `encodePNG` store a pixel.
    enum PNGPixelLayout {
        /// Cairo RGB24: a native-endian 32-bit word 0x00RRGGBB, written as RGB.
        case nativeXRGB
        /// Straight-alpha bytes R, G, B, A.
        case rgba
    }

    /// How many horizontal stripes the encoder deflates in parallel for an image this size.
    static func pngStripeCount(width: Int32, height: Int32, layout: PNGPixelLayout) -> Int {
        Int(ccairo_png_stripe_count(height, 1 + Int(width) * (layout == .rgba ? 4 : 3)))
    }

    /// Encodes rows of pixels as a PNG with pHYs and text chunks (no row filters), deflating
    /// large images in stripes on parallel threads.
    static func encodePNG(pixels: UnsafeRawPointer, width: Int32, height: Int32, stride: Int, layout: PNGPixelLayout,
                          pixelsPerMeter: UInt32, title: String?, description: String?) throws -> Data {
        var buffer = ccairo_png_buffer()
        defer { ccairo_png_buffer_free(&buffer) }
        let rows = pixels.assumingMemoryBound(to: UInt8.self)
        let result: Int32 = withOptionalCString(title) { titlePointer in
            withOptionalCString(description) { descriptionPointer in
                ccairo_png_encode(rows, width, height, Int32(stride), layout == .rgba ? 4 : 3, layout == .rgba ? 0 : 1,
                                  pngCompressionLevel, pixelsPerMeter, titlePointer, descriptionPointer, &buffer)
            }
        }
        return try pngBytes(result: result, buffer: &buffer)
    }

    /// Draws into an SVG document measured in px.
    static func svg(width: Double, height: Double, draw: (Renderer) throws -> Void) throws -> Data {
        let sink = ByteSink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        return try withExtendedLifetime(sink) {
            guard let surface = cairo_svg_surface_create_for_stream(appendToSink, closure, width, height) else {
                throw PlotError.renderFailed("Cairo could not create an SVG surface")
            }
            defer { cairo_surface_destroy(surface) }
            try check(surface, "SVG surface")
            cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1)
            cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
            try drawWithContext(on: surface, scale: 1, prefersRasterCells: false, draw: draw)
            cairo_surface_finish(surface)
            try check(surface, "SVG output")
            return renumberSurfaceIDs(sink.data)
        }
    }

    /// Draws into a one-page PDF, 1 px = 0.75 pt (96 dpi), with pinned metadata dates.
    static func pdf(width: Double, height: Double, title: String?, draw: (Renderer) throws -> Void) throws -> Data {
        let sink = ByteSink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let pointsPerPixel = 0.75
        return try withExtendedLifetime(sink) {
            guard let surface = cairo_pdf_surface_create_for_stream(
                appendToSink, closure, width * pointsPerPixel, height * pointsPerPixel)
            else { throw PlotError.renderFailed("Cairo could not create a PDF surface") }
            defer { cairo_surface_destroy(surface) }
            try check(surface, "PDF surface")
            // Pinned dates keep the same figure's PDF byte-identical from run to run.
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z")
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, "2000-01-01T00:00:00Z")
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Plot \(PlotLibrary.version)")
            if let title { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title) }
            try drawWithContext(on: surface, scale: pointsPerPixel, prefersRasterCells: false, draw: draw)
            cairo_surface_finish(surface)
            try check(surface, "PDF output")
            return sink.data
        }
    }

    /// Runs `body` with a renderer on a scratch surface, for measuring text with Cairo's real
    /// font metrics (layout tests compare against these).
    static func withMeasuringRenderer<R>(_ body: (Renderer) throws -> R) throws -> R {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1) else {
            throw PlotError.renderFailed("Cairo could not create a scratch surface")
        }
        defer { cairo_surface_destroy(surface) }
        guard let context = cairo_create(surface) else { throw PlotError.renderFailed("no Cairo context") }
        defer { cairo_destroy(context) }
        return try body(CairoRenderer(context: context, prefersRasterCells: true))
    }

    private static func check(_ surface: OpaquePointer, _ what: String) throws {
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PlotError.renderFailed("\(what): \(statusMessage(status))")
        }
    }

    private static func drawWithContext(on surface: OpaquePointer, scale: Double, originY: Double = 0,
                                        prefersRasterCells: Bool, sharedWork: SharedBandWork? = nil,
                                        draw: (Renderer) throws -> Void) throws {
        guard let context = cairo_create(surface) else {
            throw PlotError.renderFailed("Cairo could not create a drawing context")
        }
        defer { cairo_destroy(context) }
        // A band of a larger image: its first row is the image's row `originY`.
        cairo_translate(context, 0, -originY)
        cairo_scale(context, scale, scale)
        // Curves flattened to within a quarter device pixel: invisible, and fewer edges to fill.
        cairo_set_tolerance(context, 0.25)
        let renderer = CairoRenderer(context: context, prefersRasterCells: prefersRasterCells, sharedWork: sharedWork)
        try draw(renderer)
        let status = cairo_status(context)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PlotError.renderFailed("Cairo drawing: \(statusMessage(status))")
        }
        cairo_show_page(context)
    }
}

/// Runs `body(0..<count)` with every index but 0 on a thread of its own and 0 on the caller's,
/// returning when all are done. Plain threads joined before returning: nothing outlives the call
/// (GCD's `concurrentPerform` ran the bands one after another here).
private func runConcurrently(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    final class Task {
        let body: @Sendable (Int) -> Void
        let index: Int
        init(_ body: @escaping @Sendable (Int) -> Void, _ index: Int) { self.body = body; self.index = index }
    }
    var threads: [pthread_t?] = []
    for index in 1..<count {
        var thread = pthread_t()
        let task = Unmanaged.passRetained(Task(body, index)).toOpaque()
        let started = pthread_create(&thread, nil, { context in
            let task = Unmanaged<Task>.fromOpaque(context!).takeRetainedValue()
            task.body(task.index)
            return nil
        }, task) == 0
        if started {
            threads.append(thread)
        } else {
            Unmanaged<Task>.fromOpaque(task).release()
            body(index)
        }
    }
    body(0)
    for case let thread? in threads { pthread_join(thread, nil) }
}

/// The deflated bands of one image, each slot written by exactly one parallel band task
/// (so no two threads touch the same memory) and read after all have finished.
private final class BandResults: @unchecked Sendable {
    let stripes: UnsafeMutablePointer<ccairo_png_stripe>
    let errors: UnsafeMutablePointer<(any Error)?>
    let count: Int

    init(count: Int) {
        self.count = count
        stripes = .allocate(capacity: count)
        stripes.initialize(repeating: ccairo_png_stripe(), count: count)
        errors = .allocate(capacity: count)
        errors.initialize(repeating: nil, count: count)
    }

    /// Frees the compressed bands and the slots.
    func release() {
        for index in 0..<count { ccairo_png_stripe_free(stripes + index) }
        stripes.deallocate()
        errors.deinitialize(count: count)
        errors.deallocate()
    }
}

/// Cairo names SVG groups after a process-wide surface counter ("surface17"), so the same figure
/// would differ between two renders in one process. Renumbering them in order of appearance makes
/// SVG output byte-identical like PNG and PDF.
func renumberSurfaceIDs(_ data: Data) -> Data {
    let word = Array("surface".utf8)
    let bytes = [UInt8](data)
    var output = [UInt8]()
    output.reserveCapacity(bytes.count)
    var mapping: [ArraySlice<UInt8>: Int] = [:]
    var i = 0
    while i < bytes.count {
        if bytes[i] == word[0], i + word.count < bytes.count, bytes[i..<(i + word.count)].elementsEqual(word),
           bytes[i + word.count] >= 48, bytes[i + word.count] <= 57 {
            var end = i + word.count
            while end < bytes.count, bytes[end] >= 48, bytes[end] <= 57 { end += 1 }
            let number = bytes[(i + word.count)..<end]
            let renumbered = mapping[number] ?? (mapping.count + 1)
            mapping[number] = renumbered
            output.append(contentsOf: word)
            output.append(contentsOf: Array(String(renumbered).utf8))
            i = end
        } else {
            output.append(bytes[i])
            i += 1
        }
    }
    return Data(output)
}

private func withOptionalCString<R>(_ string: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
    guard let string else { return body(nil) }
    return string.withCString { body($0) }
}

/// A decoded PNG's pixels, used by tests to sample rendered figures.
struct DecodedImage: Sendable {
    var width: Int
    var height: Int
    /// Straight (not premultiplied) RGBA, row-major.
    var rgba: [UInt8]

    /// The colour at column `x`, row `y` as 8-bit components.
    func pixel(_ x: Int, _ y: Int) -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
        let i = (y * width + x) * 4
        return (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3])
    }
}

/// Feeds a byte buffer to Cairo's PNG reader.
private final class ByteSource {
    let data: Data
    var offset = 0
    init(_ data: Data) { self.data = data }
}

private let readFromSource: cairo_read_func_t = { closure, buffer, length in
    guard let closure, let buffer else { return CAIRO_STATUS_READ_ERROR }
    let source = Unmanaged<ByteSource>.fromOpaque(closure).takeUnretainedValue()
    let count = Int(length)
    guard source.offset + count <= source.data.count else { return CAIRO_STATUS_READ_ERROR }
    source.data.copyBytes(to: buffer, from: source.offset..<(source.offset + count))
    source.offset += count
    return CAIRO_STATUS_SUCCESS
}

/// Decodes PNG bytes through Cairo (used by the tests to check rendered pixels).
func decodePNG(_ data: Data) throws -> DecodedImage {
    let source = ByteSource(data)
    return try withExtendedLifetime(source) {
        guard let surface = cairo_image_surface_create_from_png_stream(
            readFromSource, Unmanaged.passUnretained(source).toOpaque())
        else { throw PlotError.renderFailed("could not decode PNG") }
        defer { cairo_surface_destroy(surface) }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS, let pixels = cairo_image_surface_get_data(surface) else {
            throw PlotError.renderFailed("could not decode PNG: \(statusMessage(status))")
        }
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let format = cairo_image_surface_get_format(surface)
        var rgba = [UInt8](repeating: 0, count: width * height * 4)
        for y in 0..<height {
            let line = UnsafeRawPointer(pixels + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width {
                let argb = line[x]
                let a = format == CAIRO_FORMAT_ARGB32 ? argb >> 24 : 255
                func straight(_ c: UInt32) -> UInt8 { a == 0 ? 0 : UInt8(min(255, (c * 255 + a / 2) / a)) }
                let i = (y * width + x) * 4
                rgba[i] = straight((argb >> 16) & 0xFF)
                rgba[i + 1] = straight((argb >> 8) & 0xFF)
                rgba[i + 2] = straight(argb & 0xFF)
                rgba[i + 3] = UInt8(a)
            }
        }
        return DecodedImage(width: width, height: height, rgba: rgba)
    }
}
