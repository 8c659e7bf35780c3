using Collab.Lifecycle;
using Collab.Registry;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Collab.Tests.Lifecycle;

/// <summary>RET-1, RET-2, ONB-1 and ONB-6 as properties over cancellation instants, time zones and pass times.</summary>
public sealed class RetentionProperties
{
    private static readonly string[] Zones =
        ["Europe/Amsterdam", "America/Sao_Paulo", "America/Havana", "Australia/Lord_Howe", "Asia/Tehran", "Pacific/Apia", "America/Santiago", "Pacific/Chatham", "UTC"];

    // Month ends, 29 February, DST days in both hemispheres, New Year, and the day Samoa skipped.
    private static readonly Gen<LocalDate> Days = Gen.OneOf(
        Gen.Choose(2000, 2040).SelectMany(y => Gen.Choose(1, 12).SelectMany(m => Gen.Choose(1, CalendarSystem.Iso.GetDaysInMonth(y, m)).Select(d => new LocalDate(y, m, d)))),
        Gen.Choose(2000, 2040).SelectMany(y => Gen.Choose(1, 12).Select(m => new LocalDate(y, m, CalendarSystem.Iso.GetDaysInMonth(y, m)))),
        Gen.Elements(new LocalDate(2024, 2, 29), new LocalDate(2028, 2, 29), new LocalDate(2026, 3, 29), new LocalDate(2026, 10, 25), new LocalDate(2026, 10, 4),
            new LocalDate(2026, 4, 5), new LocalDate(2026, 12, 31), new LocalDate(2011, 12, 29), new LocalDate(2011, 10, 2), new LocalDate(2011, 9, 30)));

    private static readonly Gen<(Instant Cancelled, DateTimeZone Zone, int Delay, int[] Warnings)> Cancellations =
        from day in Days
        from minute in Gen.Choose(0, (24 * 60) - 1)
        from zoneId in Gen.Elements(Zones)
        from delay in Gen.Frequency((6, Gen.Constant(90)), (1, Gen.Choose(30, 400)))
        from warnings in Gen.Frequency((6, Gen.Constant(new[] { 30, 7 })), (1, Gen.ArrayOf(Gen.Choose(1, 29))))
        let zone = DateTimeZoneProviders.Tzdb[zoneId]
        select (day.At(LocalTime.FromMinutesSinceMidnight(minute)).InZoneLeniently(zone).ToInstant(), zone, delay, warnings);

    // R: RET-1, ONB-6
    [Property(MaxTest = 3000)]
    public Property RET1_deletion_falls_exactly_the_delay_in_local_calendar_days_after_the_cancellation_day_and_warnings_on_their_days()
    {
        return Prop.ForAll(Arb.From(Cancellations), c =>
        {
            var plan = DeletionPlan.For(c.Cancelled, c.Zone, c.Delay, c.Warnings);
            var cancelDay = c.Cancelled.InZone(c.Zone).Date;
            var exactDays = Period.Between(cancelDay, plan.DeleteOn, PeriodUnits.Days).Days == c.Delay;
            var dueOnItsDay = StartsDay(plan.DueAt, plan.DeleteOn, c.Zone);
            var warningsRight = plan.Warnings.All(w => w.Day == plan.DeleteOn.PlusDays(-w.DaysBefore) && w.Day > cancelDay && StartsDay(w.At, w.Day, c.Zone))
                                && plan.Warnings.Select(w => w.At).SequenceEqual(plan.Warnings.Select(w => w.At).Order())
                                && plan.Warnings.Count == c.Warnings.Distinct().Count(d => plan.DeleteOn.PlusDays(-d) > cancelDay);
            return exactDays && dueOnItsDay && warningsRight && plan.DueAt > c.Cancelled;
        });
    }

    // R: RET-2, ONB-6
    [Property(MaxTest = 1500)]
    public Property RET2_no_deletion_ever_happens_before_its_date_or_while_a_hold_stands_whatever_the_order_of_passes()
    {
        var administration = Administration.Create(ClientId.New(), CompanyId.New(), AdministrationNumber.From(77), "Fok", null, null,
            LicenceSource.ClientSubscription, AdministrationState.Live, Actor.System("test"), Instant.FromUtc(2026, 1, 1, 0, 0));
        var runs =
            from c in Cancellations
            from passes in Gen.ListOf(Gen.Zip(Gen.Choose(-5 * 24 * 60, 120 * 24 * 60), Gen.Elements(true, false)))
            select (c, passes);

        return Prop.ForAll(Arb.From(runs), run =>
        {
            var (c, passes) = run;
            var plan = DeletionPlan.For(c.Cancelled, c.Zone, c.Delay, c.Warnings);
            var schedule = DeletionSchedule.Plan(administration, OfficeId.New(), plan, Actor.System("test"), c.Cancelled);
            var sentWarnings = new List<int>();
            foreach (var (minutes, hold) in passes.OrderBy(p => p.Item1))
            {
                var now = c.Cancelled + Duration.FromMinutes(minutes);
                if (schedule.State != DeletionState.Scheduled)
                {
                    break;
                }

                if (schedule.TakeDueWarning(now, c.Zone, Actor.System("test")) is { } days)
                {
                    sentWarnings.Add(days);
                    if (now >= plan.DueAt)
                    {
                        return false; // a warning after the deletion day would be a lie
                    }
                }

                var allowed = now >= plan.DueAt && !hold;
                try
                {
                    schedule.Complete("policy", hold, Actor.System("test"), now);
                    if (!allowed)
                    {
                        return false;
                    }
                }
                catch (InvalidOperationException)
                {
                    if (allowed)
                    {
                        return false;
                    }
                }
            }

            // Warnings are sent at most once each, largest first.
            return sentWarnings.SequenceEqual(sentWarnings.Distinct().OrderDescending());
        });
    }

