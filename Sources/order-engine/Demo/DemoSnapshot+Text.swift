import OrderEngine

extension DemoSnapshot {
    /// The day and its views, in sections for people; the last line gives the log's size and verification.
    var textLines: [String] {
        var lines = ["Singles' Day at the demo mall, 2026-11-11, China Standard Time", "", "The day"]
        for step in timeline {
            let text = step.refusal.map { "refused \($0.code.rawValue): \(step.text)" } ?? step.text
            lines.append("  \(DemoDay.clockText(step.time))  \(text)")
        }
        lines += ["", "Catalog and stock"] + catalogText
        lines += ["", "Orders"] + orders.flatMap(orderText)
        lines += ["", "After-sale cases"] + afterSales.map(afterSaleText)
        lines += ["", "Members"] + members.map(memberText)
        lines += ["", "Low stock (available at most \(Self.lowStockThreshold))"]
        lines += lowStock.map { "  \(DemoFormat.padded($0.sku.rawValue, 22)) available \($0.counts.available)" }
        return lines + [
            "", runText, "events: \(verification.eventCount), verify: \(verification.ok ? "ok" : "FAILED")",
        ]
    }

    private var catalogText: [String] {
        var lines: [String] = []
        for row in skus {
            let definition = row.definition
            lines.append(
                "  \(DemoFormat.padded(definition.id.rawValue, 22)) \(DemoFormat.padded(definition.title, 24)) "
                    + "\(DemoFormat.padded(DemoFormat.money(definition.price), 9)) "
                    + "\(definition.categoryPath.joined(separator: "/"))  \(DemoFormat.attributes(definition.attributes))"
                    + (definition.backorderAllowed ? "  backorders allowed" : ""))
            for (warehouse, counts) in row.stock.byWarehouse.sorted(by: { $0.key < $1.key }) {
                lines.append("      " + DemoFormat.padded(warehouse.rawValue, 13) + Self.countsText(counts))
            }
            lines.append("      " + DemoFormat.padded("total", 13) + Self.countsText(row.stock.total))
        }
        return lines
    }

    static func countsText(_ counts: StockCounts) -> String {
        "on hand \(counts.onHand), reserved \(counts.reserved), committed \(counts.committed), "
            + "available \(counts.available), damaged \(counts.damaged), backordered \(counts.backordered)"
    }

    private func orderText(_ view: OrderView) -> [String] {
        let order = view.order
        guard let placement = order.placement else { return ["  \(view.id)  \(order.status.rawValue)"] }
        let currency = placement.totalDue.currency
        func money(_ minorUnits: Int64) -> String { DemoFormat.money(minorUnits, currency) }
        var amounts = "subtotal \(DemoFormat.money(placement.subtotal))"
        if let coupon = placement.coupon { amounts += ", \(coupon) -\(DemoFormat.money(placement.couponDiscount))" }
        amounts += ", due \(money(order.amountDueMinorUnits)), captured \(money(order.paidMinorUnits))"
        amounts += ", refunded \(money(order.refundedMinorUnits))"
        var lines = [
            "  \(view.id)  \(memberName(placement.member))  \(order.status.rawValue)"
                + (order.pointsEarned > 0 ? "  points +\(order.pointsEarned) -\(order.pointsReversed)" : ""),
            "      \(DemoFormat.lines(placement.lines.map { LineQuantity(sku: $0.sku, quantity: $0.quantity) }))",
            "      \(amounts)",
        ]
        for (id, payment) in view.payments.sorted(by: { $0.key < $1.key }) {
            lines.append(
                "      payment \(id)  \(payment.method?.rawValue ?? "?")  \(payment.status.rawValue)  "
                    + "authorized \(money(payment.authorizedMinorUnits)), captured \(money(payment.capturedMinorUnits)), "
                    + "refunded \(money(payment.refundedMinorUnits))")
        }
        for (id, parcel) in view.shipments.sorted(by: { $0.key < $1.key }) {
            let purpose =
                if case .replacement(let afterSale) = parcel.kind { "  replacement for \(afterSale)" } else { "" }
            lines.append(
                "      parcel \(id)  \(parcel.warehouse?.rawValue ?? "?")  \(parcel.status.rawValue)  "
                    + "\(parcel.carrier ?? "no carrier") \(parcel.trackingNumber ?? "")  \(DemoFormat.lines(parcel.lines))"
                    + (parcel.lastLocation.map { "  at \($0)" } ?? "") + purpose)
        }
        return lines
    }

    private func afterSaleText(_ entry: (id: AfterSaleID, state: AfterSaleState)) -> String {
        let state = entry.state
        var text =
            "  \(entry.id)  \(state.order?.rawValue ?? "?")  \(DemoFormat.kind(state.kind))  \(state.status.rawValue)  "
        text += "back: \(DemoFormat.lines(state.lines))"
        if case .exchange(let replacements) = state.kind { text += "  for: \(DemoFormat.lines(replacements))" }
        if let difference = state.priceDifference {
            text += "  difference \(DemoFormat.money(difference))\(state.differenceSettled ? " settled" : " open")"
        }
        let currency = orders.first { $0.id == state.order }?.order.placement?.totalDue.currency
        if state.refundedMinorUnits > 0, let currency {
            text += "  refunded \(DemoFormat.money(state.refundedMinorUnits, currency))"
        }
        return text
    }

    private func memberText(_ row: MemberRow) -> String {
        let state = row.state
        let credit = state.storeCreditCurrency.map { DemoFormat.money(state.storeCreditMinorUnits, $0) } ?? "none"
        let home = state.addresses.first { $0.id == state.defaultAddress }?.address.city ?? "no address"
        return
            "  \(DemoFormat.padded(row.id.rawValue, 12)) \(DemoFormat.padded(state.profile?.displayName ?? "?", 10)) "
            + "\(state.tier.rawValue)  points \(state.pointsBalance)  store credit \(credit)  ships to \(home)  "
            + "orders \(row.orders.map(\.rawValue).joined(separator: ", "))"
    }

    /// What this run did to the log: wrote the day, or found it already there and wrote nothing.
    var runText: String {
        if tally.acceptedCount == 0 {
            return "this run: all \(tally.duplicateCount) accepted commands were duplicates answered from the log, "
                + "\(tally.refusedCount) refused again; nothing new was written"
        }
        return "this run: \(tally.commandCount) commands, \(tally.acceptedCount) accepted "
            + "(\(tally.eventsWrittenCount) events written), \(tally.duplicateCount) duplicates, "
            + "\(tally.refusedCount) refused as expected"
    }
}
