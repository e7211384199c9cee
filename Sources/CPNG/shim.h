#ifndef CPNG_SHIM_H
#define CPNG_SHIM_H

/*
 * libpng reports errors by longjmp, which Swift can neither set up nor survive. Each function
 * below keeps its setjmp and every libpng call that may jump inside one C function, and hands
 * Swift a status, the decoded rows and libpng's message. Pixels are passed through exactly as
 * stored (no gamma or colour conversion); 16-bit samples are in host byte order.
 */
#include <png.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef enum {
  CPNG_OK = 0,
  CPNG_CANNOT_OPEN = 1,
  CPNG_NOT_PNG = 2,
  CPNG_TRUNCATED = 3,
  CPNG_CORRUPT = 4,
  CPNG_TOO_LARGE = 5,
  CPNG_OUT_OF_MEMORY = 6
} cpng_status;

typedef struct {
  uint8_t *pixels;       /* rows of width * channels samples, tightly packed; free with cpng_free */
  uint32_t width;
  uint32_t height;
  int channels;          /* 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA */
  int bit_depth;         /* 8 or 16 */
  char message[192];     /* libpng's or the shim's explanation when the status is not CPNG_OK */
} cpng_image;

typedef struct {
  char *message;
  size_t capacity;
  FILE *file;
} cpng_context;

static void cpng_on_error(png_structp png, png_const_charp text) {
  cpng_context *context = (cpng_context *)png_get_error_ptr(png);
  snprintf(context->message, context->capacity, "%s", text);
  png_longjmp(png, 1);
}

static void cpng_on_warning(png_structp png, png_const_charp text) {
  (void)png;
  (void)text;
}

static inline void cpng_free(void *pointer) { free(pointer); }

static inline int cpng_host_is_little_endian(void) {
  const uint16_t probe = 1;
  return *(const uint8_t *)&probe == 1;
}

/*
 * Decodes the PNG open at `descriptor` (read from its start; the caller keeps and closes it), expanding
 * palettes, low bit depths and tRNS to 8-bit gray/RGB(A). The size limits are checked on the header,
 * before any pixel memory is allocated.
 */
static inline cpng_status cpng_read(int descriptor, uint32_t max_side, uint64_t max_pixels, cpng_image *out) {
  memset(out, 0, sizeof *out);
  int own = dup(descriptor);
  FILE *file = own >= 0 ? fdopen(own, "rb") : NULL;
  if (!file) {
    if (own >= 0) close(own);
    snprintf(out->message, sizeof out->message, "cannot open the file");
    return CPNG_CANNOT_OPEN;
  }
  uint8_t signature[8];
  if (fread(signature, 1, 8, file) != 8 || png_sig_cmp(signature, 0, 8) != 0) {
    fclose(file);
    snprintf(out->message, sizeof out->message, "no PNG signature");
    return CPNG_NOT_PNG;
  }
  cpng_context context = {out->message, sizeof out->message, file};
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &context, cpng_on_error, cpng_on_warning);
  png_infop info = png ? png_create_info_struct(png) : NULL;
  if (!info) {
    png_destroy_read_struct(&png, NULL, NULL);
    fclose(file);
    return CPNG_OUT_OF_MEMORY;
  }
  uint8_t *volatile pixels = NULL;
  png_bytep *volatile rows = NULL;
  volatile cpng_status status = CPNG_CORRUPT;
  if (setjmp(png_jmpbuf(png))) {
    if (status == CPNG_CORRUPT && feof(file)) status = CPNG_TRUNCATED;
    free(rows);
    free(pixels);
    png_destroy_read_struct(&png, &info, NULL);
    fclose(file);
    return status;
  }
  png_init_io(png, file);
  png_set_sig_bytes(png, 8);
  png_set_user_limits(png, 0x7fffffff, 0x7fffffff);
  /* Only pixels are read: every ancillary chunk but tRNS (which becomes alpha) is skipped unread, known or
   * not, so a length field claiming a gigabyte costs reads, never an allocation (libpng's own chunk size
   * limit is only a benign error on read, and the chunk is then read anyway). */
  static const png_byte cpng_ignored[] = "bKGD\0cHRM\0eXIf\0gAMA\0hIST\0iCCP\0iTXt\0oFFs\0pCAL\0pHYs\0sBIT\0sCAL\0"
                                         "sPLT\0sRGB\0tEXt\0tIME\0zTXt";
  png_set_keep_unknown_chunks(png, PNG_HANDLE_CHUNK_NEVER, NULL, 0);
  png_set_keep_unknown_chunks(png, PNG_HANDLE_CHUNK_NEVER, cpng_ignored, 17);
  png_set_chunk_malloc_max(png, 8u << 20);
  png_read_info(png, info);
  uint32_t width = png_get_image_width(png, info), height = png_get_image_height(png, info);
  if (width > max_side || height > max_side || (uint64_t)width * height > max_pixels) {
    out->width = width;
    out->height = height;
    fclose(file);
    png_destroy_read_struct(&png, &info, NULL);
    snprintf(out->message, sizeof out->message, "%ux%u exceeds the limit", width, height);
    return CPNG_TOO_LARGE;
  }
  int color_type = png_get_color_type(png, info);
  if (color_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
  if (color_type == PNG_COLOR_TYPE_GRAY && png_get_bit_depth(png, info) < 8) png_set_expand_gray_1_2_4_to_8(png);
  if (png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png);
  if (png_get_bit_depth(png, info) == 16 && cpng_host_is_little_endian()) png_set_swap(png);
  png_set_interlace_handling(png);
  png_read_update_info(png, info);
  size_t row_bytes = png_get_rowbytes(png, info);
  status = CPNG_OUT_OF_MEMORY;
  pixels = (uint8_t *)malloc(row_bytes * height);
  rows = (png_bytep *)malloc(sizeof(png_bytep) * height);
  if (!pixels || !rows) png_error(png, "out of memory");
  status = CPNG_CORRUPT;
  for (uint32_t y = 0; y < height; y++) rows[y] = pixels + (size_t)y * row_bytes;
  png_read_image(png, rows);
  png_read_end(png, NULL);
  out->pixels = pixels;
  out->width = width;
  out->height = height;
  out->channels = png_get_channels(png, info);
  out->bit_depth = png_get_bit_depth(png, info);
  free(rows);
  png_destroy_read_struct(&png, &info, NULL);
  fclose(file);
  return CPNG_OK;
}

#endif
