#include "event_log_support.h"

#include <string.h>

#define CRC32C_POLYNOMIAL 0x82F63B78u

/// Bytes per lane of the interleaved loop: three lanes of 64 bytes cover most of a small record,
/// and each lane's eight CRC32 instructions run in parallel with the other lanes'.
#define CRC32C_LANE_BYTES 64

static uint32_t crc32c_table[256];
/// `crc32c_lane_shift[k][b]` advances a CRC state whose byte k is b (the others zero) over
/// CRC32C_LANE_BYTES zero bytes. The CRC is linear, so four lookups advance any state.
static uint32_t crc32c_lane_shift[4][256];

static uint32_t crc32c_advance_over_zeros(uint32_t state, size_t length) {
    while (length--) {
        state = crc32c_table[state & 0xFF] ^ (state >> 8);
    }
    return state;
}

__attribute__((constructor)) static void crc32c_build_tables(void) {
    for (uint32_t index = 0; index < 256; index++) {
        uint32_t crc = index;
        for (int bit = 0; bit < 8; bit++) {
            crc = (crc & 1) ? (crc >> 1) ^ CRC32C_POLYNOMIAL : crc >> 1;
        }
        crc32c_table[index] = crc;
    }
    for (int byte = 0; byte < 4; byte++) {
        for (uint32_t value = 0; value < 256; value++) {
            crc32c_lane_shift[byte][value] = crc32c_advance_over_zeros(value << (8 * byte), CRC32C_LANE_BYTES);
        }
    }
}

static inline uint32_t crc32c_shift_lane(uint32_t state) {
    return crc32c_lane_shift[0][state & 0xFF] ^ crc32c_lane_shift[1][(state >> 8) & 0xFF]
        ^ crc32c_lane_shift[2][(state >> 16) & 0xFF] ^ crc32c_lane_shift[3][state >> 24];
}

static uint32_t crc32c_software(uint32_t state, const uint8_t *bytes, size_t length) {
    while (length--) {
        state = crc32c_table[(state ^ *bytes++) & 0xFF] ^ (state >> 8);
    }
    return state;
}

#if defined(__x86_64__)
#include <nmmintrin.h>
#define CRC32C_HARDWARE_ATTRIBUTE __attribute__((target("sse4.2")))
#define CRC32C_STEP64(state, word) ((uint32_t)_mm_crc32_u64((state), (word)))
#define CRC32C_STEP32(state, word) _mm_crc32_u32((state), (word))
#define CRC32C_STEP8(state, byte) _mm_crc32_u8((state), (byte))

static int crc32c_has_hardware(void) {
    static int known = -1;
    if (known < 0) {
        known = __builtin_cpu_supports("sse4.2") ? 1 : 0;
    }
    return known;
}
#elif defined(__aarch64__) && defined(__ARM_FEATURE_CRC32)
#include <arm_acle.h>
#define CRC32C_HARDWARE_ATTRIBUTE
#define CRC32C_STEP64(state, word) __crc32cd((state), (word))
#define CRC32C_STEP32(state, word) __crc32cw((state), (word))
#define CRC32C_STEP8(state, byte) __crc32cb((state), (byte))

static int crc32c_has_hardware(void) { return 1; }
#endif

#ifdef CRC32C_STEP64
static inline uint64_t crc32c_load64(const uint8_t *bytes) {
    uint64_t word;
    memcpy(&word, bytes, 8);
    return word;
}

/// Three lanes at a time while they fit, then eight bytes, four, one: the CRC32 instruction has a
/// latency of three cycles and a throughput of one, so a single chain runs at a third of its speed.
CRC32C_HARDWARE_ATTRIBUTE static uint32_t crc32c_hardware(uint32_t state, const uint8_t *bytes, size_t length) {
    while (length >= 3 * CRC32C_LANE_BYTES) {
        uint32_t second = 0;
        uint32_t third = 0;
        for (size_t offset = 0; offset < CRC32C_LANE_BYTES; offset += 8) {
            state = CRC32C_STEP64(state, crc32c_load64(bytes + offset));
            second = CRC32C_STEP64(second, crc32c_load64(bytes + CRC32C_LANE_BYTES + offset));
            third = CRC32C_STEP64(third, crc32c_load64(bytes + 2 * CRC32C_LANE_BYTES + offset));
        }
        state = crc32c_shift_lane(state) ^ second;
        state = crc32c_shift_lane(state) ^ third;
        bytes += 3 * CRC32C_LANE_BYTES;
        length -= 3 * CRC32C_LANE_BYTES;
    }
    while (length >= 8) {
        state = CRC32C_STEP64(state, crc32c_load64(bytes));
        bytes += 8;
        length -= 8;
    }
    if (length >= 4) {
        uint32_t word;
        memcpy(&word, bytes, 4);
        state = CRC32C_STEP32(state, word);
        bytes += 4;
        length -= 4;
    }
    while (length--) {
        state = CRC32C_STEP8(state, *bytes++);
    }
    return state;
}
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
