#ifndef CCAIRO_PNG_WRITER_H
#define CCAIRO_PNG_WRITER_H
// A small PNG encoder on libpng for Plot. It lives in C because libpng reports errors with
// longjmp, which Swift code cannot catch; here setjmp turns them into a return code.
#include <png.h>
#include <pthread.h>
#include <stdint.h>
#include <zlib.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

/// A growable byte buffer the encoder writes into; free `data` with `ccairo_png_buffer_free`.
typedef struct {
    unsigned char *data;
    size_t size;
    size_t capacity;
    int failed;
    /// libpng's message when encoding failed.
    char message[128];
} ccairo_png_buffer;

static void ccairo_png_error(png_structp png, png_const_charp message) {
    ccairo_png_buffer *buffer = (ccairo_png_buffer *)png_get_error_ptr(png);
    if (buffer && message) {
        strncpy(buffer->message, message, sizeof buffer->message - 1);
        buffer->message[sizeof buffer->message - 1] = 0;
    }
    png_longjmp(png, 1);
}

static void ccairo_png_warning(png_structp png, png_const_charp message) {
    (void)png;
    (void)message;
}

static void ccairo_png_append(png_structp png, png_bytep bytes, png_size_t length) {
    ccairo_png_buffer *buffer = (ccairo_png_buffer *)png_get_io_ptr(png);
    if (buffer->failed) return;
    if (buffer->size + length > buffer->capacity) {
        size_t capacity = buffer->capacity ? buffer->capacity : 65536;
        while (capacity < buffer->size + length) capacity *= 2;
        unsigned char *grown = (unsigned char *)realloc(buffer->data, capacity);
        if (!grown) { buffer->failed = 1; return; }
        buffer->data = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->data + buffer->size, bytes, length);
    buffer->size += length;
}

static void ccairo_png_flush(png_structp png) { (void)png; }

// tEXt holds Latin-1 only, so UTF-8 text beyond ASCII goes into an iTXt chunk.
static int ccairo_png_text_compression(const char *text) {
    for (const unsigned char *c = (const unsigned char *)text; *c; c++) {
        if (*c >= 0x80) return PNG_ITXT_COMPRESSION_NONE;
    }
    return PNG_TEXT_COMPRESSION_NONE;
}

static inline void ccairo_png_buffer_free(ccairo_png_buffer *buffer) {
    free(buffer->data);
    buffer->data = NULL;
    buffer->size = buffer->capacity = 0;
}

/// Rows of raw image data above which the encoder deflates in several stripes at once.
#define CCAIRO_PNG_STRIPE_BYTES (256u * 1024u)
/// At most this many stripes (and threads): the reference machine has two cores.
#define CCAIRO_PNG_MAX_STRIPES 2

/// How many stripes an image of `height` rows of `row_bytes` filtered bytes is deflated in.
static inline int ccairo_png_stripe_count(int height, size_t row_bytes) {
    size_t total = (size_t)height * row_bytes;
    int stripes = (int)(total / CCAIRO_PNG_STRIPE_BYTES);
    if (stripes > CCAIRO_PNG_MAX_STRIPES) stripes = CCAIRO_PNG_MAX_STRIPES;
    if (stripes > height) stripes = height;
    return stripes < 1 ? 1 : stripes;
}

/// One horizontal band of the image, deflated on its own thread into a raw deflate stream.
typedef struct {
    const unsigned char *pixels;
    int width, stride, channels, native_xrgb, level;
    int row_begin, row_end;
    /// The last stripe ends the stream (Z_FINISH); the others end on a byte boundary (Z_SYNC_FLUSH).
    int last;
    /// Set when `pixels` also holds the rows above `row_begin`: they prime the deflate dictionary.
    int rows_above_available;
    unsigned char *out;
    size_t out_size;
    /// adler32 of this stripe's filtered bytes, combined into the zlib trailer afterwards.
    uLong adler;
    size_t raw_size;
    int status;
} ccairo_png_stripe;

// Writes `row` as a PNG scanline with filter type None: one 0 byte, then the samples.
static void ccairo_png_filter_row(const ccairo_png_stripe *s, int row, unsigned char *line) {
    const unsigned char *src = s->pixels + (size_t)row * (size_t)s->stride;
    line[0] = 0;
    if (!s->native_xrgb) {
        memcpy(line + 1, src, (size_t)s->width * (size_t)s->channels);
        return;
    }
    // Cairo RGB24: 32-bit native-endian 0x00RRGGBB.
    const uint32_t *words = (const uint32_t *)src;
    unsigned char *o = line + 1;
    for (int x = 0; x < s->width; x++) {
        uint32_t v = words[x];
        o[0] = (unsigned char)(v >> 16);
        o[1] = (unsigned char)(v >> 8);
        o[2] = (unsigned char)v;
        o += 3;
    }
}

