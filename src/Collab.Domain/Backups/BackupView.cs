using NodaTime;

namespace Collab.Backups;

/// <summary>
/// A backup as its readers (the client's own users and the offices that reach the administration) see it (SEC-6): what it
/// holds, when and why it was made, and its artefact's fingerprint — never where the artefact lies in the vendor's blob
/// store. A copy taken at the read.
/// </summary>
/// <param name="Id">The backup's id; restore it with this.</param>
/// <param name="AdministrationId">The administration it was made of.</param>
/// <param name="AdministrationNumber">Its number; a restore recreates the administration with this number (LIC-7).</param>
/// <param name="AdministrationName">The administration's name at the time.</param>
/// <param name="ClientId">The client whose books these are.</param>
/// <param name="CompanyId">The company of that client.</param>
/// <param name="Purpose">Why it was made.</param>
/// <param name="Licence">Whose licence it carries: always the client's (LIC-4).</param>
/// <param name="MadeAt">When it was made.</param>
/// <param name="MadeBy">Who made it (the actor, as text).</param>
/// <param name="Sha256">SHA-256 of the whole artefact, lower-case hex: what a restore checks it against.</param>
/// <param name="SizeBytes">The artefact's size in bytes.</param>
public sealed record BackupView(
    BackupId Id, AdministrationId AdministrationId, AdministrationNumber AdministrationNumber, string AdministrationName, ClientId ClientId,
    CompanyId CompanyId, BackupPurpose Purpose, Registry.LicenceSource Licence, Instant MadeAt, string MadeBy, string Sha256, long SizeBytes)
{
    internal static BackupView Of(Backup backup) => new(
        backup.Id, backup.AdministrationId, backup.AdministrationNumber, backup.AdministrationName, backup.ClientId, backup.CompanyId, backup.Purpose,
        backup.Licence, backup.MadeAt, backup.MadeBy, backup.Sha256, backup.SizeBytes);
}
