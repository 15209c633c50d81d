extension Duration {
    /// Seconds with two decimals, as the summaries print them: `3.14`.
    var secondsText: String {
        let parts = components
        let seconds = Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
        let hundredths = Int((seconds * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Whole milliseconds: `129`.
    var milliseconds: Int64 {
        let parts = components
        return parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000
    }
}
