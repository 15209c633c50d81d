internal import Foundation
internal import HelpModel

/// "18 novembre 2026": a day written the way the page's language writes it (ICU's long date).
///
/// The browser script replaces it with a relative phrase in the same language; without the
/// script, or without support for the language, this is what readers see.
struct LocalizedDate: Sendable {
    private let calendar: Calendar
    private let timeZone = TimeZone(identifier: "UTC") ?? .current
    /// Days already written: 20,000 pages share a few hundred days, and ICU takes longer to
    /// format one than the page takes to render its steps.
    private let written = Written()

    init() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    func format(_ day: CalendarDay, locale: String) -> String {
        let key = Written.Key(locale: locale, day: day)
        if let text = written[key] { return text }
        let text = formatWithICU(day, locale: locale)
        written[key] = text
        return text
    }

    private func formatWithICU(_ day: CalendarDay, locale: String) -> String {
        guard let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) else {
            return day.description
        }
        let style = Date.FormatStyle(
            date: .long, time: .omitted, locale: Locale(identifier: locale), calendar: calendar, timeZone: timeZone)
        return date.formatted(style)
    }

    private final class Written: @unchecked Sendable {
        struct Key: Hashable {
            var locale: String
            var day: CalendarDay
        }

        private var texts: [Key: String] = [:]
        private let lock = NSLock()

        subscript(key: Key) -> String? {
            get { lock.withLock { texts[key] } }
            set { lock.withLock { texts[key] = newValue } }
        }
    }
}
