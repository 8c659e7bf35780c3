using Collab.Transfers;
using Collab.Workflow;
using NodaTime;

namespace Collab.Tests.Workflow;

public sealed class StateMachineTests
{
    private enum Door
    {
        Closed = 0,
        Open = 1,
        Locked = 2,
    }

    private enum Push
    {
        Open = 0,
        Close = 1,
        Lock = 2,
        Unlock = 3,
    }

    private readonly record struct Key(bool HasKey);

    private static readonly StateMachine<Door, Push, Key> Machine = new StateMachineBuilder<Door, Push, Key>("door", "XFER-3")
        .Permit(Door.Closed, Push.Open, Door.Open)
        .PermitIf(Door.Closed, Push.Lock, Door.Locked, new Guard<Key>(static (in Key k) => k.HasKey, "you have no key"))
        .Permit(Door.Open, Push.Close, Door.Closed)
        .PermitIf(Door.Locked, Push.Unlock, Door.Closed, new Guard<Key>(static (in Key k) => k.HasKey, "you have no key"))
        .Build();

    [Fact]
    public void Fire_moves_to_the_target_of_the_first_permitted_transition()
    {
        Assert.Equal(Door.Open, Machine.Fire(Door.Closed, Push.Open, new Key(false)));
        Assert.Equal(Door.Locked, Machine.Fire(Door.Closed, Push.Lock, new Key(true)));
    }

    [Fact]
    public void An_unhandled_trigger_is_a_typed_refusal_naming_the_permitted_triggers()
    {
        var error = Assert.Throws<CollabRefusalException>(() => Machine.Fire(Door.Closed, Push.Unlock, new Key(true)));

        Assert.Equal(RefusalKind.RuleViolation, error.Kind);
        Assert.Equal("door.unlock-not-handled", error.Code);
        Assert.Equal("Unlock is not possible in state Closed: permitted now: Open, Lock.", error.Message);
        Assert.Equal("Close is not possible in state Locked: permitted now: Unlock.", Assert.Throws<CollabRefusalException>(() => Machine.Fire(Door.Locked, Push.Close, new Key(true))).Message);
    }

    [Fact]
    public void An_unmet_guard_is_refused_with_its_reason()
    {
        var error = Assert.Throws<CollabRefusalException>(() => Machine.Fire(Door.Closed, Push.Lock, new Key(false)));

        Assert.Equal("door.lock-not-permitted", error.Code);
        Assert.Equal("Lock is not possible now: you have no key.", error.Message);
        Assert.False(Machine.CanFire(Door.Closed, Push.Lock, new Key(false)));
        Assert.True(Machine.CanFire(Door.Closed, Push.Lock, new Key(true)));
    }

    [Fact]
    public void Triggers_lists_each_handled_trigger_with_the_unmet_guard_reason()
    {
        var triggers = Machine.Triggers(Door.Closed, new Key(false));

        Assert.Equal([new TriggerStatus<Push>(Push.Open, true, null), new TriggerStatus<Push>(Push.Lock, false, "you have no key")], triggers);
        Assert.Equal([Push.Open], Machine.PermittedTriggers(Door.Closed, new Key(false)));
        Assert.Empty(Machine.PermittedTriggers(Door.Locked, new Key(false)));
    }

    [Fact]
    public void Firing_allocates_nothing()
    {
        var now = Instant.FromUtc(2026, 1, 1, 0, 0);
        var request = TransferRequest.Create(ClientId.New(), EnvironmentId.New(), EnvironmentId.New(), [AdministrationId.New()], "klant@example.nl", [], UserId.New(), now, now + Duration.FromDays(30));
        var context = new TransferContext(request, TransferParty.Client, now);
        _ = Machine.Fire(Door.Closed, Push.Lock, new Key(true));
        _ = TransferRequest.Machine.Fire(TransferState.AwaitingConsents, TransferTrigger.Consent, context);
        var state = Door.Closed;
        var transfer = TransferState.AwaitingConsents;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            state = Machine.Fire(state, state == Door.Closed ? Push.Lock : Push.Unlock, new Key(true));
            transfer = TransferRequest.Machine.Fire(transfer, TransferTrigger.Consent, context); // a consent: stays awaiting
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal((Door.Closed, TransferState.AwaitingConsents), (state, transfer));
    }

