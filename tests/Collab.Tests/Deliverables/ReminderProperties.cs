using Collab.Deliverables;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Collab.Tests.Deliverables;

/// <summary>SHARE-4 and RET-1 as a property over deadlines, lead times and time zones.</summary>
public sealed class ReminderProperties
{
    // Zones with DST at midnight or in half hours, southern-hemisphere DST, none at all, and a date-line hop.
    private static readonly string[] Zones =
        ["Europe/Amsterdam", "America/Sao_Paulo", "America/Havana", "Australia/Lord_Howe", "Asia/Tehran", "Pacific/Apia", "Asia/Kolkata", "America/Santiago", "Pacific/Chatham", "UTC"];

    private static readonly Gen<LocalDate> Deadlines = Gen.OneOf(
        Gen.Choose(2000, 2040).SelectMany(y => Gen.Choose(1, 12).SelectMany(m => Gen.Choose(1, CalendarSystem.Iso.GetDaysInMonth(y, m)).Select(d => new LocalDate(y, m, d)))),
        Gen.Elements(new LocalDate(2024, 2, 29), new LocalDate(2028, 2, 29), new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 29), new LocalDate(2026, 3, 30),
            new LocalDate(2026, 10, 25), new LocalDate(2026, 10, 28), new LocalDate(2026, 12, 31), new LocalDate(2027, 1, 1),
            new LocalDate(2011, 12, 29), new LocalDate(2011, 12, 30), new LocalDate(2012, 1, 2))); // Samoa skipped 30 Dec 2011 entirely

    // R: SHARE-4, RET-1
    [Property(MaxTest = 2000)]
    public Property SHARE4_the_reminder_falls_on_the_local_date_deadline_minus_lead_time_and_never_after_the_deadline()
    {
        var cases = from deadline in Deadlines from lead in Gen.Frequency((4, Gen.Choose(0, 7)), (1, Gen.Choose(8, 60))) from zone in Gen.Elements(Zones) select (deadline, lead, zone);
        return Prop.ForAll(Arb.From(cases), c =>
        {
            var zone = DateTimeZoneProviders.Tzdb[c.zone];
            var date = Reminders.ReminderDate(c.deadline, c.lead);
            var due = Reminders.DueAt(c.deadline, c.lead, zone);
            var passes = Reminders.DeadlinePassesAt(c.deadline, zone);
            return date == c.deadline - Period.FromDays(c.lead)
                   && Period.Between(date, c.deadline, PeriodUnits.Days).Days == c.lead
                   && date <= c.deadline
                   && OnOrFirstAfter(due, date, zone) // the reminder instant is on that local date, DST or not
                   && (due < passes || (due == passes && zone.MapLocal(c.deadline.AtMidnight()).Count == 0)) // never after; equal only if the deadline day never existed
                   && OnOrFirstAfter(passes, c.deadline.PlusDays(1), zone)
                   && (passes - Duration.FromTicks(1)).InZone(zone).Date <= c.deadline; // the whole deadline day is still open
        });
    }

    // On the date itself; or, when that local date never existed in the zone, at the start of the next one.
    private static bool OnOrFirstAfter(Instant instant, LocalDate date, DateTimeZone zone)
    {
        var local = instant.InZone(zone);
        if (local.Date == date)
        {
            return local.TimeOfDay == (date.AtStartOfDayInZone(zone).TimeOfDay);
        }

        return zone.MapLocal(date.AtMidnight()).Count == 0 && zone.MapLocal(date.PlusDays(1).AtMidnight().PlusTicks(-1)).Count == 0
               && (instant - Duration.FromTicks(1)).InZone(zone).Date < date;
    }

    [Fact]
    public void A_day_that_never_existed_starts_when_the_next_day_starts()
    {
        var apia = DateTimeZoneProviders.Tzdb["Pacific/Apia"];
        Assert.Equal(new LocalDate(2011, 12, 31).AtStartOfDayInZone(apia).ToInstant(), Reminders.DueAt(new LocalDate(2012, 1, 2), 3, apia));
    }

    [Fact]
    public void A_negative_lead_time_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Reminders.ReminderDate(new LocalDate(2026, 1, 1), -1));
    }
}
