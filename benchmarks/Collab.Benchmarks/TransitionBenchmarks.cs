using BenchmarkDotNet.Attributes;
using Collab.Transfers;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Benchmarks;

/// <summary>
/// Firing one trigger on a rehydrated transfer request (a consent that keeps it awaiting) through the shared
/// state machine, against the same decision written by hand as a switch expression over state and trigger.
/// Both evaluate the same two guards (not expired, first consent by this party). Stateless 5.20.1, the library a
/// team would reach for, is the anchor (docs/decisions.md): the same seven transitions configured once over external
/// state (its guards are parameterless, so they read a mutable holder: one machine per thread), and configured per
/// request as its README shows.
/// </summary>
[Config(typeof(CollabBenchmarkConfig))]
public class TransitionBenchmarks
{
    private TransferRequest _request = null!;
    private TransferContext _context;
    private readonly Holder _holder = new();
    private Stateless.StateMachine<TransferState, TransferTrigger> _stateless = null!;

    [GlobalSetup]
    public void Setup()
    {
        // A request made as a vendor makes one, through TransferService; then detached from its database.
        using (var database = BenchmarkSqlite.Create())
        {
            var seed = TransferSeed.CreateAsync(database.Provider).GetAwaiter().GetResult();
            using var scope = database.Provider.CreateScope();
            var requested = scope.ServiceProvider.GetRequiredService<TransferService>()
                .RequestAsync(ActingParty.User(seed.OldAdmin), seed.From, seed.To, [seed.Administration], seed.ClientEmail).GetAwaiter().GetResult();
            // The service hands back a view (SEC-6); the state machine runs on the aggregate, read from the store.
            _request = scope.ServiceProvider.GetRequiredService<ITransferStore>().FindRequestAsync(requested.Id).GetAwaiter().GetResult()!;
        }

        _context = new TransferContext(_request, TransferParty.Client, SystemClock.Instance.GetCurrentInstant());
        _stateless = Configure(_holder);
        if (HandWrittenSwitch() != StateMachineFire() || StatelessConfiguredOnce() != StateMachineFire() || StatelessConfiguredPerRequest() != StateMachineFire())
        {
            throw new InvalidOperationException("Both must decide the same.");
        }
    }

    [Benchmark(Baseline = true, Description = "hand-written switch expression")]
    public TransferState HandWrittenSwitch()
    {
        ref readonly var c = ref _context;
        var r = c.Request;
        return (r.State, TransferTrigger.Consent) switch
        {
            (TransferState.AwaitingConsents, TransferTrigger.Consent) when c.Now < r.ExpiresAt && !r.HasConsented(c.Party) => TransferState.AwaitingConsents,
            _ => throw new InvalidOperationException("not permitted"),
        };
    }

    [Benchmark(Description = "Collab StateMachine.Fire")]
    public TransferState StateMachineFire() => _request.Preview(TransferTrigger.Consent, _context.Party, _context.Now);

    [Benchmark(Description = "Stateless 5.20.1 Fire, configured once over external state")]
    public TransferState StatelessConfiguredOnce()
    {
        _holder.State = _request.State;
        _holder.Context = _context;
        _stateless.Fire(TransferTrigger.Consent);
        return _holder.State;
    }

    [Benchmark(Description = "Stateless 5.20.1 configured per request, then Fire")]
    public TransferState StatelessConfiguredPerRequest()
    {
        var holder = new Holder { State = _request.State, Context = _context };
        Configure(holder).Fire(TransferTrigger.Consent);
        return holder.State;
    }

    // The transfer machine of TransferRequest, transition for transition, in Stateless's terms.
    private static Stateless.StateMachine<TransferState, TransferTrigger> Configure(Holder h)
    {
        var machine = new Stateless.StateMachine<TransferState, TransferTrigger>(() => h.State, s => h.State = s);
        machine.Configure(TransferState.AwaitingConsents)
            .PermitReentryIf(TransferTrigger.Consent,
                new Tuple<Func<bool>, string>(() => h.Context.Now < h.Context.Request.ExpiresAt, "the request has expired"),
                new Tuple<Func<bool>, string>(() => !h.Context.Request.HasConsented(h.Context.Party), "this party has already consented"))
            .PermitIf(TransferTrigger.Complete, TransferState.Approved, () => h.Context.Request.ConsentCount == 3, "not all three parties have consented")
            .PermitIf(TransferTrigger.Refuse, TransferState.Refused, () => h.Context.Now < h.Context.Request.ExpiresAt, "the request has expired")
            .PermitIf(TransferTrigger.Cancel, TransferState.Cancelled, () => h.Context.Now < h.Context.Request.ExpiresAt, "the request has expired")
            .PermitIf(TransferTrigger.Expire, TransferState.Expired, () => h.Context.Now >= h.Context.Request.ExpiresAt, "the request has not expired yet");
        machine.Configure(TransferState.Approved)
            .Permit(TransferTrigger.Execute, TransferState.Executed)
            .Permit(TransferTrigger.Cancel, TransferState.Cancelled);
        return machine;
    }

    private sealed class Holder
    {
        public TransferState State { get; set; }

        public TransferContext Context { get; set; }
    }
}

/// <summary>What the guards read: the request, who fires, and when (the benchmark's own copy of the engine's context).</summary>
internal readonly record struct TransferContext(TransferRequest Request, TransferParty Party, Instant Now);