/// Deflates one stripe into `s->out` (free it with `ccairo_png_stripe_free`); sets `s->status` to 0 on success.
static inline void ccairo_png_deflate_stripe(ccairo_png_stripe *s) {
    const size_t row_bytes = 1 + (size_t)s->width * (size_t)s->channels;
    // Filter rows in batches so deflate sees long inputs (fewer calls, same output as one buffer).
    int batch_rows = (int)(65536 / row_bytes);
    if (batch_rows < 1) batch_rows = 1;
    // The dictionary (the previous stripe's last 32 KiB) needs up to this many rows too.
    int dictionary_rows = (int)((32768 + row_bytes - 1) / row_bytes);
    int buffer_rows = batch_rows > dictionary_rows ? batch_rows : dictionary_rows;
    unsigned char *batch = (unsigned char *)malloc((size_t)buffer_rows * row_bytes);
    z_stream z;
    memset(&z, 0, sizeof z);
    s->status = -5;
    if (!batch) return;
    if (deflateInit2(&z, s->level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        free(batch);
        return;
    }
    if (s->row_begin > 0 && s->rows_above_available) {
        // Priming with the rows just above keeps the compression ratio of a single stream;
        // the dictionary comes from the pixels, so the output does not depend on thread timing.
        int first = s->row_begin - dictionary_rows;
        if (first < 0) first = 0;
        size_t length = 0;
        for (int row = first; row < s->row_begin; row++, length += row_bytes) {
            ccairo_png_filter_row(s, row, batch + length);
        }
        size_t keep = length < 32768 ? length : 32768;
        deflateSetDictionary(&z, batch + length - keep, (uInt)keep);
    }
    s->raw_size = (size_t)(s->row_end - s->row_begin) * row_bytes;
    size_t capacity = deflateBound(&z, (uLong)s->raw_size) + 64;
    s->out = (unsigned char *)malloc(capacity);
    if (!s->out) {
        deflateEnd(&z);
        free(batch);
        return;
    }
    uLong adler = adler32(0L, Z_NULL, 0);
    z.next_out = s->out;
    z.avail_out = (uInt)capacity;
    int result = Z_OK;
    for (int row = s->row_begin; row < s->row_end && result == Z_OK;) {
        int end = row + batch_rows < s->row_end ? row + batch_rows : s->row_end;
        size_t length = 0;
        for (int r = row; r < end; r++, length += row_bytes) ccairo_png_filter_row(s, r, batch + length);
        adler = adler32(adler, batch, (uInt)length);
        z.next_in = batch;
        z.avail_in = (uInt)length;
        int flush = end < s->row_end ? Z_NO_FLUSH : (s->last ? Z_FINISH : Z_SYNC_FLUSH);
        result = deflate(&z, flush);
        if (result == Z_STREAM_END) result = Z_OK;
        if (z.avail_in != 0 || z.avail_out == 0) result = Z_BUF_ERROR;
        row = end;
    }
    s->out_size = capacity - z.avail_out;
    s->adler = adler;
    s->status = result == Z_OK ? 0 : -5;
    deflateEnd(&z);
    free(batch);
}

static inline void ccairo_png_stripe_free(ccairo_png_stripe *s) {
    free(s->out);
    s->out = NULL;
    s->out_size = 0;
}

static void *ccairo_png_deflate_stripe_thread(void *argument) {
    ccairo_png_deflate_stripe((ccairo_png_stripe *)argument);
    return NULL;
}

/// Writes a PNG whose image data is the stripes, deflated in order (the last one with `last` set):
/// signature, IHDR, pHYs, tEXt/iTXt, IDAT chunks holding one zlib stream, IEND. Returns 0 on success.
static inline int ccairo_png_write(int width, int height, int channels, const ccairo_png_stripe *stripes,
                                   int count, int level, unsigned int pixels_per_meter,
                                   const char *title, const char *description, ccairo_png_buffer *out) {
    if (width <= 0 || height <= 0 || (channels != 3 && channels != 4) || count < 1) return -1;
    int status = 0;
    for (int i = 0; i < count; i++) {
        if (stripes[i].status != 0 || !stripes[i].out) status = -5;
        // Each stripe is one IDAT chunk, whose length field holds at most 2^31 - 1.
        if (stripes[i].out_size > 0x7FFFFFF0u) status = -1;
    }
    if (status != 0) return status;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, out, ccairo_png_error, ccairo_png_warning);
    if (!png) return -2;
    png_infop info = png_create_info_struct(png);
    if (!info) {
        png_destroy_write_struct(&png, NULL);
        return -2;
    }
    // One zlib stream: header, the stripes' raw deflate data in order, adler32 of all rows.
    // CMF: deflate, 32 KiB window; FLG: the level class zlib itself would write, plus the check bits.
    int level_class = level < 2 ? 0 : (level < 6 ? 1 : (level == 6 ? 2 : 3));
    unsigned header = (0x78u << 8) | ((unsigned)level_class << 6);
    header += 31 - header % 31;
    unsigned char zlib_header[2] = {(unsigned char)(header >> 8), (unsigned char)header};
    uLong adler = stripes[0].adler;
    size_t total = 2 + 4;
    for (int i = 0; i < count; i++) {
        total += stripes[i].out_size;
        if (i > 0) adler = adler32_combine(adler, stripes[i].adler, (z_off_t)stripes[i].raw_size);
    }
    unsigned char zlib_trailer[4] = {(unsigned char)(adler >> 24), (unsigned char)(adler >> 16),
                                     (unsigned char)(adler >> 8), (unsigned char)adler};
    // Room for everything up front: growing the buffer while writing would copy the image again.
    size_t texts_size = (title ? strlen(title) : 0) + (description ? strlen(description) : 0);
    size_t needed = out->size + total + texts_size + 256 + 12 * (size_t)count;
    if (needed > out->capacity) {
        unsigned char *grown = (unsigned char *)realloc(out->data, needed);
        if (!grown) {
            png_destroy_write_struct(&png, &info);
            return -4;
        }
        out->data = grown;
        out->capacity = needed;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return -3;
    }
    png_set_write_fn(png, out, ccairo_png_append, ccairo_png_flush);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8,
                 channels == 4 ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    if (pixels_per_meter > 0) {
        png_set_pHYs(png, info, pixels_per_meter, pixels_per_meter, PNG_RESOLUTION_METER);
    }
    png_text texts[2];
    int text_count = 0;
    memset(texts, 0, sizeof texts);
    if (title) {
        texts[text_count].compression = ccairo_png_text_compression(title);
        texts[text_count].key = (png_charp) "Title";
        texts[text_count].text = (png_charp)title;
        text_count++;
    }
    if (description) {
        texts[text_count].compression = ccairo_png_text_compression(description);
        texts[text_count].key = (png_charp) "Description";
        texts[text_count].text = (png_charp)description;
        text_count++;
    }
    if (text_count > 0) png_set_text(png, info, texts, text_count);
    // Signature, IHDR, pHYs and the text chunks; the image data follows as our own IDAT chunks.
    png_write_info(png, info);
    // One IDAT chunk per stripe: the first starts with the zlib header, the last ends with adler32.
    for (int i = 0; i < count; i++) {
        size_t length = stripes[i].out_size + (i == 0 ? 2 : 0) + (i == count - 1 ? 4 : 0);
        png_write_chunk_start(png, (png_const_bytep) "IDAT", (png_uint_32)length);
        if (i == 0) png_write_chunk_data(png, zlib_header, 2);
        png_write_chunk_data(png, stripes[i].out, stripes[i].out_size);
        if (i == count - 1) png_write_chunk_data(png, zlib_trailer, 4);
        png_write_chunk_end(png);
    }
    png_write_chunk(png, (png_const_bytep) "IEND", NULL, 0);
    png_destroy_write_struct(&png, &info);
    return out->failed ? -4 : 0;
}

