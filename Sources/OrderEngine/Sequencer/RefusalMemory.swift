import Foundation
import OrderDomain

/// The most recent refused command ids and their refusals, oldest forgotten first: a retried
/// refused command gets its first answer without a write per refusal. Bounded by design: a retry
/// older than the window is decided again.
///
/// A sell-out refuses nearly every command, so this is on the sequencer's path twice per order
/// (a look-up while deciding, an insert and an eviction once the batch is durable). It keeps the
/// refusals in a ring of `countMax` entries and finds them through a linear-probing table, at most
/// half full, hashed from the id's own bits with a key drawn at start. Each slot holds a ring index
/// and the hash's top 32 bits, which also give the slot's home: a look-up of an unknown id (most
/// of them) reads the table alone, and so does moving entries back when one is forgotten. No
/// per-entry allocation and no SipHash, which a `[UUID: Refusal]` spent most of its time in.
struct RefusalMemory {
    let countMax: Int
    /// The ring: entry `i` holds an id and its refusal; `next` is where the next one goes, which
    /// once the ring is full is the oldest.
    private var ids: [UUID] = []
    private var refusals: [Refusal] = []
    private var next = 0
    /// By hash: 0 where free, else the hash's top 32 bits over the ring index + 1; a power of
    /// two at least twice `countMax`, so at most 2³¹ and the top bits hold every home.
    private var slots: [UInt64] = []
    private let mask: Int
    private let key: UInt64

    init(countMax: Int) {
        precondition(countMax >= 0 && countMax < Int(Int32.max) / 2, "countMax must be in 0..<\(Int32.max / 2)")
        self.countMax = countMax
        var slotCount = 16
        while slotCount < 2 * countMax { slotCount *= 2 }
        slots = Array(repeating: 0, count: slotCount)
        mask = slotCount - 1
        key = UInt64.random(in: .min ... .max) | 1
    }

    /// How many refusals are remembered.
    var count: Int { ids.count }

    func refusal(for id: UUID) -> Refusal? {
        guard let entry = entry(of: id, hash: hash(id)) else { return nil }
        return refusals[entry]
    }

    /// Remembers `refusal` for `id`, forgetting the oldest one when full; a remembered id keeps
    /// its first refusal.
    mutating func remember(_ refusal: Refusal, for id: UUID) {
        let hash = self.hash(id)
        guard countMax > 0, entry(of: id, hash: hash) == nil else { return }
        let entry: Int
        if ids.count < countMax {
            entry = ids.count
            ids.append(id)
            refusals.append(refusal)
        } else {
            entry = next
            removeSlot(of: entry)
            ids[entry] = id
            refusals[entry] = refusal
        }
        next = entry + 1 == countMax ? 0 : entry + 1
        var slot = home(hash)
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(entry + 1)
    }

    // MARK: The table

    /// The ring entry holding `id`, whose hash is `hash`.
    private func entry(of id: UUID, hash: UInt64) -> Int? {
        guard countMax > 0 else { return nil }
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = home(hash)
        while true {
            let stored = slots[slot]
            if stored == 0 { return nil }
            if stored & 0xFFFF_FFFF_0000_0000 == tag, ids[Self.entry(stored)] == id { return Self.entry(stored) }
            slot = (slot + 1) & mask
        }
    }

    private static func entry(_ stored: UInt64) -> Int { Int(truncatingIfNeeded: stored & 0xFFFF_FFFF) - 1 }

    private func hash(_ id: UUID) -> UInt64 {
        let (high, low) = withUnsafeBytes(of: id.uuid) { ($0.loadUnaligned(as: UInt64.self), $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }
        let mixed = (high ^ key) &* 0x9E37_79B9_7F4A_7C15 ^ low
        return (mixed ^ (mixed >> 29)) &* key
    }

    /// The slot a hash, or a slot holding it, starts probing from: low bits of the top 32.
    private func home(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> 32) & mask }

    /// Empties the slot pointing at ring entry `entry` and moves later entries of its probe run
    /// back, so that every entry stays reachable from its home slot (backward-shift deletion).
    /// Each later slot gives its own home; reading its id from the ring to hash it again was a
    /// cache miss per slot, and half of forgetting a refusal.
    private mutating func removeSlot(of entry: Int) {
        var hole = home(hash(ids[entry]))
        while Self.entry(slots[hole]) != entry { hole = (hole + 1) & mask }
        var slot = hole
        while true {
            slot = (slot + 1) & mask
            let moving = slots[slot]
            if moving == 0 { break }
            let wanted = home(moving)
            // The entry may fill the hole unless its home lies cyclically in (hole, slot].
            let homeAfterHole = (wanted - hole) & mask
            let slotAfterHole = (slot - hole) & mask
            if homeAfterHole == 0 || homeAfterHole > slotAfterHole {
                slots[hole] = moving
                hole = slot
            }
        }
        slots[hole] = 0
    }
}
