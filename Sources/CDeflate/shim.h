#ifndef CDEFLATE_SHIM_H
#define CDEFLATE_SHIM_H
/* libdeflate's whole-buffer compressor and its CRC-32, for writing PNG files. */
#include <libdeflate.h>
#endif
