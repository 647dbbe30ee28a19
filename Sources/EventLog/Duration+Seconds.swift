extension Duration {
    /// The duration in seconds, for rates and reports.
    public var secondsDouble: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
