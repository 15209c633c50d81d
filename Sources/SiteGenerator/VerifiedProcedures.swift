internal import Foundation
internal import HelpModel

/// "Vérifié le 1 décembre 2026" under a procedure that a check run proved on these very steps
/// (`build --verification FILE`): readers and the docs team see which instructions are proven.
/// Nothing is shown when no report was given, the procedure is not in it, a check of it failed,
/// or its steps changed since (``VerificationReport/verified(_:locale:article:anchor:number:)``).
struct VerifiedProcedures: Sendable {
    let report: VerificationReport?
    let dates: LocalizedDate

    init(_ report: VerificationReport?, dates: LocalizedDate = LocalizedDate()) {
        self.report = report
        self.dates = dates
    }

    func render(
        _ procedure: Procedure, number: Int, in section: Section, of article: Article, chrome: Chrome, into html: inout HTMLBuffer
    ) {
        guard let report,
            let date = report.verified(procedure, locale: article.locale, article: article.id, anchor: section.anchor, number: number)
        else { return }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day,
            let calendarDay = CalendarDay(year: year, month: month, day: day)
        else { return }
        html.raw("<p class=\"procedure-verified\"><time")
        html.attribute("datetime", calendarDay.description)
        html.raw(">")
        html.text(chrome[.procedureVerified].replacingOccurrences(of: "{date}", with: dates.format(calendarDay, locale: article.locale)))
        html.raw("</time></p>\n")
    }
}
