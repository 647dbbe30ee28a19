import OrderEngine

extension DemoSnapshot {
    /// One JSON object per line, each with a `kind`; amounts in minor units with their currency.
    var jsonLines: [String] {
        var lines = timeline.map { step in
            JSONLine([
                ("kind", .string("step")), ("time", .string(DemoDay.isoText(step.time))), ("text", .string(step.text)),
                ("refusal_code", step.refusal.map { .string($0.code.rawValue) } ?? .null),
            ])
        }
        for row in skus {
            lines.append(Self.skuJSON(row))
            for (warehouse, counts) in row.stock.byWarehouse.sorted(by: { $0.key < $1.key }) {
                lines.append(Self.countsJSON(kind: "stock", row.definition.id, warehouse: warehouse.rawValue, counts))
            }
        }
        for view in orders { lines += Self.orderJSON(view) }
        lines += afterSales.map(Self.afterSaleJSON)
        lines += members.map(Self.memberJSON)
        lines += lowStock.map { Self.countsJSON(kind: "low_stock", $0.sku, warehouse: nil, $0.counts) }
        lines.append(summaryJSON)
        return lines.map(\.text)
    }

    private static func skuJSON(_ row: SKURow) -> JSONLine {
        let definition = row.definition
        var line = JSONLine([
            ("kind", .string("sku")), ("sku", .string(definition.id.rawValue)), ("title", .string(definition.title)),
            ("price_minor", .integer(definition.price.minorUnits)),
            ("currency", .string(definition.price.currency.code)),
            ("category", .string(definition.categoryPath.joined(separator: "/"))),
            ("attributes", .string(DemoFormat.attributes(definition.attributes))),
            ("backorder_allowed", .bool(definition.backorderAllowed)),
        ])
        line.add("available", .integer(row.stock.total.available))
        line.add("on_hand", .integer(row.stock.total.onHand))
        return line
    }

    private static func countsJSON(kind: String, _ sku: SKUID, warehouse: String?, _ counts: StockCounts) -> JSONLine {
        JSONLine([
            ("kind", .string(kind)), ("sku", .string(sku.rawValue)),
            ("warehouse", warehouse.map { .string($0) } ?? .null),
            ("on_hand", .integer(counts.onHand)), ("reserved", .integer(counts.reserved)),
            ("committed", .integer(counts.committed)), ("available", .integer(counts.available)),
            ("damaged", .integer(counts.damaged)), ("incoming", .integer(counts.incoming)),
            ("backordered", .integer(counts.backordered)),
        ])
    }

    private static func orderJSON(_ view: OrderView) -> [JSONLine] {
        let order = view.order
        let placement = order.placement
        var lines = [
            JSONLine([
                ("kind", .string("order")), ("order", .string(view.id.rawValue)),
                ("member", placement.map { .string($0.member.rawValue) } ?? .null),
                ("status", .string(order.status.rawValue)),
                ("currency", placement.map { .string($0.totalDue.currency.code) } ?? .null),
                ("subtotal_minor", .integer(placement?.subtotal.minorUnits ?? 0)),
                ("coupon", placement?.coupon.map { .string($0.rawValue) } ?? .null),
                ("coupon_discount_minor", .integer(placement?.couponDiscount.minorUnits ?? 0)),
                ("due_minor", .integer(order.amountDueMinorUnits)), ("captured_minor", .integer(order.paidMinorUnits)),
                ("refunded_minor", .integer(order.refundedMinorUnits)), ("points_earned", .integer(order.pointsEarned)),
                ("points_reversed", .integer(order.pointsReversed)),
            ])
        ]
        for (id, payment) in view.payments.sorted(by: { $0.key < $1.key }) {
            lines.append(
                JSONLine([
                    ("kind", .string("payment")), ("payment", .string(id.rawValue)),
                    ("order", .string(view.id.rawValue)),
                    ("method", payment.method.map { .string($0.rawValue) } ?? .null),
                    ("status", .string(payment.status.rawValue)),
                    ("authorized_minor", .integer(payment.authorizedMinorUnits)),
                    ("captured_minor", .integer(payment.capturedMinorUnits)),
                    ("refunded_minor", .integer(payment.refundedMinorUnits)),
                ]))
        }
        for (id, parcel) in view.shipments.sorted(by: { $0.key < $1.key }) {
            let afterSale: JSONLine.Value =
                if case .replacement(let id) = parcel.kind { .string(id.rawValue) } else { .null }
            lines.append(
                JSONLine([
                    ("kind", .string("shipment")), ("shipment", .string(id.rawValue)),
                    ("order", .string(view.id.rawValue)),
                    ("warehouse", parcel.warehouse.map { .string($0.rawValue) } ?? .null),
                    ("status", .string(parcel.status.rawValue)),
                    ("carrier", parcel.carrier.map { .string($0) } ?? .null),
                    ("tracking", parcel.trackingNumber.map { .string($0) } ?? .null),
                    ("last_location", parcel.lastLocation.map { .string($0) } ?? .null),
                    ("lines", .string(DemoFormat.lines(parcel.lines))), ("replacement_for", afterSale),
                ]))
        }
        return lines
    }

    private static func afterSaleJSON(_ entry: (id: AfterSaleID, state: AfterSaleState)) -> JSONLine {
        let state = entry.state
        let replacements: JSONLine.Value =
            if case .exchange(let lines) = state.kind { .string(DemoFormat.lines(lines)) } else { .null }
        return JSONLine([
            ("kind", .string("after_sale")), ("after_sale", .string(entry.id.rawValue)),
            ("order", state.order.map { .string($0.rawValue) } ?? .null),
            ("type", .string(DemoFormat.kind(state.kind))),
            ("status", .string(state.status.rawValue)), ("lines", .string(DemoFormat.lines(state.lines))),
            ("replacements", replacements), ("refunded_minor", .integer(state.refundedMinorUnits)),
            ("price_difference_minor", state.priceDifference.map { .integer($0.minorUnits) } ?? .null),
            ("difference_settled", .bool(state.differenceSettled)),
        ])
    }

    private static func memberJSON(_ row: MemberRow) -> JSONLine {
        let state = row.state
        return JSONLine([
            ("kind", .string("member")), ("member", .string(row.id.rawValue)),
            ("name", state.profile.map { .string($0.displayName) } ?? .null), ("tier", .string(state.tier.rawValue)),
            ("points", .integer(state.pointsBalance)), ("store_credit_minor", .integer(state.storeCreditMinorUnits)),
            ("store_credit_currency", state.storeCreditCurrency.map { .string($0.code) } ?? .null),
            ("orders", .string(row.orders.map(\.rawValue).joined(separator: ","))),
        ])
    }

    private var summaryJSON: JSONLine {
        JSONLine([
            ("kind", .string("summary")), ("events", .unsigned(verification.eventCount)),
            ("verify_ok", .bool(verification.ok)), ("commands", .integer(Int64(tally.commandCount))),
            ("accepted", .integer(Int64(tally.acceptedCount))), ("duplicates", .integer(Int64(tally.duplicateCount))),
            ("refused", .integer(Int64(tally.refusedCount))),
            ("events_written", .integer(Int64(tally.eventsWrittenCount))),
        ])
    }
}
