namespace Collab.Evidence;

/// <summary>
/// What a client decided about one revision of a deliverable, as a receipt anyone can check without Collab's database
/// (SHARE-18): the deliverable, the SHA-256 of every document decided on, who decided and how it signed in, the text it
/// agreed to, the instant and the audit row the decision became (AUD-2). Written as canonical JSON and signed with the
/// vendor's receipt key (<see cref="ReceiptSigner"/>); checked with <see cref="ReceiptVerifier"/>.
/// </summary>
/// <param name="Decision"><c>approved</c> or <c>rejected</c>.</param>
/// <param name="Deliverable">The deliverable decided on.</param>
/// <param name="Documents">The documents of the revision decided on, in file-name order.</param>
/// <param name="DecidedBy">Who decided, as the registry knew it at that moment (SEC-5, SEC-7).</param>
/// <param name="Authentication">How the host reports the user signed in (for example <c>password+totp</c>).</param>
/// <param name="Statement">The text the client agreed to, in its language.</param>
/// <param name="DecidedAt">When, in UTC and in the office's time zone.</param>
/// <param name="Audit">The audit row the decision became (AUD-2).</param>
/// <param name="KeyId">The id of the key that signed the receipt.</param>
/// <param name="Signature">ECDSA P-256 over SHA-256 of the canonical JSON without this field, IEEE P1363, base64url (as JWS ES256).</param>
public sealed record ApprovalReceipt(
    string Decision,
    ReceiptDeliverable Deliverable,
    IReadOnlyList<ReceiptDocument> Documents,
    ReceiptDecider DecidedBy,
    string Authentication,
    ReceiptStatement Statement,
    ReceiptInstant DecidedAt,
    ReceiptAuditRow Audit,
    string KeyId,
    string Signature)
{
    /// <summary>The format's name and version, the receipt's first field.</summary>
    public const string Format = "collab-receipt/1";

    /// <summary>The receipt as canonical JSON: fixed field order, UTF-8, no insignificant whitespace.</summary>
    /// <returns>The JSON bytes.</returns>
    public byte[] ToJson() => ReceiptJson.Write(this, withSignature: true);

    /// <summary>Reads a receipt written by <see cref="ToJson"/> (or the same JSON reformatted).</summary>
    /// <param name="json">The receipt's bytes.</param>
    /// <returns>The receipt.</returns>
    /// <exception cref="FormatException">The bytes are not a complete receipt; the message names the first missing field.</exception>
    public static ApprovalReceipt Parse(ReadOnlySpan<byte> json)
    {
        var (receipt, missing) = ReceiptJson.Read(json);
        return receipt is not null && missing.Count == 0 ? receipt
            : throw new FormatException(missing.Count == 0 ? "The receipt is not JSON." : $"The receipt lacks the field '{missing[0]}'.");
    }

    /// <inheritdoc />
    public bool Equals(ApprovalReceipt? other) =>
        other is not null && ReceiptJson.Write(this, true).AsSpan().SequenceEqual(ReceiptJson.Write(other, true));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Deliverable, Audit, Signature);
}

/// <summary>The deliverable a receipt is about.</summary>
/// <param name="Id">The deliverable's id.</param>
/// <param name="Kind">Its kind, such as <c>AnnualReport</c>.</param>
/// <param name="Title">Its title.</param>
/// <param name="Period">The reporting period, <c>yyyy-MM-dd/yyyy-MM-dd</c>.</param>
/// <param name="CompanyId">The company it is for.</param>
/// <param name="CompanyName">The company's name at that moment.</param>
/// <param name="OfficeId">The office that made it.</param>
/// <param name="Revision">The revision decided on.</param>
public sealed record ReceiptDeliverable(string Id, string Kind, string Title, string Period, string CompanyId, string CompanyName, string OfficeId, int Revision);

/// <summary>One document decided on.</summary>
/// <param name="Name">Its file name.</param>
/// <param name="Sha256">The SHA-256 of its content, lower-case hex.</param>
public sealed record ReceiptDocument(string Name, string Sha256);

/// <summary>Who decided, as the registry knew it at that moment.</summary>
/// <param name="UserId">The user's id.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Email">Its e-mail address.</param>
/// <param name="Home"><c>client</c>, or <c>office:</c> and the id of the office that homes it (SEC-5).</param>
/// <param name="InvitationAcceptedAt">When it accepted its invitation, UTC ISO 8601, or <c>platform</c> when the platform vouched for it (SEC-7).</param>
public sealed record ReceiptDecider(string UserId, string Name, string Email, string Home, string InvitationAcceptedAt);

/// <summary>The text the client agreed to.</summary>
/// <param name="Language">Its language, <c>nl</c> or <c>en</c>.</param>
/// <param name="Text">The text as shown.</param>
public sealed record ReceiptStatement(string Language, string Text);

/// <summary>The instant of a decision.</summary>
/// <param name="Utc">UTC, ISO 8601 with <c>Z</c>.</param>
/// <param name="Local">The office's local time with its offset, ISO 8601.</param>
/// <param name="TimeZone">The office's IANA time zone.</param>
public sealed record ReceiptInstant(string Utc, string Local, string TimeZone);

/// <summary>The audit row a decision became (AUD-2).</summary>
/// <param name="Chain">The chain the row is in, such as <c>office:…</c>.</param>
/// <param name="RowId">The row's id.</param>
public sealed record ReceiptAuditRow(string Chain, string RowId);
