using System.Globalization;
using System.Resources;
using BenchmarkDotNet.Attributes;
using Collab.Texts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Collab.Benchmarks;

/// <summary>
/// Issue 34: one refusal text rendered in Dutch with a date (<c>report.deadline-passed</c>). Baseline: Microsoft's
/// <c>ResourceManagerStringLocalizer</c> (Microsoft.Extensions.Localization) over Collab's own resources, what a team
/// would reach for. Compared: Collab's catalogue (<c>CollabTexts.Render</c>) and the same catalogue as
/// <c>IStringLocalizer&lt;CollabTexts&gt;</c>, the shape issue 34 added; with no vendor override and with one
/// <c>ICollabTextOverrides</c> that answers for another key.
/// </summary>
[Config(typeof(CollabBenchmarkConfig))]
public class TextBenchmarks
{
    private const string Key = "report.deadline-passed";
    private static readonly object[] Arguments = [new LocalDate(2026, 12, 15)];
    private ResourceManagerStringLocalizer _microsoft = null!;
    private CollabTexts _texts = null!;
    private IStringLocalizer<CollabTexts> _localizer = null!;
    private CollabTexts _withOverride = null!;
    private ServiceProvider _provider = null!;

    [GlobalSetup]
    public void Setup()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CollabTexts.Dutch;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CollabTexts.Dutch;
        var assembly = typeof(CollabTexts).Assembly;
        _microsoft = new ResourceManagerStringLocalizer(new ResourceManager("Collab.Texts.CollabTexts", assembly), assembly, "Collab.Texts.CollabTexts",
            new ResourceNamesCache(), NullLogger.Instance);
        _provider = new ServiceCollection().AddCollab().Services.BuildServiceProvider();
        _texts = _provider.GetRequiredService<CollabTexts>();
        _localizer = _provider.GetRequiredService<IStringLocalizer<CollabTexts>>();
        _withOverride = new CollabTexts([new OtherKey()]);
        var expected = "De deadline 15 december 2026 is al voorbij: kies een latere datum.";
        if (MicrosoftLocalizer() != expected || CollabRender() != expected || CollabAsLocalizer() != expected || CollabRenderWithOverride() != expected)
        {
            throw new InvalidOperationException("The renderings must agree.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark(Baseline = true, Description = "ResourceManagerStringLocalizer[key, date]")]
    public string MicrosoftLocalizer() => _microsoft[Key, Arguments].Value;

    [Benchmark(Description = "Collab CollabTexts.Render(key, Dutch, date)")]
    public string CollabRender() => _texts.Render(Key, CollabTexts.Dutch, Arguments);

    [Benchmark(Description = "Collab IStringLocalizer<CollabTexts>[key, date]")]
    public string CollabAsLocalizer() => _localizer[Key, Arguments].Value;

    [Benchmark(Description = "Collab Render with a vendor override registered")]
    public string CollabRenderWithOverride() => _withOverride.Render(Key, CollabTexts.Dutch, Arguments);

    private sealed class OtherKey : ICollabTextOverrides
    {
        public string? Find(string key, CultureInfo culture) => key == "link.spent" ? "Bel ons." : null;
    }
}
