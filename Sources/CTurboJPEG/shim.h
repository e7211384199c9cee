#ifndef CTURBOJPEG_SHIM_H
#define CTURBOJPEG_SHIM_H
// The TurboJPEG API reports errors by return value and message, never by longjmp through the caller,
// so Swift calls it directly; libjpeg's own API would need a setjmp in C.
#include <turbojpeg.h>
#endif
