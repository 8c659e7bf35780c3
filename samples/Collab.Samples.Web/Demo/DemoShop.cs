using System.Runtime.CompilerServices;
using Collab.Links;

namespace Collab.Samples.Web;

/// <summary>
/// An integration partner's web shop behind <see cref="IExternalApp"/>, and the bookkeeping's records behind
/// <see cref="IBookkeepingRecords"/> (LINK): in memory, with the idempotency both ports promise (a key used twice returns
/// the first result). Its customers are chosen so that matching shows every outcome: one by number, one new, two
/// candidates by name (ambiguous), and a number and a name that point at different customers (conflicting).
/// </summary>
internal sealed class DemoShop : IExternalApp
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(SyncEntityKind, string), SyncRecord> _records = [];
    private readonly Dictionary<string, string> _keys = [];
    private int _nextId;

    public DemoShop()
    {
        Books.Edit(SyncEntityKind.Customer, "b-bakker", "Bakker", "100");
        Books.Edit(SyncEntityKind.Customer, "b-jansen-200", "Jansen", "200");
        Books.Edit(SyncEntityKind.Customer, "b-jansen-300", "Jansen", "300");
        foreach (var customer in new[]
                 {
                     new SyncRecord(SyncEntityKind.Customer, "shop-bakker", 1, "Bakker B.V.", "100"),
                     new SyncRecord(SyncEntityKind.Customer, "shop-smit", 1, "Smit"),
                     new SyncRecord(SyncEntityKind.Customer, "shop-jansen", 1, "Jansen"),
                     new SyncRecord(SyncEntityKind.Customer, "shop-mix", 1, "Bakker", "200"),
                 })
        {
            _records[(customer.Kind, customer.Id)] = customer;
        }
    }

    public DemoRecords Books { get; } = new();

    public Task ConnectAsync(string app, string externalAdministration, CancellationToken cancellationToken) => Task.CompletedTask;

    public async IAsyncEnumerable<SyncRecord> ReadAllAsync(LinkContext link, SyncEntityKind kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<SyncRecord> records;
        lock (_gate)
        {
            records = _records.Values.Where(r => r.Kind == kind).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        }

        foreach (var record in records)
        {
            await Task.Yield();
            yield return record;
        }
    }

    public Task<string> ApplyAsync(LinkContext link, SyncRecord record, string? externalId, string idempotencyKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_keys.TryGetValue(idempotencyKey, out var done))
            {
                return Task.FromResult(done);
            }

            var id = externalId ?? $"shop-{++_nextId}";
            _keys[idempotencyKey] = id;
            _records[(record.Kind, id)] = record with { Id = id };
            return Task.FromResult(id);
        }
    }
}

/// <summary>The bookkeeping's customers and change feed, in memory.</summary>
internal sealed class DemoRecords : IBookkeepingRecords
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(SyncEntityKind, string), SyncRecord> _records = [];
    private readonly List<SyncRecord> _feed = [];
    private readonly Dictionary<string, string> _keys = [];
    private int _nextId;

    public IReadOnlyList<SyncRecord> All(SyncEntityKind kind)
    {
        lock (_gate)
        {
            return _records.Values.Where(r => r.Kind == kind).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        }
    }

    public SyncRecord Edit(SyncEntityKind kind, string? id, string name, string? number = null)
    {
        lock (_gate)
        {
            id ??= $"b{++_nextId}";
            var version = _records.TryGetValue((kind, id), out var old) ? old.Version + 1 : 1;
            var record = new SyncRecord(kind, id, version, name, number);
            _records[(kind, id)] = record;
            _feed.Add(record);
            return record;
        }
    }

    public Task<IReadOnlyList<SyncRecord>> ListAsync(AdministrationNumber administration, SyncEntityKind kind, CancellationToken cancellationToken) =>
        Task.FromResult(All(kind));

    public Task<string> UpsertAsync(AdministrationNumber administration, SyncRecord record, string? bookkeepingId, string idempotencyKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_keys.TryGetValue(idempotencyKey, out var done))
            {
                return Task.FromResult(done);
            }

            var id = bookkeepingId ?? $"b{++_nextId}";
            _keys[idempotencyKey] = id;
            _records[(record.Kind, id)] = record with { Id = id };
            _feed.Add(record with { Id = id });
            return Task.FromResult(id);
        }
    }

    public Task<string> CurrentCursorAsync(AdministrationNumber administration, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_feed.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public Task<ChangePage> ChangesSinceAsync(AdministrationNumber administration, string? cursor, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var from = cursor is null ? 0 : int.Parse(cursor, System.Globalization.CultureInfo.InvariantCulture);
            var page = _feed.Skip(from).Take(max).ToList();
            return Task.FromResult(new ChangePage(page, (from + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    public Task<string> CreateDocumentAsync(AdministrationNumber administration, OutgoingDocumentKind kind, OutgoingDocument document, string idempotencyKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_keys.TryGetValue(idempotencyKey, out var done))
            {
                return Task.FromResult(done);
            }

            var id = $"d{++_nextId}";
            _keys[idempotencyKey] = id;
            return Task.FromResult(id);
        }
    }
}
