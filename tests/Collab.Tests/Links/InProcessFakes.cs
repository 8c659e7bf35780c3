using System.Runtime.CompilerServices;
using Collab.Links;

namespace Collab.Tests.Links;

/// <summary>
/// An in-process stand-in for a bookkeeping's records behind <see cref="IBookkeepingRecords"/>: records per kind,
/// a change feed with a cursor, documents, and the idempotency contract (a key used twice returns the first result).
/// </summary>
public sealed class InProcessBookkeeping : IBookkeepingRecords
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(SyncEntityKind, string), SyncRecord> _records = [];
    private readonly List<SyncRecord> _feed = [];
    private readonly Dictionary<string, string> _keys = [];
    private int _nextId;

    public List<(OutgoingDocumentKind Kind, OutgoingDocument Document, string Id)> Documents { get; } = [];

    /// <summary>When set, the upsert after this many more succeeds fails, as a dropped connection would.</summary>
    public int? FailUpsertAfter { get; set; }

    public IReadOnlyList<SyncRecord> All(SyncEntityKind kind)
    {
        lock (_gate)
        {
            return _records.Values.Where(r => r.Kind == kind).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>A change made by a bookkeeper in the bookkeeping itself.</summary>
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

            if (FailUpsertAfter is { } left)
            {
                if (left == 0)
                {
                    FailUpsertAfter = null;
                    throw new IOException("connection to the bookkeeping dropped");
                }

                FailUpsertAfter = left - 1;
            }

            var id = bookkeepingId ?? $"b{++_nextId}";
            _keys[idempotencyKey] = id;
            Edit(record.Kind, id, record.Name, record.Number);
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
            Documents.Add((kind, document, id));
            return Task.FromResult(id);
        }
    }
}

/// <summary>An in-process stand-in for an external app's API behind <see cref="IExternalApp"/>, with the same idempotency contract.</summary>
public sealed class InProcessApp : IExternalApp
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(SyncEntityKind, string), SyncRecord> _records = [];
    private readonly Dictionary<string, string> _keys = [];
    private int _nextId;

    public List<SyncRecord> Received { get; } = [];

    public bool RefuseSignIn { get; set; }

    public int Connects { get; private set; }

    public void Add(SyncRecord record)
    {
        lock (_gate)
        {
            _records[(record.Kind, record.Id)] = record;
        }
    }

    public Task ConnectAsync(string app, string externalAdministration, CancellationToken cancellationToken)
    {
        Connects++;
        return RefuseSignIn ? throw new UnauthorizedAccessException("sign-in refused by the app") : Task.CompletedTask;
    }

    public async IAsyncEnumerable<SyncRecord> ReadAllAsync(LinkContext link, SyncEntityKind kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<SyncRecord> records;
        lock (_gate)
        {
            records = _records.Values.Where(r => r.Kind == kind).ToList();
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

            var id = externalId ?? $"a{++_nextId}";
            _keys[idempotencyKey] = id;
            _records[(record.Kind, id)] = record with { Id = id };
            Received.Add(record);
            return Task.FromResult(id);
        }
    }
}
