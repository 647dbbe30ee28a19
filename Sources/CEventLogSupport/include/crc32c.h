#ifndef EVENT_LOG_CRC32C_H
#define EVENT_LOG_CRC32C_H

#include <stddef.h>
#include <stdint.h>

/// CRC-32C (Castagnoli) of `length` bytes, extending `crc` (0 to start). Uses the CPU's CRC32
/// instruction where there is one (x86-64 SSE4.2, ARMv8 CRC) and a table otherwise.
uint32_t event_log_crc32c(uint32_t crc, const void *data, size_t length);

#endif
