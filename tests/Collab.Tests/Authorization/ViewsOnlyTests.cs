using System.Reflection;
using Collab.Deliverables;
using Collab.Registry;
using Collab.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Collab.Tests.Authorization;

/// <summary>
/// SEC-6: a read hands a party a view made for it, never the aggregate itself. Every public method of every public service
/// in Collab.Domain — the classes with a method that takes an <see cref="ActingParty"/>, and the anonymous entries on them
/// (the one-time link, the portal's public branding, the external app's push) — returns no type that is, or contains, an
/// aggregate. "Aggregate" is whatever Collab's EF model maps as an entity, so an entity mapped tomorrow is covered today.
/// </summary>
public sealed class ViewsOnlyTests
{
    /// <summary>
    /// Return types that may carry a mapped type on purpose, each with its reason. Empty: every public service method
    /// returns views (SEC-6).
    /// </summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal);

    private static readonly Assembly Domain = typeof(CollabRegistry).Assembly;

    /// <summary>
    /// The CLR types of every entity of Collab's in the EF model the tests use (SQLite; no connection is opened), owned ones
    /// included — except owned immutable records (a question of a batch, a questionnaire's entry and answer, a transfer's bank
    /// link): they are values, copied whole into the view, with no identity, hash or secret of their own to leak.
    /// </summary>
    internal static HashSet<Type> Aggregates()
    {
        using var context = new VendorDbContext(new DbContextOptionsBuilder<VendorDbContext>().UseSqlite("Data Source=:memory:").Options);
        return [.. context.Model.GetEntityTypes()
            .Where(e => !(e.IsOwned() && IsImmutableRecord(e.ClrType)))
            .Select(e => e.ClrType)
            .Where(t => t.Assembly == Domain || t.Assembly == typeof(CollabRefusalException).Assembly)];
    }

