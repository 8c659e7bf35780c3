using Collab.Persistence.EfCore;
using Collab.Registry;
using Collab.Storage;
using Collab.Tests.Transfers;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Tests.Infrastructure;

/// <summary>
/// A database on one engine with what backups, licences and retention need, registered as a vendor would:
/// a folder blob store, a real (folder) bookkeeping, and the test issuer's key trusted. Seeded with <see cref="World"/>.
/// </summary>
public sealed class BooksWorld : IAsyncDisposable
{
    private BooksWorld(TestDatabase db, FolderBookkeeping books, string blobRoot, World world, RecordingSender sender)
    {
        Sender = sender;
        Db = db;
        Books = books;
        BlobRoot = blobRoot;
        W = world;
    }

    public TestDatabase Db { get; }

    public FolderBookkeeping Books { get; }

    public string BlobRoot { get; }

    public World W { get; }

    public RecordingSender Sender { get; }

    /// <summary>Delivers the outbox and returns every notification sent so far.</summary>
    public async Task<List<Notification>> DeliveredAsync()
    {
        await Db.InScopeAsync(sp => sp.GetRequiredService<Notifications.IOutboxDispatcher>().DispatchAsync(1000));
        return [.. Sender.Sent];
    }

    public static async Task<BooksWorld> CreateAsync(Engine engine, PostgresServer? postgres, Action<CollabOptions>? options = null, Action<IServiceCollection>? services = null)
    {
        var books = new FolderBookkeeping();
        var sender = new RecordingSender();
        var blobRoot = Directory.CreateTempSubdirectory("collab-blobs-").FullName;
        var db = await TestDatabase.CreateAsync(engine, postgres, s =>
        {
            s.AddSingleton<IBookkeepingData>(books);
            s.AddSingleton<INotificationSender>(sender);
            new CollabBuilderForTests(s).AddFileSystemBlobStore(blobRoot);
            s.Configure<CollabOptions>(o =>
            {
                o.Licences.TrustedKeys.Add(LicenceKeys.Trusted.AsTrusted());
                options?.Invoke(o);
            });
            services?.Invoke(s);
        });
        var world = await World.SeedAsync(db);
        return new BooksWorld(db, books, blobRoot, world, sender);
    }

    public Task<T> Run<T>(Func<IServiceProvider, Task<T>> work) => Db.InScopeAsync(work);

    public Task Run(Func<IServiceProvider, Task> work) => Db.InScopeAsync(work);

    public Task<Administration?> FindAsync(AdministrationId id) =>
        Db.InScopeAsync(sp => sp.GetRequiredService<IAdministrationStore>().FindAdministrationAsync(id, CancellationToken.None));

    /// <summary>Where a backup's artefact lies in the blob store: the store's row knows, no reader's view does (SEC-6).</summary>
    public async Task<string> BackupBlobKeyAsync(BackupId id) =>
        (await Db.InScopeAsync(sp => sp.GetRequiredService<Collab.Backups.IBackupStore>().FindBackupAsync(id, CancellationToken.None)))!.BlobKey;

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        Books.Dispose();
        Directory.Delete(BlobRoot, recursive: true);
    }

    // AddCollab returns the builder; tests that add services afterwards get one the same way a vendor would.
    private sealed class CollabBuilderForTests(IServiceCollection services)
    {
        public CollabBuilder AddFileSystemBlobStore(string root) => services.AddCollab().AddFileSystemBlobStore(root);
    }
}
