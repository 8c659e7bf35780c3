using System.Reflection;
using System.Text.RegularExpressions;
using Collab.Persistence.EfCore;

namespace Collab.Tests.PublicApi;

/// <summary>
/// Every Collab type and member that README.md and docs/*.md name in code spans exists in a package's public API
/// (issue 34: the docs had drifted to a service method that did not exist). A span whose first part is a Collab type
/// must resolve part by part through the public API (<c>Type.Member</c>, <c>Type.Nested.Member</c>); an internal member
/// only when it is one of the few the contributor docs explain on purpose, listed below. A bare <c>…Async</c> name must
/// be a public member of a package (or of the store specification). Any other name must occur in the repository's C# (a
/// test class, the sample's host, a .NET API Collab calls) or be one of the few outside words listed below. A renamed or
/// removed name left in a doc fails here, and so does an internal one named as if a vendor could call it.
/// </summary>
public sealed partial class DocumentedNamesTests
{
    // Names from .NET, EF Core, NodaTime, xUnit and the repository's own projects and tests, which docs mention on purpose.
    private static readonly HashSet<string> OutsideNames = new(StringComparer.Ordinal)
    {
        "CHANGELOG", "EXISTS", "MAX", "TEXT", "IHDR", "IDAT", "IEND", // a file, SQL and PNG chunk names
        "IStringLocalizer", // Microsoft.Extensions.Localization's interface, which CollabTexts implements (issue 34)
        "FindForOfficeAsync", "FindForClientAsync", // named as what Collab deliberately does not have (docs/deliverables.md)
        "EnsureCreated", "IQueryable", "StatisticalTestColumn", "DynamicMethod.CreateDelegate", // EF Core, BenchmarkDotNet and .NET APIs the decisions weigh
        "JsonValueReaderWriter", "ConfigureConventions", // EF Core APIs the key figures' mapping decision weighs
        "MapIdentityApi", "AddControllers", "UseRateLimiter", "PrivateAssets", "UseForwardedHeaders", // ASP.NET Core and MSBuild names the HTTP surface is weighed against
        "MapCollab", // named as the all-or-nothing mapping Collab.AspNetCore deliberately does not have
    };

    // Internal members the contributor docs explain on purpose: how authorization and the aggregates' rules work inside.
    // Each must exist and stay internal; one that turns public or disappears fails too (leave the list then).
    private static readonly HashSet<string> InternalsTheDocsExplain = new(StringComparer.Ordinal)
    {
        "CollabAuthorization.AuthorizeAsync", "CollabAuthorization.Resolve", "AuthorizeAsync", "TryAuthorizeAsync", // architecture.md, authorization.md, decisions.md
        "Deliverable.ReadForClient", "TransferRequest.Consent", // architecture.md: the aggregate owns the rule
        "Deliverable.Machine", "TransferRequest.Machine", // the state machines the diagrams are generated from
        "Deliverable.SetFigures", // deliverables.md: the aggregate owns the figures' checks (SHARE-15)
        "CollabTexts.InEnglish", // texts.md, decisions.md: how an aggregate's refusal gets its English reason
        "ActingParty.Platform", // decisions.md: why it is internal
        "DeliverableReader.LoadAsync", "FeatureGate.RequireAsync", "Deliverable.ShareForApproval", // architecture.md: the path of one share
    };

    [Fact]
    public void Every_Collab_name_in_the_docs_exists()
    {
        var types = PackageTypes();
        var byName = types.GroupBy(t => SimpleName(t)).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var sourceWords = SourceWords();

        var missing = new List<string>();
        foreach (var (file, span) in CodeSpans())
        {
            var parts = span.Split('.');
            if (byName.TryGetValue(parts[0], out var candidates))
            {
                if (candidates.Any(t => Resolves(t, parts[1..], publicOnly: true)))
                {
                    continue;
                }

                var inside = candidates.Any(t => Resolves(t, parts[1..], publicOnly: false));
                if (!inside || !InternalsTheDocsExplain.Contains(span))
                {
                    missing.Add($"{file}: `{span}`" + (inside ? " (internal: not a vendor's to call)" : string.Empty));
                }
            }
            else if (parts.Length == 1 && span.EndsWith("Async", StringComparison.Ordinal) && !OutsideNames.Contains(span))
            {
                var isPublic = types.Any(t => t.GetMember(span, PublicMembers).Length > 0)
                    || typeof(Collab.Stores.Specification.StoreSpecification).GetMember(span, PublicMembers | BindingFlags.NonPublic).Any(m => m is MethodInfo { IsFamily: true } or MethodInfo { IsPublic: true }); // what a vendor's specification overrides
                var isExplained = InternalsTheDocsExplain.Contains(span) && types.Any(t => t.GetMember(span, PublicMembers | BindingFlags.NonPublic).Length > 0);
                if (!isPublic && !isExplained)
                {
                    missing.Add($"{file}: `{span}` (no public member of that name)");
                }
            }
            else if (!OutsideNames.Contains(span) && !parts.All(sourceWords.Contains))
            {
                missing.Add($"{file}: `{span}`");
            }
        }

        Assert.True(missing.Count == 0, "Names in the docs that no package has (rename them in the docs, or list an outside name in OutsideNames):\n" + string.Join("\n", missing.Distinct()));
    }

