using Collab.Backups;
using Collab.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Collab.Stores.Specification;

// IBackupStore: a backup by its id with what it recorded, an administration's backups newest first, and the latest
// one made since an instant (what the deletion pass asks before it deletes, ONB-6).
public abstract partial class StoreSpecification
{
    // R: ONB-5 — a backup keeps the administration's number, name and the hash of what was written.
    [Covers(typeof(IBackupStore), nameof(IBackupStore.FindBackupAsync), nameof(IBackupStore.ListBackupsAsync))]
    [Covers(typeof(ILifecycleStore), nameof(ILifecycleStore.LatestBackupSinceAsync))]
    [SkippableFact]
    public async Task Backups_are_found_by_id_and_listed_per_administration_newest_first()
    {
        var w = await SeedAsync();
        var administration = (await RegisterCustomerAsync(w)).Administration;
        Task<BackupView> BackUpAsync() => InScopeAsync(sp => sp.GetRequiredService<BackupService>().MakeBackupAsync(w.Desk, administration.Id));
        Task<T> Store<T>(Func<IBackupStore, Task<T>> read) => InScopeAsync(sp => read(sp.GetRequiredService<IBackupStore>()));

        var first = await BackUpAsync();
        Clock.AdvanceMinutes(5);
        var second = await BackUpAsync();

        Assert.Equal([second.Id, first.Id], (await Store(s => s.ListBackupsAsync(administration.Id))).Select(b => b.Id));
        Assert.Empty(await Store(s => s.ListBackupsAsync(w.Held.Id))); // another administration's
        var found = await Store(s => s.FindBackupAsync(first.Id));
        Assert.Equal((administration.Id, administration.Number, administration.Name, BackupPurpose.Backup, first.MadeAt, first.Sha256, first.SizeBytes),
            (found!.AdministrationId, found.AdministrationNumber, found.AdministrationName, found.Purpose, found.MadeAt, found.Sha256, found.SizeBytes));
        Assert.Null(await Store(s => s.FindBackupAsync(BackupId.New())));

        Task<Instant?> LatestSince(Instant since) => InScopeAsync(sp => sp.GetRequiredService<ILifecycleStore>().LatestBackupSinceAsync(administration.Id, since));
        Assert.Equal(second.MadeAt, await LatestSince(Instant.MinValue));
        Assert.Equal(second.MadeAt, await LatestSince(second.MadeAt)); // at counts
        Assert.Null(await LatestSince(second.MadeAt + Duration.FromTicks(10)));
        Assert.Null(await InScopeAsync(sp => sp.GetRequiredService<ILifecycleStore>().LatestBackupSinceAsync(w.Held.Id, Instant.MinValue)));
    }
}