    /// <summary>A record (it has the compiler's clone method) whose public properties cannot be set after construction.</summary>
    private static bool IsImmutableRecord(Type type) =>
        type.GetMethod("<Clone>$") is not null
        && type.GetProperties(BindingFlags.Public | BindingFlags.Instance).All(p => p.SetMethod is null || p.SetMethod.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)));

    /// <summary>
    /// The public services: public classes of Collab.Domain with a public method that takes an acting party. Records that carry a
    /// party (a policy's <see cref="AuthorizationRequest"/>) are messages to a vendor's hook, not reads.
    /// </summary>
    internal static IEnumerable<Type> Services() => Domain.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.GetMethod("<Clone>$") is null
        && t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Any(m => m.GetParameters().Any(p => p.ParameterType == typeof(ActingParty))));

    [Fact]
    public void The_model_maps_the_aggregates_this_test_looks_for()
    {
        // The oracle itself must not be empty: a model that lost its entities would pass every service.
        var aggregates = Aggregates();
        Assert.Contains(typeof(Deliverable), aggregates);
        Assert.Contains(typeof(Client), aggregates);
        Assert.Contains(typeof(CollabUser), aggregates);
        Assert.True(Services().Count() >= 15, string.Join(", ", Services().Select(s => s.Name)));
    }

    [Fact]
    public void No_public_service_method_returns_an_aggregate_SEC_6()
    {
        var aggregates = Aggregates();
        var offenders = new List<string>();
        foreach (var service in Services().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            foreach (var method in service.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                         .Where(m => !m.IsSpecialName).OrderBy(m => m.Name, StringComparer.Ordinal))
            {
                var found = new List<Type>();
                Walk(method.ReturnType, aggregates, [], found);
                var name = $"{service.Name}.{method.Name}";
                if (found.Count > 0 && !Allowed.ContainsKey(name))
                {
                    offenders.Add($"{name} returns {string.Join(", ", found.Distinct().Select(t => t.Name))}");
                }
            }
        }

        Assert.True(offenders.Count == 0, $"SEC-6: {offenders.Count} public service methods hand back aggregates:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void No_view_a_service_returns_has_a_member_for_a_secret_or_a_storage_detail_SEC_6()
    {
        // What no reader gets, whoever it is: where content lies in the vendor's blob store, a client's licence file (LIC-2),
        // a link's read position in the app (LINK-6), an invitation's or a token's hash (SEC-7, SHARE-1).
        string[] forbidden = ["BlobKey", "ClientLicenceFile", "Cursor", "InvitationHash", "TokenHash", "Secret"];
        var offenders = new List<string>();
        foreach (var method in Services().SelectMany(s => s.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)))
        {
            foreach (var type in Reachable(method.ReturnType))
            {
                offenders.AddRange(type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => forbidden.Any(f => p.Name.Contains(f, StringComparison.Ordinal)))
                    .Select(p => $"{method.DeclaringType!.Name}.{method.Name}: {type.Name}.{p.Name}"));
            }
        }

        Assert.Empty(offenders.Distinct());
    }

    [Fact]
    public void Reads_where_readers_differ_have_a_view_without_the_office_only_members()
    {
        // SEC-6, SHARE-10: the client's and the public page's house style has no reminder templates; the office's editor has them.
        Assert.DoesNotContain(typeof(Collab.Portal.PortalBranding).GetProperties(), p => p.Name.Contains("Reminder", StringComparison.Ordinal));
        Assert.Contains(typeof(Collab.Portal.HouseStyleView).GetProperties(), p => p.Name == nameof(Collab.Portal.HouseStyleView.ReminderText));
        Assert.Equal(typeof(Task<Collab.Portal.PortalBranding?>), typeof(Collab.Portal.PortalService).GetMethod(nameof(Collab.Portal.PortalService.FindBySlugAsync))!.ReturnType);
        Assert.Equal(typeof(Task<Collab.Portal.PortalBranding?>), typeof(Collab.Portal.PortalService).GetMethod(nameof(Collab.Portal.PortalService.HouseStyleForClientAsync))!.ReturnType);
    }

    /// <summary>Collab's own types reachable from a return type, through the same wrappers <see cref="Walk"/> sees through.</summary>
    private static IEnumerable<Type> Reachable(Type root)
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>([root]);
        while (queue.TryDequeue(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            if (type.IsArray)
            {
                queue.Enqueue(type.GetElementType()!);
                continue;
            }

            foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
            {
                queue.Enqueue(argument);
            }

            if (type.Namespace?.StartsWith("Collab", StringComparison.Ordinal) == true && !type.IsEnum)
            {
                yield return type;
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    queue.Enqueue(property.PropertyType);
                }
            }
        }
    }

    [Fact]
    public void The_walk_finds_an_aggregate_however_deep_it_is_wrapped()
    {
        // The detector must see through every wrapper a method could hide an aggregate in, else the test above cannot fail.
        var aggregates = Aggregates();
        foreach (var wrapped in new[]
                 {
                     typeof(Task<Client>), typeof(ValueTask<Client?>), typeof(Task<IReadOnlyList<Client>>), typeof(Task<Client[]>),
                     typeof(Task<(int Count, Client Client)>), typeof(Task<Dictionary<ClientId, List<Client>>>), typeof(Task<Holder>),
                     typeof(IAsyncEnumerable<Holder>),
                 })
        {
            var found = new List<Type>();
            Walk(wrapped, aggregates, [], found);
            Assert.True(found.Contains(typeof(Client)), wrapped.ToString());
        }

        var none = new List<Type>();
        Walk(typeof(Task<IReadOnlyList<Registry.UserView>>), aggregates, [], none);
        Assert.Empty(none);
    }

    /// <summary>A made-up page type with an aggregate one property deep.</summary>
    private sealed record Holder(IReadOnlyList<(Client Client, int N)> Rows);

    /// <summary>Collects every mapped type reachable from <paramref name="type"/>: generic arguments, array elements, and the public properties of Collab's own types.</summary>
    internal static void Walk(Type type, HashSet<Type> aggregates, HashSet<Type> seen, List<Type> found)
    {
        if (!seen.Add(type))
        {
            return;
        }

        if (aggregates.Contains(type))
        {
            found.Add(type);
            return;
        }

        if (type.IsArray || type.IsByRef || type.IsPointer)
        {
            Walk(type.GetElementType()!, aggregates, seen, found);
            return;
        }

        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Walk(argument, aggregates, seen, found);
            }
        }

        if (type.Namespace?.StartsWith("Collab", StringComparison.Ordinal) == true && !type.IsEnum && !type.IsPrimitive)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                Walk(property.PropertyType, aggregates, seen, found);
            }

            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
            {
                Walk(field.FieldType, aggregates, seen, found);
            }
        }
    }
}