    [Fact]
    public void The_internals_the_docs_explain_exist_and_are_internal()
    {
        var types = PackageTypes();
        var all = types.Concat(types.Select(t => t.Assembly).Distinct().SelectMany(a => a.GetTypes())).Distinct().ToArray();
        foreach (var name in InternalsTheDocsExplain)
        {
            var parts = name.Split('.');
            var owners = parts.Length == 1 ? all : all.Where(t => SimpleName(t) == parts[0]).ToArray();
            var rest = parts.Length == 1 ? parts : parts[1..];
            Assert.True(owners.Any(t => Resolves(t, rest, publicOnly: false)), $"{name} is listed in InternalsTheDocsExplain but does not exist: leave it out of the list and the docs.");
            Assert.False(types.Any(t => (parts.Length == 1 || SimpleName(t) == parts[0]) && Resolves(t, rest, publicOnly: true)), $"{name} is public now: leave it out of InternalsTheDocsExplain.");
        }
    }

    private const BindingFlags PublicMembers = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.FlattenHierarchy;

    private static bool Resolves(Type type, string[] rest, bool publicOnly)
    {
        if (rest.Length == 0)
        {
            return true;
        }

        var flags = publicOnly ? PublicMembers : PublicMembers | BindingFlags.NonPublic;
        var first = rest[0];
        var nested = type.GetNestedTypes(publicOnly ? BindingFlags.Public : BindingFlags.Public | BindingFlags.NonPublic).Where(n => SimpleName(n) == first).ToArray();
        foreach (var n in nested)
        {
            if (Resolves(n, rest[1..], publicOnly))
            {
                return true;
            }
        }

        var members = type.GetMember(rest[0], flags);
        if (type.IsInterface)
        {
            members = [.. members, .. type.GetInterfaces().SelectMany(i => i.GetMember(first, flags))];
        }

        if (members.Length == 0)
        {
            return false;
        }

        if (rest.Length == 1)
        {
            return true;
        }

        // Type.Property.Member: follow the member's type (options objects: CollabOptions.Licences.TrustedKeys).
        foreach (var member in members)
        {
            var next = member switch { PropertyInfo p => p.PropertyType, FieldInfo f => f.FieldType, MethodInfo m => m.ReturnType, _ => null };
            if (next is not null && Resolves(next, rest[1..], publicOnly))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<(string File, string Span)> CodeSpans()
    {
        var root = RepositoryRoot();
        var files = Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Append(Path.Combine(root, "README.md"));
        foreach (var path in files)
        {
            var text = FencedBlock().Replace(File.ReadAllText(path), string.Empty);
            foreach (Match match in CodeSpan().Matches(text))
            {
                // `Type.Member(arguments)` and `AddCollab().AddX<T>()`: the name before the first call is what must exist.
                var span = match.Groups["name"].Value;
                if (FileName().IsMatch(match.Value))
                {
                    continue; // `SamplePolicies.cs`, `README.md`: a file, not a name
                }

                yield return (Path.GetRelativePath(root, path), span);
            }
        }
    }

    private static HashSet<string> SourceWords()
    {
        var root = RepositoryRoot();
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in new[] { "src", "tests", "samples", "benchmarks", ".ci" })
        {
            foreach (var path in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            {
                if (path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    || path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    || path.EndsWith(nameof(DocumentedNamesTests) + ".cs", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (Match word in Word().Matches(File.ReadAllText(path)))
                {
                    words.Add(word.Value);
                }
            }
        }

        return words;
    }

    private static Type[] PackageTypes() =>
    [
        .. new[] { typeof(CollabRefusalException).Assembly, typeof(CollabServiceCollectionExtensions).Assembly, typeof(CollabModelBuilderExtensions).Assembly, typeof(Collab.Mail.SmtpNotificationSender).Assembly, typeof(Collab.AspNetCore.CollabProblems).Assembly }
            .SelectMany(a => a.GetExportedTypes()),
    ];

    private static string SimpleName(Type type) => type.Name.IndexOf('`', StringComparison.Ordinal) is var tick and >= 0 ? type.Name[..tick] : type.Name;

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Collab.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Collab.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^`[A-Za-z0-9./-]+\.(cs|md|json|csproj|props|txt|sql|sh|yml|png)`$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    // A PascalCase dotted name, optionally followed by generic arguments or a call: `Type`, `Type.Member`, `Type.Member(…)`.
    [GeneratedRegex(@"`(?<name>[A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)*)(?:<[^`]*>)?(?:\([^`]*\))?(?:\.[^`]*)?`")]
    private static partial Regex CodeSpan();
}
