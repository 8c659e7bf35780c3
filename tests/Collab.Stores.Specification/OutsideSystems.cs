using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Collab.Links;
using Collab.Storage;

namespace Collab.Stores.Specification;

/// <summary>
/// The systems beside the stores that links and backups call (the app, the bookkeeping, the file store), kept in
/// memory: the specification needs their answers, not their behaviour, so they do the least that is consistent.
/// </summary>
public sealed class OutsideSystems : IExternalApp, IBookkeepingRecords, IBookkeepingData, IBlobStore
{
    private readonly ConcurrentDictionary<(SyncEntityKind Kind, string Id), SyncRecord> _app = new();
    private readonly ConcurrentDictionary<(SyncEntityKind Kind, string Id), SyncRecord> _books = new();
    private readonly ConcurrentDictionary<string, string> _done = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);
    private int _next;

    /// <summary>Puts a record in the app, as its user would.</summary>
    /// <param name="record">The record.</param>
    public void AddToApp(SyncRecord record) => _app[(record.Kind, record.Id)] = record;

    /// <summary>Puts a record in the bookkeeping, as its user would.</summary>
    /// <param name="record">The record.</param>
    public void AddToBooks(SyncRecord record) => _books[(record.Kind, record.Id)] = record;

    /// <inheritdoc />
    public Task ConnectAsync(string app, string externalAdministration, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async IAsyncEnumerable<SyncRecord> ReadAllAsync(LinkContext link, SyncEntityKind kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var record in _app.Values.Where(r => r.Kind == kind).OrderBy(r => r.Id, StringComparer.Ordinal).ToList())
        {
            await Task.Yield();
            yield return record;
        }
    }

    /// <inheritdoc />
    public Task<string> ApplyAsync(LinkContext link, SyncRecord record, string? externalId, string idempotencyKey, CancellationToken cancellationToken) =>
        Task.FromResult(_done.GetOrAdd(idempotencyKey, _ => externalId ?? $"a{Interlocked.Increment(ref _next)}"));

    /// <inheritdoc />
    public Task<IReadOnlyList<SyncRecord>> ListAsync(AdministrationNumber administration, SyncEntityKind kind, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SyncRecord>>(_books.Values.Where(r => r.Kind == kind).OrderBy(r => r.Id, StringComparer.Ordinal).ToList());

    /// <inheritdoc />
    public Task<string> UpsertAsync(AdministrationNumber administration, SyncRecord record, string? bookkeepingId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var id = _done.GetOrAdd(idempotencyKey, _ => bookkeepingId ?? $"b{Interlocked.Increment(ref _next)}");
        _books[(record.Kind, id)] = record with { Id = id };
        return Task.FromResult(id);
    }

    /// <inheritdoc />
    public Task<string> CurrentCursorAsync(AdministrationNumber administration, CancellationToken cancellationToken) => Task.FromResult("0");

    /// <inheritdoc />
    public Task<ChangePage> ChangesSinceAsync(AdministrationNumber administration, string? cursor, int max, CancellationToken cancellationToken) =>
        Task.FromResult(new ChangePage([], cursor ?? "0"));

    /// <inheritdoc />
    public Task<string> CreateDocumentAsync(AdministrationNumber administration, OutgoingDocumentKind kind, OutgoingDocument document, string idempotencyKey, CancellationToken cancellationToken) =>
        Task.FromResult(_done.GetOrAdd(idempotencyKey, _ => $"d{Interlocked.Increment(ref _next)}"));

    /// <inheritdoc />
    public async Task ExportAsync(AdministrationNumber number, Stream destination, CancellationToken cancellationToken) =>
        await destination.WriteAsync(System.Text.Encoding.UTF8.GetBytes($"journal of {number}"), cancellationToken);

    /// <inheritdoc />
    public Task ImportAsync(AdministrationNumber number, Stream source, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task EraseAsync(AdministrationNumber number, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<BooksSummary> DescribeAsync(AdministrationNumber number, CancellationToken cancellationToken) => Task.FromResult(new BooksSummary(null, false));

    /// <inheritdoc />
    public async Task WriteAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        _blobs[key] = copy.ToArray();
    }

    /// <inheritdoc />
    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult<Stream?>(_blobs.TryGetValue(key, out var bytes) ? new MemoryStream(bytes, writable: false) : null);

    /// <inheritdoc />
    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        _blobs.TryRemove(key, out _);
        return Task.CompletedTask;
    }
}
