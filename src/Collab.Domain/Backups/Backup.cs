using NodaTime;

namespace Collab.Backups;

/// <summary>Why a backup was made.</summary>
public enum BackupPurpose
{
    /// <summary>An ordinary backup (LIC-4), for example one the client takes when offered before deletion (RET-2).</summary>
    Backup = 1,

    /// <summary>The office keeps the data while collaboration stops; making it released the online administration (ONB-5).</summary>
    StopCollaboration = 2,
}

/// <summary>
/// A backup of an administration: a verified artefact in the vendor's <see cref="Storage.IBlobStore"/> holding a
/// manifest, the client's licence (LIC-4) and the books, with the artefact's SHA-256 kept here so a restore can
/// prove it reads exactly what was written.
/// </summary>
public sealed class Backup : AggregateRoot
{
    private Backup()
    {
        AdministrationName = string.Empty;
        BlobKey = string.Empty;
        Sha256 = string.Empty;
        MadeBy = string.Empty;
    }

    /// <summary>The backup's id.</summary>
    public BackupId Id { get; private set; }

    /// <summary>The administration it was made of.</summary>
    public AdministrationId AdministrationId { get; private set; }

    /// <summary>Its number; a restore recreates the administration with this number (LIC-7).</summary>
    public AdministrationNumber AdministrationNumber { get; private set; }

    /// <summary>Its name at the time.</summary>
    public string AdministrationName { get; private set; }

    /// <summary>The client whose books these are.</summary>
    public ClientId ClientId { get; private set; }

    /// <summary>The company of that client.</summary>
    public CompanyId CompanyId { get; private set; }

    /// <summary>Why it was made.</summary>
    public BackupPurpose Purpose { get; private set; }

    /// <summary>Whose licence it carries: always the client's (LIC-4).</summary>
    public Registry.LicenceSource Licence { get; private set; }

    /// <summary>When it was made.</summary>
    public Instant MadeAt { get; private set; }

    /// <summary>Who made it (the actor, as text).</summary>
    public string MadeBy { get; private set; }

    /// <summary>Where the artefact is in the blob store.</summary>
    public string BlobKey { get; private set; }

    /// <summary>SHA-256 of the whole artefact, lower-case hex.</summary>
    public string Sha256 { get; private set; }

    /// <summary>The artefact's size in bytes.</summary>
    public long SizeBytes { get; private set; }

    internal static Backup Record(BackupId id, Registry.Administration administration, BackupPurpose purpose, string blobKey, string sha256, long size, Actor actor, Instant now)
    {
        var backup = new Backup
        {
            Id = id,
            AdministrationId = administration.Id,
            AdministrationNumber = administration.Number,
            AdministrationName = administration.Name,
            ClientId = administration.ClientId,
            CompanyId = administration.CompanyId,
            Purpose = purpose,
            Licence = administration.Licence,
            MadeAt = now,
            MadeBy = actor.ToString(),
            BlobKey = blobKey,
            Sha256 = sha256,
            SizeBytes = size,
        };
        backup.Raise(new Registry.RegistryChanged(now, actor, AuditAction.BackupMade, AuditSubject.Administration(administration.Id),
            $"backup={id};purpose={purpose};licence={administration.Licence};sha256={sha256};bytes={size}"));
        return backup;
    }
}
