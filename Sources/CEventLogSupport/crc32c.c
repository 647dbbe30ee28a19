#include "crc32c.h"

#include <string.h>

#define CRC32C_POLYNOMIAL 0x82F63B78u

static uint32_t crc32c_table[256];

__attribute__((constructor)) static void crc32c_build_table(void) {
    for (uint32_t index = 0; index < 256; index++) {
        uint32_t crc = index;
        for (int bit = 0; bit < 8; bit++) {
            crc = (crc & 1) ? (crc >> 1) ^ CRC32C_POLYNOMIAL : crc >> 1;
        }
        crc32c_table[index] = crc;
    }
}

static uint32_t crc32c_software(uint32_t state, const uint8_t *bytes, size_t length) {
    while (length--) {
        state = crc32c_table[(state ^ *bytes++) & 0xFF] ^ (state >> 8);
    }
    return state;
}

#if defined(__x86_64__)
#include <nmmintrin.h>

__attribute__((target("sse4.2"))) static uint32_t crc32c_hardware(uint32_t state, const uint8_t *bytes, size_t length) {
    uint64_t wide = state;
    while (length >= 8) {
        uint64_t word;
        memcpy(&word, bytes, 8);
        wide = _mm_crc32_u64(wide, word);
        bytes += 8;
        length -= 8;
    }
    uint32_t narrow = (uint32_t)wide;
    while (length--) {
        narrow = _mm_crc32_u8(narrow, *bytes++);
    }
    return narrow;
}

static int crc32c_has_hardware(void) {
    static int known = -1;
    if (known < 0) {
        known = __builtin_cpu_supports("sse4.2") ? 1 : 0;
    }
    return known;
}
#elif defined(__aarch64__) && defined(__ARM_FEATURE_CRC32)
#include <arm_acle.h>

static uint32_t crc32c_hardware(uint32_t state, const uint8_t *bytes, size_t length) {
    while (length >= 8) {
        uint64_t word;
        memcpy(&word, bytes, 8);
        state = __crc32cd(state, word);
        bytes += 8;
        length -= 8;
    }
    while (length--) {
        state = __crc32cb(state, *bytes++);
    }
    return state;
}

static int crc32c_has_hardware(void) { return 1; }
#else
static uint32_t crc32c_hardware(uint32_t state, const uint8_t *bytes, size_t length) {
    return crc32c_software(state, bytes, length);
}

static int crc32c_has_hardware(void) { return 0; }
#endif

uint32_t event_log_crc32c(uint32_t crc, const void *data, size_t length) {
    const uint8_t *bytes = (const uint8_t *)data;
    uint32_t state = ~crc;
    state = crc32c_has_hardware() ? crc32c_hardware(state, bytes, length) : crc32c_software(state, bytes, length);
    return ~state;
}
