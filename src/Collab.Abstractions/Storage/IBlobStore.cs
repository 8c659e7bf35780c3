namespace Collab.Storage;

/// <summary>
/// Where Collab keeps artefacts too large for a database row, such as backups (ONB-5, LIC-4). The vendor
/// implements it on its own storage (a blob container, a file share); Collab.Persistence.EfCore ships a
/// file-system implementation, <c>FileSystemBlobStore</c>.
/// </summary>
/// <remarks>
/// Keys are Collab-generated: lower-case letters, digits, '-', '.' and '/', at most 200 characters.
/// Collab writes a key once and never overwrites it.
/// </remarks>
public interface IBlobStore
{
    /// <summary>
    /// Stores <paramref name="content"/> under <paramref name="key"/>. Must be all-or-nothing: when it throws or is
    /// cancelled, no blob (or a partial one) may remain visible under the key.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="content">The bytes, read to the end.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the blob is durably stored.</returns>
    Task WriteAsync(string key, Stream content, CancellationToken cancellationToken);

    /// <summary>Opens a stored blob for reading.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>A readable stream the caller disposes, or null when nothing is stored under the key.</returns>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes a blob; removing a missing blob is not an error.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <returns>A task that completes when the blob is gone.</returns>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

/// <summary>
/// The books themselves: Collab decides who may do what with an administration, the vendor's bookkeeping keeps
/// its journal entries. Collab calls this port to put the books in a backup, restore or copy them, and erase
/// them on deletion (ONB-5, ONB-6, LIC-4, LIC-6, LIC-7, RET-2).
/// </summary>
public interface IBookkeepingData
{
    /// <summary>Writes the administration's books to <paramref name="destination"/> in the vendor's own format.</summary>
    /// <param name="number">The administration.</param>
    /// <param name="destination">Where to write; Collab checksums and stores it.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>A task that completes when everything is written.</returns>
    Task ExportAsync(AdministrationNumber number, Stream destination, CancellationToken cancellationToken);

    /// <summary>
    /// Loads books exported by <see cref="ExportAsync"/> into the administration with this number. Collab
    /// calls it only after verifying the backup's checksum, and only for a number that has no live administration;
    /// the loaded books replace whatever the number held.
    /// </summary>
    /// <param name="number">The administration to load into.</param>
    /// <param name="source">The exported bytes.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>A task that completes when the books are loaded.</returns>
    Task ImportAsync(AdministrationNumber number, Stream source, CancellationToken cancellationToken);

    /// <summary>
    /// Erases the administration's books. Must be idempotent: Collab calls it again if a deletion pass was
    /// interrupted after erasing but before recording the deletion.
    /// </summary>
    /// <param name="number">The administration.</param>
    /// <param name="cancellationToken">Cancels the erasure.</param>
    /// <returns>A task that completes when the books are gone.</returns>
    Task EraseAsync(AdministrationNumber number, CancellationToken cancellationToken);

    /// <summary>What the retention policy needs to know about the books (RET-2).</summary>
    /// <param name="number">The administration.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The summary.</returns>
    Task<BooksSummary> DescribeAsync(AdministrationNumber number, CancellationToken cancellationToken);
}

/// <summary>What the books hold, as far as retention (art. 52 AWR) is concerned.</summary>
/// <param name="LastFinancialYearEnd">The last day of the latest financial year with entries; null when the books are empty.</param>
/// <param name="HoldsImmovablePropertyData">Whether the books hold data about immovable property (kept 10 years instead of 7).</param>
public sealed record BooksSummary(NodaTime.LocalDate? LastFinancialYearEnd, bool HoldsImmovablePropertyData);
