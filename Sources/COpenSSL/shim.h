#ifndef COPENSSL_SHIM_H
#define COPENSSL_SHIM_H
/* OpenSSL's libcrypto message digests (EVP), for the SHA-256 of every file a run writes. */
#include <openssl/evp.h>
#endif
