import EventLog
import Foundation
import Hummingbird
import OrderEngine

extension OrderEngineService {
    var viewRoutes: [Route] {
        [
            Route(method: .get, path: "/v1/skus/{sku}") { request, context in
                _ = try principal(request)
                let sku: SKUID = try parameter(context, "sku")
                guard let view = CatalogWire(sku, try states(of: [sku.streamId]).catalog(sku)) else {
                    throw Problem.notFound("no SKU \(sku)")
                }
                return .json(view)
            },
            Route(method: .get, path: "/v1/skus/{sku}/stock") { request, context in
                _ = try principal(request)
                return .json(SKUStockWire(try engine.stock(sku: try parameter(context, "sku"))))
            },
            Route(method: .get, path: "/v1/skus/{sku}/stock/{warehouse}") { request, context in
                try principal(request).requireStaff(.readOnly)
                let item = StockItemID(sku: try parameter(context, "sku"), warehouse: try parameter(context, "warehouse"))
                return .json(StockCountsWire(try engine.stock(item)))
            },
            Route(method: .get, path: "/v1/stock/low") { request, _ in
                try principal(request).requireStaff(.readOnly)
                let threshold = try integer(request, "threshold", default: 10, in: 0...Int64.max)
                let limit = Int(try integer(request, "limit", default: 20, in: 1...Int64(limits.pageSizeMax)))
                let low = try engine.lowStock(threshold: threshold, limit: limit)
                return .json(LowStockWire(threshold: threshold, skus: try low.map { SKUStockWire(try engine.stock(sku: $0.sku)) }))
            },
            Route(method: .get, path: "/v1/orders/{order}") { request, context in
                .json(OrderWire(try ownOrder(request, context)))
            },
            Route(method: .get, path: "/v1/orders/{order}/timeline") { request, context in
                let view = try ownOrder(request, context)
                let streams =
                    [view.id.streamId] + view.payments.keys.map(\.streamId) + view.shipments.keys.map(\.streamId)
                    + view.afterSales.keys.map(\.streamId)
                let records = try streams.flatMap { try streamRecords($0) }.sorted { $0.position < $1.position }
                return .json(bytes: try Self.eventList(key: "order", id: view.id, records))
            },
            Route(method: .get, path: "/v1/members/{member}") { request, context in
                let member: MemberID = try parameter(context, "member")
                try principal(request).requireStaffOrOwner(.readOnly, owner: member, notFound: .notFound("no member \(member)"))
                guard let state = try engine.member(member) else { throw Problem.notFound("no member \(member)") }
                return .json(MemberWire(member, state))
            },
            Route(method: .get, path: "/v1/members/{member}/orders") { request, context in
                let member: MemberID = try parameter(context, "member")
                try principal(request).requireStaffOrOwner(.readOnly, owner: member, notFound: .notFound("no member \(member)"))
                let limit = Int(try integer(request, "limit", default: 20, in: 1...Int64(limits.pageSizeMax)))
                let page = try engine.orders(of: member, after: request.uri.queryParameters.get("after"), limit: limit)
                return .json(OrderPageWire(orders: page.orders.map(OrderWire.init), nextCursor: page.nextCursor))
            },
            Route(method: .get, path: "/v1/members/{member}/history") { request, context in
                let member: MemberID = try parameter(context, "member")
                try principal(request).requireStaffOrOwner(.readOnly, owner: member, notFound: .notFound("no member \(member)"))
                let records = try streamRecords(member.streamId)
                guard !records.isEmpty else { throw Problem.notFound("no member \(member)") }
                return .json(bytes: try Self.eventList(key: "member", id: member, records))
            },
            Route(method: .get, path: "/v1/payments/{payment}") { request, context in
                try principal(request).requireStaff(.readOnly)
                let payment: PaymentID = try parameter(context, "payment")
                let state = try states(of: [payment.streamId]).payment(payment)
                guard state.status != .none else { throw Problem.notFound("no payment \(payment)") }
                return .json(PaymentWire(payment, state))
            },
            Route(method: .get, path: "/v1/shipments/{shipment}") { request, context in
                try principal(request).requireStaff(.readOnly)
                let shipment: ShipmentID = try parameter(context, "shipment")
                let state = try states(of: [shipment.streamId]).shipment(shipment)
                guard state.status != .none else { throw Problem.notFound("no shipment \(shipment)") }
                return .json(ShipmentWire(shipment, state))
            },
            Route(method: .get, path: "/v1/after-sales/{afterSale}") { request, context in
                try principal(request).requireStaff(.readOnly)
                let afterSale: AfterSaleID = try parameter(context, "afterSale")
                let state = try states(of: [afterSale.streamId]).afterSale(afterSale)
                guard state.status != .none else { throw Problem.notFound("no after-sale case \(afterSale)") }
                return .json(AfterSaleWire(afterSale, state))
            },
            Route(method: .get, path: "/v1/coupons/{code}") { request, context in
                _ = try principal(request)
                let code: CouponCode = try parameter(context, "code")
                guard let view = CouponWire(code, try states(of: [code.streamId]).coupon(code)) else {
                    throw Problem.notFound("no coupon \(code)")
                }
                return .json(view)
            },
            Route(method: .get, path: "/v1/reports/sales") { request, _ in
                try principal(request).requireStaff(.readOnly)
                let from = try day(request, "from")
                let through = try day(request, "through")
                let top = Int(try integer(request, "top", default: 10, in: 1...Int64(limits.pageSizeMax)))
                do {
                    return .json(SalesReportWire(try engine.salesReport(from: from, through: through, topSellerLimit: top)))
                } catch let error as SalesError {
                    throw Problem.invalid("through", "\(error)")
                }
            },
            Route(method: .get, path: "/v1/as-of/{position}/orders/{order}") { request, context in
                try principal(request).requireStaff(.readOnly)
                let order: OrderID = try parameter(context, "order")
                guard let view = try views(asOf: context).order(order) else { throw Problem.notFound("no order \(order)") }
                return .json(OrderWire(view))
            },
            Route(method: .get, path: "/v1/as-of/{position}/members/{member}") { request, context in
                try principal(request).requireStaff(.readOnly)
                let member: MemberID = try parameter(context, "member")
                guard let state = try views(asOf: context).member(member) else {
                    throw Problem.notFound("no member \(member)")
                }
                return .json(MemberWire(member, state))
            },
            Route(method: .get, path: "/v1/as-of/{position}/skus/{sku}/stock") { request, context in
                try principal(request).requireStaff(.readOnly)
                return .json(SKUStockWire(try views(asOf: context).stock(sku: try parameter(context, "sku"))))
            },
        ]
    }

