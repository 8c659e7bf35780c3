using Collab.Persistence.EfCore;
using PublicApiGenerator;

namespace Collab.Tests.PublicApi;

/// <summary>
/// One snapshot per package, rendered by PublicApiGenerator. A change to the public API fails here and writes a
/// *.received.txt beside the approved file: review the diff, then copy received over approved to accept it.
/// </summary>
public sealed class PublicApiTests
{
    [Theory]
    [InlineData("Collab.Abstractions")]
    [InlineData("Collab.Domain")]
    [InlineData("Collab.Persistence.EfCore")]
    [InlineData("Collab.Mail")]
    public void Public_API_matches_the_approved_snapshot(string package)
    {
        var assembly = package switch
        {
            "Collab.Abstractions" => typeof(CollabRefusalException).Assembly,
            "Collab.Domain" => typeof(CollabServiceCollectionExtensions).Assembly,
            "Collab.Mail" => typeof(Collab.Mail.SmtpNotificationSender).Assembly,
            _ => typeof(CollabModelBuilderExtensions).Assembly,
        };
        Assert.Equal(package, assembly.GetName().Name);

        // PublicApiGenerator renders C#-shaped text: in-parameters, generic constraints, attributes and nullability as
        // written. Assembly attributes are left out: they list test-only InternalsVisibleTo and build metadata.
        var received = assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).ReplaceLineEndings("\n");
        var approvedPath = Path.Combine(SourceDirectory(), $"{package}.approved.txt");
        var receivedPath = Path.Combine(SourceDirectory(), $"{package}.received.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath) : string.Empty;

        if (received != approved)
        {
            File.WriteAllText(receivedPath, received);
            Assert.Fail($"The public API of {package} changed. Compare {receivedPath} with {approvedPath}; if the change is intended, copy received over approved.");
        }

        File.Delete(receivedPath);
    }

    [Fact]
    public void Every_public_member_of_the_packages_is_documented()
    {
        // The build already fails on a missing XML doc (CS1591 as error); this proves the files ship beside the assemblies.
        foreach (var assembly in new[] { typeof(Refusal).Assembly, typeof(CollabBuilder).Assembly, typeof(CollabDatabase).Assembly, typeof(Collab.Mail.SmtpNotificationSender).Assembly })
        {
            var xml = Path.ChangeExtension(assembly.Location, ".xml");
            Assert.True(File.Exists(xml), $"{xml} is missing");
            Assert.Contains("<member name=", File.ReadAllText(xml), StringComparison.Ordinal);
        }
    }

    // Found from the repository root, not [CallerFilePath]: CI builds map source paths to /_/ (deterministic builds).
    private static string SourceDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Collab.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Collab.sln not found above the test output."), "tests", "Collab.Tests", "PublicApi");
    }

    [Fact]
    public void The_snapshot_shows_what_a_vendor_compiles_against_attributes_constraints_and_nullability()
    {
        // What the hand-written renderer of 0.1 left out: attributes, generic constraints; nullability stays visible.
        var domain = typeof(CollabServiceCollectionExtensions).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false });
        Assert.Contains("[System.Flags]", domain, StringComparison.Ordinal);
        Assert.Contains("where TTrigger :  struct, System.Enum", domain, StringComparison.Ordinal);
        var persistence = typeof(CollabModelBuilderExtensions).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false });
        Assert.Contains("where TContext : Microsoft.EntityFrameworkCore.DbContext", persistence, StringComparison.Ordinal);
        var abstractions = typeof(Refusal).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false });
        Assert.Contains("public string? RuleId { get; init; }", abstractions, StringComparison.Ordinal);
    }
}
