using System.Reflection;
using Collab.Stores.Specification;
using Xunit.Abstractions;

namespace Collab.Tests.Persistence;

/// <summary>
/// Every member of every store port has a contract in the store specification: a test there that says
/// <see cref="CoversAttribute"/> for it. A port added to Collab (any public <c>I…Store</c>, or one of the ports named
/// below) fails here until the specification covers each of its members.
/// </summary>
public sealed class StoreSpecificationCoverageTests(ITestOutputHelper output)
{
    // Ports a store package implements whose names do not end in "Store".
    private static readonly Type[] OtherPorts = [typeof(IAuditTrail), typeof(ICollabUnitOfWork), typeof(Notifications.IOutboxDispatcher)];

    // Not a store of records: files, which the specification replaces with an in-memory stand-in (OutsideSystems) so it
    // can test the record stores alone. A file store's promises (write, read back, delete) are IBlobStore's own docs.
    private static readonly Type[] OutsideTheStoreSpecification = [typeof(Storage.IBlobStore)];

    private static readonly Assembly[] CollabAssemblies =
    [
        typeof(CollabRefusalException).Assembly, typeof(Storage.IBlobStore).Assembly, typeof(CollabBuilder).Assembly, typeof(Collab.Persistence.EfCore.CollabDatabase).Assembly,
        typeof(AspNetCore.CollabJson).Assembly, typeof(Mail.CollabMailOptions).Assembly,
    ];

    private static IEnumerable<Type> Ports() => CollabAssemblies.Distinct().SelectMany(a => a.GetExportedTypes())
        .Where(t => t.IsInterface && t.Name.StartsWith('I') && t.Name.EndsWith("Store", StringComparison.Ordinal))
        .Concat(OtherPorts).Distinct().OrderBy(t => t.Name, StringComparer.Ordinal);

    private static IEnumerable<string> Members(Type port) =>
        port.GetMethods().Where(m => !m.IsSpecialName).Select(m => m.Name).Distinct().Order(StringComparer.Ordinal);

    private static ILookup<Type, string> Covered() => typeof(StoreSpecification).GetMethods()
        .SelectMany(m => m.GetCustomAttributes<CoversAttribute>())
        .SelectMany(c => c.Members.Select(member => (c.Port, member)))
        .ToLookup(c => c.Port, c => c.member);

    [Fact]
    public void Every_member_of_every_store_port_has_a_contract_in_the_store_specification()
    {
        var covered = Covered();
        var missing = new List<string>();
        foreach (var port in Ports())
        {
            var members = Members(port).ToList();
            var done = members.Where(m => covered[port].Contains(m)).ToList();
            var state = OutsideTheStoreSpecification.Contains(port) ? " (files: outside the specification)" : string.Empty;
            output.WriteLine($"{port.Name}: {done.Count}/{members.Count}{state}");
            if (state.Length == 0)
            {
                missing.AddRange(members.Except(done).Select(m => $"{port.Name}.{m}"));
            }
        }

        Assert.True(missing.Count == 0, "No contract in tests/Collab.Stores.Specification for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Covers_names_members_of_store_ports_and_the_exception_lists_name_ports()
    {
        var ports = Ports().ToHashSet();
        foreach (var group in Covered())
        {
            Assert.Contains(group.Key, ports);
            Assert.Empty(group.Except(Members(group.Key)));
        }

        Assert.All(OutsideTheStoreSpecification, p => Assert.Contains(p, ports));
    }
}