    // R: ONB-1, RET-1
    [Property(MaxTest = 2000)]
    public Property ONB1_the_free_period_is_one_calendar_month_ending_on_the_last_day_of_a_shorter_month() =>
        Prop.ForAll(Arb.From(Days), day =>
        {
            var through = ClientSubscription.FreeThroughFor(day, 1);
            var next = day.PlusMonths(1);
            return through == next
                   && through.Day == Math.Min(day.Day, CalendarSystem.Iso.GetDaysInMonth(next.Year, next.Month))
                   && Period.Between(day, through, PeriodUnits.Months | PeriodUnits.Days) == Period.FromMonths(1)
                   && through > day;
        });

    // R: ONB-1
    [Fact]
    public void ONB1_the_free_period_of_a_registration_on_a_month_end_ends_on_the_last_day_of_the_next_month()
    {
        Assert.Equal(new LocalDate(2027, 2, 28), ClientSubscription.FreeThroughFor(new LocalDate(2027, 1, 31), 1));
        Assert.Equal(new LocalDate(2028, 2, 29), ClientSubscription.FreeThroughFor(new LocalDate(2028, 1, 31), 1));
        Assert.Equal(new LocalDate(2026, 4, 30), ClientSubscription.FreeThroughFor(new LocalDate(2026, 3, 31), 1));
    }

    // R: RET-2
    [Property(MaxTest = 3000)]
    public Property RET2_books_may_go_only_after_the_last_day_of_their_7_or_10_years_unless_the_client_keeps_a_backup()
    {
        var policy = new StatutoryRetentionPolicy(Microsoft.Extensions.Options.Options.Create(new CollabOptions()));
        var administration = Administration.Create(ClientId.New(), CompanyId.New(), AdministrationNumber.From(78), "Fok", null, null,
            LicenceSource.ClientSubscription, AdministrationState.Live, Actor.System("test"), Instant.FromUtc(2026, 1, 1, 0, 0));
        var cases =
            from yearEnd in Days
            from immovable in Gen.Elements(true, false)
            from offset in Gen.Frequency((4, Gen.Choose(-2, 2)), (1, Gen.Choose(-4000, 4000))) // around the last day, and far off
            from backup in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
            select (yearEnd, immovable, offset, backup);

        return Prop.ForAll(Arb.From(cases), c =>
        {
            var lastDay = c.yearEnd.PlusYears(c.immovable ? 10 : 7); // 29 Feb + 7 years is 28 Feb
            var today = lastDay.PlusDays(c.offset);
            var decision = policy.DecideAsync(new RetentionQuestion(administration, new Storage.BooksSummary(c.yearEnd, c.immovable), today,
                c.backup ? Instant.FromUtc(2026, 1, 2, 0, 0) : null), CancellationToken.None).AsTask().GetAwaiter().GetResult();
            return decision.MayDelete == (today > lastDay || c.backup)
                   && (decision.MayDelete || decision.Reason.Contains($"kept through {lastDay:yyyy-MM-dd}", StringComparison.Ordinal));
        });
    }

    // R: RET-2
    [Fact]
    public async Task RET2_the_last_day_of_the_period_itself_still_keeps_the_books_and_the_day_after_does_not()
    {
        var policy = new StatutoryRetentionPolicy(Microsoft.Extensions.Options.Options.Create(new CollabOptions()));
        var administration = Administration.Create(ClientId.New(), CompanyId.New(), AdministrationNumber.From(79), "Fok", null, null,
            LicenceSource.ClientSubscription, AdministrationState.Live, Actor.System("test"), Instant.FromUtc(2026, 1, 1, 0, 0));
        var books = new Storage.BooksSummary(new LocalDate(2020, 2, 29), HoldsImmovablePropertyData: false);

        var onTheDay = await policy.DecideAsync(new RetentionQuestion(administration, books, new LocalDate(2027, 2, 28), null), CancellationToken.None);
        var dayAfter = await policy.DecideAsync(new RetentionQuestion(administration, books, new LocalDate(2027, 3, 1), null), CancellationToken.None);

        Assert.False(onTheDay.MayDelete);
        Assert.Contains("must be kept through 2027-02-28 (7 years)", onTheDay.Reason, StringComparison.Ordinal);
        Assert.Equal((true, "statutory: the 7-year period after 2020-02-29 ended on 2027-02-28"), (dayAfter.MayDelete, dayAfter.Reason));
    }

    // The instant starts the local day; or, when that day never existed in the zone, the next day that did.
    private static bool StartsDay(Instant instant, LocalDate day, DateTimeZone zone)
    {
        var before = (instant - Duration.FromTicks(1)).InZone(zone).Date;
        var at = instant.InZone(zone).Date;
        return before < day && (at == day || (at > day && zone.MapLocal(day.AtMidnight()).Count == 0 && zone.MapLocal(day.At(new LocalTime(23, 59))).Count == 0));
    }
}
