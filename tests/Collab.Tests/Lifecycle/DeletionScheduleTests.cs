using Collab.Lifecycle;
using Collab.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Collab.Tests.Lifecycle;

/// <summary>
/// The deletion schedule as an aggregate that guards itself (RET-2, AUD-1): each transition once, in order, recorded
/// once; nothing after it is carried out or called off. Written from the survivors of the lifecycle mutation run.
/// </summary>
public sealed class DeletionScheduleTests
{
    private static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
    private static readonly Instant Cancelled = Instant.FromUtc(2026, 4, 10, 7, 0);
    private static readonly Actor Client = Actor.System("test-client");
    private static readonly Actor Pass = Actor.System("retention");

    private static DeletionSchedule NewSchedule()
    {
        var administration = Administration.Create(ClientId.New(), CompanyId.New(), AdministrationNumber.From(77), "Fok", null, null,
            LicenceSource.ClientSubscription, AdministrationState.Live, Client, Cancelled);
        var schedule = DeletionSchedule.Plan(administration, OfficeId.New(), DeletionPlan.For(Cancelled, Amsterdam, 90, [30, 7]), Client, Cancelled);
        return schedule;
    }

    private static List<(AuditAction Action, string Details)> Audited(DeletionSchedule schedule) =>
        schedule.DomainEvents.OfType<RegistryChanged>().Select(e => (e.Action, e.Details)).ToList();

    // R: RET-2, AUD-1
    [Fact]
    public void RET2_planning_records_the_cancellation_once_with_its_date_and_warnings_which_fall_30_and_7_days_before()
    {
        var schedule = NewSchedule();

        Assert.Equal((new LocalDate(2026, 7, 9), "30,7"), (schedule.DeleteOn, schedule.WarningDays));
        Assert.Equal([(AuditAction.SubscriptionCancelled, "deletion-date=2026-07-09;warnings=30,7")], Audited(schedule));
        var plan = schedule.PlanIn(Amsterdam);
        Assert.Equal([new LocalDate(2026, 6, 9), new LocalDate(2026, 7, 2)], plan.Warnings.Select(w => w.Day));
        Assert.Equal(new LocalDate(2026, 6, 9).AtStartOfDayInZone(Amsterdam).ToInstant(), schedule.NextActionAt);
    }

    // R: RET-2, AUD-1
    [Fact]
    public void RET2_a_warning_is_taken_once_up_to_the_last_moment_before_the_day_and_none_from_the_deletion_instant_on()
    {
        var schedule = NewSchedule();

        Assert.Null(schedule.TakeDueWarning(new LocalDate(2026, 6, 9).AtStartOfDayInZone(Amsterdam).ToInstant() - Duration.FromTicks(1), Amsterdam, Pass));
        Assert.Equal(30, schedule.TakeDueWarning(new LocalDate(2026, 6, 9).AtStartOfDayInZone(Amsterdam).ToInstant(), Amsterdam, Pass));
        Assert.Null(schedule.TakeDueWarning(new LocalDate(2026, 6, 20).AtStartOfDayInZone(Amsterdam).ToInstant(), Amsterdam, Pass)); // taken already
        Assert.Equal(7, schedule.TakeDueWarning(schedule.DueAt - Duration.FromTicks(1), Amsterdam, Pass));
        Assert.Equal(schedule.DueAt, schedule.NextActionAt);

        var late = NewSchedule();
        Assert.Null(late.TakeDueWarning(late.DueAt, Amsterdam, Pass)); // at the deletion instant it is too late to warn
        Assert.Equal(
            [AuditAction.SubscriptionCancelled, AuditAction.DeletionWarningSent, AuditAction.DeletionWarningSent],
            Audited(schedule).Select(a => a.Action));
        Assert.Equal("days-before=7;deletion-date=2026-07-09", Audited(schedule)[^1].Details);
    }

    // R: RET-2, AUD-1
    [Fact]
    public void RET2_a_block_is_recorded_when_its_reason_changes_and_every_retry_moves_the_next_attempt()
    {
        var schedule = NewSchedule();
        var retry = schedule.DueAt + Duration.FromDays(1);

        Assert.True(schedule.Block("legal hold: onderzoek", retry, Pass, schedule.DueAt));
        Assert.False(schedule.Block("legal hold: onderzoek", retry + Duration.FromDays(1), Pass, retry));
        Assert.Equal(retry + Duration.FromDays(1), schedule.NextActionAt);
        Assert.True(schedule.Block("art. 52 AWR", retry + Duration.FromDays(2), Pass, retry + Duration.FromDays(1)));

        Assert.Equal(["reason=legal hold: onderzoek", "reason=art. 52 AWR"], Audited(schedule).Where(a => a.Action == AuditAction.DeletionBlocked).Select(a => a.Details));
        Assert.Equal("art. 52 AWR", schedule.BlockedReason);
    }