    /// The order the caller may see: staff with any role, or the member who placed it.
    private func ownOrder(_ request: Request, _ context: BasicRequestContext) throws -> OrderView {
        let principal = try principal(request)
        let order: OrderID = try parameter(context, "order")
        let view = try engine.order(order)
        try principal.requireStaffOrOwner(
            .readOnly, owner: view?.order.placement?.member, notFound: .notFound("no order \(order)"))
        guard let view else { throw Problem.notFound("no order \(order)") }
        return view
    }

    private func views(asOf context: BasicRequestContext) throws -> ViewsAsOf {
        let text = context.parameters.get("position") ?? ""
        guard let position = UInt64(text) else { throw Problem.invalid("position", "must be a log position") }
        let last = try engine.log.lastPosition()
        guard position <= last else { throw Problem.notFound("position \(position) is past the log's end (\(last))") }
        return try engine.views(asOf: position)
    }

    func parameter<ID: DomainID>(_ context: BasicRequestContext, _ name: String) throws(Problem) -> ID {
        let text = context.parameters.get(name)?.removingPercentEncoding ?? ""
        do {
            return try ID(text)
        } catch {
            throw .invalid(name, error.message)
        }
    }

    func integer(_ request: Request, _ name: String, default value: Int64, in range: ClosedRange<Int64>) throws(Problem)
        -> Int64
    {
        guard let text = request.uri.queryParameters.get(name) else { return value }
        guard let number = Int64(text), range.contains(number) else {
            throw .invalid(name, "must be an integer in \(range.lowerBound)...\(range.upperBound)")
        }
        return number
    }

    private func day(_ request: Request, _ name: String) throws(Problem) -> SalesDay {
        guard let text = request.uri.queryParameters.get(name) else { throw .invalid(name, "is required") }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            let salesDay = try? SalesDay(year: year, month: month, day: day)
        else { throw .invalid(name, "must be a date as YYYY-MM-DD") }
        return salesDay
    }

    /// `{"<key>": id, "events": [envelope, …]}` for a timeline or history.
    static func eventList(key: String, id: some Encodable, _ records: [RecordedEvent]) throws -> Data {
        var json = Data(#"{"events":["#.utf8)
        for (index, record) in records.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            json.append(try EventEnvelopeJSON.bytes(record))
        }
        json.append(contentsOf: #"],"\#(key)":"#.utf8)
        json.append(encoded(id))
        json.append(UInt8(ascii: "}"))
        return json
    }

    /// Every durable event of one stream, oldest first.
    func streamRecords(_ streamId: String) throws -> [RecordedEvent] {
        var records: [RecordedEvent] = []
        while true {
            let page = try engine.log.readStream(streamId, fromVersion: UInt64(records.count) + 1, limit: 4096)
            records += page
            if page.count < 4096 { return records }
        }
    }

    /// The states folded from these streams' events: the current state of a few aggregates the
    /// engine keeps no projection of.
    private func states(of streams: [String]) throws -> DomainStates {
        var states = DomainStates()
        let codec = EventCodec()
        for stream in streams {
            for record in try streamRecords(stream) { states.apply(try codec.decode(record)) }
        }
        return states
    }
}

/// One stored event as the feed and timelines send it:
/// `{"position":…,"streamVersion":…,"recordedAt":"…","commandId":"…","actor":"…","event":{…}}`,
/// `event` in the export format of `EventJSON`.
enum EventEnvelopeJSON {
    static func bytes(_ record: RecordedEvent) throws -> Data {
        let event = try EventCodec().decode(record)
        var json = Data(#"{"actor":"#.utf8)
        json.append(OrderEngineService.encoded(record.metadata.actor))
        json.append(contentsOf: #","commandId":""#.utf8)
        json.append(contentsOf: record.metadata.commandId.uuidString.lowercased().utf8)
        json.append(contentsOf: #"","event":"#.utf8)
        json.append(EventJSON.data(event))
        json.append(contentsOf: #","position":\#(record.position),"recordedAt":""#.utf8)
        json.append(contentsOf: RFC3339.string(Timestamp(microsecondsSince1970: record.metadata.timestampMicroseconds)).utf8)
        json.append(contentsOf: #"","streamVersion":\#(record.streamVersion)}"#.utf8)
        return json
    }
}
