internal import Foundation
internal import HelpModel

/// "18 novembre 2026": a day written the way the page's language writes it (ICU's long date).
///
/// The browser script replaces it with a relative phrase in the same language; without the
/// script, or without support for the language, this is what readers see.
struct LocalizedDate: Sendable {
    private let calendar: Calendar
    private let timeZone = TimeZone(identifier: "UTC") ?? .current

    init() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    func format(_ day: CalendarDay, locale: String) -> String {
        guard let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) else {
            return day.description
        }
        let style = Date.FormatStyle(
            date: .long, time: .omitted, locale: Locale(identifier: locale), calendar: calendar, timeZone: timeZone)
        return date.formatted(style)
    }
}