/// Encodes 8-bit RGB (channels 3) or RGBA (channels 4) rows into `out`.
/// With `native_xrgb` set, the rows are Cairo RGB24 pixels (32-bit native-endian 0x00RRGGBB)
/// written as RGB. `level` is the zlib level; rows are written without filters (the fast path).
/// Large images are deflated in horizontal stripes on parallel threads (fixed boundaries,
/// so the bytes never depend on timing) and joined into one zlib stream.
/// `pixels_per_meter` goes into a pHYs chunk (0 leaves it out); `title` and
/// `description` become tEXt chunks when not NULL. Returns 0 on success.
static inline int ccairo_png_encode(const unsigned char *pixels, int width, int height,
                                    int stride, int channels, int native_xrgb, int level,
                                    unsigned int pixels_per_meter,
                                    const char *title, const char *description,
                                    ccairo_png_buffer *out) {
    if (width <= 0 || height <= 0 || (channels != 3 && channels != 4)) return -1;
    if (native_xrgb && channels != 3) return -1;
    const size_t row_bytes = 1 + (size_t)width * (size_t)channels;
    int count = ccairo_png_stripe_count(height, row_bytes);
    ccairo_png_stripe stripes[CCAIRO_PNG_MAX_STRIPES];
    pthread_t threads[CCAIRO_PNG_MAX_STRIPES];
    int started[CCAIRO_PNG_MAX_STRIPES] = {0};
    memset(stripes, 0, sizeof stripes);
    for (int i = 0; i < count; i++) {
        ccairo_png_stripe *s = &stripes[i];
        s->pixels = pixels;
        s->width = width;
        s->stride = stride;
        s->channels = channels;
        s->native_xrgb = native_xrgb;
        s->level = level;
        s->row_begin = (int)((long long)height * i / count);
        s->row_end = (int)((long long)height * (i + 1) / count);
        s->last = i == count - 1;
        s->rows_above_available = 1;
    }
    for (int i = 1; i < count; i++) {
        started[i] = pthread_create(&threads[i], NULL, ccairo_png_deflate_stripe_thread, &stripes[i]) == 0;
        if (!started[i]) ccairo_png_deflate_stripe(&stripes[i]);
    }
    ccairo_png_deflate_stripe(&stripes[0]);
    for (int i = 1; i < count; i++) {
        if (started[i]) pthread_join(threads[i], NULL);
    }
    int status = ccairo_png_write(width, height, channels, stripes, count, level, pixels_per_meter,
                                  title, description, out);
    for (int i = 0; i < count; i++) ccairo_png_stripe_free(&stripes[i]);
    return status;
}

