/// A struct's stored properties in declaration order (`writeFields`), and an enum case as its
/// synthesized `Encodable` conformance writes it: the case name, then the associated values in
/// order, without their labels (`writeCase`).
///
/// One overload per arity rather than a parameter pack: the compiler does not specialize a pack,
/// so each field went through its witness table, and an optional, list or dictionary field ran
/// its unspecialized generic `write`, looking up type metadata at run time. Each overload writes
/// all but its last field through the next smaller one.
extension BinaryWriter {
    mutating func writeFields<A: BinaryWritable>(_ a: A) throws(EventCodecError) {
        try a.write(to: &self)
    }

    mutating func writeFields<A: BinaryWritable, B: BinaryWritable>(_ a: A, _ b: B) throws(EventCodecError) {
        try writeFields(a)
        try b.write(to: &self)
    }

    mutating func writeFields<
        A: BinaryWritable, B: BinaryWritable, C: BinaryWritable
    >(_ a: A, _ b: B, _ c: C) throws(EventCodecError) {
        try writeFields(a, b)
        try c.write(to: &self)
    }

    mutating func writeFields<
        A: BinaryWritable, B: BinaryWritable, C: BinaryWritable, D: BinaryWritable
    >(_ a: A, _ b: B, _ c: C, _ d: D) throws(EventCodecError) {
        try writeFields(a, b, c)
        try d.write(to: &self)
    }

    mutating func writeFields<
        A: BinaryWritable, B: BinaryWritable, C: BinaryWritable, D: BinaryWritable,
        E: BinaryWritable
    >(_ a: A, _ b: B, _ c: C, _ d: D, _ e: E) throws(EventCodecError) {
        try writeFields(a, b, c, d)
        try e.write(to: &self)
    }

    mutating func writeFields<
        A: BinaryWritable, B: BinaryWritable, C: BinaryWritable, D: BinaryWritable,
        E: BinaryWritable, F: BinaryWritable
    >(_ a: A, _ b: B, _ c: C, _ d: D, _ e: E, _ f: F) throws(EventCodecError) {
        try writeFields(a, b, c, d, e)
        try f.write(to: &self)
    }

    mutating func writeFields<
        A: BinaryWritable, B: BinaryWritable, C: BinaryWritable, D: BinaryWritable,
        E: BinaryWritable, F: BinaryWritable, G: BinaryWritable
    >(_ a: A, _ b: B, _ c: C, _ d: D, _ e: E, _ f: F, _ g: G) throws(EventCodecError) {
        try writeFields(a, b, c, d, e, f)
        try g.write(to: &self)
    }

    mutating func writeFields<
        A: BinaryWritable, B: BinaryWritable, C: BinaryWritable, D: BinaryWritable,
        E: BinaryWritable, F: BinaryWritable, G: BinaryWritable, H: BinaryWritable
    >(_ a: A, _ b: B, _ c: C, _ d: D, _ e: E, _ f: F, _ g: G, _ h: H) throws(EventCodecError) {
        try writeFields(a, b, c, d, e, f, g)
        try h.write(to: &self)
    }

    mutating func writeCase(_ name: StaticString) throws(EventCodecError) {
        try writeCaseName(name)
    }

    mutating func writeCase<A: BinaryWritable>(_ name: StaticString, _ a: A) throws(EventCodecError) {
        try writeCaseName(name)
        try writeFields(a)
    }

    mutating func writeCase<
        A: BinaryWritable, B: BinaryWritable
    >(_ name: StaticString, _ a: A, _ b: B) throws(EventCodecError) {
        try writeCaseName(name)
        try writeFields(a, b)
    }

    mutating func writeCase<
        A: BinaryWritable, B: BinaryWritable, C: BinaryWritable
    >(_ name: StaticString, _ a: A, _ b: B, _ c: C) throws(EventCodecError) {
        try writeCaseName(name)
        try writeFields(a, b, c)
    }

    mutating func writeCase<
        A: BinaryWritable, B: BinaryWritable, C: BinaryWritable, D: BinaryWritable
    >(_ name: StaticString, _ a: A, _ b: B, _ c: C, _ d: D) throws(EventCodecError) {
        try writeCaseName(name)
        try writeFields(a, b, c, d)
    }

    mutating func writeCase<
        A: BinaryWritable, B: BinaryWritable, C: BinaryWritable, D: BinaryWritable,
        E: BinaryWritable
    >(_ name: StaticString, _ a: A, _ b: B, _ c: C, _ d: D, _ e: E) throws(EventCodecError) {
        try writeCaseName(name)
        try writeFields(a, b, c, d, e)
    }

    mutating func writeCase<
        A: BinaryWritable, B: BinaryWritable, C: BinaryWritable, D: BinaryWritable,
        E: BinaryWritable, F: BinaryWritable
    >(_ name: StaticString, _ a: A, _ b: B, _ c: C, _ d: D, _ e: E, _ f: F) throws(EventCodecError) {
        try writeCaseName(name)
        try writeFields(a, b, c, d, e, f)
    }
}