    [Fact]
    public void A_definition_rejects_enums_it_cannot_index_and_guards_without_reasons()
    {
        Assert.Throws<ArgumentException>(() => new StateMachineBuilder<Door, Push, Key>("door", "XFER-3").PermitIf(Door.Closed, Push.Lock, Door.Locked));
        Assert.Throws<ArgumentException>(() => new StateMachineBuilder<Door, Push, Key>("door", "XFER-3").PermitIf(Door.Closed, Push.Lock, Door.Locked, new Guard<Key>(static (in Key _) => true, " ")));
        Assert.Throws<ArgumentException>(() => new StateMachineBuilder<DayOfWeek, ConsoleKey, Key>("keys", "XFER-3"));
    }

    [Fact]
    public void The_machine_exports_to_Mermaid_and_DOT()
    {
        Assert.Equal(
            "stateDiagram-v2\n    Closed --> Open : Open\n    Closed --> Locked : Lock [unless you have no key]\n    Open --> Closed : Close\n    Locked --> Closed : Unlock [unless you have no key]\n",
            Machine.ToMermaid());
        Assert.Contains("\"Closed\" -> \"Locked\" [label=\"Lock\\n[unless you have no key]\"];", Machine.ToDot(), StringComparison.Ordinal);
        Assert.StartsWith("digraph \"door\" {", Machine.ToDot(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("transfers.md")]
    [InlineData("deliverables.md")]
    [InlineData("links.md")]
    public void The_docs_show_the_diagrams_the_code_generates(string page)
    {
        var docs = Path.Combine(RepositoryRoot(), "docs", page);
        var text = File.ReadAllText(docs).ReplaceLineEndings("\n");
        var mermaid = page switch
        {
            "transfers.md" => TransferRequest.Machine.ToMermaid(),
            "links.md" => Collab.Links.IntegrationLink.Machine.ToMermaid(),
            _ => Collab.Deliverables.Deliverable.Machine.ToMermaid(),
        };
        var expected = "```mermaid\n" + mermaid + "```\n";

        Assert.True(text.Contains(expected, StringComparison.Ordinal),
            $"docs/{page} does not hold the generated diagram; replace its mermaid block with:\n{expected}");
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Collab.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Collab.sln not found above the test output.");
    }

    // R: XFER-2, XFER-3 — the public door the benchmarks measure the engine through (issue 32): the workflow's own answer, nothing fired.
    [Fact]
    public void XFER2_preview_says_what_a_trigger_would_do_by_the_workflows_own_guards_without_doing_it()
    {
        var now = Instant.FromUtc(2026, 1, 1, 0, 0);
        var request = TransferRequest.Create(ClientId.New(), EnvironmentId.New(), EnvironmentId.New(), [AdministrationId.New()], "klant@example.nl", [], UserId.New(), now, now + Duration.FromDays(30));

        Assert.Equal(TransferState.AwaitingConsents, request.Preview(TransferTrigger.Consent, TransferParty.Client, now));
        Assert.Equal((TransferState.AwaitingConsents, 0), (request.State, request.ConsentCount)); // nothing was fired
        Assert.Throws<CollabRefusalException>(() => request.Preview(TransferTrigger.Complete, TransferParty.Client, now)); // not all three consented
        Assert.Throws<CollabRefusalException>(() => request.Preview(TransferTrigger.Consent, TransferParty.Client, now + Duration.FromDays(31))); // expired
        Assert.Equal(TransferState.Expired, request.Preview(TransferTrigger.Expire, TransferParty.Client, now + Duration.FromDays(31)));
    }

    // R: SHARE-16 — ClientInsights.Merge is InsightService's merge, with its range check.
    [Fact]
    public void SHARE16_a_public_merge_of_readings_refuses_an_empty_or_too_long_range()
    {
        var company = CompanyId.New();
        var from = new YearMonth(2025, 1);
        var merged = Insights.ClientInsights.Merge(from, new YearMonth(2025, 3), [company],
            [new Insights.SourceReading(company, "boekhouding", [new Insights.MonthlyValue("revenue", new YearMonth(2025, 2), 10m)])]);

        Assert.Equal([company], merged.Companies);
        Assert.Equal("insights.range", Assert.Throws<CollabRefusalException>(() => Insights.ClientInsights.Merge(from, new YearMonth(2024, 12), [company], [])).Code);
        Assert.Equal("insights.range", Assert.Throws<CollabRefusalException>(() => Insights.ClientInsights.Merge(from, from.PlusMonths(240), [company], [])).Code);
    }
}