/// A few pixel buffers kept between renders: a fresh multi-megabyte allocation is new pages from the
/// kernel each time, and faulting them in cost about a tenth of a large chart's encoding time.
#define CCAIRO_PIXEL_POOL_SLOTS 4
/// Larger buffers go back to the allocator rather than staying in the pool.
#define CCAIRO_PIXEL_POOL_MAX_BYTES ((size_t)32 << 20)

typedef struct {
    pthread_mutex_t lock;
    unsigned char *data[CCAIRO_PIXEL_POOL_SLOTS];
    size_t size[CCAIRO_PIXEL_POOL_SLOTS];
} ccairo_pixel_pool;

// The one pool, as a function-local static: Swift's importer emits functions from this header,
// not file-scope variables.
static inline ccairo_pixel_pool *ccairo_pixel_pool_shared(void) {
    static ccairo_pixel_pool pool = {PTHREAD_MUTEX_INITIALIZER, {0}, {0}};
    return &pool;
}

/// A zero-filled buffer of at least `size` bytes (NULL when out of memory);
/// hand it back with `ccairo_pixels_release(buffer, *capacity)`.
static inline unsigned char *ccairo_pixels_acquire(size_t size, size_t *capacity) {
    unsigned char *buffer = NULL;
    ccairo_pixel_pool *pool = ccairo_pixel_pool_shared();
    pthread_mutex_lock(&pool->lock);
    for (int i = 0; i < CCAIRO_PIXEL_POOL_SLOTS; i++) {
        if (pool->data[i] && pool->size[i] >= size) {
            buffer = pool->data[i];
            *capacity = pool->size[i];
            pool->data[i] = NULL;
            break;
        }
    }
    pthread_mutex_unlock(&pool->lock);
    if (buffer) {
        memset(buffer, 0, size);
        return buffer;
    }
    *capacity = size;
    return (unsigned char *)calloc(size ? size : 1, 1);
}

static inline void ccairo_pixels_release(unsigned char *buffer, size_t capacity) {
    if (!buffer) return;
    if (capacity <= CCAIRO_PIXEL_POOL_MAX_BYTES) {
        ccairo_pixel_pool *pool = ccairo_pixel_pool_shared();
        pthread_mutex_lock(&pool->lock);
        // An empty slot, else the smallest smaller buffer makes room for this one.
        int slot = -1;
        for (int i = 0; i < CCAIRO_PIXEL_POOL_SLOTS && slot < 0; i++) {
            if (!pool->data[i]) slot = i;
        }
        if (slot < 0) {
            for (int i = 0; i < CCAIRO_PIXEL_POOL_SLOTS; i++) {
                if (pool->size[i] < capacity &&
                    (slot < 0 || pool->size[i] < pool->size[slot])) slot = i;
            }
            if (slot >= 0) free(pool->data[slot]);
        }
        if (slot >= 0) {
            pool->data[slot] = buffer;
            pool->size[slot] = capacity;
            buffer = NULL;
        }
        pthread_mutex_unlock(&pool->lock);
    }
    free(buffer);
}

#endif
