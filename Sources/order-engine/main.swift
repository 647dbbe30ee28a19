print("order-engine")
