using BenchmarkDotNet.Attributes;
using Collab.Transfers;
using NodaTime;

namespace Collab.Benchmarks;

/// <summary>
/// Firing one trigger on a rehydrated transfer request (a consent that keeps it awaiting) through the shared
/// state machine, against the same decision written by hand as a switch expression over state and trigger.
/// Both evaluate the same two guards (not expired, first consent by this party).
/// </summary>
[Config(typeof(CollabBenchmarkConfig))]
public class TransitionBenchmarks
{
    private TransferRequest _request = null!;
    private TransferContext _context;

    [GlobalSetup]
    public void Setup()
    {
        var now = Instant.FromUtc(2026, 1, 1, 0, 0);
        _request = TransferRequest.Create(ClientId.New(), EnvironmentId.New(), EnvironmentId.New(), [AdministrationId.New()], "klant@example.nl", [], UserId.New(), now, now + Duration.FromDays(30));
        _context = new TransferContext(_request, TransferParty.Client, now);
        if (HandWrittenSwitch() != StateMachineFire())
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
    public TransferState StateMachineFire() => TransferRequest.Machine.Fire(_request.State, TransferTrigger.Consent, _context);
}