    // R: RET-2
    [Fact]
    public void RET2_a_claimed_deletion_keeps_its_first_claim_cannot_be_called_off_and_is_never_carried_out_early_or_under_a_hold()
    {
        var schedule = NewSchedule();
        schedule.BeginDeletion(schedule.DueAt);
        schedule.BeginDeletion(schedule.DueAt + Duration.FromHours(1)); // a second pass: the first claim stands

        Assert.Equal(schedule.DueAt, schedule.DeletionStartedAt);
        Assert.Equal("retention.deletion-under-way", Assert.Throws<CollabRefusalException>(() => schedule.CallOff(Client, schedule.DueAt)).Code);
        Assert.Throws<InvalidOperationException>(() => schedule.Complete("statutory", legalHold: false, Pass, schedule.DueAt - Duration.FromTicks(1)));
        Assert.Throws<InvalidOperationException>(() => schedule.Complete("statutory", legalHold: true, Pass, schedule.DueAt));

        schedule.Complete("statutory", legalHold: false, Pass, schedule.DueAt);

        Assert.Equal((DeletionState.Deleted, (string?)null), (schedule.State, schedule.BlockedReason));
        foreach (var after in new Action[]
                 {
                     () => schedule.Complete("again", false, Pass, schedule.DueAt), () => schedule.Block("late", schedule.DueAt, Pass, schedule.DueAt),
                     () => schedule.BeginDeletion(schedule.DueAt), () => schedule.CallOff(Client, schedule.DueAt),
                 })
        {
            Assert.Equal("retention.not-scheduled", Assert.Throws<CollabRefusalException>(after).Code);
        }

        Assert.Single(Audited(schedule), a => a.Action == AuditAction.AdministrationDeleted);
    }

    // R: RET-2, AUD-1
    [Fact]
    public void RET2_calling_off_before_the_claim_is_recorded_once_and_ends_the_schedule()
    {
        var schedule = NewSchedule();

        schedule.CallOff(Client, Cancelled + Duration.FromDays(3));

        Assert.Equal(DeletionState.CalledOff, schedule.State);
        Assert.Equal((AuditAction.SubscriptionReactivated, "called-off-deletion=2026-07-09"), Audited(schedule)[^1]);
        Assert.Equal("retention.not-scheduled", Assert.Throws<CollabRefusalException>(() => schedule.CallOff(Client, Cancelled)).Code);
    }

    public static TheoryData<string, string> InvalidLifecycles() => new()
    {
        { "no plans", "Plans is empty" },
        { "empty plan name", "Plans is empty or has an empty name" },
        { "plan twice", "Plans names a plan twice" },
        { "unknown link plan", "plan 'inGeheel' is not in Plans" },
        { "unknown rights plan", "plan 'inDromen' is not in Plans" },
        { "13 free months", "FreeMonths is 13" },
        { "negative free months", "FreeMonths is -1" },
        { "29 days delay", "DeletionDelayDays is 29" },
        { "3651 days delay", "DeletionDelayDays is 3651" },
        { "warning on the day", "DeletionWarningDays must each be at least 1" },
        { "warning at the delay", "DeletionWarningDays must each be at least 1 and less than DeletionDelayDays" },
        { "31 retention years", "RetentionYears and ImmovablePropertyRetentionYears must be 0 to 30 years" },
        { "negative immovable years", "RetentionYears and ImmovablePropertyRetentionYears must be 0 to 30 years" },
    };

    // R: ONB-1, RET-2
    [Theory]
    [MemberData(nameof(InvalidLifecycles))]
    public void An_invalid_lifecycle_configuration_is_refused_at_start_up_naming_the_setting(string problem, string message)
    {
        using var provider = new ServiceCollection().AddCollab(o =>
        {
            var l = o.Lifecycle;
            switch (problem)
            {
                case "no plans": l.Plans = []; break;
                case "empty plan name": l.Plans = ["inStap", " "]; break;
                case "plan twice": l.Plans = ["inStap", "instap", "inKaart"]; l.LinkMinimumPlan = "inKaart"; break;
                case "unknown link plan": l.LinkMinimumPlan = "inGeheel"; break;
                case "unknown rights plan": l.RightsEligiblePlans = ["inStap", "inDromen"]; break;
                case "13 free months": l.FreeMonths = 13; break;
                case "negative free months": l.FreeMonths = -1; break;
                case "29 days delay": l.DeletionDelayDays = 29; break;
                case "3651 days delay": l.DeletionDelayDays = 3651; break;
                case "warning on the day": l.DeletionWarningDays = [30, 0]; break;
                case "warning at the delay": l.DeletionDelayDays = 60; l.DeletionWarningDays = [60]; break;
                case "31 retention years": l.RetentionYears = 31; break;
                case "negative immovable years": l.ImmovablePropertyRetentionYears = -1; break;
            }
        }).Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CollabOptions>>().Value);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    // R: ONB-1, RET-2
    [Fact]
    public void The_edges_of_every_lifecycle_setting_are_accepted()
    {
        using var provider = new ServiceCollection().AddCollab(o =>
        {
            o.Lifecycle.FreeMonths = 12;
            o.Lifecycle.DeletionDelayDays = 30;
            o.Lifecycle.DeletionWarningDays = [1, 29];
            o.Lifecycle.RetentionYears = 30;
            o.Lifecycle.ImmovablePropertyRetentionYears = 0;
        }).Services.BuildServiceProvider();

        Assert.Equal(30, provider.GetRequiredService<IOptions<CollabOptions>>().Value.Lifecycle.DeletionDelayDays);
        using var other = new ServiceCollection().AddCollab(o => { o.Lifecycle.FreeMonths = 0; o.Lifecycle.DeletionDelayDays = 3650; o.Lifecycle.RetentionYears = 0; }).Services.BuildServiceProvider();
        Assert.Equal(3650, other.GetRequiredService<IOptions<CollabOptions>>().Value.Lifecycle.DeletionDelayDays);
    }
}
