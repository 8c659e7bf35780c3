namespace Collab;

/// <summary>
/// The largest values Collab's aggregates accept, for store authors sizing their columns: a store that keeps at
/// least these lengths never truncates what the domain accepted.
/// </summary>
public static class CollabLimits
{
    /// <summary>Names and titles (office, client, company, administration, report, …): at most this many characters.</summary>
    public const int MaxNameLength = 200;

    /// <summary>E-mail addresses: at most this many characters (RFC 5321's path limit).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>A client's licence file kept with an administration (LIC-2): at most this many characters.</summary>
    public const int MaxStoredLicenceFileChars = 1024 * 1024;
}
