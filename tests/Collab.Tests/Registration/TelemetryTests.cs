using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Collab.Rights;
using Collab.Telemetry;
using Collab.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Tests.Registration;

public sealed class TelemetryTests
{
    [Fact]
    public async Task A_grant_emits_an_activity_and_a_counter_on_the_hosts_meter_factory()
    {
        IMeterFactory? factory = null;
        await using var db = await TestDatabase.CreateAsync(Engine.Sqlite, null, services => services.AddMetrics());
        factory = db.Services.GetRequiredService<IMeterFactory>();
        var measurements = new ConcurrentBag<(string Instrument, long Value, string? Action)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CollabTelemetry.Name && instrument.Meter.Scope == factory)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measurements.Add((instrument.Name, value, tags.ToArray().FirstOrDefault(t => t.Key == "action").Value as string)));
        meters.Start();
        var activities = new ConcurrentBag<string>();
        using var traces = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CollabTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => activities.Add(activity.OperationName),
        };
        ActivitySource.AddActivityListener(traces);
        var w = await World.SeedAsync(db);

        await db.InScopeAsync(sp => sp.GetRequiredService<RightsService>().GrantAsync(ActingParty.User(w.ClientUser.Id), w.Office.Id, w.Administration.Id, GrantChannel.Web));

        Assert.Contains(("collab.rights.changes", 1L, "granted"), measurements);
        Assert.Contains("collab.rights.grant", activities);
    }
}
