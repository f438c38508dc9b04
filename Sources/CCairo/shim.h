#ifndef CCAIRO_SHIM_H
#define CCAIRO_SHIM_H
// Cairo with its PNG, SVG and PDF surfaces, and libpng for our own PNG encoder.
#include <cairo.h>
#include <cairo-svg.h>
#include <cairo-pdf.h>
#include <png.h>
#include "png_writer.h"
#endif
