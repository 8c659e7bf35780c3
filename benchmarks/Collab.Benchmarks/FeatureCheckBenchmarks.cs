using BenchmarkDotNet.Attributes;
using Collab.Tiers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;

namespace Collab.Benchmarks;

/// <summary>
/// TIER-6: "may this client use feature F now?" on every request, once the tier is known. Each invocation
/// asks for all 12 features of a Collaborate client. Baseline: the raw bit test, the physical limit.
/// Compared with Microsoft.FeatureManagement's IsEnabledAsync over the same flags from configuration,
/// what a team would reach for instead.
/// </summary>
[Config(typeof(CollabBenchmarkConfig))]
public class FeatureCheckBenchmarks
{
    private const int Features = 12;
    private readonly TierCatalogue _catalogue = TierCatalogue.Default;
    private readonly string[] _names = Enum.GetNames<Feature>();
    private uint _mask;
    private ClientTier _tier = ClientTier.Collaborate;
    private ServiceProvider _provider = null!;
    private IFeatureManager _featureManager = null!;

    [GlobalSetup]
    public void Setup()
    {
        foreach (var feature in _catalogue.FeaturesOf(_tier).ToArray())
        {
            _mask |= 1u << (int)feature;
        }

        var flags = Enum.GetValues<Feature>().ToDictionary(f => $"FeatureManagement:{f}", f => (string?)(_catalogue.Allows(_tier, f) ? "true" : "false"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(flags).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddFeatureManagement();
        _provider = services.BuildServiceProvider();
        _featureManager = _provider.GetRequiredService<IFeatureManager>();
        if (RawBitTest() != CollabAllows() || RawBitTest() != CollabFeatureSet() || CollabAllows() != FeatureManagementIsEnabled().GetAwaiter().GetResult())
        {
            throw new InvalidOperationException("The three checks must agree.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Features, Description = "raw bit test")]
    public int RawBitTest()
    {
        var allowed = 0;
        for (var f = 0; f < Features; f++)
        {
            allowed += (_mask & (1u << f)) != 0 ? 1 : 0;
        }

        return allowed;
    }

    [Benchmark(OperationsPerInvoke = Features, Description = "Collab TierCatalogue.Allows")]
    public int CollabAllows()
    {
        var allowed = 0;
        for (var f = 0; f < Features; f++)
        {
            allowed += _catalogue.Allows(_tier, (Feature)f) ? 1 : 0;
        }

        return allowed;
    }

    [Benchmark(OperationsPerInvoke = Features, Description = "Collab FeaturesOf(tier) once, then Contains")]
    public int CollabFeatureSet()
    {
        var features = _catalogue.FeaturesOf(_tier);
        var allowed = 0;
        for (var f = 0; f < Features; f++)
        {
            allowed += features.Contains((Feature)f) ? 1 : 0;
        }

        return allowed;
    }

    [Benchmark(OperationsPerInvoke = Features, Description = "FeatureManagement IsEnabledAsync")]
    public async Task<int> FeatureManagementIsEnabled()
    {
        var allowed = 0;
        for (var f = 0; f < Features; f++)
        {
            allowed += await _featureManager.IsEnabledAsync(_names[f]) ? 1 : 0;
        }

        return allowed;
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();
}
