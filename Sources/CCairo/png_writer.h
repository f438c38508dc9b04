#ifndef CCAIRO_PNG_WRITER_H
#define CCAIRO_PNG_WRITER_H
// A small PNG encoder on libpng for Plot. It lives in C because libpng reports errors with
// longjmp, which Swift code cannot catch; here setjmp turns them into a return code.
#include <png.h>
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

/// Encodes 8-bit RGB (channels 3) or RGBA (channels 4) rows into `out`.
/// With `native_xrgb` set, the rows are Cairo RGB24 pixels (32-bit native-endian 0x00RRGGBB)
/// written as RGB without a copy: libpng swaps and strips the padding byte itself.
/// `level` is the zlib level; rows are written without filters (the fast path).
/// `pixels_per_meter` goes into a pHYs chunk (0 leaves it out); `title` and
/// `description` become tEXt chunks when not NULL. Returns 0 on success.
static inline int ccairo_png_encode(const unsigned char *pixels, int width, int height,
                                    int stride, int channels, int native_xrgb, int level,
                                    unsigned int pixels_per_meter,
                                    const char *title, const char *description,
                                    ccairo_png_buffer *out) {
    if (width <= 0 || height <= 0 || (channels != 3 && channels != 4)) return -1;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, out, ccairo_png_error, ccairo_png_warning);
    if (!png) return -2;
    png_infop info = png_create_info_struct(png);
    if (!info) {
        png_destroy_write_struct(&png, NULL);
        return -2;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return -3;
    }
    png_set_write_fn(png, out, ccairo_png_append, ccairo_png_flush);
    png_set_compression_level(png, level);
    png_set_compression_buffer_size(png, 1 << 17);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
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
    png_write_info(png, info);
    // Transforms go after png_write_info: libpng learns the colour type there.
    if (native_xrgb) {
        if (channels != 3) {
            png_destroy_write_struct(&png, &info);
            return -1;
        }
        const unsigned int probe = 1;
        if (*(const unsigned char *)&probe == 1) {
            // Little-endian memory order is B, G, R, padding.
            png_set_bgr(png);
            png_set_filler(png, 0, PNG_FILLER_AFTER);
        } else {
            png_set_filler(png, 0, PNG_FILLER_BEFORE);
        }
    }
    for (int row = 0; row < height; row++) {
        png_write_row(png, (png_const_bytep)(pixels + (size_t)row * (size_t)stride));
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return out->failed ? -4 : 0;
}

#endif
