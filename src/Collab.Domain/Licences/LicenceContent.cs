using NodaTime;

namespace Collab.Licences;

/// <summary>Who a licence is issued to.</summary>
public enum LicenseeKind
{
    /// <summary>A client (klant); the id is a <see cref="ClientId"/>.</summary>
    Client = 1,

    /// <summary>An office (kantoor); the id is an <see cref="OfficeId"/>.</summary>
    Office = 2,
}

/// <summary>
/// What a licence says (LIC-3): who it is for, which administrations and modules it covers and for how long.
/// The issuer signs it with <see cref="LicenceSigner"/>; Collab reads it with <see cref="LicenceVerifier"/>.
/// </summary>
/// <param name="Serial">The issuer's serial number of this licence (1 to 64 characters).</param>
/// <param name="Issuer">The issuer's name, such as the vendor (1 to 200 characters).</param>
/// <param name="LicenseeKind">Client or office.</param>
/// <param name="LicenseeId">The client's or office's id.</param>
/// <param name="LicenseeName">The licensee's name as shown for review.</param>
/// <param name="Administrations">The administration numbers it covers (1 to 100, no duplicates).</param>
/// <param name="Modules">The modules it grants (0 to 50 names of 1 to 64 characters).</param>
/// <param name="ValidFrom">The first local day it is valid.</param>
/// <param name="ValidUntil">The last local day it is valid, inclusive.</param>
public sealed record LicenceContent(
    string Serial,
    string Issuer,
    LicenseeKind LicenseeKind,
    Guid LicenseeId,
    string LicenseeName,
    IReadOnlyList<AdministrationNumber> Administrations,
    IReadOnlyList<string> Modules,
    LocalDate ValidFrom,
    LocalDate ValidUntil)
{
    /// <summary>Whether the licence is valid on a local day.</summary>
    /// <param name="today">The day, in the office's time zone.</param>
    /// <returns>True from <see cref="ValidFrom"/> through <see cref="ValidUntil"/>.</returns>
    public bool IsValidOn(LocalDate today) => ValidFrom <= today && today <= ValidUntil;

    /// <summary>Two licences say the same when every field is equal (lists compared item by item).</summary>
    /// <param name="other">The other licence.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(LicenceContent? other) =>
        other is not null
        && Serial == other.Serial && Issuer == other.Issuer && LicenseeKind == other.LicenseeKind && LicenseeId == other.LicenseeId
        && LicenseeName == other.LicenseeName && Administrations.SequenceEqual(other.Administrations) && Modules.SequenceEqual(other.Modules)
        && ValidFrom == other.ValidFrom && ValidUntil == other.ValidUntil;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Serial, LicenseeId, ValidFrom, ValidUntil);
}

/// <summary>A licence file whose signature checked out against a trusted key.</summary>
/// <param name="Content">What it says.</param>
/// <param name="KeyId">The id of the trusted key that signed it.</param>
/// <param name="Fingerprint">SHA-256 of the file's bytes, lower-case hex: what the confirm step must name (LIC-3).</param>
public sealed record VerifiedLicence(LicenceContent Content, string KeyId, string Fingerprint);
