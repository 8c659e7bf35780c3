using System.Security.Cryptography;

namespace Collab.Portal;

/// <summary>
/// Hands out a document's stored content while hashing it, and fails at the end when the content is not what was
/// stored (another SHA-256 or size), so a reader never takes altered content for the original.
/// </summary>
internal sealed class VerifyingStream(Stream inner, string sha256, long size, string name, string rule = "SHARE-7") : InspectingReadStream(inner)
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _read;
    private bool _verified;

    public override long Length => size;

    protected override void Inspect(ReadOnlySpan<byte> bytes)
    {
        _hash.AppendData(bytes);
        _read += bytes.Length;
        if ((bytes.Length == 0 || _read > size) && !_verified)
        {
            _verified = true;
            if (_read != size || Convert.ToHexStringLower(_hash.GetCurrentHash()) != sha256)
            {
                throw CollabRefusals.DocumentCorrupt(rule, name);
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
