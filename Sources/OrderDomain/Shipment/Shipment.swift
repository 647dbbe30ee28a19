/// The shipment decider: one parcel from creation to delivery.
public enum Shipment {
    /// Decides which events a command produces, or why it is refused.
    public static func decide(_ command: ShipmentCommand, _ state: ShipmentState) throws(Refusal) -> [ShipmentEvent] {
        switch command {
        case .create(let order, let warehouse, let lines, let kind, let at):
            guard state.status == .none else { throw Refusal(.alreadyExists, "shipment exists") }
            try LineQuantity.validate(lines)
            return [.created(order: order, warehouse: warehouse, lines: lines, kind: kind, at: at)]
        case .assignCarrier(let carrier, let trackingNumber, let at):
            try require(state, in: [.created], "assignCarrier")
            try Validation.text(carrier, "carrier", maxBytes: domainIDByteCountMax)
            try Validation.text(trackingNumber, "tracking number", maxBytes: domainIDByteCountMax)
            return [.carrierAssigned(carrier: carrier, trackingNumber: trackingNumber, at: at)]
        case .markShipped(let at):
            try require(state, in: [.created], "markShipped")
            guard state.trackingNumber != nil else { throw Refusal(.trackingRequired, "assign a carrier first") }
            return [.shipped(at: at)]
        case .recordTransit(let location, let at):
            try require(state, in: [.shipped, .inTransit], "recordTransit")
            try Validation.text(location, "location")
            guard state.transitUpdateCount < Limits.transitUpdatesMax else {
                throw Refusal(.limitExceeded, "at most \(Limits.transitUpdatesMax) transit updates")
            }
            return [.inTransit(location: location, at: at)]
        case .markDelivered(let at):
            try require(state, in: [.shipped, .inTransit], "markDelivered")
            return [.delivered(at: at)]
        case .cancel(let reason, let at):
            try require(state, in: [.created], "cancel")
            try Validation.text(reason, "reason")
            return [.cancelled(reason: reason, at: at)]
        }
    }

    static func require(_ state: ShipmentState, in allowed: [ShipmentStatus], _ command: StaticString) throws(Refusal) {
        guard state.status != .none else { throw Refusal(.notFound, "shipment was never created") }
        guard allowed.contains(state.status) else { throw .invalidTransition(command, from: state.status) }
    }

    /// Folds one event into the state.
    public static func evolve(_ state: ShipmentState, _ event: ShipmentEvent) -> ShipmentState {
        var next = state
        evolve(&next, event)
        return next
    }

    /// Folds one event into the state in place: a replay does not copy the state out and back.
    public static func evolve(_ next: inout ShipmentState, _ event: consuming ShipmentEvent) {
        switch consume event {
        case .created(let order, let warehouse, let lines, let kind, _):
            next.status = .created
            next.order = order
            next.warehouse = warehouse
            next.lines = lines
            next.kind = kind
        case .carrierAssigned(let carrier, let trackingNumber, _):
            next.carrier = carrier
            next.trackingNumber = trackingNumber
        case .shipped:
            next.status = .shipped
        case .inTransit(let location, _):
            next.status = .inTransit
            next.lastLocation = location
            next.transitUpdateCount += 1
        case .delivered:
            next.status = .delivered
        case .cancelled:
            next.status = .cancelled
        }
    }
}
